//! A learner's own badges and certificates, and who may see them.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{day, image_path, Snapshot};
use crate::error::AppError;
use crate::models::{Achievements, MyBadge};
use crate::server::entities::{badge_award, enrollment, user};

/// `user`'s badges and certificates, newest first. Checks their enrolled courses' rules first, so an award a
/// crash or an older version missed appears here.
pub async fn achievements(
    db: &DatabaseConnection,
    user: &user::Model,
) -> Result<Achievements, AppError> {
    let courses: Vec<i64> = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.course_id)
        .collect();
    for course_id in courses {
        super::award_due(db, user.id, course_id).await?;
    }
    let awards = badge_award::Entity::find()
        .filter(badge_award::Column::UserId.eq(user.id))
        .order_by_desc(badge_award::Column::AwardedAt)
        .order_by_desc(badge_award::Column::Id)
        .all(db)
        .await?;
    let badges = awards
        .iter()
        .filter_map(|a| {
            let snap = Snapshot::of(a)?;
            Some(MyBadge {
                id: a.public_id.clone(),
                name: snap.name,
                description: snap.description,
                image: image_path(&snap.image),
                course: snap.course.map(|(_, title, _)| title),
                awarded_on: day(a.awarded_at),
                revoked: a
                    .revoked_at
                    .map(|_| a.revoked_reason.clone().unwrap_or_default()),
            })
        })
        .collect();
    Ok(Achievements {
        badges,
        certificates: crate::server::services::certificates::mine(db, user).await?,
        standing: crate::server::services::points::standing::standing(db, user, chrono::Utc::now())
            .await?,
        public: user.credentials_public,
    })
}

/// Lets others open `user`'s credential pages (`public`), or not.
pub async fn set_public(
    db: &DatabaseConnection,
    user: &user::Model,
    public: bool,
) -> Result<(), AppError> {
    user::Entity::update_many()
        .set(user::ActiveModel {
            credentials_public: Set(public),
            ..Default::default()
        })
        .filter(user::Column::Id.eq(user.id))
        .exec(db)
        .await?;
    Ok(())
}
