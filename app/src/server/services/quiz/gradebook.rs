//! The gradebook: enrolled learners × graded quizzes, on screen and as CSV.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::attempts::finalize_overdue;
use super::{kept_percent, passes, quiz_of, rules, QUIZ_KIND};
use crate::error::AppError;
use crate::models::{GradeCell, Gradebook, GradebookQuiz, GradebookRow, QuizSettings};
use crate::server::entities::{course, enrollment, quiz, quiz_attempt, user};
use crate::server::services::authoring::{editable_course, may_edit};
use crate::server::services::learning::progress::ordered_lessons;

/// Learners per gradebook page.
pub const PER_PAGE: u64 = 50;

/// The graded quizzes of a course in curriculum order, with their settings.
pub(crate) async fn graded_quizzes(
    db: &DatabaseConnection,
    course_id: i64,
) -> Result<Vec<(GradebookQuiz, quiz::Model, QuizSettings)>, AppError> {
    let mut out = Vec::new();
    for lesson in ordered_lessons(db, course_id).await? {
        if lesson.kind != QUIZ_KIND {
            continue;
        }
        let quiz = quiz_of(db, &lesson).await?;
        let (settings, _) = rules(&quiz)?;
        if settings.practice {
            continue;
        }
        out.push((
            GradebookQuiz {
                lesson_id: lesson.id,
                title: lesson.title,
                pass_percent: settings.pass_percent,
            },
            quiz,
            settings,
        ));
    }
    Ok(out)
}

/// Enrolled learners (not the course's editors), by name.
async fn learners(
    db: &DatabaseConnection,
    course: &course::Model,
) -> Result<Vec<user::Model>, AppError> {
    let ids: Vec<i64> = enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(course.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let mut people: Vec<user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|u| !may_edit(u, course))
        .collect();
    people.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    Ok(people)
}

/// A learner's cell for one quiz from their attempts (oldest first).
fn cell(settings: &QuizSettings, attempts: &[&quiz_attempt::Model]) -> Option<GradeCell> {
    let latest = attempts.last()?;
    let percents: Vec<f64> = attempts.iter().filter_map(|a| a.percent).collect();
    let percent = kept_percent(settings.kept, &percents);
    let shown = attempts
        .iter()
        .rev()
        .find(|a| a.submitted_at.is_some())
        .unwrap_or(latest);
    Some(GradeCell {
        percent,
        passed: percent.is_some_and(|p| passes(p, settings)),
        attempts: attempts.len() as u32,
        attempt_id: shown.id,
    })
}

/// Every row of the gradebook of `course` (all learners).
async fn rows(
    db: &DatabaseConnection,
    course: &course::Model,
    quizzes: &[(GradebookQuiz, quiz::Model, QuizSettings)],
    people: &[user::Model],
) -> Result<Vec<GradebookRow>, AppError> {
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::CourseId.eq(course.id))
        .filter(quiz_attempt::Column::UserId.is_in(people.iter().map(|u| u.id)))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?;
    let mut by: HashMap<(i64, i64), Vec<&quiz_attempt::Model>> = HashMap::new();
    for a in &attempts {
        by.entry((a.user_id, a.quiz_id)).or_default().push(a);
    }
    Ok(people
        .iter()
        .map(|u| GradebookRow {
            user_id: u.id,
            name: u.display_name.clone(),
            email: u.email.clone(),
            cells: quizzes
                .iter()
                .map(|(_, q, settings)| by.get(&(u.id, q.id)).and_then(|a| cell(settings, a)))
                .collect(),
        })
        .collect())
}

/// Page `page` of course `course_id`'s gradebook. Overdue attempts are submitted first.
pub async fn gradebook(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    page: u64,
) -> Result<Gradebook, AppError> {
    let course = editable_course(db, user, course_id).await?;
    finalize_overdue(db, Utc::now()).await?;
    let quizzes = graded_quizzes(db, course.id).await?;
    let people = learners(db, &course).await?;
    let page = crate::server::services::pagination::page_number(Some(page));
    let shown: Vec<user::Model> = people
        .iter()
        .skip(((page - 1) * PER_PAGE) as usize)
        .take(PER_PAGE as usize)
        .cloned()
        .collect();
    Ok(Gradebook {
        course_id,
        course_title: course.title.clone(),
        rows: rows(db, &course, &quizzes, &shown).await?,
        quizzes: quizzes.into_iter().map(|(q, _, _)| q).collect(),
        total: people.len() as u64,
        page,
        per_page: PER_PAGE,
    })
}

/// A CSV cell, quoted when needed, with spreadsheet formulas neutralised.
pub fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The whole gradebook of course `course_id` as CSV: learner, email, then per quiz the kept
/// percentage, attempts and whether passed.
pub async fn csv(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
) -> Result<String, AppError> {
    let course = editable_course(db, user, course_id).await?;
    finalize_overdue(db, Utc::now()).await?;
    let quizzes = graded_quizzes(db, course.id).await?;
    let people = learners(db, &course).await?;
    let mut header = vec!["Learner".to_owned(), "Email".to_owned()];
    for (q, _, _) in &quizzes {
        header.push(format!("{} (%)", q.title));
        header.push(format!("{} attempts", q.title));
        header.push(format!("{} passed", q.title));
    }
    let mut out = String::new();
    out.push_str(
        &header
            .iter()
            .map(|h| csv_cell(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for row in rows(db, &course, &quizzes, &people).await? {
        let mut cells = vec![csv_cell(&row.name), csv_cell(&row.email)];
        for c in &row.cells {
            match c {
                Some(c) => {
                    cells.push(c.percent.map(|p| format!("{p:.1}")).unwrap_or_default());
                    cells.push(c.attempts.to_string());
                    cells.push(if c.passed { "yes" } else { "no" }.into());
                }
                None => cells.extend([String::new(), "0".into(), "no".into()]),
            }
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}
