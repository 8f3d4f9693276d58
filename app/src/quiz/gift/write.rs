//! Writing GIFT: the way Moodle's exporter writes each type (weights as `%50%`, feedback after
//! `#`, `####` general feedback), Lectern's own options as comment lines.

use super::super::question::{ChoiceOption, Question, QuestionBody};
use super::chars::FORMATS;
use super::options::token_text;
use super::single_blank;

/// `text` with GIFT's special characters escaped and newlines as `\n`, spaces kept.
fn esc_raw(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
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

/// A text as GIFT: trimmed and escaped, and behind `[markdown]` when it starts with a
/// bracket, so a leading `[html]` of its own is not read as a format marker.
fn esc(text: &str) -> String {
    let text = text.trim();
    let marker = if text.starts_with('[') && FORMATS.iter().any(|f| text.starts_with(f)) {
        "[markdown]"
    } else {
        ""
    };
    format!("{marker}{}", esc_raw(text))
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

/// `%weight%` for a share of the points (to 5 decimals, as Moodle writes them).
fn percent(share: f64) -> String {
    format!("%{}%", (share * 10_000_000.0).round() / 100_000.0)
}

/// [`percent`] for a share other than full marks, which needs none after `=`.
fn weight(share: f64) -> String {
    if share == 1.0 {
        String::new()
    } else {
        percent(share)
    }
}

/// A one-blank `text` as a GIFT missing-word question (`before {=a =b} after`), when the
/// reader rebuilds exactly `text` from it: text after the blank, plain alternatives, no
/// spaces at either end.
fn missing_word(text: &str, general: &str) -> Option<String> {
    // The reader turns a typed missing word into a blank only when the text has no other
    // `[[` or `]]`.
    let brackets = text.matches("[[").count() == 1 && text.matches("]]").count() == 1;
    if !single_blank(text) || !brackets || text != text.trim() {
        return None;
    }
    let start = text.find("[[")?;
    let end = start + text[start..].find("]]")? + 2;
    let (before, after) = (&text[..start], &text[end..]);
    let alternatives: Vec<&str> = text[start + 2..end - 2].split('|').collect();
    let plain =
        |a: &&str| !a.is_empty() && **a == *a.trim() && !a.contains('*') && !a.contains("[[");
    if after.trim().is_empty() || !alternatives.iter().all(plain) {
        return None;
    }
    let list: Vec<String> = alternatives
        .iter()
        .map(|a| format!("={}", answer(a)))
        .collect();
    Some(format!(
        "[markdown]{}{{{}{general}}}{}",
        esc_raw(before),
        list.join(" "),
        esc_raw(after)
    ))
}

/// A choice option: `=` for full marks in a one-answer question, `~%50%` for a share, `~`.
fn option(o: &ChoiceOption, share: f64, equals: bool) -> String {
    let mark = if equals {
        "=".to_owned()
    } else if share == 0.0 {
        "~".to_owned()
    } else {
        format!("~{}", percent(share))
    };
    format!("{mark}{}{}", answer(&o.text), feedback(&o.feedback))
}

/// The answer block of `q`, and Lectern's comment lines it needs in `head`.
fn block(q: &Question, head: &mut Vec<String>) -> String {
    let stem = format!("[markdown]{}", esc_raw(q.stem.trim()));
    let lines = |list: Vec<String>| format!("{stem} {{\n  {}{}\n}}", list.join("\n  "), general(q));
    match &q.body {
        QuestionBody::SingleChoice { options } => {
            // Moodle reads a block without `~` as a short answer: when every option is worth
            // full marks, all but the first are written `~%100%`.
            let all_full = options.iter().all(|o| o.share() >= 1.0);
            lines(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| option(o, o.share(), o.share() >= 1.0 && !(all_full && i > 0)))
                    .collect(),
            )
        }
        QuestionBody::MultipleChoice {
            options,
            partial_credit,
        } => {
            let shares = ChoiceOption::pick_shares(options, *partial_credit).unwrap_or_else(|| {
                // All or nothing (read back from its comment line): the right ones share the
                // points, a wrong one takes them all.
                head.push("// [lectern:all-or-nothing]".into());
                let right = options.iter().filter(|o| o.correct).count().max(1) as f64;
                options
                    .iter()
                    .map(|o| if o.correct { 1.0 / right } else { -1.0 })
                    .collect()
            });
            lines(
                options
                    .iter()
                    .zip(shares)
                    .map(|(o, share)| option(o, share, false))
                    .collect(),
            )
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
            let value = if *answer { "TRUE" } else { "FALSE" };
            format!("{stem} {{{value}{fb}{}}}", general(q))
        }
        QuestionBody::ShortText {
            accepted,
            lenient,
            wildcards,
        } => {
            if !lenient {
                head.push("// [lectern:case-sensitive]".into());
            }
            let list: Vec<String> = accepted
                .iter()
                .map(|a| {
                    let mut text = answer(&a.text);
                    if !wildcards {
                        text = text.replace('*', "\\*");
                    }
                    format!("={}{text}{}", weight(a.credit), feedback(&a.feedback))
                })
                .collect();
            lines(list)
        }
        QuestionBody::Numeric {
            answers,
            unit,
            unit_required,
            other_feedback,
        } => {
            if let Some(unit) = unit {
                head.push(format!("// [lectern:unit:{}]", token_text(unit)));
            }
            if *unit_required {
                head.push("// [lectern:unit-required]".into());
            }
            let mut list: Vec<String> = answers
                .iter()
                .map(|a| {
                    format!(
                        "={}{}:{}{}",
                        weight(a.credit),
                        number(a.value),
                        number(a.tolerance),
                        feedback(&a.feedback)
                    )
                })
                .collect();
            if !other_feedback.trim().is_empty() {
                list.push(format!("~{}", feedback(other_feedback)));
            }
            format!("{stem} {{#\n  {}{}\n}}", list.join("\n  "), general(q))
        }
        QuestionBody::Ordering { items } => {
            head.push("// [lectern:ordering]".into());
            let list: Vec<String> = items.iter().map(|i| format!("={}", answer(i))).collect();
            format!("{stem} {{{}{}}}", list.join(" "), general(q))
        }
        QuestionBody::Matching { pairs } => lines(
            pairs
                .iter()
                .map(|p| format!("={} -> {}", answer(&p.prompt), esc_raw(p.answer.trim())))
                .collect(),
        ),
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
    }
}

/// One question as GIFT, with its tags.
fn question(tags: &[String], q: &Question) -> String {
    let mut head: Vec<String> = tags
        .iter()
        .map(|t| format!("// [tag:{}]", token_text(t)))
        .collect();
    if (q.points - 1.0).abs() > f64::EPSILON {
        head.push(format!("// [points:{}]", number(q.points)));
    }
    let body = block(q, &mut head);
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
