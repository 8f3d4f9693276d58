//! CSV import: never panics, names real lines; what it accepts and the server would store
//! also survives a GIFT export → import round trip.
#![no_main]

use lectern_fuzz::import::{check_lines, check_round_trip, storable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let result = app::quiz::csv::parse(text);
    check_lines(text, &result);
    if let Ok(items) = result {
        check_round_trip(&storable(&items));
    }
});
