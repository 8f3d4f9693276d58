//! Grading rules per question type, and properties that hold for any response.

use proptest::prelude::*;

use super::test_support::{none, q, score};
use super::*;

fn opt(text: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        text: text.into(),
        correct,
        feedback: String::new(),
        credit: None,
    }
}

#[test]
fn single_choice_follows_the_presentation() {
    let question = q(QuestionBody::SingleChoice {
        options: vec![opt("a", true), opt("b", false), opt("c", false)],
    });
    let shuffled = Presentation {
        order: vec![2, 0, 1],
    };
    // Display position 1 shows authored option 0, the right one.
    assert_eq!(score(&question, &shuffled, Response::SingleChoice(1)), 2.0);
    assert_eq!(score(&question, &shuffled, Response::SingleChoice(0)), 0.0);
    assert_eq!(score(&question, &shuffled, Response::SingleChoice(9)), 0.0);
    assert_eq!(grade(&question, &shuffled, None).score, 0.0);
}

#[test]
fn multiple_choice_exact_and_partial() {
    let options = vec![
        opt("a", true),
        opt("b", true),
        opt("c", false),
        opt("d", false),
    ];
    let exact = q(QuestionBody::MultipleChoice {
        options: options.clone(),
        partial_credit: false,
    });
    let partial = q(QuestionBody::MultipleChoice {
        options,
        partial_credit: true,
    });
    let p = none();
    assert_eq!(score(&exact, &p, Response::MultipleChoice(vec![1, 0])), 2.0);
    assert_eq!(score(&exact, &p, Response::MultipleChoice(vec![0])), 0.0);
    assert_eq!(
        score(&exact, &p, Response::MultipleChoice(vec![0, 1, 2])),
        0.0
    );
    assert_eq!(score(&partial, &p, Response::MultipleChoice(vec![0])), 1.0);
    assert_eq!(
        score(&partial, &p, Response::MultipleChoice(vec![0, 1, 2])),
        1.0
    );
    assert_eq!(
        score(&partial, &p, Response::MultipleChoice(vec![0, 2, 3])),
        0.0
    );
    // Picking everything never earns full marks; duplicates are malformed.
    assert_eq!(
        score(&partial, &p, Response::MultipleChoice(vec![0, 1, 2, 3])),
        0.0
    );
    assert_eq!(
        score(&partial, &p, Response::MultipleChoice(vec![0, 0])),
        0.0
    );
}

#[test]
fn true_false_and_wrong_variants() {
    let question = q(QuestionBody::TrueFalse {
        answer: false,
        feedback_true: String::new(),
        feedback_false: String::new(),
    });
    assert_eq!(score(&question, &none(), Response::TrueFalse(false)), 2.0);
    assert_eq!(score(&question, &none(), Response::TrueFalse(true)), 0.0);
    assert_eq!(
        score(&question, &none(), Response::ShortText("false".into())),
        0.0
    );
}

#[test]
fn short_text_lenient_and_strict() {
    let lenient = q(QuestionBody::ShortText {
        accepted: vec!["New York".into(), "NYC".into()],
        lenient: true,
        wildcards: false,
    });
    let strict = q(QuestionBody::ShortText {
        accepted: vec!["New York".into()],
        lenient: false,
        wildcards: false,
    });
    let p = none();
    assert_eq!(
        score(&lenient, &p, Response::ShortText("  new   YORK ".into())),
        2.0
    );
    assert_eq!(score(&lenient, &p, Response::ShortText("nyc".into())), 2.0);
    assert_eq!(
        score(&lenient, &p, Response::ShortText("NewYork".into())),
        0.0
    );
    assert_eq!(score(&lenient, &p, Response::ShortText("   ".into())), 0.0);
    assert_eq!(
        score(&strict, &p, Response::ShortText(" New York ".into())),
        2.0
    );
    assert_eq!(
        score(&strict, &p, Response::ShortText("new york".into())),
        0.0
    );
    // Unicode case folding.
    let umlaut = q(QuestionBody::ShortText {
        accepted: vec!["Übung".into()],
        lenient: true,
        wildcards: false,
    });
    assert_eq!(score(&umlaut, &p, Response::ShortText("ÜBUNG".into())), 2.0);
}

