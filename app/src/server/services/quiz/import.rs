//! Importing questions into a bank from GIFT or CSV (all or nothing), and exporting GIFT.

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};

use super::bank::{checked, course_questions, new_row, normalise_tags, tags_of};
use super::from_json;
use crate::error::AppError;
use crate::models::{ImportReport, LineError};
use crate::quiz::{csv, gift, Imported, Question};
use crate::server::entities::{question, user};
use crate::server::services::authoring::{editable_course, touch};

/// Largest import, in bytes.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// Most questions in one import.
pub const MAX_IMPORT_QUESTIONS: usize = 500;

/// Imports `text` (`format` `gift` or `csv`) into course `course_id`'s bank, adding `tags` to
/// every question. With any problem nothing is stored and every problem is reported by line.
pub async fn import(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    format: &str,
    text: &str,
    tags: &[String],
) -> Result<ImportReport, AppError> {
    let course = editable_course(db, user, course_id).await?;
    if text.len() > MAX_IMPORT_BYTES {
        return Err(AppError::field("text", "Import at most 1 MB at a time."));
    }
    if text.trim().is_empty() {
        return Err(AppError::field("text", "Paste or choose a file to import."));
    }
    let parsed = match format {
        "gift" => gift::parse(text),
        "csv" => csv::parse(text),
        _ => return Err(AppError::field("format", "Choose GIFT or CSV.")),
    };
    let items: Vec<Imported> = match parsed {
        Ok(items) => items,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                errors,
            })
        }
    };
    if items.is_empty() {
        return Ok(ImportReport {
            imported: 0,
            errors: vec![LineError {
                line: 1,
                message: "No questions found.".into(),
            }],
        });
    }
    if items.len() > MAX_IMPORT_QUESTIONS {
        return Ok(ImportReport {
            imported: 0,
            errors: vec![LineError {
                line: items[MAX_IMPORT_QUESTIONS].line,
                message: format!("Import at most {MAX_IMPORT_QUESTIONS} questions at a time."),
            }],
        });
    }
    if !super::bank::tag_input_bounded(tags) {
        return Err(AppError::field(
            "tags",
            "Add at most 50 tags of up to 200 characters to an import.",
        ));
    }
    let mut errors = Vec::new();
    let mut rows = Vec::with_capacity(items.len());
    for item in &items {
        let mut all_tags = item.tags.clone();
        all_tags.extend(tags.iter().cloned());
        match checked(&item.question, &normalise_tags(&all_tags)) {
            Ok(tags) => rows.push(new_row(course.id, user.id, &item.question, &tags)?),
            Err(problems) => {
                errors.extend(problems.into_iter().map(|(field, message)| LineError {
                    line: item.line,
                    message: format!("{message} ({field})"),
                }))
            }
        }
    }
    if !errors.is_empty() {
        return Ok(ImportReport {
            imported: 0,
            errors,
        });
    }
    let count = rows.len() as u32;
    let txn = db.begin().await?;
    for row in rows {
        question::Entity::insert(row)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    touch(db, course.id).await?;
    Ok(ImportReport {
        imported: count,
        errors: Vec::new(),
    })
}

/// Course `course_id`'s bank (or the questions tagged `tag`) as GIFT.
pub async fn export_gift(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    tag: Option<String>,
) -> Result<String, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let tag = tag
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    let mut rows = course_questions(db, course.id).await?;
    rows.reverse();
    let mut out: Vec<(Vec<String>, Question)> = Vec::new();
    for row in rows {
        let tags = tags_of(&row);
        if tag.as_ref().is_none_or(|t| tags.contains(t)) {
            out.push((tags, from_json(&row.body)?));
        }
    }
    Ok(gift::export(&out))
}
