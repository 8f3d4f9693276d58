//! GIFT import: never panics, names real lines; what it accepts and the server would store
//! exports to GIFT that re-imports to the same questions and tags.
#![no_main]

use lectern_fuzz::import::{check_lines, check_round_trip, storable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let result = app::quiz::gift::parse(text);
    check_lines(text, &result);
    if let Ok(items) = result {
        check_round_trip(&storable(&items));
    }
});
