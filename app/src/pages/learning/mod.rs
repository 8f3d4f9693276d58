//! `/learning`: the learner's enrolled courses.

mod my_learning;

pub use my_learning::MyLearningPage;
