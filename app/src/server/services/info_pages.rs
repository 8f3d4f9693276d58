//! The footer's information pages (help, terms, privacy, contact): markdown files rendered
//! through the sanitizing markdown renderer.
//!
//! The repository's versions under `app/content/pages/` are compiled in as defaults. An
//! operator replaces any of them by putting `help.md`, `terms.md`, `privacy.md` or `contact.md`
//! into the directory named by `LECTERN_PAGES_DIR`; a file there is read on every request, so
//! edits show without a restart. A first line `# Title` becomes the page's title and heading.

use std::path::Path;

use crate::error::AppError;
use crate::markdown;
use crate::models::instructor::{InfoPage, INFO_PAGES};

/// The environment variable naming the directory of operator-edited pages.
pub const PAGES_DIR_VAR: &str = "LECTERN_PAGES_DIR";

/// Largest page file read from the operator's directory, in bytes.
pub const MAX_PAGE_BYTES: u64 = 200_000;

/// The compiled-in default of each page.
fn embedded(name: &str) -> Option<&'static str> {
    match name {
        "help" => Some(include_str!("../../../content/pages/help.md")),
        "terms" => Some(include_str!("../../../content/pages/terms.md")),
        "privacy" => Some(include_str!("../../../content/pages/privacy.md")),
        "contact" => Some(include_str!("../../../content/pages/contact.md")),
        _ => None,
    }
}

/// The operator's version of page `name` from `dir`, when there is a readable one of a sane
/// size; anything else falls back to the default (and is logged).
async fn from_dir(dir: &Path, name: &str) -> Option<String> {
    let path = dir.join(format!("{name}.md"));
    let size = tokio::fs::metadata(&path).await.ok()?.len();
    if size > MAX_PAGE_BYTES {
        tracing::warn!(path = %path.display(), size, "information page too large; using the default");
        return None;
    }
    match tokio::fs::read_to_string(&path).await {
        Ok(text) => Some(text),
        Err(error) => {
            tracing::warn!(path = %path.display(), %error, "information page unreadable; using the default");
            None
        }
    }
}

/// Splits a leading `# Title` line off `source`: (title, rest).
pub fn split_title<'a>(source: &'a str, default_title: &str) -> (String, &'a str) {
    let trimmed = source.trim_start();
    if let Some(rest) = trimmed.strip_prefix("# ") {
        let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let title = line.trim().trim_end_matches('#').trim();
        if !title.is_empty() {
            return (title.chars().take(120).collect(), body);
        }
    }
    (default_title.to_owned(), source)
}

/// Information page `name` from `dir` (when given and it has one) or the default;
/// `NotFound` for names that are not information pages.
pub async fn page(dir: Option<&Path>, name: &str) -> Result<InfoPage, AppError> {
    let (_, default_title) = INFO_PAGES
        .iter()
        .find(|(slug, _)| *slug == name)
        .ok_or(AppError::NotFound)?;
    let default = embedded(name).ok_or(AppError::NotFound)?;
    let source = match dir {
        Some(dir) => from_dir(dir, name).await,
        None => None,
    };
    let source = source.as_deref().unwrap_or(default);
    let (title, body) = split_title(source, default_title);
    Ok(InfoPage {
        title,
        html: markdown::render(body),
    })
}

/// The operator's pages directory from the environment, if set and not empty.
pub fn pages_dir() -> Option<std::path::PathBuf> {
    std::env::var_os(PAGES_DIR_VAR)
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn defaults_render_and_unknown_names_are_not_found() {
        for (name, _) in INFO_PAGES {
            let page = page(None, name).await.expect("this call must succeed");
            assert!(!page.title.is_empty());
            assert!(!page.html.contains("<h1"), "{name} repeats its title");
        }
        assert_eq!(
            page(None, "admin").await.expect_err("this call must fail"),
            AppError::NotFound
        );
        assert_eq!(
            page(None, "../x").await.expect_err("this call must fail"),
            AppError::NotFound
        );
    }

    #[tokio::test]
    async fn operator_files_win_and_are_sanitized() {
        let dir = std::env::temp_dir().join(format!("lectern-pages-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("this call must succeed");
        std::fs::write(
            dir.join("terms.md"),
            "# Our terms\n\nBe kind. <script>alert(1)</script>",
        )
        .expect("this call must succeed");
        let terms = page(Some(&dir), "terms")
            .await
            .expect("this call must succeed");
        assert_eq!(terms.title, "Our terms");
        assert!(terms.html.contains("Be kind."));
        assert!(!terms.html.contains("<script"));
        // No file for help in that directory: the default stays.
        assert_eq!(
            page(Some(&dir), "help")
                .await
                .expect("this call must succeed")
                .title,
            "Help"
        );
        std::fs::remove_dir_all(&dir).expect("this call must succeed");
    }
}
