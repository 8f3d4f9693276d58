//! Practice quizzes: questions with their answers, for grading in the browser.
//!
//! A practice quiz never ships a question a graded quiz of the course can ask (a fixed item of
//! one, or a question its random draws can pick): its answers would reach the browser before
//! the graded attempt, and a learner could collect them by practising again and again.

use std::collections::BTreeSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::DatabaseConnection;

use super::super::gradebook::graded_quizzes;
use super::super::{bank, rules};
use super::draw::draw;
use super::open_quiz;
use crate::error::AppError;
use crate::models::{PracticeQuestion, PracticeQuiz, QuizItem};
use crate::quiz::present;
use crate::server::entities::{question, user};

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
    let all = bank::course_questions(db, course.id).await?;
    let graded = graded_pool(db, course.id, &all).await?;
    let bank: Vec<question::Model> = all
        .into_iter()
        .filter(|q| !graded.contains(&q.id))
        .collect();
    let items: Vec<QuizItem> = items
        .into_iter()
        .filter(|item| !matches!(item, QuizItem::Question { question_id } if graded.contains(question_id)))
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(rand::rng().random());
    let questions = draw(&items, &bank, &settings, &mut rng)?
        .into_iter()
        .map(|d| PracticeQuestion {
            presented: present(&d.question, &d.layout),
            // Rendered here: the browser grades with feedback_prerendered, without markdown.
            question: crate::quiz::rendered(&d.question),
            presentation: d.layout,
        })
        .collect();
    Ok(PracticeQuiz {
        lesson_id,
        title: lesson.title,
        questions,
    })
}

/// The questions of `bank` that a graded (not practice) quiz of course `course_id` can ask:
/// its fixed items, and every question carrying all the tags of one of its draws.
async fn graded_pool(
    db: &DatabaseConnection,
    course_id: i64,
    bank: &[question::Model],
) -> Result<BTreeSet<i64>, AppError> {
    let mut fixed = BTreeSet::new();
    let mut draws: Vec<Vec<String>> = Vec::new();
    for (_, quiz, _) in graded_quizzes(db, course_id).await? {
        for item in rules(&quiz)?.1 {
            match item {
                QuizItem::Question { question_id } => {
                    fixed.insert(question_id);
                }
                QuizItem::Draw { tags, .. } => draws.push(tags),
            }
        }
    }
    Ok(bank
        .iter()
        .filter(|q| {
            fixed.contains(&q.id) || {
                let have = bank::tags_of(q);
                draws
                    .iter()
                    .any(|tags| tags.iter().all(|t| have.contains(t)))
            }
        })
        .map(|q| q.id)
        .collect())
}