#[test]
fn numeric_tolerance_and_units() {
    let question = q(QuestionBody::Numeric {
        answers: vec![NumericAnswer::new(9.81, 0.01)],
        unit: Some("m/s2".into()),
        unit_required: false,
        other_feedback: String::new(),
    });
    let p = none();
    for right in [
        "9.81",
        "9.8",
        "9.82",
        "9,81",
        "9.81 m/s2",
        "9.81M/S2",
        "+9.81",
        "0.981e1",
    ] {
        assert_eq!(
            score(&question, &p, Response::Numeric(right.into())),
            2.0,
            "{right}"
        );
    }
    for wrong in ["9.83", "9.79", "9.81 km", "abc", "", "NaN", "inf", "-9.81"] {
        assert_eq!(
            score(&question, &p, Response::Numeric(wrong.into())),
            0.0,
            "{wrong}"
        );
    }
    let required = q(QuestionBody::Numeric {
        answers: vec![NumericAnswer::new(3.0, 0.0)],
        unit: Some("kg".into()),
        unit_required: true,
        other_feedback: String::new(),
    });
    assert_eq!(score(&required, &p, Response::Numeric("3".into())), 0.0);
    assert_eq!(score(&required, &p, Response::Numeric("3 KG".into())), 2.0);
    let unitless = q(QuestionBody::Numeric {
        answers: vec![NumericAnswer::new(-1500.0, 0.0)],
        unit: None,
        unit_required: false,
        other_feedback: String::new(),
    });
    assert_eq!(
        score(&unitless, &p, Response::Numeric("-1.5e3".into())),
        2.0
    );
    assert_eq!(
        score(&unitless, &p, Response::Numeric("-1500 m".into())),
        0.0
    );
}

#[test]
fn ordering_matching_and_blanks_give_partial_credit() {
    let ordering = q(QuestionBody::Ordering {
        items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
    });
    let p = Presentation {
        order: vec![3, 2, 1, 0],
    };
    // Display 3,2,1,0 = authored 0,1,2,3: all in place.
    assert_eq!(
        score(&ordering, &p, Response::Ordering(vec![3, 2, 1, 0])),
        2.0
    );
    // Authored 1,0,2,3: two in place.
    assert_eq!(
        score(&ordering, &p, Response::Ordering(vec![2, 3, 1, 0])),
        1.0
    );
    assert_eq!(
        score(&ordering, &p, Response::Ordering(vec![3, 3, 1, 0])),
        0.0
    );
    assert_eq!(score(&ordering, &p, Response::Ordering(vec![3, 2, 1])), 0.0);

    let matching = q(QuestionBody::Matching {
        pairs: vec![
            MatchPair {
                prompt: "1".into(),
                answer: "one".into(),
            },
            MatchPair {
                prompt: "2".into(),
                answer: "two".into(),
            },
        ],
    });
    let p = Presentation { order: vec![1, 0] };
    assert_eq!(
        score(&matching, &p, Response::Matching(vec![Some(1), Some(0)])),
        2.0
    );
    assert_eq!(
        score(&matching, &p, Response::Matching(vec![Some(1), None])),
        1.0
    );
    assert_eq!(
        score(&matching, &p, Response::Matching(vec![Some(0), Some(1)])),
        0.0
    );

    let blanks = q(QuestionBody::FillBlanks {
        text: "Paris is in [[France]] and Rome in [[Italy|Italia]].".into(),
        lenient: true,
    });
    let p = none();
    assert_eq!(
        score(
            &blanks,
            &p,
            Response::FillBlanks(vec!["france".into(), "ITALIA".into()])
        ),
        2.0
    );
    assert_eq!(
        score(
            &blanks,
            &p,
            Response::FillBlanks(vec!["France".into(), "Spain".into()])
        ),
        1.0
    );
    assert_eq!(
        score(&blanks, &p, Response::FillBlanks(vec!["France".into()])),
        0.0
    );
}

