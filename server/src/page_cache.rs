//! A cache of the public pages anonymous visitors read most: the home page, the catalogue
//! (with its search and filter query) and course pages, as the server last rendered them.
//!
//! What is cached: a `GET` of one of those pages with no session cookie and no bearer token,
//! answered `200` as HTML without `Set-Cookie`, one copy per content encoding. Anything else
//! goes to the app as before. A cached copy is served with an `Age` header.
//!
//! When copies go stale:
//! - Every request that may change what those pages show (any method but `GET`/`HEAD`, except
//!   the learner-only and read-only server functions listed in [`changes_public_pages`]) moves
//!   a generation number on, and copies made under an earlier generation are never served
//!   again. The generation is read before a page is rendered, so a page rendered while a change
//!   was being saved is never kept as current. Unknown requests count as changes.
//! - With Redis, the generation is shared: a change on one instance reaches the others within
//!   [`SHARED_CHECK`]; while Redis cannot be reached, nothing is served from or kept in the
//!   cache.
//! - Whatever else happens (a command-line edit, a change made straight in the database), a copy
//!   is never older than the TTL (`PAGE_CACHE_TTL_SECS`, 60 s by default, as long as the CDN
//!   may keep the same page under our `Cache-Control`). `PAGE_CACHE_TTL_SECS=0` turns it off.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex, PoisonError,
    },
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use fred::{clients::Pool, interfaces::KeysInterface};

/// How long a shared generation read from Redis is trusted before it is read again.
pub const SHARED_CHECK: Duration = Duration::from_millis(250);
/// The most bytes all cached pages may take together.
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// About how many pages that is (a catalogue page is tens of KB).
const ESTIMATED_PAGES: usize = 1_000;
/// A page larger than this is served but not kept (ours are far smaller).
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// Longer queries (search text, filters) are not cached.
const MAX_QUERY_BYTES: usize = 512;

/// Server functions that never change what the cached pages show: reads (every `get_…` and
/// `list_…`), and a learner's own answers, progress and account steps. Any other server
/// function, and any other write, counts as a change.
const LEARNER_ONLY: [&str; 14] = [
    "my_learning",
    "preview_markdown",
    "preview_import",
    "export_gradebook",
    "export_questions",
    "check_answer",
    "save_answer",
    "start_attempt",
    "submit_attempt",
    "record_progress",
    "sign_in",
    "sign_out",
    "sign_up",
    "request_password_reset",
];

/// Whether a request with `method` to `path` may change what the cached pages show.
pub fn changes_public_pages(method: &Method, path: &str) -> bool {
    if method == Method::GET || method == Method::HEAD || method == Method::OPTIONS {
        return false;
    }
    let Some(function) = path.strip_prefix("/api/") else {
        return true;
    };
    // Server-function paths are the function's name followed by a build hash of digits.
    let name = function.trim_end_matches(|c: char| c.is_ascii_digit());
    !(name.starts_with("get_") || name.starts_with("list_") || LEARNER_ONLY.contains(&name))
}

/// Whether `path` is one of the cached pages: `/`, `/courses`, `/courses/{slug}`.
fn is_cached_page(path: &str) -> bool {
    match path.strip_prefix("/courses") {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('/')
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/')),
        None => path == "/",
    }
}

/// Whether `headers` may belong to a signed-in person (session cookie or bearer token).
fn is_personal(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION) || crate::caching::has_session(headers)
}

/// The encoding a cached copy is kept for; the request is narrowed to it so that every
/// request in a bucket gets the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    fn of(headers: &HeaderMap) -> Self {
        let accepted = |wanted: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.split(';').map(str::trim);
                    let name = parts.next().unwrap_or_default();
                    // `br;q=0` refuses br; a missing or unreadable weight accepts it.
                    let weight = parts
                        .find_map(|p| p.strip_prefix("q="))
                        .map_or(1.0, |q| q.parse::<f32>().unwrap_or(1.0));
                    name.eq_ignore_ascii_case(wanted) && weight > 0.0
                })
        };
        if accepted("br") {
            Encoding::Brotli
        } else if accepted("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
            Encoding::Identity => "identity",
        })
    }
}

/// A page and its encoding: one cached copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    encoding: Encoding,
}

/// A response as it was sent, and when and under which generation it was rendered.
#[derive(Debug)]
struct Entry {
    generation: Generation,
    rendered: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// This instance's count of changes, and the shared one (0 without Redis).
type Generation = (u64, u64);

#[derive(Debug, Clone)]
struct ByBytes;

impl quick_cache::Weighter<Key, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &Key, entry: &Arc<Entry>) -> u64 {
        (key.path_and_query.len() + entry.body.len() + 512) as u64
    }
}

/// The generation shared by every instance through Redis.
#[derive(Debug)]
struct Shared {
    pool: Pool,
    key: String,
    /// The last value read and when.
    seen: Mutex<Option<(Instant, u64)>>,
}

