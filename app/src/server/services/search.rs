//! Turning a learner's free-text query into safe SQL `LIKE` patterns.

use sea_orm::{
    sea_query::{Expr, Func, LikeExpr},
    ColumnTrait, Condition, EntityTrait,
};

/// Longest query considered; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 100;
/// Most words matched; further words are ignored.
pub const MAX_TERMS: usize = 8;

/// Splits a query into lowercase words, each of which must match.
pub fn terms(query: Option<&str>) -> Vec<String> {
    let Some(query) = query else {
        return Vec::new();
    };
    let clipped: String = query.chars().take(MAX_QUERY_CHARS).collect();
    clipped
        .split_whitespace()
        .map(str::to_lowercase)
        .take(MAX_TERMS)
        .collect()
}

/// A `%term%` pattern for `LIKE … ESCAPE '\'` in which `%`, `_` and `\` match literally.
pub fn contains_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for ch in term.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

/// A condition true when any of `columns` contains `term` (case-insensitive, wildcards literal).
pub fn any_column_contains<E: EntityTrait>(columns: &[E::Column], term: &str) -> Condition
where
    E::Column: ColumnTrait,
{
    // Scoped here: ExprTrait's `max`/`min` would shadow `Ord`'s in callers' modules.
    use sea_orm::sea_query::ExprTrait as _;
    let pattern = contains_pattern(term);
    columns.iter().fold(Condition::any(), |any, column| {
        any.add(
            Expr::expr(Func::lower(Expr::col((E::default(), *column))))
                .like(LikeExpr::new(pattern.clone()).escape('\\')),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_queries_have_no_terms() {
        assert!(terms(None).is_empty());
        assert!(terms(Some("")).is_empty());
        assert!(terms(Some("   \t ")).is_empty());
    }

    #[test]
    fn words_are_lowercased_and_capped() {
        assert_eq!(terms(Some("  Rust  BORROW ")), vec!["rust", "borrow"]);
        let many = "a b c d e f g h i j k";
        assert_eq!(terms(Some(many)).len(), MAX_TERMS);
        let long = "x".repeat(500);
        assert_eq!(terms(Some(&long))[0].len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn wildcards_and_escapes_match_literally() {
        assert_eq!(contains_pattern("100%"), r"%100\%%");
        assert_eq!(contains_pattern("a_b"), r"%a\_b%");
        assert_eq!(contains_pattern(r"c:\x"), r"%c:\\x%");
        assert_eq!(contains_pattern("o'reilly"), "%o'reilly%");
    }
}
