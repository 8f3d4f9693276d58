//! A learner's standing (points, this week's points, streak) and leaderboards as pages show
//! them, with each learner's choices: appear by name (off by default) and their time zone.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::board::{points_of, Leaderboards, Period, Place, Scope};
use super::streak;
use crate::error::AppError;
use crate::models::{LeaderRow, LeaderboardView, Standing, LEADERBOARD_SIZE};
use crate::server::entities::{course, enrollment, user};

/// `user`'s standing as of `now`.
pub async fn standing(
    db: &impl ConnectionTrait,
    user: &user::Model,
    now: DateTime<Utc>,
) -> Result<Standing, AppError> {
    Ok(Standing {
        points: points_of(db, Scope::Site, Period::AllTime, user.id, now).await?,
        week_points: points_of(db, Scope::Site, Period::Week, user.id, now).await?,
        streak_days: streak::current(db, user.id, &user.time_zone, now).await?,
        time_zone: user.time_zone.clone(),
        leaderboard_public: user.leaderboard_public,
    })
}

/// Board `course_slug` (or the site's when `None`) for `viewer`, weekly or all time. A course
/// board exists for published courses only.
pub async fn leaderboard(
    db: &DatabaseConnection,
    boards: &Leaderboards,
    viewer: &user::Model,
    course_slug: Option<&str>,
    weekly: bool,
    now: DateTime<Utc>,
) -> Result<LeaderboardView, AppError> {
    let course = match course_slug {
        Some(slug) => Some(
            course::Entity::find()
                .filter(course::Column::Slug.eq(slug))
                .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let scope = course.as_ref().map_or(Scope::Site, |c| Scope::Course(c.id));
    let period = if weekly {
        Period::Week
    } else {
        Period::AllTime
    };
    let board = boards
        .board(db, scope, period, Some(viewer.id), now, LEADERBOARD_SIZE)
        .await?;
    let shown: Vec<i64> = board.top.iter().map(|p| p.user_id).collect();
    let names: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(shown))
        .filter(user::Column::LeaderboardPublic.eq(true))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let row = |p: &Place| {
        let you = p.user_id == viewer.id;
        LeaderRow {
            rank: p.rank,
            name: if you {
                "You".to_owned()
            } else {
                names
                    .get(&p.user_id)
                    .cloned()
                    .unwrap_or_else(|| "A learner".to_owned())
            },
            points: p.points,
            you,
        }
    };
    let enrolled: Vec<i64> = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(viewer.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.course_id)
        .collect();
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(enrolled))
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .order_by_asc(course::Column::Title)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.slug, c.title))
        .collect();
    Ok(LeaderboardView {
        course: course.map(|c| (c.slug, c.title)),
        weekly,
        top: board.top.iter().map(row).collect(),
        me: board.me.as_ref().map(row),
        learners: board.learners,
        named: viewer.leaderboard_public,
        courses,
    })
}

/// Shows `user` by name on leaderboards (`public`), or not.
pub async fn set_public(
    db: &DatabaseConnection,
    user: &user::Model,
    public: bool,
) -> Result<(), AppError> {
    user::Entity::update_many()
        .set(user::ActiveModel {
            leaderboard_public: Set(public),
            ..Default::default()
        })
        .filter(user::Column::Id.eq(user.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Counts `user`'s streaks in `zone` (an IANA name, e.g. `Europe/Paris`).
pub async fn set_time_zone(
    db: &DatabaseConnection,
    user: &user::Model,
    zone: &str,
) -> Result<(), AppError> {
    let Some(tz) = streak::zone(zone.trim()) else {
        return Err(AppError::field(
            "zone",
            "That is not a time zone this site knows (an IANA name such as Europe/Paris).",
        ));
    };
    user::Entity::update_many()
        .set(user::ActiveModel {
            time_zone: Set(tz.name().to_owned()),
            ..Default::default()
        })
        .filter(user::Column::Id.eq(user.id))
        .exec(db)
        .await?;
    Ok(())
}
