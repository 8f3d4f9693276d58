//! GIFT import and export.

use proptest::prelude::*;

use super::{export, parse};
use crate::quiz::{Accepted, ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody};

const SAMPLE: &str = r#"// A sample of every kind.
$CATEGORY: $course$/top/Geography

::Capital:: What is the capital of France? {
  =Paris#Right!
  ~Lyon#No, that is a city in the south-east.
  ~Marseille
  ####Paris has been the capital since 987.
}

// [tag:maths]
// [points:2]
Which are prime? {~%50%2 ~%50%3 ~%-100%4}

The Earth is flat. {FALSE#It is not.#Right, it is not.}

Name the largest ocean. {=Pacific =Pacific Ocean}

What is e? {#2.72:0.01}

Between one and two {#1..2}

Match them. {
  =France -> Paris
  =Italy -> Rome
}

The sun rises in the {=east =e} every day.

Mozart was born in {~Vienna =Salzburg ~Prague}.

// [lectern:ordering]
Order these. {=one =two =three}

Escapes: 1 \= 1 \{ok\} {=a\#b}
"#;

#[test]
fn reads_every_kind() {
    let items = parse(SAMPLE).expect("should succeed");
    assert_eq!(items.len(), 11);
    let q = &items[0];
    assert_eq!(q.line, 4);
    assert_eq!(q.tags, vec!["geography"]);
    assert_eq!(q.question.stem, "What is the capital of France?");
    assert_eq!(
        q.question.general_feedback,
        "Paris has been the capital since 987."
    );
    let QuestionBody::SingleChoice { options } = &q.question.body else {
        panic!()
    };
    assert!(options[0].correct && !options[1].correct);
    assert_eq!(options[0].feedback, "Right!");
    let q = &items[1];
    assert_eq!(q.question.points, 2.0);
    assert_eq!(q.tags, vec!["maths", "geography"]);
    let QuestionBody::MultipleChoice {
        options,
        partial_credit,
    } = &q.question.body
    else {
        panic!()
    };
    assert!(*partial_credit);
    assert_eq!(options.iter().filter(|o| o.correct).count(), 2);
    let QuestionBody::TrueFalse {
        answer,
        feedback_true,
        feedback_false,
    } = &items[2].question.body
    else {
        panic!()
    };
    assert!(!answer);
    assert_eq!(feedback_true, "It is not.");
    assert_eq!(feedback_false, "Right, it is not.");
    assert!(
        matches!(&items[3].question.body, QuestionBody::ShortText { accepted, .. } if accepted.len() == 2)
    );
    assert!(
        matches!(&items[4].question.body, QuestionBody::Numeric { answers, .. } if answers[0].value == 2.72 && answers[0].tolerance == 0.01)
    );
    assert!(
        matches!(&items[5].question.body, QuestionBody::Numeric { answers, .. } if answers[0].value == 1.5 && answers[0].tolerance == 0.5)
    );
    assert!(
        matches!(&items[6].question.body, QuestionBody::Matching { pairs } if pairs[1].answer == "Rome")
    );
    assert!(
        matches!(&items[7].question.body, QuestionBody::FillBlanks { text, .. } if text == "The sun rises in the [[east|e]] every day.")
    );
    assert_eq!(items[8].question.stem, "Mozart was born in _____.");
    assert!(
        matches!(&items[9].question.body, QuestionBody::Ordering { items } if items == &["one", "two", "three"])
    );
    assert_eq!(items[10].question.stem, "Escapes: 1 = 1 {ok}");
    assert!(
        matches!(&items[10].question.body, QuestionBody::ShortText { accepted, .. } if accepted[0].text == "a#b")
    );
}

#[test]
fn reports_every_bad_question_by_line_and_returns_nothing() {
    let text = "Good one {=a ~b}\n\nEssay? {}\n\nNo answers here\n\nUnclosed {=a ~b\n\nNo right answer {~a ~b}\n\nBad number {#abc}\n";
    let errors = parse(text).expect_err("should be refused");
    let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 5, 7, 9, 11], "{errors:?}");
    assert!(errors[0].message.contains("Essay"));
    assert!(errors[3].message.contains("right answer"));
}

fn word() -> impl Strategy<Value = String> + Clone {
    "[A-Za-z0-9][A-Za-z0-9 ,.?!=~#:{}]{0,10}[A-Za-z0-9]"
}

fn body() -> impl Strategy<Value = QuestionBody> {
    let options = prop::collection::vec((word(), any::<bool>(), prop::option::of(word())), 2..5)
        .prop_map(|v| {
            let mut o: Vec<ChoiceOption> = v
                .into_iter()
                .map(|(text, correct, fb)| ChoiceOption {
                    text,
                    correct,
                    feedback: fb.unwrap_or_default(),
                    credit: None,
                })
                .collect();
            o[0].correct = true;
            o
        });
    // Credits as GIFT writes them exactly: eighths of the points.
    let credit = prop_oneof![Just(0.0f64), Just(0.5), Just(-0.25), Just(0.125)];
    prop_oneof![
        (options.clone(), prop::collection::vec(credit.clone(), 4)).prop_map(
            |(mut options, credits)| {
                options.iter_mut().skip(1).for_each(|o| o.correct = false);
                // Positive: a negative credit is flagged (Lectern scores no question below 0).
                for (o, c) in options.iter_mut().zip(credits).skip(1) {
                    o.credit = (c != 0.0).then_some(c.abs());
                }
                QuestionBody::SingleChoice { options }
            }
        ),
        // Moodle's weighted multiple choice (not the ±1/n pattern counted credit writes).
        (options.clone(), prop::collection::vec(credit.clone(), 4)).prop_map(
            |(mut options, credits)| {
                for (i, o) in options.iter_mut().enumerate() {
                    let c = match i {
                        0 => 0.75,
                        1 => 0.25,
                        _ => credits[i].min(0.0),
                    };
                    o.credit = Some(c);
                    o.correct = c > 0.0;
                }
                QuestionBody::MultipleChoice {
                    options,
                    partial_credit: true,
                }
            }
        ),
        (
            prop::collection::vec((word(), credit.clone(), prop::option::of(word())), 1..4),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(answers, lenient, star)| {
                let mut accepted: Vec<Accepted> = answers
                    .into_iter()
                    .map(|(text, credit, fb)| Accepted {
                        text,
                        credit,
                        feedback: fb.unwrap_or_default(),
                    })
                    .collect();
                accepted[0].credit = 1.0;
                if star {
                    accepted[0].text.push('*');
                }
                QuestionBody::ShortText {
                    accepted,
                    lenient,
                    wildcards: star,
                }
            }),
        (
            prop::collection::vec(
                (
                    -1000i32..1000,
                    0u8..10,
                    credit.clone(),
                    prop::option::of(word())
                ),
                1..3
            ),
            prop::option::of(word()),
        )
            .prop_map(|(list, other)| QuestionBody::Numeric {
                answers: list
                    .into_iter()
                    .enumerate()
                    .map(|(i, (v, t, c, fb))| NumericAnswer {
                        value: f64::from(v) / 4.0,
                        tolerance: f64::from(t) / 8.0,
                        credit: if i == 0 { 1.0 } else { c },
                        feedback: fb.unwrap_or_default(),
                    })
                    .collect(),
                unit: None,
                unit_required: false,
                other_feedback: other.unwrap_or_default(),
            }),
        (options, any::<bool>()).prop_map(|(options, partial_credit)| {
            QuestionBody::MultipleChoice {
                options,
                partial_credit,
            }
        }),
        (any::<bool>(), word(), word()).prop_map(|(answer, t, f)| QuestionBody::TrueFalse {
            answer,
            feedback_true: t,
            feedback_false: f
        }),
        (prop::collection::vec(word(), 1..4), any::<bool>()).prop_map(|(accepted, lenient)| {
            QuestionBody::ShortText {
                accepted: accepted.into_iter().map(Into::into).collect(),
                lenient,
                wildcards: false,
            }
        }),
        (
            -1000i32..1000,
            0u8..10,
            prop::option::of("[a-z]{1,4}"),
            any::<bool>()
        )
            .prop_map(|(v, t, unit, r)| QuestionBody::Numeric {
                answers: vec![NumericAnswer::new(f64::from(v) / 4.0, f64::from(t) / 8.0)],
                other_feedback: String::new(),
                unit_required: r && unit.is_some(),
                unit,
            }),
        prop::collection::vec(word(), 2..5).prop_map(|items| QuestionBody::Ordering { items }),
        prop::collection::vec(("[A-Za-z]{1,8}", "[A-Za-z]{1,8}"), 2..5).prop_map(|v| {
            let mut pairs: Vec<MatchPair> = v
                .into_iter()
                .enumerate()
                .map(|(i, (p, a))| MatchPair {
                    prompt: format!("{p}{i}"),
                    answer: a,
                })
                .collect();
            // A distractor when there are three or more.
            if pairs.len() > 2 {
                pairs[2].prompt.clear();
            }
            QuestionBody::Matching { pairs }
        }),
        (
            "[A-Za-z ]{0,8}",
            "[A-Za-z]{1,6}",
            "[A-Za-z ]{0,8}",
            "[A-Za-z]{1,6}",
            any::<bool>()
        )
            .prop_map(|(a, b, c, d, lenient)| QuestionBody::FillBlanks {
                text: format!("{a} [[{b}]] {c} [[{d}|{b}x]] end")
                    .trim()
                    .to_owned(),
                lenient,
            }),
    ]
}

proptest! {
    #[test]
    fn export_then_parse_gives_the_same_questions(
        body in body(),
        stem in word(),
        general in prop::option::of(word()),
        points in 1u8..20,
        tags in prop::collection::vec("[a-z]{1,6}", 0..3),
    ) {
        let question = Question { stem, points: f64::from(points) / 2.0, general_feedback: general.unwrap_or_default(), body };
        let text = export(&[(tags.clone(), question.clone())]);
        let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back.len(), 1);
        prop_assert_eq!(&back[0].tags, &tags);
        prop_assert_eq!(&back[0].question, &question, "{}", text);
        prop_assert!(back[0].notes.is_empty(), "{:?}", back[0].notes);
    }
}
