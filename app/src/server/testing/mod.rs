//! The one test fixture, for the services' tests and the server crate's HTTP tests: the real
//! migrations on in-memory SQLite and, when it answers, on PostgreSQL; the test configuration;
//! the test catalog; and the common world of a partner, a customer and an activated product.
//! (It is compiled with `ssr` so that `server/tests` can use it; nothing else calls it.)
mod orders;
pub use orders::{new_order, order_product, post_order};

use super::db;
use super::scope::Actor;
use super::{mail, Config};
use crate::features::accounts::service::{auth, bootstrap};
use crate::features::activations::service::activation;
use crate::features::catalog;
use crate::features::products::dto::{GrantChange, GrantFilters};
use crate::features::products::service::{grants, products, versions};
use crate::glossary::{Environment, OrgKind, Role, VersionState};
use crate::server::entities::{installation, product_version, user};
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait,
    QueryFilter,
};
use std::future::Future;
use std::time::Duration;

/// The configuration services see in tests, in the `test` environment.
pub fn config() -> Config {
    config_for(Environment::Test)
}

/// The test configuration in `env`: the dev mailbox outside production, receivers on
/// 127.0.0.1 allowed.
pub fn config_for(env: Environment) -> Config {
    Config {
        env,
        public_url: "http://127.0.0.1:3000".into(),
        dev_mailbox: env != Environment::Production,
        secret_key: super::secrets::SecretKey::new("test key: at least thirty-two bytes long"),
        push_allow: super::net::address::AllowList::parse("127.0.0.1/32").unwrap(),
        api_rate_limit: 10_000,
        trusted_proxies: Default::default(),
        sign_in_limits: Default::default(),
        session_max_age: chrono::Duration::days(30),
        default_lang: crate::i18n::Lang::En,
        time_zone: chrono_tz::Europe::Oslo,
        order_grace: chrono::Duration::days(30),
    }
}

/// The test catalog: estates (read, of one estate, with filters and push; list), contacts and
/// bids.
pub const CATALOG: &str = r#"{"functions": [
  {"key": "estates.read", "name": "Read estate", "area": "Estates", "method": "GET", "path": "/estates/{id}",
   "object_type": "estate",
   "push": {"event_types": ["estate.changed", "estate.updated", "estate.sold"]},
   "filters": [{"key": "status", "label": "Estate status", "values": ["for_sale", "sold"]},
               {"key": "department_ids", "label": "Only departments", "free_text": true}]},
  {"key": "estates.list", "name": "List estates", "area": "Estates", "method": "GET", "path": "/estates"},
  {"key": "contacts.read", "name": "Read contact", "area": "Contacts", "method": "GET", "path": "/contacts/{id}"},
  {"key": "bids.read", "name": "Read bid", "area": "Bids", "method": "GET", "path": "/bids/{id}",
   "push": {"event_types": ["bid.received"]}}
]}"#;

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

