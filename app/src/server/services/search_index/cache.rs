//! Keeps the search index in step with the database.
//!
//! Before each search a cheap fingerprint of the catalogue is read (three aggregate queries);
//! when it differs from the one the index was built from, the index is rebuilt from the
//! published courses. Nothing needs to announce a change, so this stays right with several
//! servers behind a load balancer and with edits made by any route or tool.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use super::{CatalogueIndex, IndexedCourse};
use crate::error::AppError;
use crate::server::entities::{course, course_rating, user};

/// What the index was built from, in a few numbers: any publish, unpublish, deletion, course
/// edit (each bumps the revision and the update time), instructor rename or change to a
/// course's ratings (each touches the rating row's update time and usually its sums) changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    published: Option<i64>,
    revisions: Option<i64>,
    courses_changed: Option<chrono::DateTime<chrono::Utc>>,
    instructors_changed: Option<chrono::DateTime<chrono::Utc>>,
    ratings: RatingsPrint,
}

/// The rating rows in a few numbers.
type RatingsPrint = (
    Option<i64>,
    Option<i64>,
    Option<chrono::DateTime<chrono::Utc>>,
);

fn published() -> sea_orm::Select<course::Entity> {
    course::Entity::find().filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
}

async fn fingerprint(db: &DatabaseConnection) -> Result<Fingerprint, DbErr> {
    // One query for the courses (how many are published, their revisions, the last change)
    // and one for the ratings keep the fingerprint at three round trips.
    let is_published = Expr::case(
        course::Column::Status.eq(course::STATUS_PUBLISHED),
        Expr::val(1_i32),
    )
    .finally(Expr::val(0_i32));
    let (published_count, revisions, courses_changed) = course::Entity::find()
        .select_only()
        .column_as(Expr::expr(is_published).sum(), "published")
        .column_as(course::Column::Revision.sum(), "revisions")
        .column_as(course::Column::UpdatedAt.max(), "changed")
        .into_tuple::<(
            Option<i64>,
            Option<i64>,
            Option<chrono::DateTime<chrono::Utc>>,
        )>()
        .one(db)
        .await?
        .unwrap_or((None, None, None));
    let ratings = course_rating::Entity::find()
        .select_only()
        .column_as(Expr::col(course_rating::Column::CourseId).count(), "rows")
        .column_as(
            Expr::cust("CAST(SUM(rating_sum * 7 + review_count) AS BIGINT)"),
            "sums",
        )
        .column_as(course_rating::Column::UpdatedAt.max(), "changed")
        .into_tuple::<RatingsPrint>()
        .one(db)
        .await?
        .unwrap_or((None, None, None));
    let instructors = published()
        .select_only()
        .column(course::Column::InstructorId)
        .into_query();
    let instructors_changed = user::Entity::find()
        .select_only()
        .column_as(user::Column::UpdatedAt.max(), "changed")
        .filter(user::Column::Id.in_subquery(instructors))
        .into_tuple::<Option<chrono::DateTime<chrono::Utc>>>()
        .one(db)
        .await?
        .flatten();
    Ok(Fingerprint {
        published: published_count,
        revisions,
        courses_changed,
        instructors_changed,
        ratings,
    })
}

/// The published courses with their instructors' names, in id order (so every backend
/// builds the same index).
async fn load(db: &DatabaseConnection) -> Result<Vec<IndexedCourse>, DbErr> {
    let courses = published().order_by_asc(course::Column::Id).all(db).await?;
    let names = crate::server::services::accounts::instructor_names(db, &courses).await?;
    let ratings: HashMap<i64, (i64, i64)> = course_rating::Entity::find()
        .filter(course_rating::Column::ReviewCount.gt(0))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.course_id, (r.review_count, r.rating_sum)))
        .collect();
    Ok(courses
        .into_iter()
        .map(|c| IndexedCourse {
            rating_count: ratings.get(&c.id).map_or(0, |r| r.0),
            rating_sum: ratings.get(&c.id).map_or(0, |r| r.1),
            instructor: names.get(&c.instructor_id).cloned().unwrap_or_default(),
            published_at: c.published_at.map_or(0, |t| t.timestamp()),
            id: c.id,
            title: c.title,
            subtitle: c.subtitle,
            description: c.description,
            category: c.category,
            level: c.level,
            price_cents: c.price_cents,
        })
        .collect())
}

type Built = Option<(Fingerprint, Arc<CatalogueIndex>)>;

/// The current search index, shared by every request of a server (cheap to clone).
#[derive(Clone, Default)]
pub struct SearchIndexCache {
    current: Arc<RwLock<Built>>,
    /// One rebuild at a time: requests that find the index stale wait for it, not redo it.
    rebuilding: Arc<tokio::sync::Mutex<()>>,
}

impl SearchIndexCache {
    fn built_for(&self, fingerprint: &Fingerprint) -> Option<Arc<CatalogueIndex>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current
            .as_ref()
            .filter(|(built_from, _)| built_from == fingerprint)
            .map(|(_, index)| Arc::clone(index))
    }

    /// The index of the catalogue as it is now, rebuilt first if the catalogue has changed.
    pub async fn current(&self, db: &DatabaseConnection) -> Result<Arc<CatalogueIndex>, AppError> {
        // Read before loading: a change in between leaves an index newer than its
        // fingerprint, which only costs one more rebuild on the next search.
        let fingerprint = fingerprint(db).await?;
        if let Some(index) = self.built_for(&fingerprint) {
            return Ok(index);
        }
        let _one_at_a_time = self.rebuilding.lock().await;
        if let Some(index) = self.built_for(&fingerprint) {
            return Ok(index);
        }
        let courses = load(db).await?;
        let index = tokio::task::spawn_blocking(move || CatalogueIndex::build(courses))
            .await
            .map_err(|error| {
                tracing::error!(%error, "search index build task failed");
                AppError::Internal
            })?
            .map_err(|error| {
                tracing::error!(%error, "search index build failed");
                AppError::Internal
            })?;
        let index = Arc::new(index);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) =
            Some((fingerprint, Arc::clone(&index)));
        Ok(index)
    }
}
