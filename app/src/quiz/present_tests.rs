//! Presentation is a fair permutation, and what learners see carries no answers.

use proptest::prelude::*;

use super::*;
use crate::models::Verdict;

fn lcg(seed: u64) -> impl FnMut(u32) -> u32 {
    let mut state = seed;
    move |n| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % u64::from(n)) as u32
    }
}

fn ordering(n: usize) -> Question {
    Question {
        stem: "Order".into(),
        points: 1.0,
        general_feedback: String::new(),
        body: QuestionBody::Ordering {
            items: (0..n).map(|i| format!("item{i}")).collect(),
        },
    }
}

/// A question of every kind whose answers and feedback all contain "SECRET".
fn secret_questions() -> Vec<Question> {
    let fb = |s: &str| format!("SECRET feedback {s}");
    let opt = |t: &str, c: bool| ChoiceOption {
        text: t.into(),
        correct: c,
        feedback: fb(t),
        credit: None,
    };
    let body = [
        QuestionBody::SingleChoice {
            options: vec![opt("a", true), opt("b", false)],
        },
        QuestionBody::MultipleChoice {
            options: vec![opt("a", true), opt("b", false)],
            partial_credit: true,
        },
        QuestionBody::TrueFalse {
            answer: true,
            feedback_true: fb("t"),
            feedback_false: fb("f"),
        },
        QuestionBody::ShortText {
            accepted: vec!["SECRET answer".into()],
            lenient: true,
            wildcards: false,
        },
        QuestionBody::Numeric {
            answers: vec![NumericAnswer::new(424242.0, 0.5)],
            unit: None,
            unit_required: false,
            other_feedback: String::new(),
        },
        QuestionBody::FillBlanks {
            text: "Fill [[SECRET blank]] here".into(),
            lenient: true,
        },
    ];
    body.into_iter()
        .map(|body| Question {
            stem: "Stem".into(),
            points: 1.0,
            general_feedback: fb("general"),
            body,
        })
        .collect()
}

#[test]
fn presented_questions_hold_no_answers_or_feedback() {
    for question in secret_questions() {
        let p = presentation(&question, true, &mut lcg(7));
        let json = serde_json::to_string(&present(&question, &p)).expect("should succeed");
        assert!(!json.contains("SECRET"), "{json}");
        assert!(!json.contains("424242"), "{json}");
        assert!(!json.contains("correct"), "{json}");
    }
}

#[test]
fn feedback_shows_the_picked_options_and_general_feedback() {
    let question = &secret_questions()[0];
    let p = Presentation { order: vec![1, 0] };
    let fb = feedback(question, &p, Some(&Response::SingleChoice(0)));
    assert_eq!(fb.verdict, Verdict::Incorrect);
    assert_eq!(fb.feedback_html.len(), 2);
    assert!(fb.feedback_html[0].contains("SECRET feedback b"));
    assert!(fb.feedback_html[1].contains("SECRET feedback general"));
    assert_eq!(fb.correct_answers_html.len(), 1);
    assert!(fb.correct_answers_html[0].contains('a'));
    // Options as shown: "b" first (wrong), then "a" (right).
    assert_eq!(fb.option_right, vec![false, true]);
    let fb = feedback(question, &p, None);
    assert_eq!(fb.verdict, Verdict::Unanswered);
}

#[test]
fn correct_answers_are_listed_one_per_part() {
    let order = Question {
        stem: "Order".into(),
        points: 1.0,
        general_feedback: String::new(),
        body: QuestionBody::Ordering {
            items: vec!["one".into(), "two & three".into(), "four".into()],
        },
    };
    let fb = feedback(
        &order,
        &Presentation {
            order: vec![2, 0, 1],
        },
        None,
    );
    assert_eq!(
        fb.correct_answers_html,
        vec!["one", "two &amp; three", "four"]
    );
    assert!(fb.correct_in_order);
    assert!(fb.option_right.is_empty());
    let tf = Question {
        body: QuestionBody::TrueFalse {
            answer: false,
            feedback_true: String::new(),
            feedback_false: String::new(),
        },
        ..order
    };
    let fb = feedback(
        &tf,
        &Presentation::default(),
        Some(&Response::TrueFalse(true)),
    );
    assert_eq!(fb.correct_answers_html, vec!["False"]);
    assert!(!fb.correct_in_order);
    assert_eq!(fb.option_right, vec![false, true]);
}

#[test]
fn fill_blank_parts_surround_the_blanks() {
    let question = &secret_questions()[5];
    let shown = present(question, &Presentation::default());
    assert_eq!(
        shown.blank_parts,
        vec!["Fill ".to_owned(), " here".to_owned()]
    );
}

