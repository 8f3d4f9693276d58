//! Practice quizzes: questions with their answers, for grading in the browser.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::DatabaseConnection;

use super::super::{bank, rules};
use super::draw::draw;
use super::open_quiz;
use crate::error::AppError;
use crate::models::{PracticeQuestion, PracticeQuiz};
use crate::quiz::present;
use crate::server::entities::user;

/// A practice quiz's questions with answers, for grading in the browser. `NotFound` for
/// graded quizzes: their answers never leave the server before submission.
pub async fn practice(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<PracticeQuiz, AppError> {
    let (course, lesson, quiz) = open_quiz(db, user, lesson_id).await?;
    let (settings, items) = rules(&quiz)?;
    if !settings.practice {
        return Err(AppError::NotFound);
    }
    let bank = bank::course_questions(db, course.id).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(rand::rng().random());
    let questions = draw(&items, &bank, &settings, &mut rng)?
        .into_iter()
        .map(|d| PracticeQuestion {
            presented: present(&d.question, &d.layout),
            question: d.question,
            presentation: d.layout,
        })
        .collect();
    Ok(PracticeQuiz {
        lesson_id,
        title: lesson.title,
        questions,
    })
}
