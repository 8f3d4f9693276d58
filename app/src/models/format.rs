//! Display formatting shared by server and browser.

/// Formats a price in minor units, e.g. `1999 USD` → `$19.99`; zero is `Free`.
pub fn format_price(cents: i64, currency: &str) -> String {
    if cents == 0 {
        return "Free".to_owned();
    }
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let amount = format!("{}.{:02}", abs / 100, abs % 100);
    match currency {
        "USD" => format!("{sign}${amount}"),
        "EUR" => format!("{sign}€{amount}"),
        "GBP" => format!("{sign}£{amount}"),
        other => format!("{sign}{amount} {other}"),
    }
}

/// Formats a duration in seconds as `7 min` or `1 h 05 min` (rounded up to the minute).
pub fn format_duration(seconds: i64) -> String {
    let minutes = (seconds.max(0) + 59) / 60;
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices() {
        assert_eq!(format_price(0, "USD"), "Free");
        assert_eq!(format_price(1999, "USD"), "$19.99");
        assert_eq!(format_price(4905, "EUR"), "€49.05");
        assert_eq!(format_price(100, "JPY"), "1.00 JPY");
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(0), "0 min");
        assert_eq!(format_duration(61), "2 min");
        assert_eq!(format_duration(3600), "1 h 00 min");
        assert_eq!(format_duration(3 * 3600 + 5 * 60), "3 h 05 min");
    }
}
