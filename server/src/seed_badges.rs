//! The demo courses' badges (`[[badges]]` tables in a course file, created with the course) and
//! the demo site-wide badges.

use anyhow::bail;
use app::models::{Rule, BADGE_IMAGES, MAX_BADGE_CRITERIA, MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME};
use app::server::entities::badge;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde::Deserialize;

/// A badge of a demo course; its rule needs no quiz or number (course completed, first
/// lesson, all quizzes passed).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedBadge {
    name: String,
    description: String,
    criteria: String,
    image: String,
    rule: String,
}

/// Checks a course file's badges as the badge form would.
pub fn validate(badges: &[SeedBadge]) -> anyhow::Result<()> {
    for b in badges {
        let sized = |s: &str, max: usize| (1..=max).contains(&s.trim().chars().count());
        if !sized(&b.name, MAX_BADGE_NAME)
            || !sized(&b.description, MAX_BADGE_DESCRIPTION)
            || !sized(&b.criteria, MAX_BADGE_CRITERIA)
        {
            bail!(
                "badge {:?}: name, description or criteria empty or too long",
                b.name
            );
        }
        if !BADGE_IMAGES.iter().any(|(k, _)| *k == b.image) {
            bail!("badge {:?}: unknown image {:?}", b.name, b.image);
        }
        if !matches!(
            Rule::from_key(&b.rule),
            Some(Rule::CourseCompleted | Rule::FirstLesson | Rule::AllQuizzesPassed)
        ) {
            bail!(
                "badge {:?}: rule {:?} is not one a seed can use",
                b.name,
                b.rule
            );
        }
    }
    Ok(())
}

/// Creates `badges` in course `course_id` (of `instructor_id`).
pub async fn insert(
    db: &impl ConnectionTrait,
    course_id: i64,
    instructor_id: i64,
    badges: Vec<SeedBadge>,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    for b in badges {
        badge::ActiveModel {
            course_id: Set(Some(course_id)),
            name: Set(b.name),
            description: Set(b.description),
            criteria: Set(b.criteria),
            image: Set(b.image),
            rule: Set(b.rule),
            rule_lesson_id: Set(None),
            rule_threshold: Set(None),
            created_by: Set(Some(instructor_id)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The demo site-wide badges: (name, description, criteria, image, rule, number).
const SITE_WIDE: [(&str, &str, &str, &str, Rule, i32); 3] = [
    (
        "First course completed",
        "Finished a whole course on Lectern.",
        "Complete every lesson of any one course.",
        "rocket",
        Rule::CoursesCompleted,
        1,
    ),
    (
        "7-day streak",
        "Learned something every day for a week.",
        "Complete a lesson or pass a quiz on seven days in a row, in your own time zone.",
        "bolt",
        Rule::StreakDays,
        7,
    ),
    (
        "Five courses completed",
        "Finished five courses on Lectern.",
        "Complete every lesson of five courses.",
        "medal",
        Rule::CoursesCompleted,
        5,
    ),
];

/// Creates the demo site-wide badges that no site-wide badge of the same name exists for;
/// returns how many were created.
pub async fn site_wide(
    db: &impl ConnectionTrait,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<usize> {
    let mut created = 0;
    for (name, description, criteria, image, rule, number) in SITE_WIDE {
        let exists = badge::Entity::find()
            .filter(badge::Column::CourseId.is_null())
            .filter(badge::Column::Name.eq(name))
            .count(db)
            .await?
            > 0;
        if exists {
            continue;
        }
        badge::ActiveModel {
            course_id: Set(None),
            name: Set(name.to_owned()),
            description: Set(description.to_owned()),
            criteria: Set(criteria.to_owned()),
            image: Set(image.to_owned()),
            rule: Set(rule.key().to_owned()),
            rule_lesson_id: Set(None),
            rule_threshold: Set(Some(number)),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        created += 1;
    }
    Ok(created)
}
