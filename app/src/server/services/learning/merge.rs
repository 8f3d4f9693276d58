//! The merge rules for progress events: how a learner's events for one lesson combine into
//! that lesson's state. Pure functions, no database.
//!
//! Every field is a join (min, max, or "latest by a total order"), so the state is the same
//! whatever order events arrive in, and applying an event twice changes nothing. That is what
//! lets an offline player replay its queue and several tabs report at once.
//!
//! - `started_at`: the earliest client time of any event (any event means the lesson was opened).
//! - `position`: the position of the position event with the latest `(client_at, event id)`.
//! - `furthest`: the largest position ever reported.
//! - `duration`: the largest duration ever reported (a video's length does not change).
//! - `completed_at`: the earliest client time of a `completed` event, or of a position event
//!   that reached 90% of the duration it reports. Never unset.
//!
//! The video rule looks at the furthest point each event itself proves (its own position and
//! its own duration) rather than at the lesson's running maximum: a rule on the running
//! maximum would make the result depend on arrival order, or need every past event to
//! re-evaluate. Players send the duration with every position once the video's metadata is
//! loaded, so the two readings agree in practice.

use chrono::{DateTime, Utc};

/// The share of a video's duration that counts as watched.
pub const AUTO_COMPLETE_FRACTION: f64 = 0.9;

/// What a progress event says.
#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    /// The lesson was opened.
    Started,
    /// The player is at `position` seconds of a media `duration` seconds long (when known).
    Position {
        position: f64,
        duration: Option<f64>,
    },
    /// The learner marked the lesson complete (or finished reading it).
    Completed,
}

/// A validated progress event for one lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The client's UUID, canonical form: equal ids are the same event.
    pub id: String,
    /// When it happened on the client.
    pub at: DateTime<Utc>,
    pub kind: EventKind,
}

/// A learner's merged progress in one lesson. `Default` is "no events yet".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LessonState {
    pub started_at: Option<DateTime<Utc>>,
    pub position: f64,
    /// `(client_at, event id)` of the event that set `position`.
    pub position_key: Option<(DateTime<Utc>, String)>,
    pub furthest: f64,
    pub duration: Option<f64>,
    pub completed_at: Option<DateTime<Utc>>,
}

fn earliest(current: Option<DateTime<Utc>>, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    Some(current.map_or(at, |c| c.min(at)))
}

/// Whether a position event by itself shows the media was watched far enough to count.
pub fn reaches_completion(position: f64, duration: Option<f64>) -> bool {
    duration.is_some_and(|d| d > 0.0 && position >= AUTO_COMPLETE_FRACTION * d)
}

impl LessonState {
    /// Folds one event into the state (commutative and idempotent; see the module docs).
    pub fn apply(&mut self, event: &Event) {
        self.started_at = earliest(self.started_at, event.at);
        match &event.kind {
            EventKind::Started => {}
            EventKind::Completed => self.completed_at = earliest(self.completed_at, event.at),
            EventKind::Position { position, duration } => {
                let key = (event.at, event.id.clone());
                if self
                    .position_key
                    .as_ref()
                    .is_none_or(|current| key > *current)
                {
                    self.position = *position;
                    self.position_key = Some(key);
                }
                self.furthest = self.furthest.max(*position);
                if let Some(d) = duration.filter(|d| *d > 0.0) {
                    self.duration = Some(self.duration.map_or(d, |c| c.max(d)));
                }
                if reaches_completion(*position, *duration) {
                    self.completed_at = earliest(self.completed_at, event.at);
                }
            }
        }
    }

    /// Whether the lesson counts as completed.
    pub fn completed(&self) -> bool {
        self.completed_at.is_some()
    }
}

/// The state a set of events produces, folded in the given order.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> LessonState {
    let mut state = LessonState::default();
    for event in events {
        state.apply(event);
    }
    state
}
