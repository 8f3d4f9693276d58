//! Catalogue search: an in-memory full-text index of the published courses.
//!
//! The index is rebuilt from the database whenever the catalogue changes ([`cache`]), so every
//! backend searches the same index the same way: word-based, with stems, a prefix for the word
//! being typed, typo tolerance for words the catalogue does not contain, and a rank that puts
//! title matches above subtitle and instructor matches, and those above description matches.
//! User input is only ever split into words; it is never parsed as query syntax.

mod analysis;
pub mod cache;
pub mod listing;
mod query;

use tantivy::collector::TopDocs;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument};

pub use analysis::{MAX_QUERY_CHARS, MAX_WORDS};
pub use cache::SearchIndexCache;
pub use listing::{select, Request, Selection};

/// Memory the index writer may buffer before flushing (tantivy's floor; the catalogue is
/// far smaller).
const WRITER_BUDGET: usize = 15_000_000;

/// What the index knows about one published course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedCourse {
    pub id: i64,
    pub title: String,
    pub subtitle: String,
    /// Markdown; its punctuation splits words like any other.
    pub description: String,
    pub instructor: String,
    pub category: String,
    pub level: String,
    pub price_cents: i64,
    /// Seconds since the epoch; 0 when never published.
    pub published_at: i64,
    /// Visible reviews, and the sum of their stars.
    pub rating_count: i64,
    pub rating_sum: i64,
}

/// The indexed facts about a course that filters and sorts need, in index order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseFacts {
    pub id: i64,
    pub category: String,
    pub level: String,
    pub price_cents: i64,
    pub published_at: i64,
    /// The title folded for sorting (see `analysis::sort_key`).
    pub title_key: String,
    /// Visible reviews, and the sum of their stars.
    pub rating_count: i64,
    pub rating_sum: i64,
}

/// A course that matches a search, with its rank (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position in [`CatalogueIndex::courses`].
    pub position: usize,
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    title: Field,
    title_folded: Field,
    subtitle: Field,
    subtitle_folded: Field,
    description: Field,
    description_folded: Field,
    instructor_folded: Field,
    taxonomy: Field,
    taxonomy_folded: Field,
    position: Field,
}

fn schema() -> (Schema, Fields) {
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::Basic),
        )
    };
    let mut b = Schema::builder();
    let fields = Fields {
        title: b.add_text_field("title", text(analysis::STEMMED)),
        title_folded: b.add_text_field("title_folded", text(analysis::FOLDED)),
        subtitle: b.add_text_field("subtitle", text(analysis::STEMMED)),
        subtitle_folded: b.add_text_field("subtitle_folded", text(analysis::FOLDED)),
        description: b.add_text_field("description", text(analysis::STEMMED)),
        description_folded: b.add_text_field("description_folded", text(analysis::FOLDED)),
        instructor_folded: b.add_text_field("instructor_folded", text(analysis::FOLDED)),
        taxonomy: b.add_text_field("taxonomy", text(analysis::STEMMED)),
        taxonomy_folded: b.add_text_field("taxonomy_folded", text(analysis::FOLDED)),
        position: b.add_u64_field("position", FAST),
    };
    (b.build(), fields)
}

/// A searchable snapshot of the published catalogue.
pub struct CatalogueIndex {
    courses: Vec<CourseFacts>,
    fields: Fields,
    searcher: Searcher,
    // The searcher reads segments the reader keeps open.
    _reader: IndexReader,
}

impl CatalogueIndex {
    /// Indexes `courses` (blocking; a few milliseconds for a catalogue of hundreds).
    pub fn build(courses: Vec<IndexedCourse>) -> tantivy::Result<Self> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index
            .tokenizers()
            .register(analysis::STEMMED, analysis::stemmed());
        index
            .tokenizers()
            .register(analysis::FOLDED, analysis::folded());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_BUDGET)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for (position, c) in courses.iter().enumerate() {
            let taxonomy = format!(
                "{} {}",
                crate::models::category_label(&c.category),
                crate::models::level_label(&c.level)
            );
            let mut doc = TantivyDocument::default();
            doc.add_u64(fields.position, position as u64);
            for (stemmed, folded, value) in [
                (Some(fields.title), fields.title_folded, c.title.as_str()),
                (Some(fields.subtitle), fields.subtitle_folded, &c.subtitle),
                (
                    Some(fields.description),
                    fields.description_folded,
                    &c.description,
                ),
                (None, fields.instructor_folded, &c.instructor),
                (Some(fields.taxonomy), fields.taxonomy_folded, &taxonomy),
            ] {
                if let Some(stemmed) = stemmed {
                    doc.add_text(stemmed, value);
                }
                doc.add_text(folded, value);
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let courses = courses
            .into_iter()
            .map(|c| CourseFacts {
                title_key: analysis::sort_key(&c.title),
                id: c.id,
                category: c.category,
                level: c.level,
                price_cents: c.price_cents,
                published_at: c.published_at,
                rating_count: c.rating_count,
                rating_sum: c.rating_sum,
            })
            .collect();
        Ok(Self {
            courses,
            fields,
            searcher,
            _reader: reader,
        })
    }

    /// Every indexed course, in index order.
    pub fn courses(&self) -> &[CourseFacts] {
        &self.courses
    }

    /// The courses matching every (non-optional) word of `text`, best first; ties in index
    /// order. Text without words matches nothing.
    pub fn search(&self, text: &str) -> tantivy::Result<Vec<Hit>> {
        let words = analysis::words(text);
        if words.is_empty() || self.courses.is_empty() {
            return Ok(Vec::new());
        }
        let query = query::build(&self.searcher, &self.fields, &words)?;
        let top = self.searcher.search(
            &query,
            &TopDocs::with_limit(self.courses.len()).order_by_score(),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let positions = self
                .searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("position")?;
            if let Some(position) = positions.first(address.doc_id) {
                hits.push(Hit {
                    position: position as usize,
                    score,
                });
            }
        }
        hits.sort_by(|a, b| {
            rank(b.score)
                .cmp(&rank(a.score))
                .then(a.position.cmp(&b.position))
        });
        Ok(hits)
    }
}

/// A score rounded so that sums of the same weights added in another order compare equal.
pub fn rank(score: f32) -> i64 {
    (f64::from(score) * 1000.0).round() as i64
}

#[cfg(test)]
mod tests;
