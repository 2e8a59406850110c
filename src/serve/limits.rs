//! Bounds on what one device can ask of the server: requests per second (a bucket that
//! refills), and connections open at once. A room's phones poll every second or two; these
//! leave them ample room and stop one device from crowding the others out.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Requests one address may make in a burst.
pub const BURST: f64 = 40.0;
/// Requests per second one address may keep up.
pub const PER_SECOND: f64 = 10.0;
/// Connections one address may hold open at once: what a browser opens to one site, and no
/// more than half the workers, so one device can never take them all.
pub const PER_ADDRESS: usize = 8;
/// Addresses remembered at most; beyond, the quietest are forgotten.
const REMEMBERED: usize = 1024;

/// Requests allowed per address.
#[derive(Default)]
pub struct Rate {
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl Rate {
    /// Whether `ip` may make one more request now (and counts it).
    pub fn allow(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() >= REMEMBERED && !buckets.contains_key(&ip) {
            buckets.retain(|_, (left, at)| refill(*left, *at, now) < BURST);
        }
        let (left, at) = buckets.entry(ip).or_insert((BURST, now));
        let available = refill(*left, *at, now);
        *at = now;
        if available >= 1.0 {
            *left = available - 1.0;
            true
        } else {
            *left = available;
            false
        }
    }
}

fn refill(left: f64, at: Instant, now: Instant) -> f64 {
    (left + now.duration_since(at).as_secs_f64() * PER_SECOND).min(BURST)
}

/// Connections open per address.
#[derive(Default)]
pub struct Open {
    counts: Mutex<HashMap<IpAddr, usize>>,
}

impl Open {
    /// Counts a new connection from `ip`, unless it already has as many as allowed.
    pub fn enter(&self, ip: IpAddr) -> bool {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let n = counts.entry(ip).or_insert(0);
        if *n >= PER_ADDRESS {
            return false;
        }
        *n += 1;
        true
    }

    /// A connection from `ip` has closed.
    pub fn leave(&self, ip: IpAddr) {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = counts.get_mut(&ip) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_and_then_refused() {
        let rate = Rate::default();
        let ip: IpAddr = [10, 0, 0, 7].into();
        let allowed = (0..100).filter(|_| rate.allow(ip)).count();
        assert!((40..=41).contains(&allowed), "{allowed}");
        assert!(
            rate.allow([10, 0, 0, 8].into()),
            "another device is not held up"
        );
    }

    #[test]
    fn connections_per_address_are_bounded() {
        let open = Open::default();
        let ip: IpAddr = [10, 0, 0, 7].into();
        assert!((0..PER_ADDRESS).all(|_| open.enter(ip)));
        assert!(!open.enter(ip));
        open.leave(ip);
        assert!(open.enter(ip));
    }
}
