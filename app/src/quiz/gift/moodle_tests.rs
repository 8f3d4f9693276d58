//! GIFT read as Moodle reads it: the constructs of Moodle's own GIFT tests and of the files
//! its exporter writes (our own inputs), asserting the type, answers, credit and feedback
//! Moodle's reader gives them.

use super::parse;
use crate::quiz::{
    grade, Accepted, ChoiceOption, MatchPair, NumericAnswer, Presentation, Question, QuestionBody,
    Response,
};

/// The one question `gift` holds, or the test fails with the reader's errors.
fn one(gift: &str) -> Question {
    let mut items = parse(gift).unwrap_or_else(|e| panic!("{gift:?} should import: {e:?}"));
    assert_eq!(items.len(), 1, "{gift:?}");
    items.remove(0).question
}

/// The share of the points `response` earns on `question` (authored order).
fn share(question: &Question, response: Response) -> f64 {
    let g = grade(question, &Presentation::default(), Some(&response));
    g.score / g.max
}

fn accepted(text: &str, credit: f64, feedback: &str) -> Accepted {
    Accepted {
        text: text.into(),
        credit,
        feedback: feedback.into(),
    }
}

fn option(text: &str, correct: bool, credit: Option<f64>, feedback: &str) -> ChoiceOption {
    ChoiceOption {
        text: text.into(),
        correct,
        feedback: feedback.into(),
        credit,
    }
}

#[test]
fn weighted_short_answers_stay_short_answers_with_their_credit() {
    let q = one("Which animal croaks? { =Frog#Good! =%50%Cat#Half marks. =%0%*#Completely wrong }");
    assert_eq!(
        q.body,
        QuestionBody::ShortText {
            accepted: vec![
                accepted("Frog", 1.0, "Good!"),
                accepted("Cat", 0.5, "Half marks."),
                accepted("*", 0.0, "Completely wrong"),
            ],
            lenient: true,
            wildcards: true,
        }
    );
    assert_eq!(share(&q, Response::ShortText("frog".into())), 1.0);
    assert_eq!(share(&q, Response::ShortText("Cat".into())), 0.5);
    assert_eq!(share(&q, Response::ShortText("dog".into())), 0.0);
    // Moodle's exporter writes every short answer with a weight, even a single one.
    let q = one("Who wrote Moodle? {=%100%Martin#}");
    assert_eq!(
        q.body,
        QuestionBody::ShortText {
            accepted: vec![accepted("Martin", 1.0, "")],
            lenient: true,
            wildcards: false,
        }
    );
    // Without `=`, the text is still a full-credit answer in Moodle.
    let q = one("Name a primary colour. {red}");
    assert!(
        matches!(&q.body, QuestionBody::ShortText { accepted, .. } if accepted[0].text == "red")
    );
}

#[test]
fn partial_credit_is_kept_where_moodle_gives_it() {
    let q = one("Pick the best. {~wrong ~%50%half =full}");
    assert_eq!(
        q.body,
        QuestionBody::SingleChoice {
            options: vec![
                option("wrong", false, None, ""),
                option("half", false, Some(0.5), ""),
                option("full", true, None, ""),
            ]
        }
    );
    assert_eq!(share(&q, Response::SingleChoice(1)), 0.5);
    assert_eq!(share(&q, Response::SingleChoice(2)), 1.0);
    let q = one("When was Grant born? {# =1822:0 =%50%1822:2}");
    let QuestionBody::Numeric { answers, .. } = &q.body else {
        panic!("numeric expected: {q:?}")
    };
    assert_eq!(answers[0], NumericAnswer::new(1822.0, 0.0));
    assert_eq!(answers[1].credit, 0.5);
    assert_eq!(share(&q, Response::Numeric("1822".into())), 1.0);
    assert_eq!(share(&q, Response::Numeric("1823".into())), 0.5);
    assert_eq!(share(&q, Response::Numeric("1825".into())), 0.0);
}

