//! The index on a small hand-made catalogue: matching, stems, prefixes, typos and rank.

use super::*;
use crate::models::CatalogueSort;
use analysis::{typo_allowance, words};

fn course(
    id: i64,
    title: &str,
    subtitle: &str,
    description: &str,
    instructor: &str,
) -> IndexedCourse {
    IndexedCourse {
        id,
        title: title.into(),
        subtitle: subtitle.into(),
        description: description.into(),
        instructor: instructor.into(),
        category: "programming".into(),
        level: "beginner".into(),
        price_cents: 0,
        published_at: id,
        rating_count: 0,
        rating_sum: 0,
    }
}

fn catalogue() -> CatalogueIndex {
    CatalogueIndex::build(vec![
        course(
            1,
            "Rust Fundamentals",
            "Ownership and borrowing",
            "Learn the borrow checker.",
            "Ada Okafor",
        ),
        course(
            2,
            "Statistics with Python",
            "Tests and regression",
            "Stop trusting a regression blindly.",
            "Miguel Serrano",
        ),
        course(
            3,
            "Async Rust in Practice",
            "Futures and Tokio",
            "Cancellation and shutdown.",
            "Ada Okafor",
        ),
        course(
            4,
            "Intro to Machine Learning",
            "Your first models",
            "Overfitting, cross-validation.",
            "Ada Okafor",
        ),
        course(
            5,
            "Deep Work",
            "Focus in a distracted world",
            "Protect your attention; Rust programmers welcome.",
            "Ada Okafor",
        ),
        course(
            6,
            "Écrire en français",
            "Les accords",
            "Rédiger une synthèse.",
            "Ada Okafor",
        ),
    ])
    .expect("build")
}

fn ids(index: &CatalogueIndex, text: &str) -> Vec<i64> {
    index
        .search(text)
        .expect("search")
        .into_iter()
        .map(|h| index.courses()[h.position].id)
        .collect()
}

#[test]
fn whole_words_only_rust_is_not_trusting() {
    let index = catalogue();
    let found = ids(&index, "rust");
    assert!(!found.contains(&2), "'trusting' is not 'rust': {found:?}");
    assert_eq!(
        found,
        vec![1, 3, 5],
        "titles first, then the description mention"
    );
}

#[test]
fn stems_match_other_forms_of_a_word() {
    let index = catalogue();
    assert_eq!(
        ids(&index, "borrowing"),
        vec![1],
        "borrowing finds 'borrow'"
    );
    assert_eq!(ids(&index, "futures"), vec![3]);
    assert_eq!(ids(&index, "model"), vec![4], "model finds 'models'");
}

#[test]
fn the_last_word_matches_as_a_prefix() {
    let index = catalogue();
    assert_eq!(ids(&index, "asyn"), vec![3]);
    assert_eq!(ids(&index, "machine lea"), vec![4]);
    // Only the last word: an earlier unfinished word must match in full (or by typo).
    assert!(ids(&index, "asy rust").is_empty());
}

#[test]
fn unknown_words_tolerate_typos_by_length() {
    let index = catalogue();
    assert_eq!(
        ids(&index, "machine learing"),
        vec![4],
        "one typo in 7 letters"
    );
    assert_eq!(ids(&index, "statistcs"), vec![2], "one typo in 9 letters");
    assert_eq!(
        ids(&index, "stattistcs"),
        vec![2],
        "two typos in 10 letters"
    );
    assert!(
        ids(&index, "pyhton").contains(&2),
        "a transposition is one typo"
    );
    assert!(
        ids(&index, "stxtixtixs").is_empty(),
        "three typos are too many"
    );
}

#[test]
fn instructors_accents_and_case() {
    let index = catalogue();
    assert_eq!(ids(&index, "ada"), vec![1, 3, 4, 5, 6]);
    assert_eq!(ids(&index, "OKAFOR"), vec![1, 3, 4, 5, 6]);
    assert_eq!(ids(&index, "ecrire"), vec![6]);
    assert_eq!(ids(&index, "Français"), vec![6]);
}

