//! Badges and credentials as pages see them: the rules an instructor picks from, a course's
//! badges and awards, a learner's achievements, and a public credential's verdict.

use serde::{Deserialize, Serialize};

/// The built-in badge images: (key, what it shows). Each is `/badges/{key}.svg`.
pub const BADGE_IMAGES: &[(&str, &str)] = &[
    ("star", "Star"),
    ("trophy", "Trophy"),
    ("rocket", "Rocket"),
    ("book", "Open book"),
    ("medal", "Medal"),
    ("bolt", "Lightning bolt"),
];

/// The stored image key of an uploaded image (media `id`): `media:{id}`.
pub fn uploaded_image_key(media_id: i64) -> String {
    format!("{UPLOADED_IMAGE_PREFIX}{media_id}")
}

/// What an uploaded image's stored key starts with.
pub const UPLOADED_IMAGE_PREFIX: &str = "media:";

/// The media id of an uploaded image's key (`media:{id}`), `None` for a built-in image.
pub fn uploaded_image_id(key: &str) -> Option<i64> {
    key.strip_prefix(UPLOADED_IMAGE_PREFIX)?
        .parse()
        .ok()
        .filter(|id| *id > 0)
}

/// The path of a badge image under the site root: an uploaded image is served by the media
/// route (`/media/{id}/badge`, public once a badge uses it); a built-in one from
/// `/badge-images/` (the first image for an unknown key).
pub fn badge_image_path(key: &str) -> String {
    if let Some(id) = uploaded_image_id(key) {
        return format!("/media/{id}/badge");
    }
    let key = if BADGE_IMAGES.iter().any(|(k, _)| *k == key) {
        key
    } else {
        BADGE_IMAGES[0].0
    };
    format!("/badge-images/{key}.svg")
}

/// The longest badge name.
pub const MAX_BADGE_NAME: usize = 100;
/// The longest description.
pub const MAX_BADGE_DESCRIPTION: usize = 500;
/// The longest criteria text.
pub const MAX_BADGE_CRITERIA: usize = 1000;
/// The longest revocation reason.
pub const MAX_REVOKE_REASON: usize = 500;
/// The largest number a site-wide rule may ask for (courses completed, days in a row).
pub const MAX_SITE_RULE_NUMBER: i32 = 365;
/// The most badges one course (or the site) may have.
pub const MAX_BADGES_PER_COURSE: u64 = 50;
/// Awards listed per page on the instructor's badge page.
pub const AWARDS_PER_PAGE: u64 = 25;

/// What earns a badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The learner completed the course.
    CourseCompleted,
    /// The learner completed any one lesson of the course.
    FirstLesson,
    /// The learner passed one quiz with at least a given score.
    QuizPassed,
    /// The learner passed every graded quiz of the course.
    AllQuizzesPassed,
    /// Site-wide: the learner completed at least a given number of courses.
    CoursesCompleted,
    /// Site-wide: the learner was active (earned points) a given number of days in a row, in
    /// their own time zone.
    StreakDays,
}

impl Rule {
    /// Every rule a course badge may have, with its label.
    pub const COURSE: [(Rule, &'static str); 4] = [
        (Rule::CourseCompleted, "Completes the course"),
        (Rule::FirstLesson, "Completes a first lesson"),
        (Rule::QuizPassed, "Passes a quiz with at least a score"),
        (Rule::AllQuizzesPassed, "Passes every graded quiz"),
    ];

    /// Every rule a site-wide badge may have, with its label; both need a number.
    pub const SITE: [(Rule, &'static str); 2] = [
        (Rule::CoursesCompleted, "Completes a number of courses"),
        (
            Rule::StreakDays,
            "Keeps a daily streak for a number of days",
        ),
    ];

    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            Rule::CourseCompleted => "course_completed",
            Rule::FirstLesson => "first_lesson",
            Rule::QuizPassed => "quiz_passed",
            Rule::AllQuizzesPassed => "all_quizzes_passed",
            Rule::CoursesCompleted => "courses_completed",
            Rule::StreakDays => "streak_days",
        }
    }

    /// The rule with the stored key `key`.
    pub fn from_key(key: &str) -> Option<Rule> {
        [
            Rule::CourseCompleted,
            Rule::FirstLesson,
            Rule::QuizPassed,
            Rule::AllQuizzesPassed,
            Rule::CoursesCompleted,
            Rule::StreakDays,
        ]
        .into_iter()
        .find(|r| r.key() == key)
    }
}

/// A badge as its author fills it in. `course` is the course id; `quiz_lesson` and `threshold`
/// only matter for the rules that need them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeDraft {
    pub course: i64,
    pub name: String,
    pub description: String,
    pub criteria: String,
    pub image: String,
    pub rule: String,
    pub quiz_lesson: Option<i64>,
    pub threshold: Option<i32>,
}

/// One badge of a course, for its author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub image: String,
    /// The rule in words ("Passes "Quiz 1" with at least 80%").
    pub rule_text: String,
    /// Learners who hold it (revoked ones not counted).
    pub awarded: u64,
}

/// One award, for the instructor who may revoke it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardRow {
    /// The credential's public id.
    pub id: String,
    pub badge: String,
    pub learner: String,
    /// "27 Nov 2026".
    pub awarded_on: String,
    /// Why it was revoked, when it was.
    pub revoked: Option<String>,
}

/// A quiz lesson a "quiz passed" rule may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizChoice {
    pub lesson_id: i64,
    pub title: String,
}

/// A course's badges page for its instructor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseBadges {
    pub course_id: i64,
    pub course_title: String,
    pub course_slug: String,
    pub badges: Vec<BadgeRow>,
    pub quizzes: Vec<QuizChoice>,
    /// The newest awards first, one page.
    pub awards: Vec<AwardRow>,
    pub awards_total: u64,
    pub page: u64,
}

/// The site-wide badges page for admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteBadges {
    pub badges: Vec<BadgeRow>,
    /// The newest awards first, one page.
    pub awards: Vec<AwardRow>,
    pub awards_total: u64,
    pub page: u64,
}

/// One of a learner's badges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyBadge {
    /// The credential's public id.
    pub id: String,
    pub name: String,
    pub description: String,
    pub image: String,
    /// The course's title, for a course badge.
    pub course: Option<String>,
    pub awarded_on: String,
    /// Why it was revoked, when it was.
    pub revoked: Option<String>,
}

/// The learner's achievements page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Achievements {
    pub badges: Vec<MyBadge>,
    /// Certificates of completed courses, newest first.
    pub certificates: Vec<super::MyCertificate>,
    /// Points and streak.
    pub standing: super::Standing,
    /// Whether others may open the learner's credential pages.
    pub public: bool,
}

/// What checking a credential found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CredentialVerdict {
    /// Signed by this site's key, unchanged, not revoked.
    Valid,
    /// Signed and unchanged, but revoked (the reason, and when).
    Revoked { reason: String, on: String },
    /// Not a credential this site signed, or changed since (what is wrong).
    Invalid(String),
}

/// A credential as its public page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialView {
    pub id: String,
    pub verdict: CredentialVerdict,
    pub badge: String,
    pub description: String,
    pub criteria: String,
    pub image: String,
    pub learner: String,
    pub issuer: String,
    pub awarded_on: String,
    /// The course (title, slug), for a course badge.
    pub course: Option<(String, String)>,
    /// Whether the viewer is the learner (who may download it and change who sees it).
    pub own: bool,
}
