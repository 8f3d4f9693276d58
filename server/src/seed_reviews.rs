//! The demo reviews (`server/seed/reviews.toml`): learners without passwords, each enrolled in
//! the courses they review, and a spread of ratings that is not all five stars. Every course's
//! rating is recomputed the same way a learner's review recomputes it.

use anyhow::{bail, Context};
use app::server::entities::{course, enrollment, review, user};
use app::server::services::reviews::{lock_rating, recompute_rating, validate};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewsFile {
    learners: Vec<SeedLearner>,
    reviews: Vec<SeedReview>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedLearner {
    email: String,
    display_name: String,
}

/// One demo review.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedReview {
    course: String,
    learner: String,
    rating: i64,
    text: String,
    /// How far through the course they were, in percent (100 is completed).
    progress: i32,
    /// Written this many days before seeding.
    days_ago: i64,
}

/// The embedded demo reviews, parsed and checked like a learner's (`Err` names the bad one).
pub fn demo_reviews() -> anyhow::Result<Vec<SeedReview>> {
    let file = parse()?;
    Ok(file.reviews)
}

fn parse() -> anyhow::Result<ReviewsFile> {
    let file: ReviewsFile =
        toml::from_str(crate::seed::files::REVIEWS).context("parsing seed/reviews.toml")?;
    for r in &file.reviews {
        if let Err(errors) = validate(r.rating, &r.text) {
            bail!("review of {} by {}: {errors:?}", r.course, r.learner);
        }
        if !(0..=100).contains(&r.progress) || !(0..=365).contains(&r.days_ago) {
            bail!(
                "review of {} by {}: progress or days_ago out of range",
                r.course,
                r.learner
            );
        }
        if !file.learners.iter().any(|l| l.email == r.learner) {
            bail!("review of {} names unknown learner {}", r.course, r.learner);
        }
    }
    Ok(file)
}

/// Writes the demo learners and reviews of the demo courses that exist; a learner's existing
/// review of a course is kept. Returns how many reviews it wrote.
pub async fn load(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let file = parse()?;
    let mut learners = std::collections::HashMap::new();
    for l in file.learners {
        let email = l.email.to_lowercase();
        let (id, _) = crate::seed::user_for(
            db,
            &email,
            user::ActiveModel {
                email: Set(email.clone()),
                display_name: Set(l.display_name),
                role: Set("learner".to_owned()),
                created_at: Set(now - Duration::days(200)),
                updated_at: Set(now),
                ..Default::default()
            },
        )
        .await?;
        learners.insert(email, id);
    }
    let mut written = 0;
    for r in file.reviews {
        let Some(course) = course::Entity::find()
            .filter(course::Column::Slug.eq(r.course.as_str()))
            .one(db)
            .await?
        else {
            continue;
        };
        let Some(&user_id) = learners.get(&r.learner.to_lowercase()) else {
            continue;
        };
        if write_one(db, &course, user_id, &r, now).await? {
            written += 1;
        }
    }
    Ok(written)
}

/// Enrolls the learner (if they are not) and writes their review, in one transaction with the
/// course's rating; `false` when they had already reviewed it.
async fn write_one(
    db: &DatabaseConnection,
    course: &course::Model,
    user_id: i64,
    r: &SeedReview,
    now: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let clean = validate(r.rating, &r.text)
        .map_err(|errors| anyhow::anyhow!("review of {}: {errors:?}", r.course))?;
    let written_at = now - Duration::days(r.days_ago);
    let txn = db.begin().await?;
    lock_rating(&txn, course.id, now).await?;
    let reviewed = review::Entity::find()
        .filter(review::Column::CourseId.eq(course.id))
        .filter(review::Column::UserId.eq(user_id))
        .one(&txn)
        .await?
        .is_some();
    if reviewed {
        return Ok(false);
    }
    let enrolled = enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(course.id))
        .filter(enrollment::Column::UserId.eq(user_id))
        .one(&txn)
        .await?
        .is_some();
    let completed = r.progress >= 100;
    if !enrolled {
        enrollment::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.id),
            enrolled_at: Set(written_at - Duration::days(10)),
            last_activity_at: Set(Some(written_at)),
            completed_at: Set(completed.then_some(written_at)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    review::ActiveModel {
        course_id: Set(course.id),
        user_id: Set(user_id),
        rating: Set(clean.rating),
        body: Set(clean.body),
        progress_percent: Set(r.progress),
        completed: Set(completed),
        helpful_count: Set(0),
        edited: Set(false),
        created_at: Set(written_at),
        updated_at: Set(written_at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    recompute_rating(&txn, course.id).await?;
    txn.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_reviews_are_valid_and_not_all_five_stars() {
        let reviews = demo_reviews().expect("seed/reviews.toml parses and validates");
        let courses: std::collections::HashSet<_> = reviews.iter().map(|r| &r.course).collect();
        assert!(courses.len() >= 5, "reviews of {} courses", courses.len());
        for stars in 2..=5 {
            assert!(
                reviews.iter().any(|r| r.rating == stars),
                "no {stars}-star review"
            );
        }
        let demo = crate::seed::demo_courses().expect("courses");
        for c in &courses {
            assert!(
                demo.iter().any(|d| d.slug() == c.as_str()),
                "{c} is not a demo course"
            );
        }
        assert!(
            !courses.contains(&"ux-research-basics".to_owned()),
            "the browser tests review UX Research Basics from no ratings"
        );
    }
}
