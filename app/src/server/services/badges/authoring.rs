//! Defining badges and revoking awards: a course's own instructor and admins for course badges,
//! admins only for site-wide ones (see `authoring`'s access rule).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::{day, rule_text, Snapshot, BACKFILL_JOB};
use crate::error::{AppError, FieldErrors};
use crate::models::{
    uploaded_image_id, uploaded_image_key, AwardRow, BadgeDraft, BadgeRow, CourseBadges,
    QuizChoice, Role, Rule, AWARDS_PER_PAGE, BADGE_IMAGES, MAX_BADGES_PER_COURSE,
    MAX_BADGE_CRITERIA, MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME,
};
use crate::server::entities::{badge, badge_award, lesson, user};
use crate::server::services::authoring::{editable_course, may_edit};
use crate::server::services::quiz::{is_graded_quiz, QUIZ_KIND};
use crate::server::services::{jobs, pagination::page_number};
use crate::server::services::{media, pagination};
use crate::server::storage::MediaKind;

/// The badges page of course `course_id` for `user` (who must be allowed to edit it), with
/// page `page` of its awards, newest first.
pub async fn course_badges(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    page: Option<u64>,
) -> Result<CourseBadges, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let quizzes = graded_quizzes(db, course.id).await?;
    let titles: HashMap<i64, &str> = quizzes
        .iter()
        .map(|q| (q.lesson_id, q.title.as_str()))
        .collect();
    let badges = badge::Entity::find()
        .filter(badge::Column::CourseId.eq(course.id))
        .order_by_asc(badge::Column::Id)
        .all(db)
        .await?;
    let rows = badge_rows(db, &badges, &titles).await?;
    let (awards, awards_total, page) = award_page(db, &badges, page).await?;
    Ok(CourseBadges {
        course_id: course.id,
        course_title: course.title,
        course_slug: course.slug,
        badges: rows,
        quizzes,
        awards,
        awards_total,
        page,
    })
}

/// `badges` as their author sees them, with how many hold each (quiz titles by lesson id).
pub(super) async fn badge_rows(
    db: &DatabaseConnection,
    badges: &[badge::Model],
    quiz_titles: &HashMap<i64, &str>,
) -> Result<Vec<BadgeRow>, AppError> {
    let mut rows = Vec::with_capacity(badges.len());
    for b in badges {
        let awarded = badge_award::Entity::find()
            .filter(badge_award::Column::BadgeId.eq(b.id))
            .filter(badge_award::Column::RevokedAt.is_null())
            .count(db)
            .await?;
        let quiz = b
            .rule_lesson_id
            .and_then(|id| quiz_titles.get(&id).copied());
        rows.push(BadgeRow {
            id: b.id,
            name: b.name.clone(),
            description: b.description.clone(),
            image: b.image.clone(),
            rule_text: rule_text(b, quiz),
            awarded,
        });
    }
    Ok(rows)
}