#[test]
fn every_word_must_match_but_common_words_may_not() {
    let index = catalogue();
    assert_eq!(ids(&index, "rust cancellation"), vec![3]);
    assert!(ids(&index, "rust python").is_empty());
    assert_eq!(ids(&index, "the rust for"), vec![1, 3, 5]);
}

#[test]
fn rank_puts_title_above_subtitle_above_description() {
    let index = CatalogueIndex::build(vec![
        course(1, "Cooking", "", "A word on tokio.", ""),
        course(2, "Baking", "Tokio for bakers", "", ""),
        course(3, "Tokio Basics", "", "", ""),
    ])
    .expect("build");
    assert_eq!(ids(&index, "tokio"), vec![3, 2, 1]);
}

#[test]
fn queries_are_bounded_and_never_syntax() {
    let index = catalogue();
    for q in [
        "",
        "   ",
        "%",
        "*",
        "title:rust",
        "(",
        "\"",
        "rust^9",
        "-rust",
        "+",
    ] {
        assert!(index.search(q).is_ok(), "{q:?}");
    }
    assert!(
        ids(&index, "title:rust").is_empty(),
        "'title' is just a word"
    );
    let many = "a b c d e f g h i j k l";
    assert_eq!(words(many).len(), MAX_WORDS);
    let long = "rust ".repeat(200);
    assert_eq!(words(&long).len(), 1, "repeats collapse");
    assert_eq!(typo_allowance("ada"), 0);
    assert_eq!(typo_allowance("learing"), 1);
    assert_eq!(typo_allowance("statistcs"), 2);
}

#[test]
fn listing_filters_counts_and_orders() {
    let index = catalogue();
    let request = |text, level, sort| Request {
        text,
        category: Some("programming"),
        level,
        min_rating: None,
        sort,
    };
    let all = select(&index, request(None, None, CatalogueSort::Title)).expect("select");
    assert_eq!(all.ids, vec![3, 5, 6, 4, 1, 2], "by folded title");
    let rust = select(
        &index,
        request(Some("rust"), Some("advanced"), CatalogueSort::Relevance),
    )
    .expect("select");
    assert!(rust.ids.is_empty(), "no advanced course");
    assert_eq!(rust.by_level.get("beginner"), Some(&3));
    assert_eq!(
        rust.by_category.get("programming"),
        None,
        "counted with the level filter"
    );
    let newest = select(&index, request(None, None, CatalogueSort::Newest)).expect("select");
    assert_eq!(newest.ids, vec![6, 5, 4, 3, 2, 1]);
}

#[test]
fn rating_sort_compares_exact_averages_and_the_filter_needs_ratings() {
    // (id, ratings, sum): 4.5 from 2, 4.5 from 4, 4.0 from 3, 3.99… from 300, none.
    let rated = [
        (1, 2, 9),
        (2, 4, 18),
        (3, 3, 12),
        (4, 300, 1_199),
        (5, 0, 0),
    ];
    let index = CatalogueIndex::build(
        rated
            .iter()
            .map(|&(id, count, sum)| IndexedCourse {
                rating_count: count,
                rating_sum: sum,
                ..course(id, &format!("Course {id}"), "", "", "Ada Okafor")
            })
            .collect(),
    )
    .expect("build");
    let ask = |min_rating, sort| {
        select(
            &index,
            Request {
                text: None,
                category: None,
                level: None,
                min_rating,
                sort,
            },
        )
        .expect("select")
    };
    assert_eq!(
        ask(None, CatalogueSort::Rating).ids,
        vec![2, 1, 3, 4, 5],
        "same average: more ratings first; unrated last"
    );
    let four_up = ask(Some(4), CatalogueSort::Title);
    assert_eq!(
        four_up.ids,
        vec![1, 2, 3],
        "exactly 4.0 counts; 3.997 does not"
    );
    assert_eq!(
        four_up.by_level.get("beginner"),
        Some(&3),
        "counts follow it"
    );
    assert_eq!(ask(Some(3), CatalogueSort::Title).ids, vec![1, 2, 3, 4]);
}
