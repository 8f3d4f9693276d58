//! The SQL and Redis leaderboards give the same ranks for the same ledger: the top with its
//! ties, every learner's own place, and the learner count, for every scope and period, before
//! and after more points arrive. Needs Redis on 127.0.0.1:6379 (the test command starts it).

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use fred::prelude::{Builder, ClientLike, Config, Pool};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::*;
use crate::server::entities::{course, points_entry};
use crate::server::services::accounts::test_support::{learner, passwordless};
use crate::server::test_db::db;

async fn redis_pool() -> Pool {
    let config = Config::from_url("redis://127.0.0.1:6379").expect("redis url");
    let pool = Builder::from_config(config).build_pool(1).expect("pool");
    tokio::time::timeout(StdDuration::from_secs(5), pool.init())
        .await
        .expect("Redis on 127.0.0.1:6379 did not answer within 5 s")
        .expect("Redis on 127.0.0.1:6379 must be running for this test");
    pool
}

async fn a_course(db: &DatabaseConnection, slug: &str, owner: i64) -> i64 {
    let now = Utc::now();
    course::ActiveModel {
        slug: Set(slug.into()),
        title: Set(slug.into()),
        subtitle: Set(String::new()),
        description: Set(String::new()),
        category: Set("design".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(0),
        currency: Set("USD".into()),
        status: Set(course::STATUS_PUBLISHED.into()),
        featured: Set(false),
        instructor_id: Set(owner),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("course")
    .id
}

async fn earn(
    db: &DatabaseConnection,
    user_id: i64,
    course_id: i64,
    source: &str,
    amount: i32,
    at: DateTime<Utc>,
) {
    points_entry::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course_id),
        source: Set(source.into()),
        amount: Set(amount),
        earned_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("points");
}

/// Every board both ways, for every viewer: equal.
async fn assert_same(
    db: &DatabaseConnection,
    redis: &Leaderboards,
    courses: &[i64],
    users: &[i64],
    now: DateTime<Utc>,
    limit: usize,
) {
    let mut scopes = vec![Scope::Site];
    scopes.extend(courses.iter().map(|c| Scope::Course(*c)));
    for scope in scopes {
        for period in [Period::Week, Period::AllTime] {
            for viewer in users.iter().map(|u| Some(*u)).chain([None]) {
                let sql = Leaderboards::Sql
                    .board(db, scope, period, viewer, now, limit)
                    .await
                    .expect("sql board");
                let from_redis = redis
                    .board(db, scope, period, viewer, now, limit)
                    .await
                    .expect("redis board");
                assert_eq!(sql, from_redis, "{scope:?} {period:?} for {viewer:?}");
            }
        }
    }
}

#[tokio::test]
async fn sql_and_redis_rank_alike() {
    let db = db().await;
    let pool = redis_pool().await;
    let prefix = format!(
        "lectern-test:{}:",
        crate::server::services::accounts::tokens::new_secret().expect("random")
    );
    let redis = Leaderboards::Redis {
        pool: pool.clone(),
        prefix,
    };
    let owner = passwordless(&db, "teacher@example.org", "instructor").await;
    let rust = a_course(&db, "rust", owner.id).await;
    let knots = a_course(&db, "knots", owner.id).await;
    let mut users = Vec::new();
    for i in 0..6 {
        users.push(
            learner(&db, &format!("L{i}"), &format!("l{i}@example.org"))
                .await
                .id,
        );
    }
    let now = Utc::now();
    let last_week = week_start(now) - Duration::days(2);
    // Ties at 30 (three learners, one only from last week's points), 50, 10.
    earn(&db, users[0], rust, "lesson:1", 10, now).await;
    earn(&db, users[0], rust, "quiz:1", 20, now).await;
    earn(&db, users[1], knots, "lesson:5", 10, last_week).await;
    earn(&db, users[1], rust, "lesson:1", 10, now).await;
    earn(&db, users[1], rust, "lesson:2", 10, now).await;
    earn(&db, users[2], rust, "lesson:1", 10, last_week).await;
    earn(&db, users[2], rust, "lesson:2", 10, last_week).await;
    earn(&db, users[2], rust, "lesson:3", 10, now).await;
    earn(&db, users[3], knots, "lesson:5", 10, now).await;
    earn(&db, users[3], knots, "quiz:6", 20, now).await;
    earn(&db, users[3], rust, "lesson:1", 10, now).await;
    earn(&db, users[3], rust, "quiz:1", 20, now).await;
    earn(&db, users[4], knots, "lesson:5", 10, now).await;

    // A short limit cuts through the tie at 30: both must pick the same learners.
    assert_same(&db, &redis, &[rust, knots], &users, now, 2).await;
    assert_same(&db, &redis, &[rust, knots], &users, now, 20).await;

    let board = Leaderboards::Sql
        .board(&db, Scope::Site, Period::AllTime, Some(users[5]), now, 20)
        .await
        .expect("board");
    let ranks: Vec<(i64, i64, u64)> = board
        .top
        .iter()
        .map(|p| (p.user_id, p.points, p.rank))
        .collect();
    assert_eq!(
        ranks,
        [
            (users[3], 60, 1),
            (users[0], 30, 2),
            (users[1], 30, 2),
            (users[2], 30, 2),
            (users[4], 10, 5)
        ]
    );
    assert_eq!(board.me, None, "no points, no place");
    assert_eq!(board.learners, 5);

    // More points: written through to Redis, and both still agree.
    earn(&db, users[5], rust, "lesson:1", 10, now).await;
    earn(&db, users[5], rust, "lesson:2", 10, now).await;
    earn(&db, users[5], rust, "lesson:3", 10, now).await;
    earn(&db, users[5], rust, "quiz:1", 20, now).await;
    redis.touch(&db, users[5], now).await;
    // A repeated, late write of an older total cannot lower it (ZADD GT).
    redis.touch(&db, users[5], now).await;
    assert_same(&db, &redis, &[rust, knots], &users, now, 3).await;
    let mine = redis
        .board(
            &db,
            Scope::Course(rust),
            Period::Week,
            Some(users[5]),
            now,
            3,
        )
        .await
        .expect("board")
        .me
        .expect("a place");
    assert_eq!((mine.points, mine.rank), (50, 1));

    // Redis lost the boards (and their markers): rebuilt from SQL on the next read. Only
    // this test's keys: other tests share the server.
    let Leaderboards::Redis { prefix, .. } = &redis else {
        unreachable!("a Redis board")
    };
    for scope in [Scope::Site, Scope::Course(rust), Scope::Course(knots)] {
        for period in [Period::Week, Period::AllTime] {
            let k = key(prefix, scope, period, now);
            let _: i64 =
                fred::interfaces::KeysInterface::del(&pool, vec![k.clone(), format!("{k}:built")])
                    .await
                    .expect("del");
        }
    }
    assert_same(&db, &redis, &[rust, knots], &users, now, 20).await;
}