#[test]
fn several_right_answers_with_weights_are_multiple_choice_by_weight() {
    let q = one(
        "Which lie between orange and blue?\n{\n  ~%50%yellow # right\n  ~%-100%red # [html]wrong\n  \
         ~%50%[plain]green # right\n  ~%-100%violet # wrong\n}",
    );
    let QuestionBody::MultipleChoice { options, .. } = &q.body else {
        panic!("multiple choice expected: {q:?}")
    };
    let texts: Vec<(&str, Option<f64>, &str)> = options
        .iter()
        .map(|o| (o.text.as_str(), o.credit, o.feedback.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("yellow", Some(0.5), "right"),
            ("red", Some(-1.0), "wrong"),
            ("green", Some(0.5), "right"),
            ("violet", Some(-1.0), "wrong"),
        ]
    );
    assert_eq!(share(&q, Response::MultipleChoice(vec![0, 2])), 1.0);
    assert_eq!(share(&q, Response::MultipleChoice(vec![0])), 0.5);
    assert_eq!(share(&q, Response::MultipleChoice(vec![0, 1])), 0.0);
    // Weights that are not 1/n apart follow Moodle's sum, not a count of right picks.
    let q = one("Pick. {~%70%a ~%30%b ~%-20%c}");
    assert!((share(&q, Response::MultipleChoice(vec![0, 2])) - 0.5).abs() < 1e-9);
}

#[test]
fn a_one_answer_question_with_feedback_and_format_markers() {
    let q = one(
        "// a comment Moodle ignores\n::Q2:: What's between orange and green?\n{\n    =yellow # right; good!\n    \
         ~red # [html]wrong, it's yellow\n    ~[plain]blue # wrong, it's yellow\n}",
    );
    assert_eq!(q.stem, "What's between orange and green?");
    assert_eq!(
        q.body,
        QuestionBody::SingleChoice {
            options: vec![
                option("yellow", true, None, "right; good!"),
                option("red", false, None, "wrong, it's yellow"),
                option("blue", false, None, "wrong, it's yellow"),
            ]
        }
    );
}

#[test]
fn matching_keeps_distractors_and_drops_format_markers() {
    let q = one(
        "::Tools::[html]Match the <b>tool</b> to its use.{\n    =[html]Cuts wood. -> Saw\n    \
         =[moodle]Drives nails. -> Hammer\n    =[plain]Turns screws. -> Screwdriver\n    \
         =[markdown]Holds paper. -> Clip\n    = -> Wrench\n}",
    );
    assert_eq!(q.stem, "Match the <b>tool</b> to its use.");
    let pair = |p: &str, a: &str| MatchPair {
        prompt: p.into(),
        answer: a.into(),
    };
    assert_eq!(
        q.body,
        QuestionBody::Matching {
            pairs: vec![
                pair("Cuts wood.", "Saw"),
                pair("Drives nails.", "Hammer"),
                pair("Turns screws.", "Screwdriver"),
                pair("Holds paper.", "Clip"),
                pair("", "Wrench"),
            ]
        }
    );
    // Four prompts to answer; the distractor is only offered.
    let right = Response::Matching(vec![Some(0), Some(1), Some(2), Some(3)]);
    assert_eq!(share(&q, right), 1.0);
    let one_wrong = Response::Matching(vec![Some(4), Some(1), Some(2), Some(3)]);
    assert_eq!(share(&q, one_wrong), 0.75);
}

#[test]
fn true_false_keeps_both_feedbacks_and_the_general_feedback() {
    let q = one("Two is prime. {TRUE#No: it is.#Yes.####Two is the only even prime.}");
    assert_eq!(q.general_feedback, "Two is the only even prime.");
    assert_eq!(
        q.body,
        QuestionBody::TrueFalse {
            answer: true,
            feedback_true: "Yes.".into(),
            feedback_false: "No: it is.".into(),
        }
    );
    let q = one("The moon is a planet.{F}");
    assert!(matches!(
        q.body,
        QuestionBody::TrueFalse { answer: false, .. }
    ));
}

