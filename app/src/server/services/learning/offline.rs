//! The manifest of a course download ("Download for offline"): the pages an enrolled learner
//! may open and the files they show, for the browser to store.
//!
//! Only the course's enrolled learners, its instructor and admins get one (`Forbidden` for
//! anyone else, `NotFound` for unknown courses and hidden drafts), so a download never holds a
//! page its learner could not open online.

use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};

use super::enrollment_of;
use crate::error::AppError;
use crate::models::{CourseDownload, DownloadItem};
use crate::server::entities::user;
use crate::server::services::courses::{flat_lessons, lesson_view, outline, visible_course};

/// The download manifest of course `slug` for `viewer`.
pub async fn manifest(
    db: &DatabaseConnection,
    viewer: &user::Model,
    slug: &str,
) -> Result<CourseDownload, AppError> {
    let (course, editor) = visible_course(db, Some(viewer), slug).await?;
    if !editor && enrollment_of(db, viewer.id, course.id).await?.is_none() {
        return Err(AppError::Forbidden);
    }
    let sections = outline(db, course.id).await?;
    let count = flat_lessons(&sections).len();
    let mut hash = Sha256::new();
    hash.update(course.updated_at.to_rfc3339().as_bytes());
    let mut pages = vec![
        page(format!("/courses/{}", course.slug)),
        page("/learning".to_owned()),
    ];
    let mut files: Vec<DownloadItem> = Vec::new();
    let mut videos: Vec<DownloadItem> = Vec::new();
    if let Some(cover) = course
        .cover_url
        .as_deref()
        .filter(|u| u.starts_with("/media/"))
    {
        files.push(page(cover.to_owned()));
    }
    for index in 0..count {
        let lesson = lesson_view(db, &course, &sections, index).await?;
        hash.update(lesson.slug.as_bytes());
        hash.update(lesson.title.as_bytes());
        hash.update(lesson.body_html.as_bytes());
        pages.push(page(format!(
            "/courses/{}/lessons/{}",
            course.slug, lesson.slug
        )));
        for url in media_paths(&lesson.body_html) {
            files.push(page(url));
        }
        if let Some(file) = &lesson.attachment {
            hash.update(file.url.as_bytes());
            files.push(DownloadItem {
                url: file.url.clone(),
                bytes: Some(file.size_bytes),
            });
        }
        if let Some(src) = lesson
            .video_src
            .as_deref()
            .filter(|s| s.starts_with("/media/"))
        {
            hash.update(src.as_bytes());
            videos.push(DownloadItem {
                url: src.to_owned(),
                bytes: video_bytes(db, src).await?,
            });
        }
    }
    dedup(&mut files);
    dedup(&mut videos);
    Ok(CourseDownload {
        course_slug: course.slug,
        course_title: course.title,
        version: hex::encode(&hash.finalize()[..12]),
        pages,
        files,
        videos,
    })
}

fn page(url: String) -> DownloadItem {
    DownloadItem { url, bytes: None }
}

fn dedup(items: &mut Vec<DownloadItem>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(i.url.clone()));
}

/// Same-origin media addresses (`src="/media/…"`, `href="/media/…"`) in rendered lesson HTML.
/// The HTML is the sanitizer's output, so attribute values are always double-quoted.
pub fn media_paths(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["src=\"/media/", "href=\"/media/"] {
        let mut rest = html;
        while let Some(at) = rest.find(marker) {
            let start = at + marker.len() - "/media/".len();
            let tail = &rest[start..];
            let end = tail.find('"').unwrap_or(tail.len());
            let url = html_unescape(&tail[..end]);
            if url.len() <= 512 && !found.contains(&url) {
                found.push(url);
            }
            rest = &tail[end..];
        }
    }
    found
}

fn html_unescape(text: &str) -> String {
    text.replace("&amp;", "&")
}

/// The stored size of the uploaded video served at `src` (`/media/{id}/{name}`).
async fn video_bytes(db: &DatabaseConnection, src: &str) -> Result<Option<i64>, AppError> {
    use crate::server::entities::media;
    use sea_orm::EntityTrait;
    let id = src
        .strip_prefix("/media/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse::<i64>().ok());
    let Some(id) = id else { return Ok(None) };
    Ok(media::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|m| m.size_bytes))
}

#[cfg(test)]
mod tests {
    use super::media_paths;

    #[test]
    fn finds_images_and_links_to_media_once_each() {
        let html = r#"<p><img src="/media/3/a.png" alt=""> <a href="/media/4/notes.pdf">notes</a>
            <img src="/media/3/a.png"> <img src="https://example.org/x.png"> <a href="/courses">c</a></p>"#;
        assert_eq!(
            media_paths(html),
            vec!["/media/3/a.png".to_owned(), "/media/4/notes.pdf".to_owned()]
        );
    }

    #[test]
    fn unescapes_ampersands_and_ignores_unterminated_values() {
        assert_eq!(
            media_paths(r#"<img src="/media/5/a&amp;b.png">"#),
            vec!["/media/5/a&b.png".to_owned()]
        );
        assert_eq!(
            media_paths(r#"<img src="/media/6/x.png"#),
            vec!["/media/6/x.png".to_owned()]
        );
        assert!(media_paths("<p>no media</p>").is_empty());
    }
}
