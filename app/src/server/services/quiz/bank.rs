//! A course's question bank: list, open, save and delete questions.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{from_json, rules, to_json};
use crate::error::AppError;
use crate::models::{
    QuestionBank, QuestionEditor, QuestionInput, QuestionSummary, QuizItem, TagCount,
};
use crate::quiz::{excerpt, normalise_tags, validate, Question, QuestionKind};
use crate::server::entities::{lesson, question, quiz, user};
use crate::server::services::authoring::{editable_course, touch};
use crate::server::services::learning::rfc3339;

/// Questions per bank page.
pub const PER_PAGE: u64 = 20;
/// Most tags on one question.
pub const MAX_TAGS: usize = 10;

/// Most tags a client may send in one list (before duplicates are merged).
pub const MAX_TAG_INPUT: usize = 50;
/// Longest tag a client may send, in bytes, before it is trimmed.
pub const MAX_TAG_INPUT_BYTES: usize = 200;

/// Whether a client's tag list is small enough to normalise: at most [`MAX_TAG_INPUT`] tags of
/// at most [`MAX_TAG_INPUT_BYTES`] each.
pub fn tag_input_bounded(tags: &[String]) -> bool {
    tags.len() <= MAX_TAG_INPUT && tags.iter().all(|t| t.len() <= MAX_TAG_INPUT_BYTES)
}

/// Every question of course `course_id`, newest first.
pub(crate) async fn course_questions(
    db: &impl ConnectionTrait,
    course_id: i64,
) -> Result<Vec<question::Model>, AppError> {
    Ok(question::Entity::find()
        .filter(question::Column::CourseId.eq(course_id))
        .order_by_desc(question::Column::UpdatedAt)
        .order_by_desc(question::Column::Id)
        .all(db)
        .await?)
}

/// A question row's tags.
pub(crate) fn tags_of(row: &question::Model) -> Vec<String> {
    serde_json::from_str(&row.tags).unwrap_or_default()
}

/// Every tag of `questions` with its count, by name.
pub(crate) fn tag_counts(questions: &[question::Model]) -> Vec<TagCount> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for q in questions {
        for tag in tags_of(q) {
            *counts.entry(tag).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(tag, count)| TagCount { tag, count })
        .collect()
}

/// How many quizzes of course `course_id` name each question as a fixed item.
async fn usage(
    db: &impl ConnectionTrait,
    course_id: i64,
) -> Result<HashMap<i64, Vec<i64>>, AppError> {
    let mut used: HashMap<i64, Vec<i64>> = HashMap::new();
    for q in quiz::Entity::find()
        .filter(quiz::Column::CourseId.eq(course_id))
        .all(db)
        .await?
    {
        let (_, items) = rules(&q)?;
        for item in items {
            if let QuizItem::Question { question_id } = item {
                used.entry(question_id).or_default().push(q.lesson_id);
            }
        }
    }
    Ok(used)
}

/// Bank rows as summaries.
pub(crate) async fn summaries(
    db: &impl ConnectionTrait,
    course_id: i64,
    rows: &[question::Model],
) -> Result<Vec<QuestionSummary>, AppError> {
    let used = usage(db, course_id).await?;
    Ok(rows
        .iter()
        .map(|q| QuestionSummary {
            id: q.id,
            kind: QuestionKind::from_slug(&q.kind).unwrap_or(QuestionKind::SingleChoice),
            title: q.title.clone(),
            tags: tags_of(q),
            points: q.points,
            used_in: used.get(&q.id).map_or(0, |v| v.len() as u32),
            updated_at: rfc3339(q.updated_at),
        })
        .collect())
}

/// One page of course `course_id`'s bank, filtered by `tag` and by `search` in the title.
pub async fn list(
    db: &impl ConnectionTrait,
    user: &user::Model,
    course_id: i64,
    tag: Option<String>,
    search: Option<String>,
    page: u64,
) -> Result<QuestionBank, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let all = course_questions(db, course_id).await?;
    let tag = tag
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    let search = search
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let matching: Vec<question::Model> = all
        .iter()
        .filter(|q| tag.as_ref().is_none_or(|t| tags_of(q).contains(t)))
        .filter(|q| {
            search
                .as_ref()
                .is_none_or(|s| q.title.to_lowercase().contains(s))
        })
        .cloned()
        .collect();
    let page = crate::server::services::pagination::page_number(Some(page));
    let shown: Vec<question::Model> = matching
        .iter()
        .skip(((page - 1) * PER_PAGE) as usize)
        .take(PER_PAGE as usize)
        .cloned()
        .collect();
    Ok(QuestionBank {
        course_id,
        course_title: course.title,
        questions: summaries(db, course_id, &shown).await?,
        tags: tag_counts(&all),
        total: matching.len() as u64,
        page,
        per_page: PER_PAGE,
    })
}

