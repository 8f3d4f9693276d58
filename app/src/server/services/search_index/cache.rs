//! Keeps the search index in step with the database.
//!
//! Before each search a cheap fingerprint of the catalogue is read (three aggregate queries);
//! when it differs from the one the index was built from, the index is rebuilt from the
//! published courses. Nothing needs to announce a change, so this stays right with several
//! servers behind a load balancer and with edits made by any route or tool.

use std::sync::{Arc, PoisonError, RwLock};

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};

use super::{CatalogueIndex, IndexedCourse};
use crate::error::AppError;
use crate::server::entities::{course, user};

/// What the index was built from, in a few numbers: any publish, unpublish, deletion, course
/// edit (each bumps the revision and the update time) or instructor rename changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    published: u64,
    revisions: Option<i64>,
    courses_changed: Option<chrono::DateTime<chrono::Utc>>,
    instructors_changed: Option<chrono::DateTime<chrono::Utc>>,
}

fn published() -> sea_orm::Select<course::Entity> {
    course::Entity::find().filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
}

async fn fingerprint(db: &DatabaseConnection) -> Result<Fingerprint, DbErr> {
    let published_count = published().count(db).await?;
    let (revisions, courses_changed) = course::Entity::find()
        .select_only()
        .column_as(course::Column::Revision.sum(), "revisions")
        .column_as(course::Column::UpdatedAt.max(), "changed")
        .into_tuple::<(Option<i64>, Option<chrono::DateTime<chrono::Utc>>)>()
        .one(db)
        .await?
        .unwrap_or((None, None));
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
    })
}

/// The published courses with their instructors' names, in id order (so every backend
/// builds the same index).
async fn load(db: &DatabaseConnection) -> Result<Vec<IndexedCourse>, DbErr> {
    let courses = published().order_by_asc(course::Column::Id).all(db).await?;
    let names = crate::server::services::accounts::instructor_names(db, &courses).await?;
    Ok(courses
        .into_iter()
        .map(|c| IndexedCourse {
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
