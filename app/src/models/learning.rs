//! The learning journey: enrollment, lesson pages with progress, progress events, statistics.

use serde::{Deserialize, Serialize};

use super::LessonView;

/// Largest number of progress events one `record_progress` call may carry.
pub const MAX_EVENTS_PER_BATCH: usize = 500;

/// One progress event as a player sends it. `kind` is `started`, `position` or `completed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProgressEventInput {
    /// A UUID the client generates once per event; resending the same id is harmless.
    pub event_id: String,
    pub lesson_id: i64,
    pub kind: String,
    /// Where the player is, for `position` (required there), in seconds from 0 to 86400.
    #[serde(default)]
    pub position_seconds: Option<f64>,
    /// The media's length in seconds, when known (0 to 86400).
    #[serde(default)]
    pub duration_seconds: Option<f64>,
    /// When it happened on the client, RFC 3339.
    pub client_at: String,
}

/// What happened to one event of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EventResult {
    /// The event's id exactly as sent.
    pub event_id: String,
    /// `applied`, `duplicate` (already recorded; nothing changed) or `rejected` (see `reason`).
    pub status: String,
    /// Why the event was rejected; a client should drop it rather than resend it.
    pub reason: Option<String>,
}

/// The status of a newly recorded event.
pub const EVENT_APPLIED: &str = "applied";
/// The status of an event whose id was recorded before.
pub const EVENT_DUPLICATE: &str = "duplicate";
/// The status of an event that was refused.
pub const EVENT_REJECTED: &str = "rejected";

/// A learner's progress in one lesson (a tick in the outline, a resume point for the player).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LessonProgress {
    pub lesson_id: i64,
    pub slug: String,
    pub started: bool,
    /// Where to resume (the latest position reported).
    pub position_seconds: f64,
    /// The furthest point ever reached.
    pub furthest_seconds: f64,
    /// The media's length as the player reported it.
    pub duration_seconds: Option<f64>,
    pub completed: bool,
    /// RFC 3339.
    pub completed_at: Option<String>,
}

/// A learner's progress in one course; `lessons` follows the curriculum order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseProgress {
    pub course_slug: String,
    pub enrolled: bool,
    pub completed_lessons: u32,
    pub total_lessons: u32,
    /// Whole percent of lessons completed, rounded down (100 only when all are).
    pub percent: u8,
    /// When every lesson was first complete (enrolled learners only), RFC 3339.
    pub completed_at: Option<String>,
    /// Where "Continue" leads: the last lesson touched if not complete, else the first
    /// incomplete lesson, else the last lesson.
    pub continue_lesson_slug: Option<String>,
    pub lessons: Vec<LessonProgress>,
}

/// The answer to a batch of progress events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecordResult {
    /// One result per event, in the order sent.
    pub results: Vec<EventResult>,
    /// The progress of every course an applied event changed.
    pub courses: Vec<CourseProgress>,
}

/// A course on the learner's "My learning" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EnrolledCourse {
    pub slug: String,
    pub title: String,
    pub cover_url: Option<String>,
    pub instructor_name: String,
    pub percent: u8,
    pub completed_lessons: u32,
    pub total_lessons: u32,
    /// RFC 3339.
    pub enrolled_at: String,
    /// RFC 3339; `None` until the first progress is recorded.
    pub last_activity_at: Option<String>,
    pub continue_lesson_slug: Option<String>,
    /// RFC 3339.
    pub completed_at: Option<String>,
}

/// Everything a lesson page needs, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonPage {
    pub lesson: LessonView,
    /// The viewer's progress in the course (signed-in viewers only), with a tick per lesson.
    pub progress: Option<CourseProgress>,
    /// Whether the viewer is enrolled in the course.
    pub enrolled: bool,
    /// Whether the viewer may edit the course (its instructor or an admin).
    pub can_edit: bool,
    /// The next lesson the viewer may open, to prefetch.
    pub next_lesson: Option<String>,
}

/// New enrollments on one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DailyCount {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub count: u64,
}

/// Sales and refunds of a paid course on one day (UTC), in the course's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DailyRevenue {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Purchases paid that day.
    pub sales: u64,
    pub sales_cents: i64,
    /// Purchases refunded that day (whenever they were paid).
    pub refunds: u64,
    pub refunds_cents: i64,
}

impl DailyRevenue {
    /// Sales less refunds.
    pub fn net_cents(&self) -> i64 {
        self.sales_cents - self.refunds_cents
    }
}

/// How many enrolled learners started and completed one lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LessonFunnel {
    pub lesson_id: i64,
    pub slug: String,
    pub title: String,
    pub started: u64,
    pub completed: u64,
}

/// A course's numbers for its instructor. Counts cover current enrollments (unenrolling
/// removes a learner from them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseStats {
    pub course_id: i64,
    pub course_slug: String,
    pub title: String,
    pub total_enrollments: u64,
    pub completed_enrollments: u64,
    /// `completed_enrollments / total_enrollments`, 0 with no enrollments.
    pub completion_rate: f64,
    /// The last 90 days, oldest first, every day present (zero counts included).
    pub enrollments_per_day: Vec<DailyCount>,
    /// Per lesson in curriculum order: the drop-off along the course.
    pub lessons: Vec<LessonFunnel>,
    /// The course's currency (`USD`); revenue counts purchases made in it.
    pub currency: String,
    /// The last 90 days, oldest first, every day present (zero days included).
    pub revenue_per_day: Vec<DailyRevenue>,
    /// The last 12 months, oldest first, every month present: the average of the visible
    /// reviews written in each.
    #[serde(default)]
    pub rating_per_month: Vec<crate::models::MonthlyRating>,
}
