//! Rate limiter tests: the in-process backend with an injected clock, and the Redis backend
//! against the real server on loopback.

use super::*;

#[test]
fn memory_allows_the_limit_then_refuses_until_the_window_ends() {
    let limiter = MemoryLimiter::default();
    let start = Instant::now();
    let minute = Duration::from_secs(60);
    for _ in 0..3 {
        assert_eq!(limiter.hit_at("signin:ada", 3, minute, start), Ok(()));
    }
    assert_eq!(limiter.hit_at("signin:ada", 3, minute, start), Err(60));
    let later = start + Duration::from_millis(45_500);
    assert_eq!(
        limiter.hit_at("signin:ada", 3, minute, later),
        Err(15),
        "retry-after rounds up"
    );
    assert_eq!(
        limiter.hit_at("signin:bob", 3, minute, later),
        Ok(()),
        "keys are separate"
    );
    assert_eq!(
        limiter.hit_at("signin:ada", 3, minute, start + minute),
        Ok(())
    );
}

#[test]
fn memory_sweeps_expired_windows() {
    let limiter = MemoryLimiter::default();
    let start = Instant::now();
    let window = Duration::from_secs(1);
    for i in 0..SWEEP_EVERY {
        let _ = limiter.hit_at(&format!("k{i}"), 1, window, start);
    }
    assert_eq!(limiter.tracked_keys(), SWEEP_EVERY as usize);
    for _ in 0..SWEEP_EVERY {
        let _ = limiter.hit_at("late", 1, window, start + window * 2);
    }
    assert_eq!(
        limiter.tracked_keys(),
        1,
        "expired windows are dropped, so memory stays bounded"
    );
}

#[tokio::test]
async fn memory_limiter_recovers_after_a_short_real_window() {
    let limiter = RateLimiter::in_memory();
    let window = Duration::from_millis(200);
    limiter.hit("reset:ada", 2, window).await.expect("first");
    limiter.hit("reset:ada", 2, window).await.expect("second");
    assert_eq!(
        limiter.hit("reset:ada", 2, window).await,
        Err(AppError::RateLimited {
            retry_after_secs: 1
        })
    );
    tokio::time::sleep(Duration::from_millis(250)).await;
    limiter
        .hit("reset:ada", 2, window)
        .await
        .expect("window over");
}

async fn redis_pool() -> Pool {
    use fred::prelude::{Builder, ClientLike, Config};
    let config = Config::from_url("redis://127.0.0.1:6379").expect("redis url");
    let pool = Builder::from_config(config).build_pool(1).expect("pool");
    tokio::time::timeout(Duration::from_secs(5), pool.init())
        .await
        .expect("Redis on 127.0.0.1:6379 did not answer within 5 s")
        .expect("Redis on 127.0.0.1:6379 must be running for this test");
    pool
}

#[tokio::test]
async fn redis_limiter_counts_in_redis_and_recovers() {
    let pool = redis_pool().await;
    let prefix = format!(
        "lectern-test:{}:",
        crate::server::services::accounts::tokens::new_secret().expect("random")
    );
    let limiter = RateLimiter::redis(pool.clone(), prefix.clone());
    let window = Duration::from_millis(400);
    for _ in 0..3 {
        limiter
            .hit("signin:ada", 3, window)
            .await
            .expect("under the limit");
    }
    assert_eq!(
        limiter.hit("signin:ada", 3, window).await,
        Err(AppError::RateLimited {
            retry_after_secs: 1
        })
    );
    limiter
        .hit("signin:bob", 3, window)
        .await
        .expect("keys are separate");
    let ttl: i64 = pool
        .pttl(format!("{prefix}signin:ada"))
        .await
        .expect("pttl");
    assert!(
        (1..=400).contains(&ttl),
        "the window expires by itself: {ttl}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    limiter
        .hit("signin:ada", 3, window)
        .await
        .expect("window over");
    let long = Duration::from_secs(90);
    limiter.hit("slow", 1, long).await.expect("first");
    assert_eq!(
        limiter.hit("slow", 1, long).await,
        Err(AppError::RateLimited {
            retry_after_secs: 90
        })
    );
    let _: i64 = pool
        .del(vec![
            format!("{prefix}signin:ada"),
            format!("{prefix}signin:bob"),
            format!("{prefix}slow"),
        ])
        .await
        .expect("cleanup");
}

#[tokio::test]
async fn meter_says_how_much_of_the_window_is_left() {
    let limiter = RateLimiter::in_memory();
    let minute = Duration::from_secs(60);
    let first = limiter.meter("api:ada", 2, minute).await.expect("allowed");
    assert_eq!((first.limit, first.remaining), (2, 1));
    assert!((1..=60).contains(&first.reset_secs));
    let second = limiter.meter("api:ada", 2, minute).await.expect("allowed");
    assert_eq!(second.remaining, 0);
    assert!(matches!(
        limiter.meter("api:ada", 2, minute).await,
        Err(AppError::RateLimited { retry_after_secs }) if (1..=60).contains(&retry_after_secs)
    ));
    assert_eq!(
        limiter
            .meter("api:bob", 2, minute)
            .await
            .map(|q| q.remaining),
        Ok(1),
        "keys count apart"
    );
}
