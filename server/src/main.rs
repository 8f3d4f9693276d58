//! The `server` command: `serve` (default), `migrate`, `seed`, `create-admin`, `create-token`,
//! `backup` and `restore`.

use anyhow::Context;
use clap::{Parser, Subcommand};
use lectern_server::{backup, config::Config, db, seed, shutdown, state, telemetry};

/// mimalloc instead of the system allocator. With glibc's, each Argon2 hash (a 19 MiB buffer,
/// freed at once) raised malloc's mmap threshold, after which such buffers came from the heap
/// and were never given back: RSS grew to 1.6 GB after 200 sign-ups and stayed there
/// (bench/README.md, "Memory").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "server", version, about = "Lectern learning platform")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo catalogue (skips courses that already exist) and exit.
    Seed,
    /// Create an admin account, or make an existing account an admin.
    CreateAdmin {
        /// The admin's email address.
        #[arg(long)]
        email: String,
        /// Display name for a new account (default: the part of the email before @).
        #[arg(long)]
        name: Option<String>,
        /// Password; read from LECTERN_ADMIN_PASSWORD when omitted (keeps it out of shell history).
        #[arg(long, env = "LECTERN_ADMIN_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Create a personal API token for an existing account and print its secret once (for
    /// scripts and integrations set up by an operator; users create theirs on /account).
    CreateToken {
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// The token's label.
        #[arg(long, default_value = "command line")]
        name: String,
        /// Comma-separated scopes: read, learn, teach, admin.
        #[arg(long, default_value = "read")]
        scopes: String,
    },
    /// Write a consistent backup of the SQLite database and the media folder into a new
    /// folder, while the server keeps running.
    Backup {
        /// The folder to create.
        path: std::path::PathBuf,
    },
    /// Print every server function's method and path (`POST /api/record_progress…`), one per
    /// line, sorted: for proxy and firewall rules, and for the load benchmarks in bench/.
    ApiPaths,
    /// Restore a backup made by `backup` (stop the server first).
    Restore {
        /// The backup folder.
        path: std::path::PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env is normal; a malformed one is worth knowing about.
    if let Err(error) = dotenvy::dotenv() {
        if !error.not_found() {
            eprintln!("warning: ignoring .env: {error}");
        }
    }
    let cli = Cli::parse();
    let config = Config::from_env()?;
    let telemetry = telemetry::init(config.log_format, config.otel.as_ref())?;
    tracing::debug!(?config, "configuration");
    let result = run(cli, config).await;
    // After the server has drained: export the last spans, including the slow requests'.
    telemetry.shutdown().await;
    result
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::ApiPaths = command {
        let mut paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, method)| format!("{method} {path}"))
            .collect();
        paths.sort();
        // Not println!: a reader that stops early (`| head`) is not an error.
        let mut out = std::io::stdout().lock();
        for line in paths {
            if std::io::Write::write_all(&mut out, format!("{line}\n").as_bytes()).is_err() {
                break;
            }
        }
        return Ok(());
    }
    if let Command::Restore { path, force } = &command {
        // Before connecting: the database file is about to be replaced.
        let file = backup::sqlite_file(&config.database_url)?;
        let copied = backup::restore(path, &file, std::path::Path::new(&config.media_dir), *force)?;
        println!(
            "Restored {} ({} bytes) and {} media files from {}.",
            file.display(),
            copied.database_bytes,
            copied.media_files,
            path.display()
        );
        return Ok(());
    }
    let db = db::connect(&config.database_url, config.database_max_connections).await?;
    match command {
        Command::Restore { .. } | Command::ApiPaths => {}
        Command::Backup { path } => {
            let copied =
                backup::backup(&db, std::path::Path::new(&config.media_dir), &path).await?;
            println!(
                "Backed up the database ({} bytes) and {} media files to {}.",
                copied.database_bytes,
                copied.media_files,
                path.display()
            );
        }
        Command::Migrate => {
            db::migrate(&db).await?;
            tracing::info!("migrations applied");
        }
        Command::Seed => {
            db::migrate(&db).await?;
            let report = seed::load_demo(&db).await?;
            tracing::info!(?report, "demo content loaded");
        }
        Command::CreateAdmin {
            email,
            name,
            password,
        } => {
            db::migrate(&db).await?;
            let admin = app::server::services::accounts::roles::create_admin(
                &db,
                &email,
                name.as_deref(),
                password.as_deref(),
            )
            .await
            .map_err(|error| anyhow::anyhow!("{error} {error:?}"))?;
            println!("{} is now an admin (user id {}).", admin.email, admin.id);
        }
        Command::CreateToken {
            email,
            name,
            scopes,
        } => {
            db::migrate(&db).await?;
            let secret = create_token(&db, &email, &name, &scopes).await?;
            println!("{secret}");
        }
        Command::Serve => serve(config, db).await?,
    }
    Ok(())
}

/// A new token for the account with `email`, holding the comma-separated `scopes`.
async fn create_token(
    db: &sea_orm::DatabaseConnection,
    email: &str,
    name: &str,
    scopes: &str,
) -> anyhow::Result<String> {
    use app::models::ApiScope;
    use app::server::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let wanted: Vec<&str> = scopes.split(',').map(str::trim).collect();
    let parsed = ApiScope::parse_list(scopes);
    if let Some(unknown) = wanted
        .iter()
        .find(|w| !parsed.iter().any(|s| s.key() == **w))
    {
        anyhow::bail!("unknown scope `{unknown}`: use read, learn, teach and admin");
    }
    let account = user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .with_context(|| format!("no account with the email {email}"))?;
    let token =
        app::server::services::accounts::api_tokens::create_scoped(db, account.id, name, &parsed)
            .await
            .map_err(|error| anyhow::anyhow!("{error} {error:?}"))?;
    Ok(token.secret)
}

async fn serve(config: Config, db: sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    if config.migrate_on_start {
        db::migrate(&db).await?;
    }
    if config.demo && seed::catalogue_is_empty(&db).await? {
        let report = seed::load_demo(&db).await?;
        tracing::info!(?report, "empty database: demo content loaded");
    }
    if let Some(password) = &config.demo_password {
        let updated = seed::set_demo_passwords(&db, password).await?;
        if updated > 0 {
            tracing::warn!(
                accounts = updated,
                "demo instructors can sign in with LECTERN_DEMO_PASSWORD (local demos only)"
            );
        }
    }
    let mut leptos_options = leptos::config::get_configuration(None)
        .context("reading Leptos configuration")?
        .leptos_options;
    if leptos_options.output_name.is_empty() {
        leptos_options.output_name = "lectern".into();
    }
    let addr = leptos_options.site_addr;
    let wiring = state::build(&config, leptos_options, db).await?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!("Lectern listening on http://{addr}");
    shutdown::serve_app(
        listener,
        wiring,
        shutdown::signal(),
        config.shutdown_timeout,
    )
    .await
    .context("serving")?;
    tracing::info!("stopped");
    Ok(())
}
