//! The demo courses' badges: `[[badges]]` tables in a course file, created with the course.

use anyhow::bail;
use app::models::{Rule, BADGE_IMAGES, MAX_BADGE_CRITERIA, MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME};
use app::server::entities::badge;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
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
