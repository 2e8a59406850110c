//! What the server may know of the room: a snapshot the app publishes after every change
//! (the open statement, whether it is revealed, each group's token and vote), the votes sent
//! back to the app, and when each group's device was last seen. Plain data, no terminal.

use std::collections::BTreeMap;
use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::session::Score;

/// One level of the scale, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LevelText {
    pub value: u8,
    pub label: String,
    pub meaning: String,
}

/// The statement the facilitator has open for voting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpenStatement {
    /// The framework id: a vote names it, so a vote for a statement since closed is refused.
    pub id: String,
    pub text: String,
    pub scale: Vec<LevelText>,
    /// What "not applicable" is called in this framework.
    pub not_applicable: String,
}

/// One group, as the server needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub name: String,
    pub token: String,
    /// The group's score for the open statement.
    pub vote: Option<Score>,
}

/// The room at one moment, as the app last published it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// `None`: nothing is open for voting ("waiting for the facilitator").
    pub open: Option<OpenStatement>,
    /// The facilitator has shown the scores: voting on the open statement is over, and the
    /// pages may show every group's score.
    pub revealed: bool,
    pub groups: Vec<Slot>,
}

impl Snapshot {
    /// The group whose token this is.
    pub fn group_by_token(&self, token: &str) -> Option<&Slot> {
        // Every token is compared in full, so timing says nothing about a near guess.
        let mut found = None;
        for slot in &self.groups {
            if crate::session::same_token(&slot.token, token) {
                found = Some(slot);
            }
        }
        found
    }
}

/// A group's vote, for the app to apply as an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub group: String,
    pub statement: String,
    /// `None` takes the vote back.
    pub score: Option<Score>,
    /// When the request arrived, to measure how long it takes to reach the screen.
    pub at: Instant,
}

/// Shared between the app's loop and the server's threads.
pub struct Board {
    snapshot: Mutex<Snapshot>,
    /// Woken whenever a snapshot is published, for a request waiting for its vote to land.
    published: Condvar,
    seen: Mutex<BTreeMap<String, Instant>>,
    votes: Mutex<Sender<Vote>>,
}

impl Board {
    pub fn new(votes: Sender<Vote>) -> Self {
        Board {
            snapshot: Mutex::new(Snapshot::default()),
            published: Condvar::new(),
            seen: Mutex::new(BTreeMap::new()),
            votes: Mutex::new(votes),
        }
    }

    /// Replaces the snapshot (the app, after each change).
    pub fn publish(&self, snapshot: Snapshot) {
        let mut current = lock(&self.snapshot);
        if *current != snapshot {
            *current = snapshot;
            self.published.notify_all();
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        lock(&self.snapshot).clone()
    }

    /// Waits up to `limit` for a snapshot in which `done` holds; the last snapshot either way.
    pub fn wait_for(&self, limit: Duration, done: impl Fn(&Snapshot) -> bool) -> Snapshot {
        let deadline = Instant::now() + limit;
        let mut current = lock(&self.snapshot);
        while !done(&current) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            current = self
                .published
                .wait_timeout(current, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        current.clone()
    }

    /// Sends a vote to the app; false if the app has stopped listening.
    pub fn send(&self, vote: Vote) -> bool {
        lock(&self.votes).send(vote).is_ok()
    }

    /// Notes that a group's device asked for something.
    pub fn saw(&self, group: &str) {
        lock(&self.seen).insert(group.to_owned(), Instant::now());
    }

    /// The groups whose device asked for something within `within`.
    pub fn connected(&self, within: Duration) -> Vec<String> {
        lock(&self.seen)
            .iter()
            .filter(|(_, at)| at.elapsed() <= within)
            .map(|(group, _)| group.clone())
            .collect()
    }
}

/// A lock held by a thread that panicked still guards whole data (every write here is one
/// assignment), so it is used rather than giving up.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