fn any_body() -> impl Strategy<Value = QuestionBody> {
    let options = prop::collection::vec((any::<bool>(), "[a-z]{1,4}"), 2..6).prop_map(|v| {
        let mut options: Vec<ChoiceOption> = v.into_iter().map(|(c, t)| opt(&t, c)).collect();
        options[0].correct = true;
        options
    });
    prop_oneof![
        options.clone().prop_map(|mut options| {
            for o in options.iter_mut().skip(1) {
                o.correct = false;
            }
            QuestionBody::SingleChoice { options }
        }),
        (options, any::<bool>()).prop_map(|(options, partial_credit)| {
            QuestionBody::MultipleChoice {
                options,
                partial_credit,
            }
        }),
        any::<bool>().prop_map(|answer| QuestionBody::TrueFalse {
            answer,
            feedback_true: String::new(),
            feedback_false: String::new()
        }),
        prop::collection::vec("[a-z]{1,5}", 2..8)
            .prop_map(|items| QuestionBody::Ordering { items }),
        prop::collection::vec(("[a-z]{1,5}", "[a-z]{1,5}"), 2..8).prop_map(|v| {
            QuestionBody::Matching {
                pairs: v
                    .into_iter()
                    .enumerate()
                    .map(|(i, (p, a))| MatchPair {
                        prompt: format!("{p}{i}"),
                        answer: a,
                    })
                    .collect(),
            }
        }),
        (-1e6f64..1e6, 0f64..10.0).prop_map(|(value, tolerance)| QuestionBody::Numeric {
            answers: vec![NumericAnswer::new(value, tolerance)],
            unit: None,
            unit_required: false,
            other_feedback: String::new(),
        }),
    ]
}

fn any_response() -> impl Strategy<Value = Response> {
    prop_oneof![
        any::<u32>().prop_map(Response::SingleChoice),
        prop::collection::vec(0u32..10, 0..10).prop_map(Response::MultipleChoice),
        any::<bool>().prop_map(Response::TrueFalse),
        ".{0,12}".prop_map(Response::ShortText),
        ".{0,12}".prop_map(Response::Numeric),
        prop::collection::vec(0u32..10, 0..10).prop_map(Response::Ordering),
        prop::collection::vec(prop::option::of(0u32..10), 0..10).prop_map(Response::Matching),
        prop::collection::vec(".{0,6}", 0..4).prop_map(Response::FillBlanks),
    ]
}

/// The right response, in display positions, for `question` laid out by `p`.
fn right_response(question: &Question, p: &Presentation) -> Response {
    let display_of = |authored: usize| {
        p.order
            .iter()
            .position(|o| *o as usize == authored)
            .expect("should succeed") as u32
    };
    match &question.body {
        QuestionBody::SingleChoice { options } => Response::SingleChoice(display_of(
            options
                .iter()
                .position(|o| o.correct)
                .expect("should succeed"),
        )),
        QuestionBody::MultipleChoice { options, .. } => Response::MultipleChoice(
            (0..options.len())
                .filter(|i| options[*i].correct)
                .map(display_of)
                .collect(),
        ),
        QuestionBody::TrueFalse { answer, .. } => Response::TrueFalse(*answer),
        QuestionBody::Ordering { items } => {
            Response::Ordering((0..items.len()).map(display_of).collect())
        }
        QuestionBody::Matching { pairs } => {
            Response::Matching((0..pairs.len()).map(|i| Some(display_of(i))).collect())
        }
        QuestionBody::Numeric { answers, .. } => Response::Numeric(format!("{}", answers[0].value)),
        _ => unreachable!("not generated"),
    }
}

proptest! {
    #[test]
    fn scores_stay_within_zero_and_max(body in any_body(), response in any_response(), seed in any::<u64>(), points in 0.5f64..10.0) {
        let question = Question { stem: "Q".into(), points, general_feedback: String::new(), body };
        let mut state = seed;
        let p = presentation(&question, true, &mut |n| { state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); ((state >> 33) % u64::from(n)) as u32 });
        let g = grade(&question, &p, Some(&response));
        prop_assert!(g.score >= 0.0 && g.score <= g.max, "{g:?}");
        prop_assert_eq!(g.max, points);
    }

    #[test]
    fn the_right_answer_scores_full_marks_under_any_presentation(body in any_body(), seed in any::<u64>(), shuffle in any::<bool>()) {
        let question = q(body);
        let mut state = seed;
        let p = presentation(&question, shuffle, &mut |n| { state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); ((state >> 33) % u64::from(n)) as u32 });
        let full = if p.order.is_empty() { Presentation { order: vec![] } } else { p.clone() };
        let response = if p.order.is_empty() {
            right_response(&question, &Presentation { order: (0..20).collect() })
        } else {
            right_response(&question, &full)
        };
        prop_assert!(grade(&question, &p, Some(&response)).is_correct());
    }
}
