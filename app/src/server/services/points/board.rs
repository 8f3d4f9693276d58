//! Leaderboards: weekly and all-time, per course and site-wide. Totals come from the points
//! ledger in SQL, or from Redis sorted sets when `REDIS_URL` is set; both rank the same way:
//! most points first, ties by account age (lower id first), and a learner's rank is one more
//! than the number of learners with more points (ties share a rank).
//!
//! The Redis sets are a copy of the ledger's totals: each learner's totals are written with
//! `ZADD GT` after they earn points (totals only grow, so late or repeated writes cannot lower
//! one), and a set is rebuilt from SQL when its marker is missing: on first use, after Redis
//! lost it, and every ten minutes, which also takes in points earned by background work
//! (the quiz deadline sweep).

use chrono::{DateTime, Utc};
use fred::clients::Pool;
use fred::interfaces::{KeysInterface, SortedSetsInterface};
use fred::types::sorted_sets::{Ordering, ZRange, ZRangeBound, ZRangeKind};
use fred::types::{Expiration, Value};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait},
    ColumnTrait, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::{week_label, week_start};
use crate::error::AppError;
use crate::server::entities::points_entry;

/// Which leaderboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every course.
    Site,
    /// One course.
    Course(i64),
}

/// Over which time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The current ISO week (UTC).
    Week,
    AllTime,
}

/// A learner's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub user_id: i64,
    pub points: i64,
    /// 1 for the most points; ties share a rank.
    pub rank: u64,
}

/// The top of a board, the viewer's own place, and how many learners are on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub top: Vec<Place>,
    /// `None` when the viewer has no points on this board.
    pub me: Option<Place>,
    pub learners: u64,
}

/// Where leaderboards are computed.
#[derive(Clone)]
pub enum Leaderboards {
    /// Straight from the ledger.
    Sql,
    /// Sorted sets in Redis under keys starting with `prefix`.
    Redis { pool: Pool, prefix: String },
}

impl std::fmt::Debug for Leaderboards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Leaderboards::Sql => f.write_str("Leaderboards::Sql"),
            Leaderboards::Redis { prefix, .. } => write!(f, "Leaderboards::Redis({prefix})"),
        }
    }
}

/// How long a rebuilt Redis set is trusted before it is rebuilt again.
const REBUILD_EVERY_SECS: i64 = 600;
/// How long a weekly set is kept (its week and a few days more).
const WEEK_KEEP_SECS: i64 = 10 * 24 * 3600;

fn redis_error(error: fred::error::Error) -> AppError {
    tracing::warn!(%error, "leaderboard Redis command failed");
    AppError::Unavailable
}

/// The ledger rows of a board.
fn rows(scope: Scope, period: Period, now: DateTime<Utc>) -> Select<points_entry::Entity> {
    let mut q = points_entry::Entity::find();
    if let Scope::Course(id) = scope {
        q = q.filter(points_entry::Column::CourseId.eq(id));
    }
    if period == Period::Week {
        q = q.filter(points_entry::Column::EarnedAt.gte(week_start(now)));
    }
    q
}

/// `user_id`'s points on board `scope`/`period` as of `now`, from the ledger.
pub async fn points_of(
    db: &impl ConnectionTrait,
    scope: Scope,
    period: Period,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let total: Option<Option<i64>> = rows(scope, period, now)
        .select_only()
        .column_as(points_entry::Column::Amount.sum(), "total")
        .filter(points_entry::Column::UserId.eq(user_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(total.flatten().unwrap_or(0))
}

/// Per-learner totals of a board: `(user id, points)`.
fn totals(scope: Scope, period: Period, now: DateTime<Utc>) -> Select<points_entry::Entity> {
    rows(scope, period, now)
        .select_only()
        .column(points_entry::Column::UserId)
        .column_as(points_entry::Column::Amount.sum(), "total")
        .group_by(points_entry::Column::UserId)
}

/// Orders places by points, then id, and ranks them (the list must be a board's top).
fn ranked(mut places: Vec<(i64, i64)>, limit: usize) -> Vec<Place> {
    places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    places.truncate(limit);
    let mut out: Vec<Place> = Vec::with_capacity(places.len());
    for (i, (user_id, points)) in places.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.points == points => prev.rank,
            _ => i as u64 + 1,
        };
        out.push(Place {
            user_id,
            points,
            rank,
        });
    }
    out
}

