//! Which questions a new attempt (or a practice round) gets, and their layouts: fixed items in
//! order, then random draws from tagged pools, shuffled when the quiz asks.

use std::collections::BTreeSet;

use rand::{seq::SliceRandom, Rng};
use rand_chacha::ChaCha8Rng;

use super::super::{bank, from_json};
use crate::error::AppError;
use crate::models::{QuizItem, QuizSettings};
use crate::quiz::{presentation, Presentation, Question};
use crate::server::entities::question;

/// One question drawn for an attempt: its bank row, its content and its layout.
pub(super) struct Drawn {
    /// The bank row it came from.
    pub row: question::Model,
    /// The question as it is now (attempts keep this snapshot).
    pub question: Question,
    /// How it is shown: option order and the like.
    pub layout: Presentation,
}

/// The questions of a new attempt under `settings`, each with its layout, drawn with `rng`.
pub(super) fn draw(
    items: &[QuizItem],
    bank: &[question::Model],
    settings: &QuizSettings,
    rng: &mut ChaCha8Rng,
) -> Result<Vec<Drawn>, AppError> {
    let chosen = select(items, bank, settings.shuffle_questions, rng)?;
    let mut drawn = Vec::with_capacity(chosen.len());
    for row in chosen {
        let question: Question = from_json(&row.body)?;
        let layout = presentation(&question, settings.shuffle_options, &mut |n| {
            rng.random_range(0..n)
        });
        drawn.push(Drawn {
            row,
            question,
            layout,
        });
    }
    Ok(drawn)
}

/// The questions of a new attempt: fixed items in order, then draws, shuffled if asked.
fn select(
    items: &[QuizItem],
    bank: &[question::Model],
    shuffle: bool,
    rng: &mut ChaCha8Rng,
) -> Result<Vec<question::Model>, AppError> {
    let fixed: BTreeSet<i64> = items
        .iter()
        .filter_map(|i| match i {
            QuizItem::Question { question_id } => Some(*question_id),
            QuizItem::Draw { .. } => None,
        })
        .collect();
    let mut taken: BTreeSet<i64> = BTreeSet::new();
    let mut chosen = Vec::new();
    for item in items {
        match item {
            QuizItem::Question { question_id } => {
                let row = bank.iter().find(|q| q.id == *question_id).ok_or_else(|| {
                    AppError::Conflict(
                        "A question of this quiz was deleted; ask the instructor to fix the quiz."
                            .into(),
                    )
                })?;
                taken.insert(row.id);
                chosen.push(row.clone());
            }
            QuizItem::Draw { tags, count } => {
                let mut pool: Vec<&question::Model> = bank
                    .iter()
                    .filter(|q| !fixed.contains(&q.id) && !taken.contains(&q.id))
                    .filter(|q| {
                        let have = bank::tags_of(q);
                        tags.iter().all(|t| have.contains(t))
                    })
                    .collect();
                if pool.len() < *count as usize {
                    return Err(AppError::Conflict(format!(
                        "This quiz draws {count} questions tagged {} but the bank has only {}; ask the instructor to fix the quiz.",
                        tags.join(", "),
                        pool.len()
                    )));
                }
                pool.shuffle(rng);
                for q in pool.into_iter().take(*count as usize) {
                    taken.insert(q.id);
                    chosen.push(q.clone());
                }
            }
        }
    }
    if shuffle {
        chosen.shuffle(rng);
    }
    Ok(chosen)
}
