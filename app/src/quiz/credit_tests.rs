//! Per-answer credit and feedback: grading, the feedback a learner sees, and wildcards.

use super::blanks::wildcard_matches;
use super::*;
use crate::models::Verdict;

fn question(body: QuestionBody) -> Question {
    Question {
        stem: "Q".into(),
        points: 2.0,
        general_feedback: String::new(),
        body,
    }
}

fn accepted(text: &str, credit: f64, feedback: &str) -> Accepted {
    Accepted {
        text: text.into(),
        credit,
        feedback: feedback.into(),
    }
}

fn score(q: &Question, response: Response) -> f64 {
    grade(q, &Presentation::default(), Some(&response)).score
}

#[test]
fn wildcards_match_like_moodle() {
    assert!(wildcard_matches("Fr*g", "Frog", true));
    assert!(wildcard_matches("Fr*g", "frg", true));
    assert!(!wildcard_matches("Fr*g", "Frogs", true));
    assert!(wildcard_matches("*", "anything at all", true));
    assert!(
        !wildcard_matches("*", "   ", true),
        "an empty answer never matches"
    );
    assert!(wildcard_matches("a\\*b", "a*b", true));
    assert!(!wildcard_matches("a\\*b", "axb", true));
    assert!(
        !wildcard_matches("Fr*g", "frog", false),
        "case counts when not lenient"
    );
    assert!(wildcard_matches("*an*an*", "banana", true));
    assert!(
        !wildcard_matches("ab*ba", "aba", true),
        "pieces may not overlap"
    );
}

#[test]
fn the_first_matching_answer_decides_the_credit() {
    let q = question(QuestionBody::ShortText {
        accepted: vec![
            accepted("Frog", 1.0, "Good!"),
            accepted("Fr*", 0.5, "Close."),
            accepted("*", 0.0, "No."),
        ],
        lenient: true,
        wildcards: true,
    });
    assert_eq!(score(&q, Response::ShortText("frog".into())), 2.0);
    assert_eq!(score(&q, Response::ShortText("Fred".into())), 1.0);
    assert_eq!(score(&q, Response::ShortText("Toad".into())), 0.0);
    let shown = feedback(
        &q,
        &Presentation::default(),
        Some(&Response::ShortText("Fred".into())),
    );
    assert_eq!(shown.verdict, Verdict::Partial);
    assert!(shown.feedback_html.concat().contains("Close."));
    assert!(!shown.feedback_html.concat().contains("Good!"));
    assert_eq!(shown.correct_answers_html, vec!["Frog", "Fr* (50%)"]);
    // Without wildcards a star is a star.
    let plain = question(QuestionBody::ShortText {
        accepted: vec![accepted("a*", 1.0, "")],
        lenient: true,
        wildcards: false,
    });
    assert_eq!(score(&plain, Response::ShortText("ab".into())), 0.0);
    assert_eq!(score(&plain, Response::ShortText("a*".into())), 2.0);
}

#[test]
fn numbers_give_their_credit_and_feedback_and_others_get_the_other_feedback() {
    let q = question(QuestionBody::Numeric {
        answers: vec![
            NumericAnswer::new(1822.0, 0.0),
            NumericAnswer {
                value: 1822.0,
                tolerance: 2.0,
                credit: 0.5,
                feedback: "Close.".into(),
            },
        ],
        unit: None,
        unit_required: false,
        other_feedback: "Look it up.".into(),
    });
    assert_eq!(score(&q, Response::Numeric("1822".into())), 2.0);
    assert_eq!(score(&q, Response::Numeric("1823".into())), 1.0);
    let p = Presentation::default();
    let close = feedback(&q, &p, Some(&Response::Numeric("1821".into())));
    assert!(close.feedback_html.concat().contains("Close."));
    let far = feedback(&q, &p, Some(&Response::Numeric("1900".into())));
    assert_eq!(far.verdict, Verdict::Incorrect);
    assert!(far.feedback_html.concat().contains("Look it up."));
}

#[test]
fn weighted_picks_add_up_between_nothing_and_full_marks() {
    let opt = |text: &str, credit: f64| ChoiceOption {
        credit: Some(credit),
        ..ChoiceOption::new(text, credit > 0.0)
    };
    let q = question(QuestionBody::MultipleChoice {
        options: vec![opt("a", 0.6), opt("b", 0.6), opt("c", -1.0)],
        partial_credit: false,
    });
    assert_eq!(score(&q, Response::MultipleChoice(vec![0])), 1.2);
    assert_eq!(
        score(&q, Response::MultipleChoice(vec![0, 1])),
        2.0,
        "capped at full marks"
    );
    assert_eq!(
        score(&q, Response::MultipleChoice(vec![0, 2])),
        0.0,
        "never below 0"
    );
    assert_eq!(
        score(&q, Response::MultipleChoice(vec![0, 0])),
        0.0,
        "a repeated pick is malformed"
    );
    let single = question(QuestionBody::SingleChoice {
        options: vec![
            ChoiceOption::new("right", true),
            opt("half", 0.5),
            opt("bad", -0.5),
        ],
    });
    assert_eq!(score(&single, Response::SingleChoice(1)), 1.0);
    assert_eq!(score(&single, Response::SingleChoice(2)), 0.0);
}

#[test]
fn distractors_are_offered_but_never_asked() {
    let pair = |p: &str, a: &str| MatchPair {
        prompt: p.into(),
        answer: a.into(),
    };
    let q = question(QuestionBody::Matching {
        pairs: vec![
            pair("France", "Paris"),
            pair("", "Berlin"),
            pair("Italy", "Rome"),
        ],
    });
    let shown = present(&q, &Presentation::default());
    assert_eq!(shown.prompts, vec!["France", "Italy"]);
    assert_eq!(shown.choices.len(), 3);
    assert_eq!(score(&q, Response::Matching(vec![Some(0), Some(2)])), 2.0);
    assert_eq!(score(&q, Response::Matching(vec![Some(1), Some(2)])), 1.0);
    // One choice per pair (the old shape) is malformed now that the distractor is not asked.
    assert_eq!(
        score(&q, Response::Matching(vec![Some(0), None, Some(2)])),
        0.0
    );
    assert!(validate(&q).is_ok());
    let only_one_prompt = question(QuestionBody::Matching {
        pairs: vec![pair("France", "Paris"), pair("", "Berlin")],
    });
    assert!(validate(&only_one_prompt).is_err());
}

#[test]
fn stored_questions_without_credits_read_as_before() {
    let stored = r#"{"stem":"Q","points":1,"body":{"type":"short_text","accepted":["Paris","paris city"],"lenient":true}}"#;
    let q: Question = serde_json::from_str(stored).expect("old JSON reads");
    let QuestionBody::ShortText {
        accepted,
        wildcards,
        ..
    } = &q.body
    else {
        panic!("short text expected")
    };
    assert_eq!(accepted[1], accepted_text("paris city"));
    assert!(!wildcards);
    let stored = r#"{"stem":"Q","points":1,"body":{"type":"numeric","answers":[{"value":3,"tolerance":0.5}]}}"#;
    let q: Question = serde_json::from_str(stored).expect("old JSON reads");
    assert_eq!(score(&q, Response::Numeric("3.4".into())), 1.0);
}

fn accepted_text(text: &str) -> Accepted {
    accepted(text, 1.0, "")
}
