//! Fixed-window rate limiting for sign-in, sign-up, reset requests and the like.
//!
//! The in-process backend is a `Mutex<HashMap>` rather than `governor`: callers pick the limit
//! and window per call (5 sign-ins a minute, 3 reset emails an hour) and need the fixed-window
//! "N per window, retry after S seconds" answer that Redis gives, while a governor keyed limiter
//! fixes one quota per limiter and meters a smooth rate. With several server instances, use the
//! Redis backend so they share counts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fred::prelude::{KeysInterface, Pool};
use fred::types::ExpireOptions;

use crate::error::AppError;

/// How many hits pass between sweeps of expired in-process windows.
const SWEEP_EVERY: u32 = 1024;

/// Counts hits per key in fixed windows and says when a key is over its limit.
#[derive(Clone)]
pub enum RateLimiter {
    /// Counts in this process only.
    Memory(Arc<MemoryLimiter>),
    /// Counts in Redis, shared by every server instance.
    Redis(RedisLimiter),
}

impl RateLimiter {
    /// A limiter counting in this process.
    pub fn in_memory() -> Self {
        RateLimiter::Memory(Arc::new(MemoryLimiter::default()))
    }

    /// A limiter counting in Redis through `pool`, under keys starting with `prefix`
    /// (e.g. `"lectern:rl:"`).
    pub fn redis(pool: Pool, prefix: impl Into<String>) -> Self {
        RateLimiter::Redis(RedisLimiter {
            pool,
            prefix: prefix.into(),
        })
    }

    /// Records one hit on `key` and allows it while the key has had at most `limit` hits in the
    /// current `window`. Over the limit: `RateLimited { retry_after_secs }` (at least 1). A
    /// Redis failure is logged and answered with `Unavailable`, so limits fail closed.
    pub async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<(), AppError> {
        self.meter(key, limit, window).await.map(drop)
    }

    /// [`RateLimiter::hit`], also saying how much of the window is left (for `RateLimit-*`
    /// headers).
    pub async fn meter(&self, key: &str, limit: u32, window: Duration) -> Result<Quota, AppError> {
        let (count, reset_secs) = match self {
            RateLimiter::Memory(memory) => memory.count_at(key, window, Instant::now()),
            RateLimiter::Redis(redis) => redis.count(key, window).await?,
        };
        if count > u64::from(limit) {
            return Err(AppError::RateLimited {
                retry_after_secs: reset_secs,
            });
        }
        Ok(Quota {
            limit,
            remaining: limit.saturating_sub(u32::try_from(count).unwrap_or(u32::MAX)),
            reset_secs,
        })
    }

    /// Whether the shared store answers: always for the in-process limiter; a `PING` for
    /// Redis (for readiness checks).
    pub async fn ping(&self) -> Result<(), String> {
        match self {
            RateLimiter::Memory(_) => Ok(()),
            RateLimiter::Redis(redis) => {
                use fred::interfaces::ClientLike;
                redis
                    .pool
                    .next()
                    .ping::<String>(None)
                    .await
                    .map(drop)
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// What is left of a key's window after a hit that was allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Hits allowed per window.
    pub limit: u32,
    /// Hits still allowed in this window.
    pub remaining: u32,
    /// Whole seconds until the window resets (at least 1).
    pub reset_secs: u64,
}

/// Whole seconds until `remaining` has passed, rounded up, at least 1.
fn ceil_secs(remaining: Duration) -> u64 {
    remaining.as_millis().div_ceil(1000).max(1) as u64
}

struct Window {
    count: u32,
    resets_at: Instant,
}

/// The in-process backend's state: a window per key, swept of expired windows now and then.
#[derive(Default)]
pub struct MemoryLimiter {
    state: Mutex<(HashMap<String, Window>, u32)>,
}

impl MemoryLimiter {
    /// Records a hit at time `now`; `Err(retry_after_secs)` when over the limit.
    pub fn hit_at(&self, key: &str, limit: u32, window: Duration, now: Instant) -> Result<(), u64> {
        let (count, reset_secs) = self.count_at(key, window, now);
        if count > u64::from(limit) {
            Err(reset_secs)
        } else {
            Ok(())
        }
    }

    /// Records a hit at time `now`: the key's hits in its window so far, and whole seconds
    /// until the window resets.
    fn count_at(&self, key: &str, window: Duration, now: Instant) -> (u64, u64) {
        // A poisoned lock only means another thread panicked mid-update; the counts are still
        // usable, and refusing every request would be worse.
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (windows, hits) = &mut *guard;
        *hits += 1;
        if *hits >= SWEEP_EVERY {
            *hits = 0;
            windows.retain(|_, w| w.resets_at > now);
        }
        let entry = windows.entry(key.to_owned()).or_insert(Window {
            count: 0,
            resets_at: now + window,
        });
        if entry.resets_at <= now {
            *entry = Window {
                count: 0,
                resets_at: now + window,
            };
        }
        entry.count = entry.count.saturating_add(1);
        (u64::from(entry.count), ceil_secs(entry.resets_at - now))
    }

    /// How many keys currently hold a window (for tests and metrics).
    pub fn tracked_keys(&self) -> usize {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).0.len()
    }
}

/// The Redis backend: `INCR` and `PEXPIRE … NX` in one pipeline, so the first hit starts the
/// window and a lost expiry is repaired by the next hit; `PTTL` gives the retry time.
#[derive(Clone)]
pub struct RedisLimiter {
    pool: Pool,
    prefix: String,
}

impl RedisLimiter {
    /// Records a hit: the key's hits in its window so far, and whole seconds until it resets.
    async fn count(&self, key: &str, window: Duration) -> Result<(u64, u64), AppError> {
        let key = format!("{}{key}", self.prefix);
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX).max(1);
        let pipeline = self.pool.next().pipeline();
        let queued: Result<(), fred::error::Error> = async {
            pipeline.incr::<(), _>(key.as_str()).await?;
            pipeline
                .pexpire::<(), _>(key.as_str(), window_ms, Some(ExpireOptions::NX))
                .await?;
            pipeline.pttl::<(), _>(key.as_str()).await
        }
        .await;
        let replies = match queued {
            Ok(()) => pipeline.all::<(i64, i64, i64)>().await,
            Err(err) => Err(err),
        };
        let (count, _, ttl_ms) = replies.map_err(|err| {
            tracing::error!(error = %err, "rate limit check in Redis failed");
            AppError::Unavailable
        })?;
        let remaining = u64::try_from(ttl_ms).map_or(window, Duration::from_millis);
        Ok((u64::try_from(count).unwrap_or(0), ceil_secs(remaining)))
    }
}

#[cfg(test)]
#[path = "rate_limit_tests.rs"]
mod tests;
