//! The Portico server: `serve` (default), `migrate`, `seed-demo`, `create-operator`,
//! `import-catalog`, `issue-service-token`, `create-access-key`, `create-partner-key` and
//! `bench`.
use app::features::accounts::service::bootstrap;
use clap::{Parser, Subcommand};
use sea_orm::DatabaseConnection;
use server::config::ServerConfig;
use server::{router, seed};
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "server",
    version,
    about = "Portico: the partner portal for API platforms."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: server::config::ConfigArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run pending migrations, then serve the portal (the default).
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Load the demo organizations, installations and users (safe to run again).
    SeedDemo,
    /// Create the operator organization if needed and make this e-mail address its admin.
    CreateOperator {
        /// The first operator user's e-mail address.
        #[arg(long)]
        email: String,
        /// The operator organization's name.
        #[arg(long, default_value = "Portico Platform")]
        name: String,
    },
    /// Import (create or update) API functions from a catalog JSON file, all or nothing.
    ImportCatalog {
        /// The catalog file (format in README.md, "Catalog format").
        file: std::path::PathBuf,
    },
    /// Measure the server (figures, not a test): `bench access-checks`, `bench push`,
    /// `bench pages`, `bench picker`, `bench sales-units` or `bench product-orders`.
    Bench {
        /// What to measure: `access-checks`, `push`, `pages`, `picker`, `sales-units` or `product-orders`.
        what: String,
        /// `pages`, `sales-units` and `product-orders`: run on a fresh schema of this PostgreSQL database instead
        /// of SQLite.
        #[arg(long)]
        postgres: Option<String>,
    },
    /// Print a catalog file of N generated functions (for measuring the picker with a large
    /// catalog: `scripts/bench-picker-browser.sh`).
    GenerateCatalog {
        /// How many functions.
        #[arg(long, default_value_t = 10_000)]
        functions: usize,
    },
    /// Print a new platform service token (for POST /api/v1/events) once; only its hash is kept.
    IssueServiceToken {
        /// What the token is for, such as the name of the service that uses it.
        #[arg(long)]
        name: String,
    },
    /// Print a new access key (client ID and secret) of a product once, for the platform's own
    /// test clients; audited as `cli`. Partners create theirs on the product page.
    CreateAccessKey {
        /// The product's ID (its page's address, /o/<partner>/products/<id>).
        #[arg(long)]
        product_id: i32,
    },
    /// Creates a Partner API key for a partner and prints its key ID and secret (once).
    CreatePartnerKey {
        /// The partner organization: its ID (its pages' address, /o/<partner>/...) or name.
        #[arg(long)]
        partner: String,
        /// `read` or `read_write`.
        #[arg(long, default_value = "read")]
        access: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm_migration=warn".into()),
        )
        // Colour codes only for a person at a terminal, not in a log file or a journal.
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    let cli = Cli::parse();
    let config = match ServerConfig::from_args(cli.config.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Configuration error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(cli.command.unwrap_or(Command::Serve), config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn connect_and_migrate(config: &ServerConfig) -> Result<DatabaseConnection, String> {
    let db = app::server::db::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    app::server::db::migrate(&db)
        .await
        .map_err(|e| format!("migration failed: {e}"))?;
    Ok(db)
}

async fn run(command: Command, config: ServerConfig) -> Result<(), String> {
    if let Command::Bench { what, postgres } = &command {
        // The benchmark makes its own temporary database and server.
        return match what.as_str() {
            "access-checks" => server::bench::access_checks().await,
            "push" => server::bench::push().await,
            "pages" => server::bench::pages(&config, postgres.clone()).await,
            "picker" => server::bench::picker(&config).await,
            "sales-units" => server::bench::sales_units(&config, postgres.clone()).await,
            "product-orders" => server::bench::product_orders(&config, postgres.clone()).await,
            other => Err(format!(
                "unknown benchmark {other:?}; try access-checks, push, pages, picker, sales-units or product-orders"
            )),
        };
    }
    if let Command::GenerateCatalog { functions } = &command {
        println!("{}", server::bench::generated_catalog(0, *functions));
        return Ok(());
    }
    let db = connect_and_migrate(&config).await?;
    match command {
        Command::Serve => router::serve(db, config).await,
        Command::Migrate => {
            println!("Migrations are up to date.");
            Ok(())
        }
        Command::SeedDemo => {
            seed::seed_demo(&db, &config.app)
                .await
                .map_err(|e| e.to_string())?;
            println!("Demo data loaded.");
            Ok(())
        }
        Command::CreateOperator { email, name } => {
            bootstrap::create_operator(&db, &name, &email)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{email} is an admin of {name}. Sign in at {}/sign-in",
                config.app.public_url
            );
            Ok(())
        }
        Command::Bench { .. } | Command::GenerateCatalog { .. } => Ok(()),
        Command::ImportCatalog { file } => {
            let json = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let r = app::features::catalog::service::import(&db, &json)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Catalog imported: {} created, {} updated, {} unchanged.",
                r.created, r.updated, r.unchanged
            );
            Ok(())
        }
        Command::IssueServiceToken { name } => {
            let token = app::server::service_tokens::issue(&db, &name)
                .await
                .map_err(|e| e.to_string())?;
            println!("{token}");
            eprintln!("Store this token now: it is shown only once.");
            Ok(())
        }
        Command::CreatePartnerKey { partner, access } => {
            let key = app::features::partner_api::service::keys::create_from_cli(
                &db,
                &config.app,
                &partner,
                &access,
            )
            .await
            .map_err(|e| match e {
                app::error::AppError::NotFound => format!("there is no partner {partner}"),
                e => e.to_string(),
            })?;
            println!("key_id {}", key.key_id);
            println!("secret {}", key.secret);
            eprintln!(
                "Store this secret now: it is shown only once (API key {}, {}).",
                key.slot,
                key.access.as_str()
            );
            Ok(())
        }
        Command::CreateAccessKey { product_id } => {
            let key = app::features::products::service::credentials::create_key_from_cli(
                &db,
                &config.app,
                product_id,
            )
            .await
            .map_err(|e| match e {
                app::error::AppError::NotFound => format!("there is no product {product_id}"),
                e => e.to_string(),
            })?;
            println!("client_id {}", key.client_id);
            println!("secret {}", key.secret);
            eprintln!(
                "Store this secret now: it is shown only once (access key {}).",
                key.slot
            );
            Ok(())
        }
    }
}
