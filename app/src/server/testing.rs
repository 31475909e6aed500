//! Test support: the real migrations on in-memory SQLite and, when it answers, on PostgreSQL.
use super::db;
use super::services::{bootstrap, mail, Actor};
use super::Config;
use crate::dto::{Environment, OrgKind, Role};
use crate::server::entities::user;
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait,
    QueryFilter,
};
use std::future::Future;
use std::time::Duration;

/// The configuration services see in tests.
pub fn config() -> Config {
    Config {
        env: Environment::Test,
        public_url: "http://portico.test".into(),
        dev_mailbox: true,
        secret_key: crate::server::secrets::SecretKey::new(
            "test key: at least thirty-two bytes long",
        ),
        push_allow: crate::server::push::address::AllowList::parse("127.0.0.1/32").unwrap(),
        api_rate_limit: 10_000,
        trusted_proxies: Default::default(),
    }
}

/// A fresh in-memory SQLite database with every migration applied.
pub async fn sqlite() -> DatabaseConnection {
    let conn = db::connect("sqlite::memory:").await.expect("open sqlite");
    db::migrate(&conn).await.expect("migrate sqlite");
    conn
}

fn pg_url() -> String {
    std::env::var("PORTICO_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A fresh schema in the test PostgreSQL database with every migration applied, or `None`
/// (with a message) when no PostgreSQL answers.
pub async fn postgres() -> Option<(DatabaseConnection, String)> {
    let url = pg_url();
    let admin =
        match tokio::time::timeout(Duration::from_secs(3), Database::connect(url.clone())).await {
            Ok(Ok(c)) => c,
            _ => {
                eprintln!(
                "PostgreSQL is not reachable at {url}: skipping the PostgreSQL run of this test"
            );
                return None;
            }
        };
    let schema = format!(
        "portico_test_{}",
        crate::server::secrets::new_token()
            .to_lowercase()
            .replace(['-', '_'], "")[..16]
            .to_owned()
    );
    admin
        .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("create schema");
    let mut opts = ConnectOptions::new(url);
    opts.set_schema_search_path(schema.clone())
        .max_connections(5)
        .sqlx_logging(false);
    let conn = Database::connect(opts).await.expect("connect postgres");
    db::migrate(&conn).await.expect("migrate postgres");
    Some((conn, schema))
}

/// Runs `test` on SQLite, then on PostgreSQL when it answers (dropping its schema after).
pub async fn each_db<F, Fut>(test: F)
where
    F: Fn(DatabaseConnection) -> Fut,
    Fut: Future<Output = ()>,
{
    test(sqlite().await).await;
    if let Some((conn, schema)) = postgres().await {
        test(conn.clone()).await;
        conn.execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE"))
            .await
            .expect("drop schema");
    }
}

/// An organization with one member in `role`; returns the organization ID and that member.
pub async fn org_with_member(
    db: &DatabaseConnection,
    kind: OrgKind,
    name: &str,
    email: &str,
    role: Role,
) -> (i32, Actor) {
    let org = bootstrap::ensure_organization(db, kind, name, None)
        .await
        .unwrap();
    bootstrap::ensure_member(db, org.id, email, "", role)
        .await
        .unwrap();
    (org.id, actor(db, email).await)
}

/// The actor for an existing user.
pub async fn actor(db: &DatabaseConnection, email: &str) -> Actor {
    let u = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .expect("user exists");
    Actor::user(u.id, &u.email, Some("127.0.0.1".into()))
}

/// The token of the newest link mailed to `to`, or `None` when there is no such mail.
pub async fn last_mailed_token(db: &DatabaseConnection, to: &str) -> Option<String> {
    let mails = mail::recent(db, 100).await.unwrap();
    let m = mails.into_iter().find(|m| m.to_address == to)?;
    mail::links_in(&m.text_body)
        .into_iter()
        .find_map(|l| l.split_once("token=").map(|(_, t)| t.to_owned()))
}
