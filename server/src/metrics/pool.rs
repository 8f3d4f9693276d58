//! Database pool gauges, read from the sqlx pool at each scrape.

use prometheus_client::{
    collector::Collector,
    encoding::{DescriptorEncoder, EncodeMetric},
    metrics::gauge::ConstGauge,
};
use sea_orm::{sqlx, DatabaseConnection, DatabaseConnectionType};

/// How many connections a pool holds, how many of them are idle, and its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Open connections, busy or idle.
    pub open: u32,
    /// Open connections waiting for work.
    pub idle: u32,
    /// The most connections the pool may open.
    pub max: u32,
}

impl PoolStats {
    /// Connections currently lent out to queries or transactions.
    pub fn in_use(&self) -> u32 {
        self.open.saturating_sub(self.idle)
    }
}

fn stats_of<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> PoolStats {
    PoolStats {
        open: pool.size(),
        idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        max: pool.options().get_max_connections(),
    }
}

/// The pool's numbers now; `None` for connections without an sqlx pool (mocks, closed).
pub fn pool_stats(db: &DatabaseConnection) -> Option<PoolStats> {
    // Matching first: the `get_*_connection_pool` accessors panic on the wrong backend.
    match &db.inner {
        DatabaseConnectionType::SqlxPostgresPoolConnection(_) => {
            Some(stats_of(db.get_postgres_connection_pool()))
        }
        DatabaseConnectionType::SqlxSqlitePoolConnection(_) => {
            Some(stats_of(db.get_sqlite_connection_pool()))
        }
        _ => None,
    }
}

/// Writes the pool gauges on every scrape.
pub struct PoolCollector {
    db: DatabaseConnection,
}

impl PoolCollector {
    /// A collector for `db`'s pool.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

impl std::fmt::Debug for PoolCollector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PoolCollector").finish_non_exhaustive()
    }
}

impl Collector for PoolCollector {
    fn encode(&self, mut encoder: DescriptorEncoder<'_>) -> Result<(), std::fmt::Error> {
        let Some(stats) = pool_stats(&self.db) else {
            return Ok(());
        };
        let gauges = [
            (
                "db_pool_connections_in_use",
                "Database connections lent out to queries",
                stats.in_use(),
            ),
            (
                "db_pool_connections_idle",
                "Open database connections waiting for work",
                stats.idle,
            ),
            (
                "db_pool_connections_max",
                "The most database connections the pool may open",
                stats.max,
            ),
        ];
        for (name, help, value) in gauges {
            let gauge = ConstGauge::new(i64::from(value));
            let metric = encoder.encode_descriptor(name, help, None, gauge.metric_type())?;
            gauge.encode(metric)?;
        }
        Ok(())
    }
}