/// Page `page` of the awards of `badges`, newest first: the rows, the total and the page.
pub(super) async fn award_page(
    db: &DatabaseConnection,
    badges: &[badge::Model],
    page: Option<u64>,
) -> Result<(Vec<AwardRow>, u64, u64), AppError> {
    let names: HashMap<i64, &str> = badges.iter().map(|b| (b.id, b.name.as_str())).collect();
    let paged = pagination::fetch(
        badge_award::Entity::find()
            .filter(badge_award::Column::BadgeId.is_in(badges.iter().map(|b| b.id)))
            .order_by_desc(badge_award::Column::AwardedAt)
            .order_by_desc(badge_award::Column::Id)
            .paginate(db, AWARDS_PER_PAGE),
        Some(page_number(page)),
    )
    .await?;
    let rows = paged
        .rows
        .iter()
        .map(|a| AwardRow {
            id: a.public_id.clone(),
            badge: names
                .get(&a.badge_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            learner: a.learner_name.clone(),
            awarded_on: day(a.awarded_at),
            revoked: a.revoked_reason.clone(),
        })
        .collect();
    Ok((rows, paged.total, paged.page))
}

/// The graded quizzes of a course, in lesson-id order.
pub(crate) async fn graded_quizzes(
    db: &impl ConnectionTrait,
    course_id: i64,
) -> Result<Vec<QuizChoice>, AppError> {
    let mut out = Vec::new();
    for l in lesson::Entity::find()
        .filter(lesson::Column::CourseId.eq(course_id))
        .filter(lesson::Column::Kind.eq(QUIZ_KIND))
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?
    {
        if is_graded_quiz(db, &l).await? {
            out.push(QuizChoice {
                lesson_id: l.id,
                title: l.title,
            });
        }
    }
    Ok(out)
}

/// Creates a badge in course `draft.course`; queues the job that awards it to learners who
/// already meet its rule. Returns the new badge's id.
pub async fn create(
    db: &DatabaseConnection,
    user: &user::Model,
    draft: &BadgeDraft,
) -> Result<i64, AppError> {
    let course = editable_course(db, user, draft.course).await?;
    let quizzes = graded_quizzes(db, course.id).await?;
    let uploaded_ok = match uploaded_image_id(&draft.image) {
        Some(id) => uploaded_image(db, id, course.id).await?,
        None => false,
    };
    let (rule, lesson_id, threshold) = validate(draft, &quizzes, uploaded_ok)?;
    let existing = badge::Entity::find()
        .filter(badge::Column::CourseId.eq(course.id))
        .count(db)
        .await?;
    if existing >= MAX_BADGES_PER_COURSE {
        return Err(AppError::field(
            "name",
            &format!("A course can have at most {MAX_BADGES_PER_COURSE} badges."),
        ));
    }
    let now = Utc::now();
    insert_queued(
        db,
        badge::ActiveModel {
            course_id: Set(Some(course.id)),
            name: Set(draft.name.trim().to_owned()),
            description: Set(draft.description.trim().to_owned()),
            criteria: Set(draft.criteria.trim().to_owned()),
            image: Set(match uploaded_image_id(&draft.image) {
                Some(id) if uploaded_ok => uploaded_image_key(id),
                _ => draft.image.clone(),
            }),
            rule: Set(rule.key().to_owned()),
            rule_lesson_id: Set(lesson_id),
            rule_threshold: Set(threshold),
            created_by: Set(Some(user.id)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await
}

/// Inserts `row` and queues the job that awards it to everyone who already meets its rule, in
/// one transaction; the new badge's id.
pub(super) async fn insert_queued(
    db: &DatabaseConnection,
    row: badge::ActiveModel,
) -> Result<i64, AppError> {
    let txn = db.begin().await?;
    let row = row.insert(&txn).await?;
    jobs::enqueue(&txn, BACKFILL_JOB, &row.id).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Whether media `media_id` is a ready image uploaded to course `course_id`.
async fn uploaded_image(
    db: &DatabaseConnection,
    media_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    match media::ready_media_of_course(db, media_id, course_id).await {
        Ok(m) => Ok(m.kind == MediaKind::Image.as_str()),
        Err(AppError::Validation(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Checks a draft's name, description and criteria, and that its image is a built-in one (or,
/// when `uploaded_ok`, the course's uploaded image it names), into `errors`.
pub(super) fn check_text_and_image(
    draft: &BadgeDraft,
    uploaded_ok: bool,
    errors: &mut FieldErrors,
) {
    let mut text = |field: &str, value: &str, label: &str, min: usize, max: usize| {
        let n = value.trim().chars().count();
        if n < min {
            errors.insert(field.into(), format!("Enter {label}."));
        } else if n > max {
            errors.insert(
                field.into(),
                format!("Keep {label} to {max} characters (it has {n})."),
            );
        }
    };
    text("name", &draft.name, "a name", 1, MAX_BADGE_NAME);
    text(
        "description",
        &draft.description,
        "a description",
        1,
        MAX_BADGE_DESCRIPTION,
    );
    text(
        "criteria",
        &draft.criteria,
        "what a learner does to earn it",
        1,
        MAX_BADGE_CRITERIA,
    );
    if !uploaded_ok && !BADGE_IMAGES.iter().any(|(k, _)| *k == draft.image) {
        errors.insert("image".into(), "Choose one of the images.".into());
    }
}

/// Checks a course badge's draft; the rule, its quiz lesson and its threshold as stored.
fn validate(
    draft: &BadgeDraft,
    quizzes: &[QuizChoice],
    uploaded_ok: bool,
) -> Result<(Rule, Option<i64>, Option<i32>), AppError> {
    let mut errors = FieldErrors::new();
    check_text_and_image(draft, uploaded_ok, &mut errors);
    let rule = Rule::COURSE
        .iter()
        .map(|(r, _)| *r)
        .find(|r| r.key() == draft.rule);
    let mut lesson_id = None;
    let mut threshold = None;
    match rule {
        None => {
            errors.insert("rule".into(), "Choose how the badge is earned.".into());
        }
        Some(Rule::QuizPassed) => {
            match draft.quiz_lesson {
                Some(id) if quizzes.iter().any(|q| q.lesson_id == id) => lesson_id = Some(id),
                _ => {
                    errors.insert(
                        "quiz_lesson".into(),
                        "Choose one of this course's graded quizzes.".into(),
                    );
                }
            }
            match draft.threshold {
                Some(p) if (1..=100).contains(&p) => threshold = Some(p),
                _ => {
                    errors.insert(
                        "threshold".into(),
                        "Enter the lowest score, from 1 to 100%.".into(),
                    );
                }
            }
        }
        Some(Rule::AllQuizzesPassed) if quizzes.is_empty() => {
            errors.insert(
                "rule".into(),
                "This course has no graded quiz yet: add one first, or choose another rule.".into(),
            );
        }
        Some(_) => {}
    }
    match (rule, errors.is_empty()) {
        (Some(rule), true) => Ok((rule, lesson_id, threshold)),
        _ => Err(AppError::Validation(errors)),
    }
}

/// Deletes badge `badge_id`, which must never have been awarded (an issued credential must keep
/// resolving; revoke awards instead).
pub async fn delete(
    db: &DatabaseConnection,
    user: &user::Model,
    badge_id: i64,
) -> Result<(), AppError> {
    let b = badge::Entity::find_by_id(badge_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    match b.course_id {
        Some(course_id) => {
            editable_course(db, user, course_id).await?;
        }
        None if user.role == Role::Admin.as_str() => {}
        None => return Err(AppError::Forbidden),
    }
    let awarded = badge_award::Entity::find()
        .filter(badge_award::Column::BadgeId.eq(b.id))
        .count(db)
        .await?;
    if awarded > 0 {
        return Err(AppError::Conflict(format!(
            "\u{201c}{}\u{201d} has been awarded {awarded} time{}: it cannot be deleted. Revoke \
             an award instead.",
            b.name,
            if awarded == 1 { "" } else { "s" }
        )));
    }
    badge::Entity::delete_by_id(b.id).exec(db).await?;
    Ok(())
}

/// Revokes award `public_id` with `reason` (3 to 500 characters). The course's instructor and
/// admins may revoke a course badge's awards, admins a site-wide one's. Revoking again keeps
/// the first revocation.
pub async fn revoke(
    db: &DatabaseConnection,
    user: &user::Model,
    public_id: &str,
    reason: &str,
) -> Result<(), AppError> {
    let reason = super::revoke_reason(reason, "credential")?;
    let award = badge_award::Entity::find()
        .filter(badge_award::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course_id = Snapshot::of(&award).and_then(|s| s.course.map(|c| c.0));
    let allowed = match course_id {
        Some(id) => match crate::server::entities::course::Entity::find_by_id(id)
            .one(db)
            .await?
        {
            Some(course) => may_edit(user, &course),
            None => user.role == Role::Admin.as_str(),
        },
        None => user.role == Role::Admin.as_str(),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    badge_award::Entity::update_many()
        .set(badge_award::ActiveModel {
            revoked_at: Set(Some(Utc::now())),
            revoked_reason: Set(Some(reason.to_owned())),
            revoked_by: Set(Some(user.id)),
            ..Default::default()
        })
        .filter(badge_award::Column::Id.eq(award.id))
        .filter(badge_award::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
