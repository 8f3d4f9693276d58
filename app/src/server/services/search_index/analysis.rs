//! How course text becomes index terms, and how a learner's query becomes words to look up.
//! Both sides go through the same analyzers, so a query word and the text it should find
//! always agree on case, accents and word endings.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, TokenStream,
};

/// Tokenizer name for fields matched by word stem ("borrowing" finds "borrow").
pub const STEMMED: &str = "lectern_stemmed";
/// Tokenizer name for fields matched by whole word, prefix or typo (lowercase, no accents).
pub const FOLDED: &str = "lectern_folded";

/// Longest query considered, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 100;
/// Most words looked up; further words are ignored.
pub const MAX_WORDS: usize = 8;
/// Words longer than this (in bytes) are neither indexed nor looked up.
const MAX_WORD_BYTES: usize = 40;

/// Common words that narrow nothing: they count towards the rank but need not match.
const OPTIONAL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// Words split on anything but letters and digits, lowercased, accents removed.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// [`folded`] words reduced to their English stem.
pub fn stemmed() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// One word of a search, in the forms the index is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercase, accents removed: for whole-word, prefix and typo matching.
    pub folded: String,
    /// Its English stem: for matching other forms of the same word.
    pub stem: String,
    /// The last word of the query, possibly still being typed: it also matches as a prefix.
    pub last: bool,
    /// A common word ("the", "with") that may be missing from a match.
    pub optional: bool,
}

/// The words of a query: clipped to [`MAX_QUERY_CHARS`], split like the indexed text, repeats
/// dropped, at most [`MAX_WORDS`]. Punctuation is never syntax; a query of only punctuation
/// has no words.
pub fn words(query: &str) -> Vec<Word> {
    let clipped: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut folded_words = tokens(&mut folded(), &clipped);
    let mut seen = std::collections::HashSet::new();
    folded_words.retain(|w| seen.insert(w.clone()));
    folded_words.truncate(MAX_WORDS);
    let all_optional = folded_words
        .iter()
        .all(|w| OPTIONAL_WORDS.contains(&w.as_str()));
    let count = folded_words.len();
    let mut stemmer = stemmed();
    folded_words
        .into_iter()
        .enumerate()
        .map(|(i, folded)| {
            let stem = tokens(&mut stemmer, &folded)
                .pop()
                .unwrap_or_else(|| folded.clone());
            Word {
                optional: !all_optional && OPTIONAL_WORDS.contains(&folded.as_str()),
                last: i + 1 == count,
                stem,
                folded,
            }
        })
        .collect()
}

/// How many typos a word the catalogue does not contain may have and still match: none up
/// to three letters, one up to seven, two beyond.
pub fn typo_allowance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A title as a sort key: its words, lowercased and without accents, so "Écrire" files
/// under E and punctuation does not decide the order.
pub fn sort_key(title: &str) -> String {
    tokens(&mut folded(), title).join(" ")
}