impl Leaderboards {
    /// Board `scope`/`period` as of `now`: its top `limit` and `viewer`'s place.
    pub async fn board(
        &self,
        db: &impl ConnectionTrait,
        scope: Scope,
        period: Period,
        viewer: Option<i64>,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Board, AppError> {
        match self {
            Leaderboards::Sql => sql_board(db, scope, period, viewer, now, limit).await,
            Leaderboards::Redis { pool, prefix } => {
                let key = key(prefix, scope, period, now);
                ensure_built(db, pool, &key, scope, period, now).await?;
                redis_board(pool, &key, viewer, limit).await
            }
        }
    }

    /// Brings `user_id`'s totals up to date after they earned points (Redis only: SQL boards
    /// read the ledger directly). A failure is logged, not returned: the points are recorded,
    /// and the next rebuild brings the board up to date.
    pub async fn touch(&self, db: &impl ConnectionTrait, user_id: i64, now: DateTime<Utc>) {
        let Leaderboards::Redis { pool, prefix } = self else {
            return;
        };
        if let Err(error) = touch_redis(db, pool, prefix, user_id, now).await {
            tracing::warn!(%error, user_id, "could not update the leaderboards in Redis");
        }
    }
}

async fn sql_board(
    db: &impl ConnectionTrait,
    scope: Scope,
    period: Period,
    viewer: Option<i64>,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Board, AppError> {
    let top: Vec<(i64, Option<i64>)> = totals(scope, period, now)
        .order_by(Expr::col(Alias::new("total")), Order::Desc)
        .order_by_asc(points_entry::Column::UserId)
        .limit(limit as u64)
        .into_tuple()
        .all(db)
        .await?;
    let top = ranked(
        top.into_iter().map(|(u, p)| (u, p.unwrap_or(0))).collect(),
        limit,
    );
    let learners = totals(scope, period, now).count(db).await?;
    let me = match viewer {
        Some(user_id) => {
            let points = points_of(db, scope, period, user_id, now).await?;
            if points > 0 {
                let ahead = totals(scope, period, now)
                    .having(ExprTrait::gt(points_entry::Column::Amount.sum(), points))
                    .count(db)
                    .await?;
                Some(Place {
                    user_id,
                    points,
                    rank: ahead + 1,
                })
            } else {
                None
            }
        }
        None => None,
    };
    Ok(Board { top, me, learners })
}

/// The Redis key of a board.
fn key(prefix: &str, scope: Scope, period: Period, now: DateTime<Utc>) -> String {
    let scope = match scope {
        Scope::Site => "site".to_owned(),
        Scope::Course(id) => format!("course:{id}"),
    };
    let period = match period {
        Period::Week => format!("week:{}", week_label(now)),
        Period::AllTime => "all".to_owned(),
    };
    format!("{prefix}lb:{scope}:{period}")
}

fn score(points: i64) -> f64 {
    points as f64
}

/// Rebuilds the set at `key` from SQL unless its marker says it is recent.
async fn ensure_built(
    db: &impl ConnectionTrait,
    pool: &Pool,
    key: &str,
    scope: Scope,
    period: Period,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let marker = format!("{key}:built");
    let built: i64 = pool.exists(marker.as_str()).await.map_err(redis_error)?;
    if built > 0 {
        return Ok(());
    }
    let all: Vec<(i64, Option<i64>)> = totals(scope, period, now).into_tuple().all(db).await?;
    let members: Vec<(f64, String)> = all
        .into_iter()
        .map(|(user_id, points)| (score(points.unwrap_or(0)), user_id.to_string()))
        .collect();
    if members.is_empty() {
        let _: i64 = pool.del(key).await.map_err(redis_error)?;
    } else {
        // Filled aside and swapped in, so readers never see a half-built set.
        let fresh = format!("{key}:fresh:{}", uuid::Uuid::now_v7());
        let _: i64 = pool
            .zadd(fresh.as_str(), None, None, false, false, members)
            .await
            .map_err(redis_error)?;
        let _: () = pool
            .rename(fresh.as_str(), key)
            .await
            .map_err(redis_error)?;
        if period == Period::Week {
            let _: i64 = pool
                .expire(key, WEEK_KEEP_SECS, None)
                .await
                .map_err(redis_error)?;
        }
    }
    let _: () = pool
        .set(
            marker.as_str(),
            1,
            Some(Expiration::EX(REBUILD_EVERY_SECS)),
            None,
            false,
        )
        .await
        .map_err(redis_error)?;
    Ok(())
}

fn bound(score: f64) -> ZRange {
    ZRange {
        kind: ZRangeKind::Inclusive,
        range: ZRangeBound::Score(score),
    }
}

fn infinite() -> ZRange {
    ZRange {
        kind: ZRangeKind::Inclusive,
        range: ZRangeBound::InfiniteScore,
    }
}

/// `(user id, points)` pairs of a WITHSCORES reply.
fn pairs(reply: Value) -> Result<Vec<(i64, i64)>, AppError> {
    let members = reply.into_zset_result().map_err(redis_error)?;
    Ok(members
        .into_iter()
        .filter_map(|(member, score)| {
            let user_id = member.as_string()?.parse().ok()?;
            Some((user_id, score.round() as i64))
        })
        .collect())
}

async fn redis_board(
    pool: &Pool,
    key: &str,
    viewer: Option<i64>,
    limit: usize,
) -> Result<Board, AppError> {
    let last = i64::try_from(limit.max(1)).unwrap_or(i64::MAX) - 1;
    let first: Value = pool
        .zrevrange(key, 0, last, true)
        .await
        .map_err(redis_error)?;
    let first = pairs(first)?;
    // Members tied with the lowest one may sort after it in Redis (by member text) but before it
    // here (by id): take every member scoring at least as much, then order them as SQL does.
    // (The pairs need not come back in score order: take the lowest, not the last.)
    let lowest = first.iter().map(|&(_, points)| points).min();
    let candidates = match lowest {
        Some(lowest) if first.len() == limit => {
            let reply: Value = pool
                .zrevrangebyscore(key, infinite(), bound(score(lowest)), true, None)
                .await
                .map_err(redis_error)?;
            pairs(reply)?
        }
        _ => first,
    };
    let top = ranked(candidates, limit);
    let learners: u64 = pool.zcard(key).await.map_err(redis_error)?;
    let me = match viewer {
        Some(user_id) => {
            let mine: Option<f64> = pool
                .zscore(key, user_id.to_string())
                .await
                .map_err(redis_error)?;
            match mine {
                Some(points) => {
                    // Scores are whole numbers: "more" is at least one more.
                    let ahead: u64 = pool
                        .zcount(key, points + 1.0, 1e15)
                        .await
                        .map_err(redis_error)?;
                    Some(Place {
                        user_id,
                        points: points.round() as i64,
                        rank: ahead + 1,
                    })
                }
                None => None,
            }
        }
        None => None,
    };
    Ok(Board { top, me, learners })
}

async fn touch_redis(
    db: &impl ConnectionTrait,
    pool: &Pool,
    prefix: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let member = user_id.to_string();
    let start = week_start(now);
    let entries: Vec<(i64, i32, DateTime<Utc>)> = points_entry::Entity::find()
        .select_only()
        .column(points_entry::Column::CourseId)
        .column(points_entry::Column::Amount)
        .column(points_entry::Column::EarnedAt)
        .filter(points_entry::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut per_course: std::collections::BTreeMap<i64, (i64, i64)> = Default::default();
    for (course_id, amount, at) in entries {
        let slot = per_course.entry(course_id).or_default();
        slot.0 += i64::from(amount);
        if at >= start {
            slot.1 += i64::from(amount);
        }
    }
    let site = per_course
        .values()
        .fold((0, 0), |acc, (all, week)| (acc.0 + all, acc.1 + week));
    let mut writes: Vec<(String, i64)> = vec![
        (key(prefix, Scope::Site, Period::AllTime, now), site.0),
        (key(prefix, Scope::Site, Period::Week, now), site.1),
    ];
    for (course_id, (all, week)) in per_course {
        writes.push((
            key(prefix, Scope::Course(course_id), Period::AllTime, now),
            all,
        ));
        writes.push((
            key(prefix, Scope::Course(course_id), Period::Week, now),
            week,
        ));
    }
    for (key, points) in writes.into_iter().filter(|(_, p)| *p > 0) {
        let _: i64 = pool
            .zadd(
                key.as_str(),
                None,
                Some(Ordering::GreaterThan),
                false,
                false,
                (score(points), member.as_str()),
            )
            .await
            .map_err(redis_error)?;
        if key.contains(":week:") {
            let _: i64 = pool
                .expire(key.as_str(), WEEK_KEEP_SECS, None)
                .await
                .map_err(redis_error)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_a_rank_and_order_by_id() {
        let places = ranked(vec![(7, 30), (3, 50), (9, 30), (4, 30), (1, 10)], 4);
        let seen: Vec<(i64, i64, u64)> = places
            .iter()
            .map(|p| (p.user_id, p.points, p.rank))
            .collect();
        assert_eq!(seen, [(3, 50, 1), (4, 30, 2), (7, 30, 2), (9, 30, 2)]);
        assert!(ranked(Vec::new(), 10).is_empty());
    }
}

#[cfg(test)]
#[path = "board_tests.rs"]
mod redis_tests;
