//! Course authoring as the instructor's pages see it: the dashboard, the editors and uploads.

use serde::{Deserialize, Serialize};

/// A course on the instructor dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuthoredCourseRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// `draft` or `published`.
    pub status: String,
    pub lesson_count: u64,
    /// Enrollments in the course (the count its statistics page shows).
    pub learners: u64,
    /// When the course or its curriculum last changed (RFC 3339).
    pub updated_at: String,
    /// The owning instructor (admins see everyone's courses).
    pub instructor_name: String,
    /// Visible reviews behind the rating.
    #[serde(default)]
    pub rating_count: u64,
    /// Average rating in tenths of a star (43 is 4.3); 0 without ratings.
    #[serde(default)]
    pub rating_tenths: u16,
}

/// The editable fields of a course, as typed (the server validates and normalises them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseDraft {
    pub title: String,
    pub slug: String,
    pub subtitle: String,
    /// Markdown.
    pub description: String,
    pub category: String,
    pub level: String,
    pub language: String,
    /// Price as typed in the course currency, e.g. `19.99`; `0` or empty means free.
    pub price: String,
    /// ISO 4217 code of the price, one of [`crate::models::CURRENCIES`]; empty (a client that
    /// does not know the field) keeps the course's currency.
    #[serde(default)]
    pub currency: String,
    /// One learning outcome per line.
    pub outcomes: String,
    /// One requirement per line.
    pub requirements: String,
}

/// A lesson line in the curriculum editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EditorLesson {
    pub id: i64,
    pub title: String,
    /// `text`, `video` or `file`.
    pub kind: String,
    pub free_preview: bool,
}

/// A section in the curriculum editor, with its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EditorSection {
    pub id: i64,
    pub title: String,
    pub lessons: Vec<EditorLesson>,
}

/// Everything the course editor shows, in one round trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseEditor {
    pub id: i64,
    /// The revision the draft was read at; saves name it so no edit is silently overwritten.
    pub revision: i32,
    /// `draft` or `published`.
    pub status: String,
    pub draft: CourseDraft,
    pub cover_url: Option<String>,
    pub sections: Vec<EditorSection>,
    /// What still stops publishing (empty when the course may be published).
    pub publish_problems: Vec<String>,
}

/// The result of a saved edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Saved {
    /// The new revision, to name in the next save.
    pub revision: i32,
    /// The course slug after the save (it may have been normalised).
    pub slug: String,
}

/// A new order for a course's whole curriculum: every section and lesson, each exactly once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurriculumOrder {
    pub sections: Vec<SectionOrder>,
}

impl CurriculumOrder {
    /// The order `outline` shows, as the server expects it.
    pub fn of(outline: &[EditorSection]) -> Self {
        Self {
            sections: outline
                .iter()
                .map(|s| SectionOrder {
                    id: s.id,
                    lessons: s.lessons.iter().map(|l| l.id).collect(),
                })
                .collect(),
        }
    }
}

/// One section's place in a [`CurriculumOrder`] and its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SectionOrder {
    pub id: i64,
    pub lessons: Vec<i64>,
}

/// The editable fields of a lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LessonDraft {
    pub title: String,
    /// `text`, `video` or `file`.
    pub kind: String,
    /// Markdown.
    pub body: String,
    /// An external video link (https), for video lessons without an uploaded file.
    pub video_url: String,
    pub free_preview: bool,
    /// Minutes as typed (whole numbers); empty means unknown.
    pub duration_minutes: String,
}

/// An uploaded file as the editors show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MediaInfo {
    pub id: i64,
    /// `image`, `video` or `attachment`.
    pub kind: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Where the file is served from (an authorizing route).
    pub url: String,
}

/// Everything the lesson editor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LessonEditor {
    pub id: i64,
    pub course_id: i64,
    pub course_title: String,
    pub course_slug: String,
    pub slug: String,
    pub revision: i32,
    pub draft: LessonDraft,
    pub media: Option<MediaInfo>,
}

/// How the browser should send an upload's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadTicket {
    pub media_id: i64,
    /// `PUT`.
    pub method: String,
    /// A presigned storage URL, or Lectern's own upload route.
    pub url: String,
    /// Headers the request must carry (e.g. the signed content type).
    pub headers: Vec<(String, String)>,
    pub max_bytes: u64,
}

/// What stops a course from being published: it needs a title, at least one lesson and a
/// cover. Shared by the server (which enforces it) and the editor (which shows it as you go).
pub fn publish_problems(title: &str, lesson_count: usize, has_cover: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if title.trim().is_empty() {
        problems.push("Give the course a title.".to_owned());
    }
    if lesson_count == 0 {
        problems.push("Add at least one lesson.".to_owned());
    }
    if !has_cover {
        problems.push("Upload a cover image.".to_owned());
    }
    problems
}