#[test]
fn excerpt_is_plain_and_short() {
    let mut question = ordering(2);
    question.stem = format!("**Bold** _stem_ {}", "word ".repeat(60));
    let title = excerpt(&question);
    assert!(title.starts_with("Bold stem word"));
    assert!(title.chars().count() <= 120);
}

#[test]
fn validation_names_the_fields() {
    let mut question = secret_questions()[0].clone();
    question.points = 0.0;
    if let QuestionBody::SingleChoice { options } = &mut question.body {
        // No option marked correct (several may be, as in Moodle).
        options.iter_mut().for_each(|o| o.correct = false);
        options[0].text = " ".into();
    }
    let errors = validate(&question).expect_err("should be refused");
    assert!(errors.contains_key("points"));
    assert!(errors.contains_key("options"));
    assert!(errors.contains_key("options.0.text"));
    for q in secret_questions() {
        assert_eq!(validate(&q), Ok(()));
    }
    let blank = Question {
        body: QuestionBody::FillBlanks {
            text: "no blanks".into(),
            lenient: true,
        },
        ..secret_questions()[0].clone()
    };
    assert!(validate(&blank)
        .expect_err("should be refused")
        .contains_key("text"));
}

proptest! {
    #[test]
    fn presentations_are_permutations(n in 2usize..12, seed in any::<u64>()) {
        let question = ordering(n);
        let p = presentation(&question, false, &mut lcg(seed));
        let mut sorted = p.order.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..n as u32).collect::<Vec<_>>());
    }
}

/// How often each order of `n` items is shown over `draws` attempts.
fn order_counts(n: usize, draws: u32) -> std::collections::HashMap<Vec<u32>, u32> {
    let question = ordering(n);
    let mut next = lcg(0x5eed);
    let mut counts = std::collections::HashMap::new();
    for _ in 0..draws {
        *counts
            .entry(presentation(&question, false, &mut next).order)
            .or_insert(0) += 1;
    }
    counts
}

/// Every order is equally likely, the authored one included: a presentation says nothing about
/// the answer (excluding the authored order gave two items away and biased three).
#[test]
fn every_order_is_equally_likely_so_the_presentation_tells_nothing() {
    for (n, orders) in [(2usize, 2u32), (3, 6), (4, 24)] {
        let draws = orders * 3_000;
        let counts = order_counts(n, draws);
        assert_eq!(counts.len() as u32, orders, "n = {n}: every order appears");
        assert!(
            counts.contains_key(&(0..n as u32).collect::<Vec<_>>()),
            "n = {n}: the authored order is a possible presentation"
        );
        for (order, count) in counts {
            // 3,000 expected per order; 10% either way is over five standard deviations.
            assert!(
                (2_700..=3_300).contains(&count),
                "n = {n}: order {order:?} shown {count} times of {draws}"
            );
        }
    }
}

/// The browser grades practice questions with `feedback_prerendered` on the question the server
/// passed through `rendered`: the learner must see exactly what `feedback` shows, for every
/// kind, response and markdown (including markup the sanitizer removes).
#[test]
fn prerendered_practice_feedback_matches_the_servers() {
    let markdown = |q: &mut Question| {
        q.general_feedback = "**Well done** <script>alert(1)</script>".into();
        match &mut q.body {
            QuestionBody::SingleChoice { options }
            | QuestionBody::MultipleChoice { options, .. } => {
                for o in options {
                    o.text = format!("`{}` *option*", o.text);
                    o.feedback =
                        "See [the notes](https://example.org) <img src=x onerror=y>".into();
                }
            }
            QuestionBody::Numeric { other_feedback, .. } => {
                *other_feedback = "_Not quite_".into();
            }
            _ => {}
        }
    };
    for mut question in secret_questions() {
        markdown(&mut question);
        let shipped = rendered(&question);
        assert!(
            !shipped.general_feedback.contains("<script"),
            "{}",
            shipped.general_feedback
        );
        assert!(shipped
            .general_feedback
            .contains("<strong>Well done</strong>"));
        let p = presentation(&question, true, &mut lcg(3));
        let responses = [
            None,
            Some(Response::SingleChoice(0)),
            Some(Response::MultipleChoice(vec![0, 1])),
            Some(Response::TrueFalse(false)),
            Some(Response::ShortText("SECRET answer".into())),
            Some(Response::Numeric("1".into())),
            Some(Response::FillBlanks(vec!["SECRET blank".into()])),
        ];
        for response in &responses {
            assert_eq!(
                feedback_prerendered(&shipped, &p, response.as_ref()),
                feedback(&question, &p, response.as_ref()),
                "{question:?} answered {response:?}"
            );
        }
    }
}
