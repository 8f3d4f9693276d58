//! `/learning`: the learner's enrolled courses; `/achievements`: their badges.

mod achievements;
mod my_learning;

pub use achievements::AchievementsPage;
pub use my_learning::MyLearningPage;