#[test]
fn numeric_answers_keep_their_feedback_and_the_feedback_for_other_answers() {
    let q = one("What is 3 plus or minus 2? {#3:2~#Completely wrong}");
    assert_eq!(
        q.body,
        QuestionBody::Numeric {
            answers: vec![NumericAnswer::new(3.0, 2.0)],
            unit: None,
            unit_required: false,
            other_feedback: "Completely wrong".into(),
        }
    );
    let q = one("Pi? {#\n  =%100%3.1416:0.0001#Exactly.\n  =%50%3.14:0.01#Close.\n  ~#Look it up.\n  ####Pi is about 3.14159.\n}");
    let QuestionBody::Numeric {
        answers,
        other_feedback,
        ..
    } = &q.body
    else {
        panic!("numeric expected: {q:?}")
    };
    assert_eq!(answers[0].feedback, "Exactly.");
    assert_eq!(
        (answers[1].credit, answers[1].feedback.as_str()),
        (0.5, "Close.")
    );
    assert_eq!(other_feedback, "Look it up.");
    assert_eq!(q.general_feedback, "Pi is about 3.14159.");
    let q = one("Between one and two {#1..2}");
    assert!(
        matches!(&q.body, QuestionBody::Numeric { answers, .. } if answers[0] == NumericAnswer::new(1.5, 0.5))
    );
}

#[test]
fn text_after_the_answers_is_kept_with_a_blank_as_moodle_does() {
    assert_eq!(
        one("What is pi to three decimals {#3.1415:0.0005}.").stem,
        "What is pi to three decimals _____."
    );
    assert_eq!(
        one("It is {TRUE} that grass is green.").stem,
        "It is _____ that grass is green."
    );
    assert_eq!(
        one("Mozart was born in {~Vienna =Salzburg ~Prague}.").stem,
        "Mozart was born in _____."
    );
    // A typed missing word with plain answers is a fill-in-the-blank, spaced as written.
    let q = one("The sun rises in the {=east =e}, not the west.");
    assert!(
        matches!(&q.body, QuestionBody::FillBlanks { text, .. } if text == "The sun rises in the [[east|e]], not the west."),
        "{q:?}"
    );
    // With partial credit it stays a short answer, with Moodle's blank in the text.
    let q = one("The sun rises in the {=east =%50%north}.");
    assert_eq!(q.stem, "The sun rises in the _____.");
    assert!(
        matches!(&q.body, QuestionBody::ShortText { accepted, .. } if accepted[1].credit == 0.5)
    );
}

#[test]
fn format_markers_are_dropped_from_every_text() {
    let q = one("[markdown]Which? {\n  =[html]<b>A</b>#[plain]Yes\n  ~[moodle]B#[html]No\n  ####[html]<i>General</i>\n}");
    assert_eq!(q.stem, "Which?");
    assert_eq!(q.general_feedback, "<i>General</i>");
    assert_eq!(
        q.body,
        QuestionBody::SingleChoice {
            options: vec![
                option("<b>A</b>", true, None, "Yes"),
                option("B", false, None, "No"),
            ]
        }
    );
    // Only a known marker, and only one.
    assert_eq!(one("[note] [html]x {T}").stem, "[note] [html]x");
}

#[test]
fn escaped_brackets_in_tags_and_other_small_things() {
    let items = parse("// [tag:t\\]ag] [tag: Maths ]\nQ {T}").expect("should import");
    assert_eq!(items[0].tags, vec!["t]ag", "maths"]);
    // An unclosed title: Moodle drops the `::` and reads on.
    assert_eq!(one("::Q {T}").stem, "Q");
    // Escapes are text.
    assert_eq!(one("1 \\= 1 \\{ok\\} \\~ \\# {T}").stem, "1 = 1 {ok} ~ #");
}

