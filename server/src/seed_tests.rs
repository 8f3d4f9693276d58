//! The embedded demo catalogue parses and is large and varied enough.

use super::*;

#[test]
fn embedded_catalogue_is_valid_and_large_enough() {
    let courses = demo_courses().expect("seed files parse and validate");
    assert!(courses.len() >= 12, "only {} demo courses", courses.len());
    for c in &courses {
        assert!(
            (2..=5).contains(&c.sections.len()),
            "{} has {} sections",
            c.slug,
            c.sections.len()
        );
        assert!(
            c.sections
                .iter()
                .flat_map(|s| &s.lessons)
                .any(|l| l.free_preview),
            "{} has no free-preview lesson",
            c.slug
        );
    }
    let categories: std::collections::HashSet<_> = courses.iter().map(|c| &c.category).collect();
    let levels: std::collections::HashSet<_> = courses.iter().map(|c| &c.level).collect();
    assert!(categories.len() >= 4, "categories: {categories:?}");
    assert_eq!(levels.len(), 3, "levels: {levels:?}");
}
