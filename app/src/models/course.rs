//! A course's public page and its free-preview lessons.

use serde::{Deserialize, Serialize};

/// The instructor as shown on a course page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InstructorSummary {
    pub display_name: String,
    /// The bio's markdown source.
    pub bio: String,
    /// The bio rendered and sanitized.
    #[serde(default)]
    pub bio_html: String,
    /// The public profile (`/instructors/{slug}`), when the instructor has one.
    #[serde(default)]
    pub slug: Option<String>,
}

/// A lesson line in the curriculum outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LessonOutline {
    pub slug: String,
    pub title: String,
    /// `text`, `video` or `file`.
    pub kind: String,
    pub duration_seconds: i64,
    /// Whether anyone may open this lesson without enrolling.
    pub free_preview: bool,
}

/// A section of the curriculum outline with its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SectionOutline {
    pub title: String,
    pub lessons: Vec<LessonOutline>,
    pub duration_seconds: i64,
}

/// Everything the public course page shows, in one round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseDetail {
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    /// Sanitized HTML rendered from the course's markdown description.
    pub description_html: String,
    pub category: String,
    pub level: String,
    pub language: String,
    pub price_cents: i64,
    pub currency: String,
    pub cover_url: Option<String>,
    /// What learners will be able to do afterwards.
    pub outcomes: Vec<String>,
    /// What learners need beforehand.
    pub requirements: Vec<String>,
    /// A draft, shown only to its instructor and admins ("preview as learner").
    pub is_draft: bool,
    /// The course id when the viewer may edit the course (for an "Edit" link).
    pub edit_course_id: Option<i64>,
    pub instructor: InstructorSummary,
    pub sections: Vec<SectionOutline>,
    pub lesson_count: u64,
    pub duration_seconds: i64,
    /// Whether the viewer is enrolled (Enroll / Continue / Unenroll on the course page).
    pub enrolled: bool,
    /// Whether the viewer bought this paid course (not refunded): never offered it again.
    pub owned: bool,
    /// The viewer's progress when enrolled.
    pub progress: Option<crate::models::CourseProgress>,
}

/// A link to a neighbouring lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub slug: String,
    pub title: String,
    pub free_preview: bool,
}

/// A lesson page: the lesson itself plus the course outline around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonView {
    /// The lesson's id (progress events name it).
    pub id: i64,
    pub course_slug: String,
    pub course_title: String,
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub duration_seconds: i64,
    /// Sanitized HTML rendered from the lesson's markdown.
    pub body_html: String,
    /// Where the video plays from (an uploaded file's route or an external link).
    pub video_src: Option<String>,
    /// A downloadable file that goes with the lesson.
    pub attachment: Option<crate::models::MediaInfo>,
    /// The course is a draft (seen only by its instructor and admins).
    pub is_draft: bool,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    pub sections: Vec<SectionOutline>,
}
