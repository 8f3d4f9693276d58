//! CSV import.

use super::csv::{parse, parse_all};
use super::{validate, QuestionBody, CSV_TEMPLATE};

#[test]
fn the_template_imports_every_type_and_validates() {
    let items = parse(CSV_TEMPLATE).expect("should succeed");
    assert_eq!(items.len(), 8);
    for item in &items {
        assert_eq!(validate(&item.question), Ok(()), "line {}", item.line);
    }
    assert_eq!(items[0].line, 2);
    assert_eq!(items[0].tags, vec!["geography", "europe"]);
    assert!(
        matches!(&items[4].question.body, QuestionBody::Numeric { unit: Some(u), .. } if u == "m/s2")
    );
    assert!(
        matches!(&items[6].question.body, QuestionBody::Matching { pairs } if pairs.len() == 3)
    );
}

#[test]
fn bad_rows_are_reported_by_their_first_line_and_nothing_is_returned() {
    let text = "type,question,options,correct\n\
                single_choice,Fine,a|b,1\n\
                essay,Not a type,,\n\
                single_choice,\"Spans\ntwo lines\",a|b,3\n\
                true_false,Maybe,,perhaps\n\
                numeric,Pi,,three\n";
    let errors = parse(text).expect_err("should be refused");
    let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 6, 7], "{errors:?}");
    assert!(errors[0].message.contains("Unknown type"));
    assert!(errors[1].message.contains("option number"));
}

#[test]
fn parse_all_keeps_the_rows_that_read_beside_the_problems() {
    let text = "type,question,options,correct\n\
                single_choice,Fine,a|b,1\n\
                essay,Not a type,,\n\
                true_false,Also fine,,false\n";
    let (items, errors) = parse_all(text);
    let lines: Vec<u32> = items.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 4]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);
    // A bad header row still stops everything.
    let (items, errors) = parse_all("kind,question\nx,y\n");
    assert!(items.is_empty());
    assert_eq!(errors[0].line, 1);
}

#[test]
fn headers_are_checked() {
    let errors = parse("kind,question\nx,y\n").expect_err("should be refused");
    assert_eq!(errors[0].line, 1);
    assert!(errors[0].message.contains("Unknown column"));
    let errors = parse("question\nx\n").expect_err("should be refused");
    assert!(errors[0].message.contains("“type”"));
}

/// Found by fuzzing: rows ended by a lone carriage return (Excel for Mac's CSV) were all
/// reported at the same line, as the csv reader counts only `\n`.
#[test]
fn lines_count_every_kind_of_line_break() {
    let text = "type,question,options,correct\r\
                single_choice,Fine,a|b,1\r\
                essay,Not a type,,\r\n\
                true_false,Maybe,,perhaps\n\
                numeric,Pi,,three\r";
    let errors = parse(text).expect_err("should be refused");
    let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 5], "{errors:?}");
    let items = parse("type,question,options,correct\rsingle_choice,A,a|b,1\rtrue_false,B,,true\r")
        .expect("should succeed");
    let lines: Vec<u32> = items.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 3]);
}
