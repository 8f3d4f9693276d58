//! Daily streaks: how many days in a row, up to today or yesterday in the learner's time zone,
//! they earned points (completed a lesson or passed a quiz). Days come from the server's times
//! of those events, read in the zone the learner's browser reported (UTC until it has).

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::error::AppError;
use crate::server::entities::points_entry;

/// The longest streak counted (older activity is not read).
pub const MAX_STREAK_DAYS: i64 = 400;

/// `zone` as a time zone, or `None` when it is not an IANA name this server knows.
pub fn zone(zone: &str) -> Option<Tz> {
    if zone.len() > 64 {
        return None;
    }
    Tz::from_str(zone).ok()
}

/// The streak ending `today` given the days with activity: counted back from today when today
/// has activity, else from yesterday (a streak lasts until a whole day passes without any).
pub fn streak(days: &BTreeSet<NaiveDate>, today: NaiveDate) -> u32 {
    let mut day = if days.contains(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        day -= Duration::days(1);
    }
    count
}

/// The longest run of consecutive days in `days`.
pub fn longest(days: &BTreeSet<NaiveDate>) -> u32 {
    let mut best = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for day in days {
        run = match previous {
            Some(p) if p + Duration::days(1) == *day => run + 1,
            _ => 1,
        };
        best = best.max(run);
        previous = Some(*day);
    }
    best
}

/// The days, in `time_zone` (UTC when unknown), on which `user_id` earned points during the
/// [`MAX_STREAK_DAYS`] before `now`; and `now`'s day there.
async fn active_days(
    db: &impl ConnectionTrait,
    user_id: i64,
    time_zone: &str,
    now: DateTime<Utc>,
) -> Result<(BTreeSet<NaiveDate>, NaiveDate), AppError> {
    let tz = zone(time_zone).unwrap_or(Tz::UTC);
    let times: Vec<DateTime<Utc>> = points_entry::Entity::find()
        .select_only()
        .column(points_entry::Column::EarnedAt)
        .filter(points_entry::Column::UserId.eq(user_id))
        .filter(points_entry::Column::EarnedAt.gte(now - Duration::days(MAX_STREAK_DAYS + 1)))
        .into_tuple()
        .all(db)
        .await?;
    let days = times
        .into_iter()
        .map(|t| t.with_timezone(&tz).date_naive())
        .collect();
    Ok((days, now.with_timezone(&tz).date_naive()))
}

/// `user_id`'s streak as of `now`, in `time_zone` (UTC when unknown).
pub async fn current(
    db: &impl ConnectionTrait,
    user_id: i64,
    time_zone: &str,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let (days, today) = active_days(db, user_id, time_zone, now).await?;
    Ok(streak(&days, today))
}

/// `user_id`'s longest streak within the [`MAX_STREAK_DAYS`] before `now`, in `time_zone`:
/// what a streak badge asks for (a streak once kept still counts after it ends).
pub async fn best(
    db: &impl ConnectionTrait,
    user_id: i64,
    time_zone: &str,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let (days, _) = active_days(db, user_id, time_zone, now).await?;
    Ok(longest(&days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).expect("a date")
    }

    fn days(list: &[&str]) -> BTreeSet<NaiveDate> {
        list.iter().map(|s| day(s)).collect()
    }

    #[test]
    fn counts_consecutive_days_up_to_today_or_yesterday() {
        let active = days(&["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-28"]);
        assert_eq!(streak(&active, day("2026-11-28")), 1, "a gap on the 27th");
        assert_eq!(streak(&active, day("2026-11-27")), 3, "today not done yet");
        assert_eq!(
            streak(&active, day("2026-11-29")),
            1,
            "yesterday still counts"
        );
        assert_eq!(streak(&active, day("2026-11-30")), 0, "a whole day missed");
        assert_eq!(streak(&BTreeSet::new(), day("2026-11-30")), 0);
    }

    #[test]
    fn the_longest_run_counts_whenever_it_was() {
        let active = days(&[
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-05",
            "2026-10-31",
            "2026-11-01",
        ]);
        assert_eq!(
            longest(&active),
            3,
            "1–3 October, not 31 October–1 November"
        );
        assert_eq!(
            longest(&days(&["2026-02-28", "2026-03-01"])),
            2,
            "across a month"
        );
        assert_eq!(longest(&days(&["2026-11-20"])), 1);
        assert_eq!(longest(&BTreeSet::new()), 0);
    }

    #[test]
    fn days_are_the_learners_own() {
        // 23:30 UTC on the 27th is the 28th in Tokyo and still the 27th in New York.
        let late = Utc
            .with_ymd_and_hms(2026, 11, 27, 23, 30, 0)
            .single()
            .expect("time");
        let tokyo = zone("Asia/Tokyo").expect("zone");
        let new_york = zone("America/New_York").expect("zone");
        assert_eq!(late.with_timezone(&tokyo).date_naive(), day("2026-11-28"));
        assert_eq!(
            late.with_timezone(&new_york).date_naive(),
            day("2026-11-27")
        );
        assert!(zone("Mars/Olympus_Mons").is_none());
        assert!(zone(&"A".repeat(65)).is_none());
        assert!(zone("UTC").is_some());
    }
}
