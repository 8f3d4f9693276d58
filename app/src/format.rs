//! Wording for numbers, languages, prices and times as people read them: "1 lesson",
//! "English", a price and a date in the reader's own locale and time zone. Shared by the server
//! and the browser.

use leptos::prelude::*;

use crate::models::{format_price, LANGUAGES};

/// `n` with the singular or plural noun: "1 lesson", "0 lessons", "2 lessons".
pub fn count<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// The English name of a course language code ("en" → "English"); an unknown code as it is.
pub fn language_name(code: &str) -> &str {
    LANGUAGES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or(code, |(_, name)| name)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An RFC 3339 UTC time as "26 Nov 2026, 17:30 UTC" (what the server renders before the
/// browser shows local time); anything else is returned as it is.
pub fn utc_text(rfc3339: &str) -> String {
    utc_parts(rfc3339)
        .map(|(date, time)| format!("{date}, {time} UTC"))
        .unwrap_or_else(|| rfc3339.to_owned())
}

/// An RFC 3339 UTC time's date as "26 Nov 2026"; anything else is returned as it is.
pub fn utc_date_text(rfc3339: &str) -> String {
    utc_parts(rfc3339)
        .map(|(date, _)| date)
        .unwrap_or_else(|| rfc3339.to_owned())
}

/// ("26 Nov 2026", "17:30") of a UTC RFC 3339 time (`Z` or `+00:00`), else `None`.
fn utc_parts(rfc3339: &str) -> Option<(String, String)> {
    let (year, month, day) = (rfc3339.get(0..4)?, rfc3339.get(5..7)?, rfc3339.get(8..10)?);
    let time = rfc3339.get(11..16)?;
    let seps = (rfc3339.get(4..5)?, rfc3339.get(7..8)?, rfc3339.get(10..11)?);
    let utc = rfc3339.ends_with('Z') || rfc3339.ends_with("+00:00");
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if seps != ("-", "-", "T") || !utc || !digits(year) || !digits(day) {
        return None;
    }
    let month = MONTHS.get(month.parse::<usize>().ok()?.checked_sub(1)?)?;
    let day = day.trim_start_matches('0');
    Some((format!("{day} {month} {year}"), time.to_owned()))
}

/// How much of a time [`LocalTime`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeStyle {
    /// Date and time of day.
    #[default]
    DateTime,
    /// The date only.
    Date,
}

/// A `<time>` element for an RFC 3339 UTC time: readable UTC text from the server, replaced by
/// the reader's local date and time once the page is hydrated.
#[component]
pub fn LocalTime(
    /// The time, RFC 3339 in UTC.
    #[prop(into)]
    at: String,
    /// Date and time, or the date only.
    #[prop(optional)]
    style: TimeStyle,
) -> impl IntoView {
    let server_text = match style {
        TimeStyle::DateTime => utc_text(&at),
        TimeStyle::Date => utc_date_text(&at),
    };
    let text = RwSignal::new(server_text);
    #[cfg(feature = "hydrate")]
    {
        let at = at.clone();
        Effect::new(move |_| {
            if let Some(local) = local_text(&at, style) {
                text.set(local);
            }
        });
    }
    view! { <time datetime=at>{move || text.get()}</time> }
}

/// A price in minor units of `currency`: [`format_price`]'s text from the server ("$19.99"),
/// replaced once the page is hydrated by the reader's locale's way of writing it in the same
/// currency ("19,99 $" in German, "US$19.99" in Australian English), by the browser's `Intl`.
#[component]
pub fn LocalPrice(
    /// Minor units (cents).
    cents: i64,
    /// An ISO code from [`crate::models::CURRENCIES`].
    #[prop(into)]
    currency: String,
) -> impl IntoView {
    let text = RwSignal::new(format_price(cents, &currency));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(local) = local_price(cents, &currency) {
            text.set(local);
        }
    });
    view! { <span>{move || text.get()}</span> }
}

/// The browser's preferred language tag (`navigator.language`), `en` when unknown.
#[cfg(feature = "hydrate")]
fn reader_locale() -> Option<String> {
    use js_sys::{global, Reflect};
    let navigator = Reflect::get(&global(), &"navigator".into()).ok()?;
    Some(
        Reflect::get(&navigator, &"language".into())
            .ok()
            .and_then(|l| l.as_string())
            .unwrap_or_else(|| "en".to_owned()),
    )
}

/// `cents` of `currency` as the reader's locale writes it; `None` for free, unknown currencies
/// or when `Intl` refuses.
#[cfg(feature = "hydrate")]
fn local_price(cents: i64, currency: &str) -> Option<String> {
    use crate::models::CURRENCIES;
    use js_sys::{Array, Function, Intl, Object, Reflect};
    if cents == 0 || !CURRENCIES.iter().any(|(code, _)| *code == currency) {
        return None;
    }
    let options = Object::new();
    Reflect::set(&options, &"style".into(), &"currency".into()).ok()?;
    Reflect::set(&options, &"currency".into(), &currency.into()).ok()?;
    let locales = Array::of1(&reader_locale()?.into());
    let format: Function = Intl::NumberFormat::new(&locales, &options).format();
    let amount = wasm_bindgen::JsValue::from_f64(cents as f64 / 100.0);
    format
        .call1(&wasm_bindgen::JsValue::NULL, &amount)
        .ok()?
        .as_string()
}

/// `rfc3339` in the browser's time zone and locale, or `None` when it cannot be read.
#[cfg(feature = "hydrate")]
fn local_text(rfc3339: &str, style: TimeStyle) -> Option<String> {
    use js_sys::{Date, Object, Reflect};
    use wasm_bindgen::JsValue;
    let date = Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return None;
    }
    let locale = reader_locale()?;
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    if style == TimeStyle::DateTime {
        Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok()?;
    }
    let text = match style {
        TimeStyle::DateTime => date.to_locale_string(&locale, &options),
        TimeStyle::Date => date.to_locale_date_string(&locale, &options),
    };
    Some(text.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_the_singular_for_one_only() {
        assert_eq!(count(1u64, "lesson", "lessons"), "1 lesson");
        assert_eq!(count(0usize, "lesson", "lessons"), "0 lessons");
        assert_eq!(count(2i64, "learner", "learners"), "2 learners");
        assert_eq!(count(11u32, "quiz", "quizzes"), "11 quizzes");
    }

    #[test]
    fn language_codes_read_as_names() {
        assert_eq!(language_name("en"), "English");
        assert_eq!(language_name("FR"), "French");
        assert_eq!(language_name("tlh"), "tlh");
    }

    #[test]
    fn utc_times_read_as_dates() {
        assert_eq!(
            utc_text("2026-11-26T17:30:05+00:00"),
            "26 Nov 2026, 17:30 UTC"
        );
        assert_eq!(
            utc_text("2026-01-05T09:03:00.123Z"),
            "5 Jan 2026, 09:03 UTC"
        );
        assert_eq!(utc_date_text("2026-12-31T23:59:59Z"), "31 Dec 2026");
        for odd in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-26T17:30:00+02:00",
        ] {
            assert_eq!(utc_text(odd), odd, "{odd:?}");
        }
    }
}
