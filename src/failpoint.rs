//! Crash points, for the tests: every write, flush, rename and truncate on the way to disk
//! passes through here with a name, and a test can make the n-th one fail, as an error (a
//! full disk) or as the process dying there (nothing after it reaches the disk; a write dies
//! with half its bytes written). The model is `SQLite`'s crash tests. Outside the
//! `test-support` feature every point is the plain operation.

use std::io::{self, Write};

#[cfg(feature = "test-support")]
pub use armed::{Mode, arm, disarm, steps};

/// A point before an operation that is not a write: fails when the plan says so.
#[inline]
pub fn hit(point: &'static str) -> io::Result<()> {
    #[cfg(feature = "test-support")]
    return armed::hit(point, None).map(|_| ());
    #[cfg(not(feature = "test-support"))]
    {
        let _ = point;
        Ok(())
    }
}

/// `out.write_all(bytes)`, as a crash point: dying here writes the first half of `bytes`.
#[inline]
pub fn write_all(point: &'static str, out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    #[cfg(not(feature = "test-support"))]
    let _ = point;
    #[cfg(feature = "test-support")]
    if let Some((half, died)) = armed::hit(point, Some(bytes.len()))? {
        let _ = out.write_all(&bytes[..half]);
        return Err(if died {
            armed::died(point)
        } else {
            armed::full(point)
        });
    }
    out.write_all(bytes)
}

#[cfg(feature = "test-support")]
mod armed {
    use std::cell::RefCell;
    use std::io;

    /// How the chosen point fails.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Mode {
        /// The operation returns an error (a full disk, a folder made read-only); the
        /// program goes on and later operations succeed.
        Error,
        /// The process dies just before the operation: it and everything after never happen.
        Death,
        /// The process dies during the operation: a write leaves half its bytes.
        Torn,
        /// A write stops half-way with an error (the disk filled up during it); the program
        /// goes on. Other operations fail as in `Error`.
        Short,
    }

    #[derive(Default)]
    struct Plan {
        steps: usize,
        fail_at: Option<(usize, Mode)>,
        dead: bool,
        names: Vec<&'static str>,
    }

    thread_local! {
        static PLAN: RefCell<Plan> = RefCell::new(Plan::default());
    }

    /// Counts points from now on, failing the `at`-th (0-based) one as `mode`, if given.
    pub fn arm(at: Option<(usize, Mode)>) {
        PLAN.with(|p| {
            *p.borrow_mut() = Plan {
                fail_at: at,
                ..Plan::default()
            };
        });
    }

    /// Stops failing; returns the names of the points passed since `arm`, in order.
    pub fn disarm() -> Vec<&'static str> {
        PLAN.with(|p| std::mem::take(&mut *p.borrow_mut()).names)
    }

    /// Points passed since `arm`.
    pub fn steps() -> usize {
        PLAN.with(|p| p.borrow().steps)
    }

    pub(super) fn died(point: &str) -> io::Error {
        io::Error::other(format!(
            "the process died at {point} (a test's crash point)"
        ))
    }

    pub(super) fn full(point: &str) -> io::Error {
        io::Error::new(
            io::ErrorKind::StorageFull,
            format!("no space left on device (a test's crash point: {point})"),
        )
    }

    /// `Ok(Some((n, died)))`: write the first `n` bytes, then fail, the process dead or not.
    pub(super) fn hit(
        point: &'static str,
        len: Option<usize>,
    ) -> io::Result<Option<(usize, bool)>> {
        PLAN.with(|p| {
            let mut p = p.borrow_mut();
            if p.dead {
                return Err(died(point));
            }
            let n = p.steps;
            p.steps += 1;
            p.names.push(point);
            match p.fail_at {
                Some((at, mode)) if at == n => match (mode, len) {
                    (Mode::Error | Mode::Short, None) | (Mode::Error, _) => Err(full(point)),
                    (Mode::Short, Some(len)) => Ok(Some((len / 2, false))),
                    (Mode::Torn, Some(len)) => {
                        p.dead = true;
                        Ok(Some((len / 2, true)))
                    }
                    (Mode::Death | Mode::Torn, _) => {
                        p.dead = true;
                        Err(died(point))
                    }
                },
                _ => Ok(None),
            }
        })
    }
}
