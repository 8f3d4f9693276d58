//! Live progress updates: when a learner's progress changes, every open `/events/progress`
//! stream of that learner hears about it, on whichever server instance it is connected to.
//!
//! Publishing goes through Redis pub/sub when Redis is configured: one channel
//! (`<prefix>progress`) carries `{user_id, progress}` for every learner, and each instance
//! forwards what it receives to its own streams. One channel keeps the subscriptions fixed (no
//! per-user subscribe/unsubscribe as streams come and go) at the cost of each instance seeing
//! every learner's updates, which is small JSON at human pace. Without Redis, an in-process
//! broadcast does the same for a single instance.

use std::sync::Arc;

use fred::clients::{Pool, SubscriberClient};
use fred::interfaces::{EventInterface, PubsubInterface};
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, watch};

use crate::models::CourseProgress;

/// How many updates a slow stream may fall behind before it is told to resync.
const BUFFER: usize = 256;

/// One learner's new progress in one course, as it travels between instances; without
/// progress, the order to end that learner's open streams (they signed out, their password
/// changed or their account was deleted: a stream must not outlive the right to it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressNotice {
    pub user_id: i64,
    #[serde(default)]
    pub progress: Option<CourseProgress>,
}

/// What a learner's live stream delivers.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveEvent {
    /// Their progress in a course changed.
    Progress(CourseProgress),
    /// Updates were dropped (the stream fell behind): reload progress.
    Resync,
}

enum Fanout {
    InProcess,
    Redis { publisher: Pool, channel: String },
}

struct Inner {
    local: broadcast::Sender<Arc<ProgressNotice>>,
    closed: watch::Sender<bool>,
    fanout: Fanout,
}

/// Publishes progress changes and hands out per-learner live streams. Cheap to clone.
#[derive(Clone)]
pub struct ProgressHub {
    inner: Arc<Inner>,
}

impl ProgressHub {
    fn with(fanout: Fanout) -> Self {
        let (local, _) = broadcast::channel(BUFFER);
        let (closed, _) = watch::channel(false);
        Self {
            inner: Arc::new(Inner {
                local,
                closed,
                fanout,
            }),
        }
    }

    /// A hub for a single instance: updates travel in this process only.
    pub fn in_process() -> Self {
        Self::with(Fanout::InProcess)
    }