/// Installs pg_trgm once in `public`, before any test schema exists: installed by a test's own
/// migration it would live in that test's schema, and dropping the schema would take every other
/// test's trigram indexes with it. Without pg_trgm the search index migration skips its indexes.
async fn shared_extensions(admin: &DatabaseConnection) {
    static DONE: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    DONE.get_or_init(|| async {
        admin
            .execute_unprepared(
                "DO $$ BEGIN \
                 IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN \
                   CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; \
                 END IF; \
                 EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm: %', SQLERRM; \
                 END $$",
            )
            .await
            .expect("install pg_trgm");
    })
    .await;
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
    shared_extensions(&admin).await;
    let schema = format!(
        "portico_test_{}",
        super::secrets::new_token()
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

/// Runs `test` on a fresh SQLite database in a file (WAL and a pool of connections, as the
/// server runs it, so writers really run at once), then on PostgreSQL when it answers: for
/// tests of concurrent writers, which `:memory:` (one connection) cannot show.
pub async fn each_writer_db<F, Fut>(test: F)
where
    F: Fn(DatabaseConnection) -> Fut,
    Fut: Future<Output = ()>,
{
    let path = std::env::temp_dir().join(format!(
        "portico-test-{}.db",
        super::secrets::new_token().replace(['-', '_'], "")
    ));
    let conn = db::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .expect("open the sqlite file");
    db::migrate(&conn).await.expect("migrate sqlite");
    test(conn.clone()).await;
    conn.close().await.ok();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    if let Some((conn, schema)) = postgres().await {
        test(conn.clone()).await;
        conn.execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE"))
            .await
            .expect("drop schema");
    }
}

/// Runs `n` copies of `task` at once and returns their results.
pub async fn at_once<T, F, Fut>(n: usize, task: F) -> Vec<T>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = (0..n).map(|i| tokio::spawn(task(i))).collect();
    let mut out = Vec::with_capacity(n);
    for h in handles {
        out.push(h.await.expect("the task ran"));
    }
    out
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

/// A partner organization whose admin is the user with this e-mail.
pub async fn partner_org(db: &DatabaseConnection, name: &str, email: &str) -> (i32, Actor) {
    org_with_member(db, OrgKind::Partner, name, email, Role::Admin).await
}

/// A customer organization whose admin is the user with this e-mail.
pub async fn customer_org(db: &DatabaseConnection, name: &str, email: &str) -> (i32, Actor) {
    org_with_member(db, OrgKind::Customer, name, email, Role::Admin).await
}

/// Makes the user with this e-mail (created when new) a member of `org_id` in `role`.
pub async fn member(db: &DatabaseConnection, org_id: i32, email: &str, role: Role) -> Actor {
    bootstrap::ensure_member(db, org_id, email, "", role)
        .await
        .unwrap();
    actor(db, email).await
}

/// An installation `id` named `name` of a customer (created when missing).
pub async fn installation(
    db: &DatabaseConnection,
    customer: i32,
    id: &str,
    name: &str,
    sandbox: bool,
) {
    bootstrap::ensure_installation(db, customer, id, name, sandbox)
        .await
        .unwrap();
}

/// The operator organization and its admin Olav.
pub async fn operator(db: &DatabaseConnection) -> (i32, Actor) {
    org_with_member(
        db,
        OrgKind::Operator,
        "Operator",
        "olav@operator.example",
        Role::Admin,
    )
    .await
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

/// The token of the newest link mailed to `to`, or `None` when there is no such mail. Answers
/// queued "Sign in" requests first, as the sign-in job would, and opens the sealed token as
/// the sender would.
pub async fn last_mailed_token(db: &DatabaseConnection, to: &str) -> Option<String> {
    auth::answer_sign_in_requests(db, &config()).await.unwrap();
    let mails = mail::recent(db, 100).await.unwrap();
    let m = mails.into_iter().find(|m| m.to_address == to)?;
    let text = mail::render(&m, &config().secret_key).expect("the sealed token opens");
    mail::links_in(&text)
        .into_iter()
        .find_map(|l| l.split_once("token=").map(|(_, t)| t.to_owned()))
}

/// "Require access to function" `key`, limited to these estate statuses (none: unrestricted).
pub fn grant(key: &str, status: &[&str]) -> GrantChange {
    let mut filters = GrantFilters::new();
    if !status.is_empty() {
        filters.insert(
            "status".into(),
            status.iter().map(|s| s.to_string()).collect(),
        );
    }
    GrantChange {
        function_key: key.into(),
        required: true,
        filters,
    }
}

/// No longer require `key`.
pub fn ungrant(key: &str) -> GrantChange {
    GrantChange {
        function_key: key.into(),
        required: false,
        filters: GrantFilters::new(),
    }
}

/// Activates the product on the installation at its active version, through the real path: as
/// the first administrator of the installation's customer, who must have one.
pub async fn activate(db: &DatabaseConnection, installation_id: &str, product_id: i32) {
    let inst = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id))
        .one(db)
        .await
        .unwrap()
        .expect("the installation exists");
    let admin = super::scope::admins_of(db, inst.customer_id)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("the customer has an administrator");
    let version = product_version::Entity::find()
        .filter(product_version::Column::ProductId.eq(product_id))
        .filter(product_version::Column::State.eq(VersionState::Active))
        .one(db)
        .await
        .unwrap()
        .expect("the product has an active version")
        .number;
    let admin = Actor::user(admin.id, &admin.email, None);
    activation::activate(
        db,
        &admin,
        inst.customer_id,
        installation_id,
        product_id,
        version,
    )
    .await
    .unwrap();
}

/// The common world of the service tests.
pub struct World {
    pub cfg: Config,
    /// Partner Acme, whose admin is anna.
    pub partner: i32,
    pub anna: Actor,
    /// Acme's rights product "Acme Feed".
    pub product: i32,
    /// Customer Solheim, whose admin is kari.
    pub customer: i32,
    pub kari: Actor,
}

/// Partner Acme (admin anna) and customer Solheim (admins kari and siri, member per, with
/// installations SOLOSL and SOLBER), the test catalog, and Acme's rights product "Acme Feed"
/// whose version 1 requires `grants`, active and activated on SOLOSL by kari; in `env`.
pub async fn world(db: &DatabaseConnection, env: Environment, grants: Vec<GrantChange>) -> World {
    let cfg = config_for(env);
    catalog::service::import(db, CATALOG).await.unwrap();
    let (partner, anna) = partner_org(db, "Acme", "anna@acme.example").await;
    let (customer, kari) = customer_org(db, "Solheim", "kari@solheim.example").await;
    bootstrap::ensure_member(db, customer, "siri@solheim.example", "", Role::Admin)
        .await
        .unwrap();
    bootstrap::ensure_member(db, customer, "per@solheim.example", "", Role::Member)
        .await
        .unwrap();
    for (id, name) in [("SOLOSL", "Solheim Oslo"), ("SOLBER", "Solheim Bergen")] {
        bootstrap::ensure_installation(db, customer, id, name, false)
            .await
            .unwrap();
    }
    let input = products::ProductInput {
        name: "Acme Feed".into(),
        kind: "rights".into(),
        ..Default::default()
    };
    let product = products::create_product(db, &cfg, &anna, partner, input)
        .await
        .unwrap()
        .id;
    grants::save_grants(db, &cfg, &anna, partner, product, 1, grants)
        .await
        .unwrap();
    versions::activate(db, &anna, partner, product, None)
        .await
        .unwrap();
    activation::activate(db, &kari, customer, "SOLOSL", product, 1)
        .await
        .unwrap();
    World {
        cfg,
        partner,
        anna,
        product,
        customer,
        kari,
    }
}

/// A real square PNG of `side` pixels, encoded by the image crate that checks logos.
pub fn png(side: u32) -> Vec<u8> {
    let img = image::DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
        side,
        side,
        image::Rgba([1, 2, 3, 255]),
    ));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("a PNG encodes");
    out
}