impl Shared {
    /// The shared generation, read again when the last reading is older than [`SHARED_CHECK`];
    /// `None` when Redis cannot be reached.
    async fn current(&self) -> Option<u64> {
        let seen = *self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((at, value)) = seen {
            if at.elapsed() < SHARED_CHECK {
                return Some(value);
            }
        }
        match self.pool.get::<Option<u64>, _>(&self.key).await {
            Ok(value) => {
                let value = value.unwrap_or(0);
                *self.seen.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some((Instant::now(), value));
                Some(value)
            }
            Err(error) => {
                tracing::warn!(%error, "page cache: shared generation unavailable");
                None
            }
        }
    }

    async fn advance(&self) {
        if let Err(error) = self.pool.incr::<u64, _>(&self.key).await {
            tracing::warn!(%error, "page cache: could not share a change");
        }
        // This instance must not keep trusting the value it read before the change.
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// The page cache (cheap to clone; clones share the cache).
#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Inner>,
}

struct Inner {
    pages: quick_cache::sync::Cache<Key, Arc<Entry>, ByBytes>,
    local: AtomicU64,
    shared: Option<Shared>,
    ttl: Duration,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache")
            .field("ttl", &self.inner.ttl)
            .field("shared", &self.inner.shared.is_some())
            .finish()
    }
}

impl PageCache {
    /// A cache keeping pages at most `ttl` (zero: off), sharing its generation through
    /// `redis` under `key_prefix` when given.
    pub fn new(ttl: Duration, redis: Option<(Pool, &str)>) -> Self {
        Self {
            inner: Arc::new(Inner {
                pages: quick_cache::sync::Cache::with_weighter(
                    ESTIMATED_PAGES,
                    CAPACITY_BYTES,
                    ByBytes,
                ),
                local: AtomicU64::new(0),
                shared: redis.map(|(pool, prefix)| Shared {
                    pool,
                    key: format!("{prefix}page-cache:generation"),
                    seen: Mutex::new(None),
                }),
                ttl,
            }),
        }
    }

    /// The current generation; `None` when it cannot be known (Redis away).
    async fn generation(&self) -> Option<Generation> {
        let local = self.inner.local.load(Ordering::SeqCst);
        let shared = match &self.inner.shared {
            Some(shared) => shared.current().await?,
            None => 0,
        };
        Some((local, shared))
    }

    /// Records a change: every copy rendered before it is stale.
    pub async fn advance(&self) {
        self.inner.local.fetch_add(1, Ordering::SeqCst);
        if let Some(shared) = &self.inner.shared {
            shared.advance().await;
        }
    }
}

/// Middleware: serves and keeps cached pages, and moves the generation on after changes.
pub async fn layer(cache: PageCache, mut request: Request, next: Next) -> Response {
    let method = request.method().clone();
    if changes_public_pages(&method, request.uri().path()) {
        let response = next.run(request).await;
        cache.advance().await;
        return response;
    }
    let cacheable = !cache.inner.ttl.is_zero()
        && method == Method::GET
        && is_cached_page(request.uri().path())
        && request
            .uri()
            .query()
            .is_none_or(|q| q.len() <= MAX_QUERY_BYTES)
        && !is_personal(request.headers());
    if !cacheable {
        return next.run(request).await;
    }
    let Some(generation) = cache.generation().await else {
        return next.run(request).await;
    };
    let encoding = Encoding::of(request.headers());
    let key = Key {
        path_and_query: request
            .uri()
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
        encoding,
    };
    if let Some(entry) = cache.inner.pages.get(&key) {
        let age = entry.rendered.elapsed();
        if entry.generation == generation && age < cache.inner.ttl {
            return served(&entry, age);
        }
    }
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, encoding.header());
    let response = next.run(request).await;
    let keep = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !keep {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => body,
        Err(error) => {
            // Too large to keep, or the render failed part-way: nothing sensible to send.
            tracing::warn!(%error, path = %key.path_and_query, "page cache: page not kept");
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            return response;
        }
    };
    let entry = Arc::new(Entry {
        generation,
        rendered: Instant::now(),
        status: parts.status,
        headers: parts.headers.clone(),
        body: body.clone(),
    });
    cache.inner.pages.insert(key, entry);
    Response::from_parts(parts, Body::from(body))
}

/// A cached copy, with its age (RFC 9111 `Age`, whole seconds).
fn served(entry: &Entry, age: Duration) -> Response {
    let mut response = Response::new(Body::from(entry.body.clone()));
    *response.status_mut() = entry.status;
    *response.headers_mut() = entry.headers.clone();
    response
        .headers_mut()
        .insert(header::AGE, HeaderValue::from(age.as_secs()));
    response
}

#[cfg(test)]
#[path = "page_cache_tests.rs"]
mod tests;
