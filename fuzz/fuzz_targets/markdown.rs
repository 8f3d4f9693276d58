//! Markdown rendering: never panics, and the sanitized HTML holds no script element, event
//! handler, inline style or `javascript:` URL.
#![no_main]

use lectern_fuzz::html::check_safe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    let html = app::markdown::render(source);
    if let Err(problem) = check_safe(&html) {
        panic!("unsafe output: {problem}\nsource: {source:?}\nhtml: {html}");
    }
});
