//! Reviews as pages see them: a course's rating summary, one page of reviews, and what the
//! viewer may do.

use serde::{Deserialize, Serialize};

/// How many reviews a page shows.
pub const REVIEWS_PER_PAGE: u64 = 10;

/// The share of reviews giving one number of stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarShare {
    pub stars: u8,
    pub count: u64,
    /// Rounded percent of all counted reviews.
    pub percent: u8,
}

/// A course's rating from its visible reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingSummary {
    /// Mean stars to one decimal ([`rating_tenths`] / 10), 0 with no reviews.
    pub average: f64,
    pub count: u64,
    /// 5 stars first, down to 1.
    pub histogram: Vec<StarShare>,
}

impl RatingSummary {
    /// "4.3" (one decimal).
    pub fn average_text(&self) -> String {
        format!("{:.1}", self.average)
    }
}

/// The mean of `count` ratings summing to `sum`, in tenths of a star rounded half up (43 is
/// 4.3); 0 without ratings. Cards, course pages and search data all round this one way.
pub fn rating_tenths(sum: i64, count: i64) -> u16 {
    if count <= 0 {
        return 0;
    }
    let tenths = (sum.max(0) * 10 + count / 2) / count;
    u16::try_from(tenths.clamp(0, 50)).unwrap_or(0)
}

/// "4.3" for 43 tenths.
pub fn tenths_text(tenths: u16) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The instructor's answer under a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewReply {
    pub body: String,
    /// RFC 3339.
    pub at: String,
    pub edited: bool,
}

/// One review as the viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub id: i64,
    pub author: String,
    pub rating: u8,
    pub body: Option<String>,
    /// "Completed the course" or "40% through the course", when they wrote it.
    pub progress: String,
    /// No longer enrolled (unenrolled or refunded).
    pub former_learner: bool,
    pub edited: bool,
    /// RFC 3339.
    pub created_at: String,
    pub helpful_count: i64,
    /// The viewer marked it helpful.
    pub voted: bool,
    /// The viewer wrote it.
    pub mine: bool,
    /// The viewer teaches the course (or is an admin): they may reply.
    pub can_reply: bool,
    pub reply: Option<ReviewReply>,
    /// Set only for its author, when a moderator hid it: why.
    pub hidden_reason: Option<String>,
}

/// Whether the viewer may review the course, and if not, what to do first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewEligibility {
    /// Not signed in.
    SignIn,
    /// Signed in, not enrolled.
    Enroll,
    /// Enrolled, no lesson opened yet.
    OpenLesson,
    /// May write a review.
    Eligible,
    /// Already wrote one (edit or delete it).
    Reviewed,
}

/// A reported review in the moderators' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedReview {
    pub review_id: i64,
    pub course_title: String,
    pub course_slug: String,
    pub author: String,
    pub rating: u8,
    pub body: Option<String>,
    /// The open reports' reasons, oldest first.
    pub reasons: Vec<String>,
}

/// How reviews are ordered.
pub const SORT_NEWEST: &str = "newest";
/// Most helpful votes first.
pub const SORT_HELPFUL: &str = "helpful";

/// One page of a course's reviews with its summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub course_slug: String,
    /// The course as schema.org `Course` JSON for search engines (with `aggregateRating` once
    /// rated), made by the server and safe inside a script element.
    pub json_ld: String,
    pub summary: RatingSummary,
    pub items: Vec<ReviewRow>,
    pub page: u64,
    pub total_pages: u64,
    /// [`SORT_NEWEST`] or [`SORT_HELPFUL`].
    pub sort: String,
    /// The viewer's own review, wherever it sorts.
    pub mine: Option<ReviewRow>,
    pub eligibility: ReviewEligibility,
}

/// A course's rating in one calendar month (UTC): the visible reviews first written then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MonthlyRating {
    /// `YYYY-MM`.
    pub month: String,
    pub count: u64,
    /// Average in tenths of a star ([`rating_tenths`]); 0 when the month had none.
    pub tenths: u16,
}

/// A recent review of one of the instructor's courses, as `/teach` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReview {
    pub id: i64,
    pub course_title: String,
    pub course_slug: String,
    pub author: String,
    pub rating: u8,
    /// The start of the text (at most 200 characters), when it has text.
    pub excerpt: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// The instructor has answered it.
    pub replied: bool,
}