#[test]
fn weights_moodle_does_not_read_stay_in_the_text_and_are_flagged() {
    let items = parse("Q {~%50 %a =b}").expect("should import");
    let QuestionBody::SingleChoice { options } = &items[0].question.body else {
        panic!()
    };
    assert_eq!(options[0].text, "%50 %a");
    assert_eq!(options[0].share(), 0.0);
    assert_eq!(items[0].notes.len(), 1, "{:?}", items[0].notes);
    // After `=` a weight is ignored by Moodle (full marks): flagged, never silently altered.
    let items = parse("Q {=%50%a ~b}").expect("should import");
    assert!(
        matches!(&items[0].question.body, QuestionBody::SingleChoice { options } if options[0].correct && options[0].text == "%50%a")
    );
    assert!(items[0].notes[0].contains("full marks"));
    // Weights of right answers that do not add up to 100% are flagged too.
    let items = parse("Q {~%50%a ~%30%b ~c}").expect("should import");
    assert!(items[0].notes[0].contains("80%"), "{:?}", items[0].notes);
    // Nothing to flag in a plain question.
    assert!(parse("Q {=a ~b}").expect("imports")[0].notes.is_empty());
}

#[test]
fn essays_and_descriptions_are_refused_with_a_clear_message_and_every_problem_is_reported() {
    let text =
        "::Q8:: How are you? {}\n\nJust some text.\n\nGood {=a ~b}\n\nBad {#x}\n\nBraces {=a";
    let errors = parse(text).expect_err("should be refused");
    let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![1, 3, 7, 9]);
    assert!(errors[0].message.contains("Essay"));
    assert!(errors[1].message.contains("description"));
    assert!(errors[2].message.contains("“x”"));
    assert!(errors[3].message.contains("braces"));
    let (good, bad) = super::parse_all(text);
    assert_eq!((good.len(), bad.len()), (1, 4));
}

/// The file Moodle's exporter writes for each type it shares with Lectern (its layout: a
/// `// question:` comment, `::name::`, tabs, `=%100%` weights, `####` on its own line).
#[test]
fn moodle_export_form_of_every_type_imports() {
    let text = "// question: 1  name: Single\n::Single::[html]<p>Capital of France?</p>{\n\t=Paris#Right\n\t~%50%Lyon#Half\n\t~Nice\n\t####[html]<p>General</p>\n}\n\n\
// question: 2  name: Multi\n::Multi::Primes?{\n\t~%50%2\n\t~%50%3\n\t~%-100%4#No\n}\n\n\
// question: 3  name: TF\n::TF::The sky is blue.{TRUE#Look up.#Yes.####Rayleigh.}\n\n\
// question: 4  name: Short\n::Short::Largest ocean?{\n\t=%100%Pacific#Right\n\t=%50%Atlantic#Second\n\t####Oceans.\n}\n\n\
// question: 5  name: Num\n::Num::Year?{#\n\t=%100%1822:0#\n\t=%50%1822:2#Close\n\t~#Wrong\n}\n\n\
// question: 6  name: Match\n::Match::Capitals.{\n\t=France -> Paris\n\t=Italy -> Rome\n\t= -> Berlin\n}\n";
    let items = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
    let kinds: Vec<&str> = items
        .iter()
        .map(|i| i.question.body.kind().slug())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "single_choice",
            "multiple_choice",
            "true_false",
            "short_text",
            "numeric",
            "matching"
        ]
    );
    assert_eq!(items[0].question.general_feedback, "<p>General</p>");
    assert_eq!(items[3].question.general_feedback, "Oceans.");
    assert!(items
        .iter()
        .all(|i| crate::quiz::validate(&i.question).is_ok()));
    assert!(items.iter().all(|i| i.notes.is_empty()), "{items:?}");
}
