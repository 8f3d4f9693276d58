//! Builds the index query for a learner's words, programmatically (never from query syntax).
//!
//! Each word must match some field (common words excepted). Within a field a word scores the
//! best of its ways to match: its stem or whole word in full, the start of a longer word (the
//! last word only, as it may still be being typed), or a near spelling (only for words the
//! catalogue does not contain, so "rust" never drifts to "rest"). A word's field scores add
//! up, and so do the words' scores.

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analysis::{typo_allowance, Word};
use super::Fields;

/// Weight of a match in the title.
pub const TITLE: f32 = 10.0;
/// Weight of a match in the subtitle.
pub const SUBTITLE: f32 = 4.0;
/// Weight of a match in the instructor's name.
pub const INSTRUCTOR: f32 = 4.0;
/// Weight of a match in the category or level name.
pub const TAXONOMY: f32 = 2.0;
/// Weight of a match in the description.
pub const DESCRIPTION: f32 = 1.0;
/// Share of a field's weight for a prefix match.
const PREFIX: f32 = 0.8;
/// Share of a field's weight for a match with typos.
const TYPO: f32 = 0.5;
/// Shortest last word that also matches as a prefix.
const MIN_PREFIX_CHARS: usize = 2;

/// One searchable field: its stemmed and folded forms (names have no stemmed form).
struct Target {
    stemmed: Option<Field>,
    folded: Field,
    weight: f32,
}

fn targets(f: &Fields) -> [Target; 5] {
    let t = |stemmed, folded, weight| Target {
        stemmed,
        folded,
        weight,
    };
    [
        t(Some(f.title), f.title_folded, TITLE),
        t(Some(f.subtitle), f.subtitle_folded, SUBTITLE),
        t(None, f.instructor_folded, INSTRUCTOR),
        t(Some(f.taxonomy), f.taxonomy_folded, TAXONOMY),
        t(Some(f.description), f.description_folded, DESCRIPTION),
    ]
}

fn scored(query: impl Query, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(query), score))
}

fn term(field: Field, text: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic)
}

/// True when some course contains the word as it was typed (or its stem).
fn known(searcher: &Searcher, targets: &[Target], word: &Word) -> tantivy::Result<bool> {
    for t in targets {
        let mut terms = vec![Term::from_field_text(t.folded, &word.folded)];
        if let Some(stemmed) = t.stemmed {
            terms.push(Term::from_field_text(stemmed, &word.stem));
        }
        for term in terms {
            if searcher.doc_freq(&term)? > 0 {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

fn word_query(targets: &[Target], word: &Word, typos: u8) -> Box<dyn Query> {
    let per_field = targets
        .iter()
        .map(|t| {
            let mut ways: Vec<Box<dyn Query>> = Vec::new();
            if let Some(stemmed) = t.stemmed {
                ways.push(scored(term(stemmed, &word.stem), t.weight));
            }
            ways.push(scored(term(t.folded, &word.folded), t.weight));
            if word.last && word.folded.chars().count() >= MIN_PREFIX_CHARS {
                let start = Term::from_field_text(t.folded, &word.folded);
                ways.push(scored(
                    FuzzyTermQuery::new_prefix(start, 0, true),
                    t.weight * PREFIX,
                ));
            }
            if typos > 0 {
                let near = Term::from_field_text(t.folded, &word.folded);
                ways.push(scored(
                    FuzzyTermQuery::new(near, typos, true),
                    t.weight * TYPO,
                ));
            }
            let best: Box<dyn Query> = Box::new(DisjunctionMaxQuery::new(ways));
            (Occur::Should, best)
        })
        .collect();
    Box::new(BooleanQuery::new(per_field))
}

/// The query for `words` (at least one) against the index `searcher` reads.
pub(super) fn build(
    searcher: &Searcher,
    fields: &Fields,
    words: &[Word],
) -> tantivy::Result<BooleanQuery> {
    let targets = targets(fields);
    let mut clauses = Vec::with_capacity(words.len());
    for word in words {
        let typos = if known(searcher, &targets, word)? {
            0
        } else {
            typo_allowance(&word.folded)
        };
        let occur = if word.optional {
            Occur::Should
        } else {
            Occur::Must
        };
        clauses.push((occur, word_query(&targets, word, typos)));
    }
    Ok(BooleanQuery::new(clauses))
}
