//! `/learning`: the learner's enrolled courses; `/achievements`: their badges.

mod achievements;
mod leaderboard;
mod my_learning;

pub use achievements::AchievementsPage;
pub use leaderboard::LeaderboardPage;
pub use my_learning::MyLearningPage;
