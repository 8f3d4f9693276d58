//! Importing questions into a bank from GIFT or CSV (all or nothing, after an optional
//! preview that stores nothing), and exporting GIFT.

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};

use super::bank::{checked, course_questions, new_row, tags_of};
use super::from_json;
use crate::error::AppError;
use crate::models::{ImportPreview, ImportReport, LineError};
use crate::quiz::{csv, gift, normalise_tags, summary, Imported, Question};
use crate::server::entities::{question, user};
use crate::server::services::authoring::{editable_course, touch};

/// Largest import, in bytes.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// Most questions in one import.
pub const MAX_IMPORT_QUESTIONS: usize = 500;

/// An import file read and checked, before anything is stored.
struct Checked {
    course_id: i64,
    /// Each question that read, with the tags it would carry.
    items: Vec<(Imported, Vec<String>)>,
    /// Every problem, unreadable questions and invalid ones alike, by line.
    errors: Vec<LineError>,
}

fn problem(line: u32, message: impl Into<String>) -> LineError {
    LineError {
        line,
        message: message.into(),
    }
}

/// Reads `text` (`format` `gift` or `csv`) for course `course_id`'s bank, adding `tags` to
/// every question, and checks every question that read: all problems in one pass. Refuses
/// (with a field error) what is not an import at all: too large, empty, an unknown format or
/// too many tags.
async fn read_and_check(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    format: &str,
    text: &str,
    tags: &[String],
) -> Result<Checked, AppError> {
    let course = editable_course(db, user, course_id).await?;
    if text.len() > MAX_IMPORT_BYTES {
        return Err(AppError::field("text", "Import at most 1 MB at a time."));
    }
    if text.trim().is_empty() {
        return Err(AppError::field("text", "Paste or choose a file to import."));
    }
    let (items, mut errors) = match format {
        "gift" => gift::parse_all(text),
        "csv" => csv::parse_all(text),
        _ => return Err(AppError::field("format", "Choose GIFT or CSV.")),
    };
    if !super::bank::tag_input_bounded(tags) {
        return Err(AppError::field(
            "tags",
            "Add at most 50 tags of up to 200 characters to an import.",
        ));
    }
    if items.is_empty() && errors.is_empty() {
        errors.push(problem(1, "No questions found."));
    }
    if let Some(extra) = items.get(MAX_IMPORT_QUESTIONS) {
        return Ok(Checked {
            course_id: course.id,
            items: Vec::new(),
            errors: vec![problem(
                extra.line,
                format!("Import at most {MAX_IMPORT_QUESTIONS} questions at a time."),
            )],
        });
    }
    let mut checked_items = Vec::with_capacity(items.len());
    for item in items {
        let mut all_tags = item.tags.clone();
        all_tags.extend(tags.iter().cloned());
        let all_tags = normalise_tags(&all_tags);
        let tags =
            match checked(&item.question, &all_tags) {
                Ok(tags) => tags,
                Err(problems) => {
                    errors.extend(problems.into_iter().map(|(field, message)| {
                        problem(item.line, format!("{message} ({field})"))
                    }));
                    all_tags
                }
            };
        checked_items.push((item, tags));
    }
    // Stable: a question's own problems keep their order.
    errors.sort_by_key(|e| e.line);
    Ok(Checked {
        course_id: course.id,
        items: checked_items,
        errors,
    })
}

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
    let Checked {
        course_id,
        items,
        errors,
    } = read_and_check(db, user, course_id, format, text, tags).await?;
    if !errors.is_empty() {
        return Ok(ImportReport {
            imported: 0,
            errors,
        });
    }
    let rows = items
        .iter()
        .map(|(item, tags)| new_row(course_id, user.id, &item.question, tags))
        .collect::<Result<Vec<_>, _>>()?;
    let count = rows.len() as u32;
    let txn = db.begin().await?;
    for row in rows {
        question::Entity::insert(row)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    touch(db, course_id).await?;
    Ok(ImportReport {
        imported: count,
        errors: Vec::new(),
    })
}

/// What importing the same arguments would add to course `course_id`'s bank, and every
/// problem, without storing anything (see [`import`]).
pub async fn preview(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    format: &str,
    text: &str,
    tags: &[String],
) -> Result<ImportPreview, AppError> {
    let checked = read_and_check(db, user, course_id, format, text, tags).await?;
    Ok(ImportPreview {
        questions: checked
            .items
            .into_iter()
            .map(|(item, tags)| summary::preview(&item, tags))
            .collect(),
        errors: checked.errors,
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
