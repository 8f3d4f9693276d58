//! Backups of the embedded setup: `server backup PATH` and `server restore PATH`.
//!
//! A backup is a folder with `lectern.db`, a consistent snapshot of the SQLite database taken
//! online with `VACUUM INTO` (the server keeps serving), and `media/`, a copy of the media
//! folder made after the snapshot, so every file the snapshot refers to is in it. Restoring
//! copies both back; stop the server first. Postgres deployments use their managed backups
//! (point-in-time recovery in Terraform, see infra/README.md) instead.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection};

/// The database file's name inside a backup folder.
pub const DATABASE_FILE: &str = "lectern.db";
/// The media folder's name inside a backup folder.
pub const MEDIA_FOLDER: &str = "media";

/// What a backup or restore copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copied {
    /// Bytes of the database file.
    pub database_bytes: u64,
    /// Media files copied.
    pub media_files: u64,
}

/// Writes a backup of `db` and `media_dir` into `dest`, which must not exist yet (or be an
/// empty folder). SQLite only.
pub async fn backup(
    db: &DatabaseConnection,
    media_dir: &Path,
    dest: &Path,
) -> anyhow::Result<Copied> {
    if db.get_database_backend() != DatabaseBackend::Sqlite {
        bail!("`server backup` is for the embedded SQLite database; back up Postgres with its managed snapshots (infra/README.md)");
    }
    if dest.exists() && std::fs::read_dir(dest)?.next().is_some() {
        bail!(
            "{} is not empty: choose a new folder for the backup",
            dest.display()
        );
    }
    std::fs::create_dir_all(dest).with_context(|| format!("creating {}", dest.display()))?;
    let file = dest.join(DATABASE_FILE);
    let target = file
        .to_str()
        .context("the backup path must be valid UTF-8")?
        .replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await
        .context("writing the database snapshot")?;
    let database_bytes = std::fs::metadata(&file)?.len();
    let media_files = copy_tree(media_dir, &dest.join(MEDIA_FOLDER))?;
    Ok(Copied {
        database_bytes,
        media_files,
    })
}

/// Restores the backup in `src` to the SQLite file `database` and the folder `media_dir`.
/// Refuses to overwrite an existing database unless `force`. Run it with the server stopped.
pub fn restore(
    src: &Path,
    database: &Path,
    media_dir: &Path,
    force: bool,
) -> anyhow::Result<Copied> {
    let snapshot = src.join(DATABASE_FILE);
    if !snapshot.is_file() {
        bail!(
            "{} holds no {DATABASE_FILE}: not a Lectern backup",
            src.display()
        );
    }
    if database.exists() && !force {
        bail!(
            "{} exists: stop the server and pass --force to replace it with the backup",
            database.display()
        );
    }
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    // Copied beside the target, then renamed over it: never a half-written database.
    let partial = database.with_extension("restoring");
    let database_bytes = std::fs::copy(&snapshot, &partial).context("copying the database")?;
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{stale}", database.display())));
    }
    std::fs::rename(&partial, database).context("moving the database into place")?;
    let media_files = copy_tree(&src.join(MEDIA_FOLDER), media_dir)?;
    Ok(Copied {
        database_bytes,
        media_files,
    })
}

/// The file of a `sqlite:` database URL (`sqlite://data/lectern.db?mode=rwc` → `data/lectern.db`).
pub fn sqlite_file(url: &str) -> anyhow::Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .context("restore works on the embedded SQLite database (DATABASE_URL=sqlite://…)")?;
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        bail!("DATABASE_URL names no database file");
    }
    Ok(PathBuf::from(path))
}

/// Copies every file under `from` to the same place under `to` (a missing `from` copies
/// nothing); unfinished uploads (`.upload-*` temporary files) are left out.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<u64> {
    if !from.is_dir() {
        return Ok(0);
    }
    std::fs::create_dir_all(to)?;
    let mut files = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let target = to.join(&name);
        let kind = entry.file_type()?;
        if kind.is_dir() {
            files += copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() && !name.to_string_lossy().starts_with(".upload-") {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            files += 1;
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn database_files_come_from_sqlite_urls() {
        assert_eq!(
            sqlite_file("sqlite://data/lectern.db?mode=rwc").expect("file"),
            std::path::PathBuf::from("data/lectern.db")
        );
        assert_eq!(
            sqlite_file("sqlite:/var/lib/lectern.db").expect("file"),
            std::path::PathBuf::from("/var/lib/lectern.db")
        );
        assert!(sqlite_file("sqlite::memory:").is_err());
        assert!(sqlite_file("postgres://db/lectern").is_err());
    }
}
