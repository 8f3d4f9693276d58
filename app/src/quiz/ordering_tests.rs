//! Ordering answers: the order shown is an answer, and a submitted order names every item once.

use super::test_support::{none, q, score};
use super::*;

#[test]
fn an_untouched_ordering_is_the_order_shown() {
    let ordering = q(QuestionBody::Ordering {
        items: vec!["a".into(), "b".into(), "c".into()],
    });
    let shown = untouched_response(&ordering).expect("an ordering has an answer as shown");
    assert_eq!(shown, Response::Ordering(vec![0, 1, 2]));
    assert!(response_fits(&ordering, &shown));
    // Shown in the authored order, it is right; shown as c, a, b, nothing is in place.
    assert_eq!(score(&ordering, &none(), shown.clone()), 2.0);
    let rotated = Presentation {
        order: vec![2, 0, 1],
    };
    assert_eq!(score(&ordering, &rotated, shown.clone()), 0.0);
    // Shown as a, c, b: one of three in place.
    let swapped = Presentation {
        order: vec![0, 2, 1],
    };
    assert!((score(&ordering, &swapped, shown) - 2.0 / 3.0).abs() < 1e-9);
    // Other kinds have no answer until the learner gives one.
    assert_eq!(
        untouched_response(&q(QuestionBody::TrueFalse {
            answer: true,
            feedback_true: String::new(),
            feedback_false: String::new(),
        })),
        None
    );
}

#[test]
fn an_ordering_must_name_every_item_once() {
    let ordering = q(QuestionBody::Ordering {
        items: vec!["a".into(), "b".into(), "c".into()],
    });
    assert!(response_fits(&ordering, &Response::Ordering(vec![2, 0, 1])));
    for bad in [
        vec![],
        vec![0, 1],
        vec![0, 1, 1],
        vec![0, 1, 3],
        vec![0, 1, 2, 0],
        vec![u32::MAX, 0, 1],
    ] {
        assert!(
            !response_fits(&ordering, &Response::Ordering(bad.clone())),
            "{bad:?} refused"
        );
    }
}
