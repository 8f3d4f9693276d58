//! Writing GIFT: everything `read` understands, Lectern extensions as comment lines.

use super::super::question::{Question, QuestionBody};
use super::single_blank;

/// GIFT text with the special characters escaped and newlines as `\n`.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\n' => out.push_str("\\n"),
            c if super::is_special(c) || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An answer's text: [`esc`], and a leading `%` escaped so it is not read as a weight.
fn answer(text: &str) -> String {
    let text = esc(text);
    match text.strip_prefix('%') {
        Some(rest) => format!("\\%{rest}"),
        None => text,
    }
}

fn feedback(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("#{}", esc(text))
    }
}

fn general(q: &Question) -> String {
    if q.general_feedback.trim().is_empty() {
        String::new()
    } else {
        format!(" ####{}", esc(&q.general_feedback))
    }
}

fn number(value: f64) -> String {
    format!("{value}")
}

/// A one-blank `text` as a GIFT missing-word question (`before {=a =b} after`), when the
/// reader rebuilds exactly `text` from it: it puts one space around the blank, trims the
/// alternatives and needs text after the blank.
fn missing_word(text: &str, general: &str) -> Option<String> {
    if !single_blank(text) {
        return None;
    }
    let start = text.find("[[")?;
    let end = start + text[start..].find("]]")? + 2;
    let (before, after) = (text[..start].trim(), text[end..].trim());
    let alternatives: Vec<&str> = text[start + 2..end - 2].split('|').map(str::trim).collect();
    let rebuilt = format!("{before} [[{}]] {after}", alternatives.join("|"));
    if after.is_empty() || rebuilt.trim() != text {
        return None;
    }
    let list: Vec<String> = alternatives
        .iter()
        .map(|a| format!("={}", answer(a)))
        .collect();
    Some(format!(
        "[markdown]{} {{{}{general}}} {}",
        esc(before),
        list.join(" "),
        esc(after)
    ))
}

/// One question as GIFT, with its tags.
fn question(tags: &[String], q: &Question) -> String {
    let mut head: Vec<String> = tags.iter().map(|t| format!("// [tag:{t}]")).collect();
    if (q.points - 1.0).abs() > f64::EPSILON {
        head.push(format!("// [points:{}]", number(q.points)));
    }
    let stem = format!("[markdown]{}", esc(&q.stem));
    let body = match &q.body {
        QuestionBody::SingleChoice { options } => {
            let list: Vec<String> = options
                .iter()
                .map(|o| {
                    format!(
                        "{}{}{}",
                        if o.correct { "=" } else { "~" },
                        answer(&o.text),
                        feedback(&o.feedback)
                    )
                })
                .collect();
            format!("{stem} {{\n  {}{}\n}}", list.join("\n  "), general(q))
        }
        QuestionBody::MultipleChoice {
            options,
            partial_credit,
        } => {
            if !partial_credit {
                head.push("// [lectern:all-or-nothing]".into());
            }
            let right = options.iter().filter(|o| o.correct).count().max(1) as f64;
            let list: Vec<String> = options
                .iter()
                .map(|o| {
                    let weight = if o.correct { 100.0 / right } else { -100.0 };
                    format!(
                        "~%{}%{}{}",
                        number((weight * 100_000.0).round() / 100_000.0),
                        esc(&o.text),
                        feedback(&o.feedback)
                    )
                })
                .collect();
            format!("{stem} {{\n  {}{}\n}}", list.join("\n  "), general(q))
        }
        QuestionBody::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        } => {
            let (wrong, right) = if *answer {
                (feedback_false, feedback_true)
            } else {
                (feedback_true, feedback_false)
            };
            let fb = if wrong.trim().is_empty() && right.trim().is_empty() {
                String::new()
            } else {
                format!("#{}#{}", esc(wrong), esc(right))
            };
            format!("{stem} {{{}{fb}}}", if *answer { "TRUE" } else { "FALSE" })
        }
        QuestionBody::ShortText {
            accepted, lenient, ..
        } => {
            if !lenient {
                head.push("// [lectern:case-sensitive]".into());
            }
            let list: Vec<String> = accepted.iter().map(|a| format!("={}", answer(&a.text))).collect();
            format!("{stem} {{{}{}}}", list.join(" "), general(q))
        }
        QuestionBody::Numeric {
            answers,
            unit,
            unit_required,
            ..
        } => {
            if let Some(unit) = unit {
                head.push(format!("// [lectern:unit:{unit}]"));
            }
            if *unit_required {
                head.push("// [lectern:unit-required]".into());
            }
            let list: Vec<String> = answers
                .iter()
                .map(|a| format!("={}:{}", number(a.value), number(a.tolerance)))
                .collect();
            format!("{stem} {{#{}{}}}", list.join(" "), general(q))
        }
        QuestionBody::Ordering { items } => {
            head.push("// [lectern:ordering]".into());
            let list: Vec<String> = items.iter().map(|i| format!("={}", answer(i))).collect();
            format!("{stem} {{{}{}}}", list.join(" "), general(q))
        }
        QuestionBody::Matching { pairs } => {
            let list: Vec<String> = pairs
                .iter()
                .map(|p| format!("={} -> {}", answer(&p.prompt), esc(&p.answer)))
                .collect();
            format!("{stem} {{\n  {}{}\n}}", list.join("\n  "), general(q))
        }
        QuestionBody::FillBlanks { text, lenient } => {
            if !lenient {
                head.push("// [lectern:case-sensitive]".into());
            }
            let missing = missing_word(text, &general(q));
            if let Some(gift) = missing.filter(|_| q.stem.trim() == "Fill in the blank.") {
                gift
            } else {
                head.push("// [lectern:blanks]".into());
                format!("{stem} {{={}{}}}", answer(text), general(q))
            }
        }
    };
    head.push(body);
    head.join("\n")
}

/// `questions` (with their tags) as GIFT text, separated by blank lines.
pub fn export(questions: &[(Vec<String>, Question)]) -> String {
    let mut out =
        String::from("// Exported from Lectern. Lectern-only options are comment lines.\n\n");
    for (tags, q) in questions {
        out.push_str(&question(tags, q));
        out.push_str("\n\n");
    }
    out
}
