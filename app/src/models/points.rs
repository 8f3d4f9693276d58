//! Points, streaks and leaderboards as learners see them.
use serde::{Deserialize, Serialize};

/// Points for a lesson completed (the rules' only home; see `server::services::points`).
pub const LESSON_POINTS: i32 = 10;
/// Points for passing a quiz, the first time.
pub const QUIZ_POINTS: i32 = 20;

/// How many places a leaderboard shows.
pub const LEADERBOARD_SIZE: usize = 20;

/// The signed-in learner's points and streak.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub points: i64,
    /// Points earned this week (ISO week, UTC).
    pub week_points: i64,
    /// Days in a row with points, up to today or yesterday in the learner's time zone.
    pub streak_days: u32,
    /// The time zone streaks are counted in.
    pub time_zone: String,
    /// Whether the learner appears by name on leaderboards.
    pub leaderboard_public: bool,
}

/// One place on a leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub rank: u64,
    /// The learner's display name if they chose to show it, else "A learner"; "You" for the
    /// viewer.
    pub name: String,
    pub points: i64,
    pub you: bool,
}

/// A leaderboard page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardView {
    /// (slug, title) of the course, for a course's board; `None` for the site's.
    pub course: Option<(String, String)>,
    /// This week's points (else all time).
    pub weekly: bool,
    pub top: Vec<LeaderRow>,
    /// The viewer's place, when they have points here.
    pub me: Option<LeaderRow>,
    /// Learners with points on this board.
    pub learners: u64,
    /// Whether the viewer appears by name.
    pub named: bool,
    /// (slug, title) of the viewer's enrolled courses, to switch boards.
    pub courses: Vec<(String, String)>,
}