    /// A hub shared by every instance through Redis: publishes on `channel` with `publisher`
    /// and forwards what `subscriber` (connected, reconnecting) receives to local streams.
    pub async fn redis(
        publisher: Pool,
        subscriber: SubscriberClient,
        channel: String,
    ) -> Result<Self, fred::error::Error> {
        let hub = Self::with(Fanout::Redis {
            publisher,
            channel: channel.clone(),
        });
        let mut messages = subscriber.message_rx();
        subscriber.subscribe(channel.clone()).await?;
        // Re-subscribes after a reconnect.
        let _resubscriber = subscriber.manage_subscriptions();
        let local = hub.inner.local.clone();
        tokio::spawn(async move {
            // Owning the client keeps its connection open for as long as this task runs.
            let _subscriber = subscriber;
            loop {
                match messages.recv().await {
                    Ok(message) if &*message.channel == channel.as_str() => {
                        let notice = message
                            .value
                            .as_str()
                            .and_then(|text| serde_json::from_str::<ProgressNotice>(&text).ok());
                        match notice {
                            // No local streams is normal: nothing to do.
                            Some(notice) => drop(local.send(Arc::new(notice))),
                            None => tracing::warn!("unreadable progress notice from Redis"),
                        }
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(missed)) => {
                        tracing::warn!(missed, "progress notices from Redis were dropped");
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(hub)
    }

    /// Tells every open stream of `user_id` about `progress`. Failures are logged, never
    /// returned: live updates are a convenience and must not fail the change itself.
    pub async fn publish(&self, user_id: i64, progress: CourseProgress) {
        self.send(ProgressNotice {
            user_id,
            progress: Some(progress),
        })
        .await;
    }

    /// Ends every open stream of `user_id`, on every instance. Browsers reconnect on their own,
    /// and a reconnect is authorized afresh: a device still signed in gets its stream back, a
    /// signed-out one gets 401.
    pub async fn end_streams(&self, user_id: i64) {
        self.send(ProgressNotice {
            user_id,
            progress: None,
        })
        .await;
    }

    async fn send(&self, notice: ProgressNotice) {
        let user_id = notice.user_id;
        match &self.inner.fanout {
            Fanout::InProcess => drop(self.inner.local.send(Arc::new(notice))),
            Fanout::Redis { publisher, channel } => {
                let payload = match serde_json::to_string(&notice) {
                    Ok(payload) => payload,
                    Err(error) => {
                        tracing::error!(%error, "cannot encode a progress notice");
                        return;
                    }
                };
                let sent: Result<i64, _> =
                    publisher.next().publish(channel.as_str(), payload).await;
                if let Err(error) = sent {
                    tracing::warn!(%error, user_id, "publishing a progress notice failed");
                }
            }
        }
    }

    /// The live updates of `user_id` from now on; ends when the hub closes.
    pub fn subscribe(&self, user_id: i64) -> impl Stream<Item = LiveEvent> + Send + 'static {
        let receiver = self.inner.local.subscribe();
        let closed = self.inner.closed.subscribe();
        futures_util::stream::unfold(
            (receiver, closed),
            move |(mut receiver, mut closed)| async move {
                loop {
                    if *closed.borrow_and_update() {
                        return None;
                    }
                    let event = tokio::select! {
                        changed = closed.changed() => match changed {
                            Ok(()) => continue,
                            Err(_) => return None,
                        },
                        message = receiver.recv() => match message {
                            Ok(notice) if notice.user_id == user_id => {
                                match &notice.progress {
                                    Some(progress) => LiveEvent::Progress(progress.clone()),
                                    None => return None,
                                }
                            }
                            Ok(_) => continue,
                            Err(broadcast::error::RecvError::Lagged(_)) => LiveEvent::Resync,
                            Err(broadcast::error::RecvError::Closed) => return None,
                        },
                    };
                    return Some((event, (receiver, closed)));
                }
            },
        )
    }

    /// Ends every open stream, and any opened later (graceful shutdown: long-lived streams
    /// must not hold the server open).
    pub fn close(&self) {
        self.inner.closed.send_replace(true);
    }
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    use super::*;

    fn progress(slug: &str) -> CourseProgress {
        CourseProgress {
            course_slug: slug.into(),
            enrolled: true,
            completed_lessons: 0,
            total_lessons: 1,
            percent: 0,
            completed_at: None,
            continue_lesson_slug: None,
            lessons: Vec::new(),
        }
    }

    #[tokio::test]
    async fn ending_a_learners_streams_leaves_the_others_open() {
        let hub = ProgressHub::in_process();
        let mut ended = Box::pin(hub.subscribe(1));
        let mut other = Box::pin(hub.subscribe(2));
        hub.end_streams(1).await;
        hub.publish(2, progress("still-open")).await;
        assert_eq!(ended.next().await, None, "learner 1's stream ends");
        assert_eq!(
            other.next().await,
            Some(LiveEvent::Progress(progress("still-open")))
        );
    }

    #[tokio::test]
    async fn streams_get_their_learners_updates_only_and_end_on_close() {
        let hub = ProgressHub::in_process();
        let mut mine = Box::pin(hub.subscribe(1));
        let mut theirs = Box::pin(hub.subscribe(2));
        hub.publish(2, progress("theirs")).await;
        hub.publish(1, progress("mine")).await;
        assert_eq!(
            mine.next().await,
            Some(LiveEvent::Progress(progress("mine")))
        );
        assert_eq!(
            theirs.next().await,
            Some(LiveEvent::Progress(progress("theirs")))
        );
        hub.close();
        assert_eq!(mine.next().await, None, "closing ends open streams");
        assert_eq!(
            Box::pin(hub.subscribe(1)).next().await,
            None,
            "and later ones"
        );
    }

    #[tokio::test]
    async fn a_stream_that_falls_behind_is_told_to_resync() {
        let hub = ProgressHub::in_process();
        let mut slow = Box::pin(hub.subscribe(1));
        for _ in 0..=BUFFER {
            hub.publish(1, progress("x")).await;
        }
        assert_eq!(slow.next().await, Some(LiveEvent::Resync));
        assert_eq!(slow.next().await, Some(LiveEvent::Progress(progress("x"))));
    }
}
