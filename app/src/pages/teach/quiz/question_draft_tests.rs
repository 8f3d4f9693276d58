use super::*;
use crate::quiz::{Accepted, ChoiceOption, NumericAnswer};

fn question(body: QuestionBody) -> Question {
    Question {
        stem: "Q?".into(),
        points: 2.5,
        general_feedback: "fb".into(),
        body,
    }
}

fn option(text: &str, correct: bool, credit: Option<f64>, feedback: &str) -> ChoiceOption {
    ChoiceOption {
        feedback: feedback.into(),
        credit,
        ..ChoiceOption::new(text, correct)
    }
}

fn pair(prompt: &str, answer: &str) -> MatchPair {
    MatchPair {
        prompt: prompt.into(),
        answer: answer.into(),
    }
}

/// One question of each kind with every per-answer field set.
fn every_field() -> Vec<Question> {
    vec![
        question(QuestionBody::Numeric {
            answers: vec![NumericAnswer::new(9.81, 0.01)],
            unit: Some("m/s2".into()),
            unit_required: true,
            other_feedback: String::new(),
        }),
        question(QuestionBody::ShortText {
            accepted: vec![
                Accepted {
                    text: "blue*".into(),
                    credit: 1.0,
                    feedback: "Right.".into(),
                },
                Accepted {
                    text: "\\*azure".into(),
                    credit: 0.5,
                    feedback: "Nearly.".into(),
                },
            ],
            lenient: false,
            wildcards: true,
        }),
        question(QuestionBody::Numeric {
            answers: vec![
                NumericAnswer {
                    feedback: "Exactly.".into(),
                    ..NumericAnswer::new(42.195, 0.001)
                },
                NumericAnswer {
                    value: 42.0,
                    tolerance: 0.5,
                    credit: 1.0 / 3.0,
                    feedback: "Roughly.".into(),
                },
            ],
            unit: None,
            unit_required: false,
            other_feedback: "A marathon is longer.".into(),
        }),
        question(QuestionBody::SingleChoice {
            options: vec![
                option("Paris", true, None, "Yes."),
                option("Lyon", false, Some(0.5), "Half."),
                option("Rome", false, Some(-0.25), ""),
                option("Paname", true, Some(1.0), ""),
            ],
        }),
        question(QuestionBody::MultipleChoice {
            options: vec![
                option("2", true, Some(0.5), "Prime."),
                option("3", true, Some(0.5), ""),
                option("4", false, Some(-1.0), "Even."),
                option("1", false, None, ""),
            ],
            partial_credit: true,
        }),
        question(QuestionBody::Matching {
            pairs: vec![pair("cat", "meow"), pair("dog", "woof"), pair("", "moo")],
        }),
    ]
}

#[test]
fn a_question_survives_the_round_trip() {
    for q in every_field() {
        let d = Draft::from_question(&q, &["physics".into()]);
        assert_eq!(d.to_question(), q);
        assert_eq!(d.tag_list(), vec!["physics".to_owned()]);
    }
}

#[test]
fn credits_are_typed_as_percentages_and_empty_means_the_default() {
    let mut d = Draft {
        kind: QuestionKind::ShortText,
        ..Draft::default()
    };
    d.accepted = vec![
        AnswerDraft {
            text: "a".into(),
            ..AnswerDraft::default()
        },
        AnswerDraft {
            text: "b".into(),
            credit: "50".into(),
            feedback: "Half.".into(),
        },
    ];
    d.options[1].credit = "25".into();
    let QuestionBody::ShortText { accepted, .. } = d.to_question().body else {
        panic!("short text expected");
    };
    assert_eq!((accepted[0].credit, accepted[1].credit), (1.0, 0.5));
    d.kind = QuestionKind::SingleChoice;
    let QuestionBody::SingleChoice { options } = d.to_question().body else {
        panic!("single choice expected");
    };
    assert_eq!((options[0].credit, options[1].credit), (None, Some(0.25)));
    // A credit nobody can read is refused rather than taken as the default.
    d.options[1].credit = "half".into();
    assert!(crate::quiz::validate(&d.to_question()).is_err());
}

#[test]
fn marking_a_single_choice_option_unmarks_the_others_but_keeps_credits() {
    let mut d = Draft::from_question(&every_field()[3], &[]);
    d.set_correct(1, true);
    let correct: Vec<bool> = d.options.iter().map(|o| o.correct).collect();
    assert_eq!(correct, vec![false, true, false, false]);
    assert_eq!(d.options[1].credit, "50");
    assert_eq!(d.options[3].credit, "100");
    d.kind = QuestionKind::MultipleChoice;
    d.set_correct(0, true);
    assert!(d.options[0].correct && d.options[1].correct);
}

#[test]
fn switching_type_keeps_the_stem_and_other_answers() {
    let mut d = Draft {
        stem: "Pick".into(),
        ..Draft::default()
    };
    d.options[0].text = "A".into();
    d.kind = QuestionKind::ShortText;
    d.kind = QuestionKind::MultipleChoice;
    let q = d.to_question();
    assert_eq!(q.stem, "Pick");
    assert!(
        matches!(q.body, QuestionBody::MultipleChoice { ref options, .. } if options[0].text == "A")
    );
}

#[test]
fn unreadable_numbers_are_nan_and_tags_are_tidied() {
    let d = Draft {
        points: "x".into(),
        tags: " A, b,,a ".into(),
        ..Draft::default()
    };
    assert!(d.to_question().points.is_nan());
    assert_eq!(d.tag_list(), vec!["a".to_owned(), "b".to_owned()]);
    let mut v = vec![1, 2, 3];
    move_item(&mut v, 0, -1);
    move_item(&mut v, 0, 1);
    assert_eq!(v, vec![2, 1, 3]);
}