/// The question `question_id` and its course id, if `user` may edit that course.
async fn editable_question(
    db: &impl ConnectionTrait,
    user: &user::Model,
    question_id: i64,
) -> Result<question::Model, AppError> {
    let row = question::Entity::find_by_id(question_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    editable_course(db, user, row.course_id).await?;
    Ok(row)
}

/// A bank question for the editor.
pub async fn get(
    db: &impl ConnectionTrait,
    user: &user::Model,
    question_id: i64,
) -> Result<QuestionEditor, AppError> {
    let row = editable_question(db, user, question_id).await?;
    Ok(QuestionEditor {
        id: row.id,
        course_id: row.course_id,
        tags: tags_of(&row),
        question: from_json(&row.body)?,
    })
}

/// `question` and `tags` checked and normalised for storing.
pub(crate) fn checked(
    question: &Question,
    tags: &[String],
) -> Result<Vec<String>, crate::error::FieldErrors> {
    let mut errors = validate(question).err().unwrap_or_default();
    let tags = if tag_input_bounded(tags) {
        normalise_tags(tags)
    } else {
        tags.to_vec()
    };
    if tags.len() > MAX_TAGS || tags.iter().any(|t| t.chars().count() > 40) {
        errors.insert(
            "tags".into(),
            "Use at most 10 tags of up to 40 characters.".into(),
        );
    }
    if errors.is_empty() {
        Ok(tags)
    } else {
        Err(errors)
    }
}

/// A new row for `question` in course `course_id`.
pub(crate) fn new_row(
    course_id: i64,
    user_id: i64,
    question: &Question,
    tags: &[String],
) -> Result<question::ActiveModel, AppError> {
    let now = Utc::now();
    Ok(question::ActiveModel {
        course_id: Set(course_id),
        kind: Set(question.body.kind().slug().into()),
        title: Set(excerpt(question)),
        tags: Set(to_json(&tags)?),
        body: Set(to_json(question)?),
        points: Set(question.points),
        created_by: Set(Some(user_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
}

/// Creates or updates a bank question; returns its id.
pub async fn save(
    db: &impl ConnectionTrait,
    user: &user::Model,
    input: &QuestionInput,
) -> Result<i64, AppError> {
    let course = editable_course(db, user, input.course_id).await?;
    let tags = checked(&input.question, &input.tags).map_err(AppError::Validation)?;
    let id = match input.id {
        None => {
            question::Entity::insert(new_row(course.id, user.id, &input.question, &tags)?)
                .exec(db)
                .await?
                .last_insert_id
        }
        Some(id) => {
            let row = editable_question(db, user, id).await?;
            if row.course_id != course.id {
                return Err(AppError::NotFound);
            }
            question::Entity::update(question::ActiveModel {
                id: Set(id),
                kind: Set(input.question.body.kind().slug().into()),
                title: Set(excerpt(&input.question)),
                tags: Set(to_json(&tags)?),
                body: Set(to_json(&input.question)?),
                points: Set(input.question.points),
                updated_at: Set(Utc::now()),
                ..Default::default()
            })
            .exec(db)
            .await?;
            id
        }
    };
    touch(db, course.id).await?;
    Ok(id)
}

/// Deletes a bank question unless a quiz names it as a fixed item. Attempts that asked it
/// keep their snapshot.
pub async fn delete(
    db: &impl ConnectionTrait,
    user: &user::Model,
    question_id: i64,
) -> Result<(), AppError> {
    let row = editable_question(db, user, question_id).await?;
    if let Some(lessons) = usage(db, row.course_id).await?.get(&question_id) {
        let titles: Vec<String> = lesson::Entity::find()
            .filter(lesson::Column::Id.is_in(lessons.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|l| format!("“{}”", l.title))
            .collect();
        return Err(AppError::Conflict(format!(
            "This question is used by the quiz {}. Remove it there first.",
            titles.join(", ")
        )));
    }
    question::Entity::delete_by_id(question_id).exec(db).await?;
    Ok(())
}
