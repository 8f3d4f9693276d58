//! The import preview's answer rows: credit in percent, feedback and remarks.

use super::summary::{answer_rows, details, preview};
use super::*;
use crate::models::AnswerRow;

fn question(body: QuestionBody) -> Question {
    Question {
        stem: "**Which** one?".into(),
        points: 2.0,
        general_feedback: "In general.".into(),
        body,
    }
}

fn credits(rows: &[AnswerRow]) -> Vec<Option<f64>> {
    rows.iter().map(|r| r.credit).collect()
}

fn option(text: &str, correct: bool, credit: Option<f64>) -> ChoiceOption {
    ChoiceOption {
        credit,
        ..ChoiceOption::new(text, correct)
    }
}

#[test]
fn choice_options_show_their_share_in_percent() {
    let mut right = option("Paris", true, None);
    right.feedback = "Yes".into();
    let rows = answer_rows(&question(QuestionBody::SingleChoice {
        options: vec![
            right,
            option("Lyon", false, Some(0.5)),
            option("Nice", false, None),
        ],
    }));
    assert_eq!(credits(&rows), vec![Some(100.0), Some(50.0), Some(0.0)]);
    assert_eq!(
        (rows[0].text.as_str(), rows[0].feedback.as_str()),
        ("Paris", "Yes")
    );

    let weighted = answer_rows(&question(QuestionBody::MultipleChoice {
        options: vec![
            option("2", true, Some(1.0 / 3.0)),
            option("4", false, Some(-1.0)),
        ],
        partial_credit: true,
    }));
    assert_eq!(credits(&weighted), vec![Some(33.33), Some(-100.0)]);
}

#[test]
fn multiple_choice_without_weights_follows_its_rule() {
    let options = vec![
        option("a", true, None),
        option("b", true, None),
        option("c", false, None),
    ];
    let partial = question(QuestionBody::MultipleChoice {
        options: options.clone(),
        partial_credit: true,
    });
    assert_eq!(
        credits(&answer_rows(&partial)),
        vec![Some(50.0), Some(50.0), Some(-50.0)]
    );
    let exact = question(QuestionBody::MultipleChoice {
        options,
        partial_credit: false,
    });
    let rows = answer_rows(&exact);
    assert_eq!(credits(&rows), vec![None, None, None]);
    let marks: Vec<_> = rows.iter().map(|r| r.mark.as_deref()).collect();
    assert_eq!(marks, vec![Some("right"), Some("right"), None]);
    assert!(details(&exact)[0].starts_with("All or nothing"));
}

#[test]
fn short_answers_show_credit_feedback_and_wildcards() {
    let answer = |text: &str, credit: f64, feedback: &str| Accepted {
        text: text.into(),
        credit,
        feedback: feedback.into(),
    };
    let body = |wildcards| QuestionBody::ShortText {
        accepted: vec![
            answer("Frog", 1.0, "Good"),
            answer("Cat", 0.5, "Half"),
            answer("\\*star", 0.25, ""),
            answer("*", 0.0, "No"),
        ],
        lenient: true,
        wildcards,
    };
    let rows = answer_rows(&question(body(true)));
    assert_eq!(
        credits(&rows),
        vec![Some(100.0), Some(50.0), Some(25.0), Some(0.0)]
    );
    assert_eq!(rows[1].feedback, "Half");
    let marks: Vec<_> = rows.iter().map(|r| r.mark.as_deref()).collect();
    assert_eq!(marks, vec![None, None, None, Some("wildcard")]);
    assert!(details(&question(body(true)))
        .iter()
        .any(|d| d.starts_with("Wildcards")));
    // Without wildcards a star is a star.
    assert!(answer_rows(&question(body(false)))
        .iter()
        .all(|r| r.mark.is_none()));
    assert!(!details(&question(body(false)))
        .iter()
        .any(|d| d.starts_with("Wildcards")));
}

#[test]
fn numbers_show_their_tolerance_and_the_feedback_for_other_answers() {
    let mut close = NumericAnswer::new(2.5, 0.01);
    close.feedback = "Close enough".into();
    let mut rough = NumericAnswer::new(3.0, 0.0);
    rough.credit = 0.5;
    let q = question(QuestionBody::Numeric {
        answers: vec![close, rough],
        unit: Some("m".into()),
        unit_required: true,
        other_feedback: "Think of a circle.".into(),
    });
    let rows = answer_rows(&q);
    let texts: Vec<_> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, vec!["2.5 ± 0.01", "3", "Any other answer"]);
    assert_eq!(credits(&rows), vec![Some(100.0), Some(50.0), Some(0.0)]);
    assert_eq!(rows[0].feedback, "Close enough");
    assert_eq!(rows[2].feedback, "Think of a circle.");
    assert_eq!(details(&q), vec!["Unit: m (required)."]);
}

#[test]
fn true_false_shows_both_answers_with_their_feedback() {
    let rows = answer_rows(&question(QuestionBody::TrueFalse {
        answer: false,
        feedback_true: "No, it is false.".into(),
        feedback_false: "Right.".into(),
    }));
    assert_eq!(rows[0].text, "True");
    assert_eq!(credits(&rows), vec![Some(0.0), Some(100.0)]);
    assert_eq!(rows[0].feedback, "No, it is false.");
    assert_eq!(rows[1].feedback, "Right.");
}

#[test]
fn matching_marks_distractors_and_ordering_numbers_items() {
    let pair = |prompt: &str, answer: &str| MatchPair {
        prompt: prompt.into(),
        answer: answer.into(),
    };
    let rows = answer_rows(&question(QuestionBody::Matching {
        pairs: vec![pair("France", "Paris"), pair("", "Berlin")],
    }));
    assert_eq!(rows[0].text, "France → Paris");
    assert_eq!(rows[0].mark, None);
    assert_eq!(rows[1].text, "Berlin");
    assert_eq!(rows[1].mark.as_deref(), Some("distractor"));
    assert_eq!(credits(&rows), vec![None, None]);

    let rows = answer_rows(&question(QuestionBody::Ordering {
        items: vec!["atom".into(), "cell".into()],
    }));
    let texts: Vec<_> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, vec!["1. atom", "2. cell"]);
}

#[test]
fn a_preview_carries_line_kind_plain_stem_tags_and_notes() {
    let item = Imported {
        line: 7,
        tags: vec!["own".into()],
        question: question(QuestionBody::FillBlanks {
            text: "Water boils at [[100]].".into(),
            lenient: true,
        }),
        notes: vec!["Read as Moodle does.".into()],
    };
    let p = preview(&item, vec!["own".into(), "week 1".into()]);
    assert_eq!(p.line, 7);
    assert_eq!(p.kind, QuestionKind::FillBlanks);
    assert_eq!(p.points, 2.0);
    assert_eq!(p.stem, "Which one?");
    assert_eq!(p.answers[0].text, "Water boils at [[100]].");
    assert_eq!(p.general_feedback, "In general.");
    assert_eq!(p.tags, vec!["own", "week 1"]);
    assert_eq!(p.notes, vec!["Read as Moodle does."]);
}
