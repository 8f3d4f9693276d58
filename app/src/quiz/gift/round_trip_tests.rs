//! GIFT export then import: cases the fuzzer found (and one it led to), each of which came back
//! changed before its fix.

use super::{export, parse};
use crate::quiz::{ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody};

/// Found by fuzzing: a carriage return inside a line is kept on import, so the export must
/// keep it too (it used to drop it, and the question came back changed).
#[test]
fn a_carriage_return_inside_a_line_survives_export_and_import() {
    let items = parse("Name it. {=Ital\ry}\n").expect("should succeed");
    let stored: Vec<(Vec<String>, Question)> =
        items.into_iter().map(|i| (i.tags, i.question)).collect();
    let back = parse(&export(&stored)).expect("the export should re-import");
    assert_eq!(back[0].question, stored[0].1);
    assert!(
        matches!(&back[0].question.body, QuestionBody::ShortText { accepted, .. } if accepted[0].text == "Ital\ry")
    );
}

fn round_trip(questions: Vec<Question>) -> Vec<Question> {
    let stored: Vec<(Vec<String>, Question)> =
        questions.into_iter().map(|q| (Vec::new(), q)).collect();
    let text = export(&stored);
    parse(&text)
        .unwrap_or_else(|e| panic!("the export should re-import: {e:?}\n{text}"))
        .into_iter()
        .map(|i| i.question)
        .collect()
}

/// Found by fuzzing: an answer starting with `%` was written as is and read back as a
/// weight (`=%acific Ocean` failed to import, `=%50%x` would become a weighted answer).
#[test]
fn answers_starting_with_a_percent_sign_survive_export_and_import() {
    let question = |body| Question {
        stem: "Q".into(),
        points: 1.0,
        general_feedback: String::new(),
        body,
    };
    let questions = vec![
        question(QuestionBody::ShortText {
            accepted: vec!["%acific Ocean".into(), "%50%x".into()],
            lenient: true,
            wildcards: false,
        }),
        question(QuestionBody::SingleChoice {
            options: vec![
                ChoiceOption {
                    text: "%1".into(),
                    correct: true,
                    feedback: String::new(),
                    credit: None,
                },
                ChoiceOption {
                    text: "%2%".into(),
                    correct: false,
                    feedback: String::new(),
                    credit: None,
                },
            ],
        }),
        question(QuestionBody::Ordering {
            items: vec!["%a".into(), "b".into()],
        }),
        question(QuestionBody::Matching {
            pairs: vec![
                MatchPair {
                    prompt: "%p".into(),
                    answer: "%a".into(),
                },
                MatchPair {
                    prompt: "q".into(),
                    answer: "b".into(),
                },
            ],
        }),
    ];
    assert_eq!(round_trip(questions.clone()), questions);
}

/// Found by fuzzing: a one-blank text was written as a missing-word question even when the
/// reader rebuilds it differently (it puts one space around the blank and trims the
/// alternatives), so the text came back changed. Those are written with `[lectern:blanks]`.
#[test]
fn fill_in_the_blank_texts_come_back_unchanged() {
    let texts = [
        "Water boils at [[100]].",
        "[[a| b ]] c",
        "x  [[a]]  y",
        "The sun rises in the [[east|e]] every day.",
        // The old export sliced from the blank to the first `]]` and panicked here.
        "]] [[a]] x",
    ];
    let questions: Vec<Question> = texts
        .iter()
        .map(|t| Question {
            stem: "Fill in the blank.".into(),
            points: 1.0,
            general_feedback: String::new(),
            body: QuestionBody::FillBlanks {
                text: (*t).into(),
                lenient: true,
            },
        })
        .collect();
    assert_eq!(round_trip(questions.clone()), questions);
}

/// A question text that starts with a format marker keeps it: the export writes
/// `[markdown]` first, and the reader used to strip every marker in a row after it.
#[test]
fn a_question_text_starting_with_a_format_marker_keeps_it() {
    let questions: Vec<Question> = ["[html]<b>x</b>", "[plain] [moodle] y"]
        .iter()
        .map(|stem| Question {
            stem: (*stem).into(),
            points: 1.0,
            general_feedback: String::new(),
            body: QuestionBody::ShortText {
                accepted: vec!["a".into()],
                lenient: true,
                wildcards: false,
            },
        })
        .collect();
    assert_eq!(round_trip(questions.clone()), questions);
}

/// Found by fuzzing the Moodle-faithful reader: each of these came back changed from export
/// and import (a tag or unit ending in `\`, a literal `\*` in a short answer, `[[` around a
/// missing word, a one-answer question whose options are all worth full marks).
#[test]
fn fuzz_findings_of_the_moodle_reader_round_trip() {
    let q = |body| Question {
        stem: "Q".into(),
        points: 1.0,
        general_feedback: String::new(),
        body,
    };
    let stored = vec![
        (
            vec!["a\\".to_owned(), "b]\\]".to_owned()],
            q(QuestionBody::Numeric {
                answers: vec![NumericAnswer::new(1.0, 0.0)],
                unit: Some("m\\".into()),
                unit_required: false,
                other_feedback: String::new(),
            }),
        ),
        (
            Vec::new(),
            q(QuestionBody::ShortText {
                accepted: vec!["a\\*b".into(), "c*".into()],
                lenient: true,
                wildcards: false,
            }),
        ),
        (
            Vec::new(),
            q(QuestionBody::SingleChoice {
                options: vec![ChoiceOption::new("a", true), ChoiceOption::new("b", true)],
            }),
        ),
        (
            Vec::new(),
            Question {
                stem: "Fill in the blank.".into(),
                ..q(QuestionBody::FillBlanks {
                    text: "x [[a[[b]] y".into(),
                    lenient: true,
                })
            },
        ),
    ];
    let text = export(&stored);
    let back = parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    for ((tags, question), item) in stored.iter().zip(&back) {
        assert_eq!(&item.question, question, "{text}");
        assert_eq!(&item.tags, tags, "{text}");
    }
    // `[[` next to a typed missing word keeps it a short answer with Moodle's blank.
    for gift in ["a [[b {=c} d", "a[{=b} c"] {
        let items = parse(gift).expect("imports");
        assert!(
            matches!(&items[0].question.body, QuestionBody::ShortText { .. }),
            "{gift}: {:?}",
            items[0].question
        );
    }
}
