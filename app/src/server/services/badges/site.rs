//! Site-wide badges: admins define them (a number of courses completed, a daily streak of a
//! number of days) with a built-in image; every learner can earn them, from any course.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::authoring::{award_page, badge_rows, check_text_and_image, insert_queued};
use crate::error::{AppError, FieldErrors};
use crate::models::{
    BadgeDraft, Role, Rule, SiteBadges, MAX_BADGES_PER_COURSE, MAX_SITE_RULE_NUMBER,
};
use crate::server::entities::{badge, user};

/// `Forbidden` unless `user` is an admin.
fn require_admin(user: &user::Model) -> Result<(), AppError> {
    if user.role == Role::Admin.as_str() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The site-wide badges and page `page` of their awards, newest first. Admins only.
pub async fn site_badges(
    db: &DatabaseConnection,
    user: &user::Model,
    page: Option<u64>,
) -> Result<SiteBadges, AppError> {
    require_admin(user)?;
    let badges = badge::Entity::find()
        .filter(badge::Column::CourseId.is_null())
        .order_by_asc(badge::Column::Id)
        .all(db)
        .await?;
    let badge_list = badge_rows(db, &badges, &HashMap::new()).await?;
    let (awards, awards_total, page) = award_page(db, &badges, page).await?;
    Ok(SiteBadges {
        badges: badge_list,
        awards,
        awards_total,
        page,
    })
}

/// Checks a site-wide draft; its rule and number as stored.
fn validate(draft: &BadgeDraft) -> Result<(Rule, i32), AppError> {
    let mut errors = FieldErrors::new();
    check_text_and_image(draft, false, &mut errors);
    let rule = Rule::SITE
        .iter()
        .map(|(r, _)| *r)
        .find(|r| r.key() == draft.rule);
    if rule.is_none() {
        errors.insert("rule".into(), "Choose how the badge is earned.".into());
    }
    let threshold = draft
        .threshold
        .filter(|n| (1..=MAX_SITE_RULE_NUMBER).contains(n));
    if threshold.is_none() {
        let what = match rule {
            Some(Rule::StreakDays) => "days in a row",
            _ => "courses",
        };
        errors.insert(
            "threshold".into(),
            format!("Enter how many {what}, from 1 to {MAX_SITE_RULE_NUMBER}."),
        );
    }
    match (rule, threshold, errors.is_empty()) {
        (Some(rule), Some(n), true) => Ok((rule, n)),
        _ => Err(AppError::Validation(errors)),
    }
}

/// Creates a site-wide badge (admins only); queues the job that awards it to everyone who
/// already meets its rule. Returns the new badge's id. `draft.course` is ignored.
pub async fn create(
    db: &DatabaseConnection,
    user: &user::Model,
    draft: &BadgeDraft,
) -> Result<i64, AppError> {
    require_admin(user)?;
    let (rule, threshold) = validate(draft)?;
    let existing = badge::Entity::find()
        .filter(badge::Column::CourseId.is_null())
        .count(db)
        .await?;
    if existing >= MAX_BADGES_PER_COURSE {
        return Err(AppError::field(
            "name",
            &format!("The site can have at most {MAX_BADGES_PER_COURSE} site-wide badges."),
        ));
    }
    let now = Utc::now();
    insert_queued(
        db,
        badge::ActiveModel {
            course_id: Set(None),
            name: Set(draft.name.trim().to_owned()),
            description: Set(draft.description.trim().to_owned()),
            criteria: Set(draft.criteria.trim().to_owned()),
            image: Set(draft.image.clone()),
            rule: Set(rule.key().to_owned()),
            rule_lesson_id: Set(None),
            rule_threshold: Set(Some(threshold)),
            created_by: Set(Some(user.id)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await
}
