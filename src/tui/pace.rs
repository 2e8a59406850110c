//! The day plan's pace as the screen shows it. The header, the plan and the presenter's strip
//! draw it on every frame, and what it reads from the framework and the session (each area's
//! slot, today's agreed statements: a pass over every record) took 2–3 ms a frame at 25,088
//! statements. That is kept here until the session's records or the plan's slots change, so
//! a frame costs only the clock's arithmetic. An `App`'s framework never changes.

use std::cell::RefCell;

use crate::framework::{Framework, NodeIx};
use crate::session::agenda::{Agenda, Pacing, Progress};
use crate::session::{Column, Session, Stamp};

/// What the pace last read, and from which records and plan.
#[derive(Debug, Default)]
pub struct Pace {
    progress: RefCell<Option<(Stamp, Agenda, Progress)>>,
    overall: RefCell<Option<(Stamp, (usize, usize))>>,
}

impl Pace {
    /// [`Agenda::pacing`], reading the session again only when it or the plan changed.
    pub fn pacing(
        &self,
        agenda: &Agenda,
        fw: &Framework,
        session: &Session,
        now: u16,
        area: Option<NodeIx>,
    ) -> Pacing {
        let records = session.nodes.stamp();
        let mut kept = self.progress.borrow_mut();
        if !kept
            .as_ref()
            .is_some_and(|(stamp, plan, _)| *stamp == records && plan.same_slots(agenda))
        {
            *kept = None;
        }
        let (_, _, progress) =
            kept.get_or_insert_with(|| (records, agenda.clone(), agenda.progress(fw, session)));
        agenda.pacing_at(progress, now, area)
    }

    /// How many of the framework's statements have an agreed score, and how many there are.
    pub fn agreed_overall(&self, fw: &Framework, session: &Session) -> (usize, usize) {
        let records = session.nodes.stamp();
        let mut kept = self.overall.borrow_mut();
        match *kept {
            Some((stamp, counts)) if stamp == records => counts,
            _ => {
                let counts = count_agreed(fw, session);
                *kept = Some((records, counts));
                counts
            }
        }
    }
}

/// How many statements the room has agreed, of all of them.
fn count_agreed(fw: &Framework, session: &Session) -> (usize, usize) {
    let mut agreed = 0;
    let mut total = 0;
    for s in fw.statements() {
        total += 1;
        if session.score(&fw.node(s).id, Column::Agreed).is_some() {
            agreed += 1;
        }
    }
    (agreed, total)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure
    use super::*;
    use crate::session::Score;
    use crate::session::agenda::area_of;

    /// The benchmark, a day of 09:00–17:00, and a moment during it in the first area.
    fn day() -> (Framework, Session, Option<NodeIx>) {
        let fw = crate::framework::resolve(None).unwrap();
        let mut s = Session::new(&fw, vec!["Red".into()], "2026-12-08".into());
        s.agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
        let first = fw.statements().next().unwrap();
        let area = area_of(&fw, first);
        (fw, s, area)
    }

    fn agree(fw: &Framework, s: &mut Session, n: usize) {
        for ix in fw.statements().take(n) {
            s.nodes.get_or_default(&fw.node(ix).id).agreed = Some(Score::Level(3));
        }
    }

    const NOON: u16 = 12 * 60;

    #[test]
    fn the_pace_kept_follows_every_agreed_score_and_every_change_to_the_plan() {
        let (fw, mut s, area) = day();
        let pace = Pace::default();
        let plan = s.agenda.clone().unwrap();
        let before = pace.pacing(&plan, &fw, &s, NOON, area);
        assert_eq!(before, plan.pacing(&fw, &s, NOON, area));
        agree(&fw, &mut s, 60);
        let after = pace.pacing(&plan, &fw, &s, NOON, area);
        assert_eq!(after, plan.pacing(&fw, &s, NOON, area));
        assert!(after.ahead > before.ahead, "{before:?} then {after:?}");
        // The first area left out of today: its agreed statements no longer count.
        let mut fewer = plan.clone();
        fewer.not_today.insert(fw.node(area.unwrap()).id.clone());
        let without = pace.pacing(&fewer, &fw, &s, NOON, area);
        assert_eq!(without, fewer.pacing(&fw, &s, NOON, area));
        assert_ne!(without, after);
    }

    #[test]
    fn the_pace_is_read_once_while_only_the_clock_and_time_spent_move() {
        let (fw, s, area) = day();
        let pace = Pace::default();
        let mut plan = s.agenda.clone().unwrap();
        pace.pacing(&plan, &fw, &s, NOON, area);
        let kept = |p: &Pace| p.progress.borrow().as_ref().unwrap().2.slots.as_ptr();
        let first = kept(&pace);
        // A minute later, with ten minutes spent in the area: the same reading, a new pace.
        plan.spent.insert(fw.node(area.unwrap()).id.clone(), 600);
        let later = pace.pacing(&plan, &fw, &s, NOON + 1, area);
        assert_eq!(later, plan.pacing(&fw, &s, NOON + 1, area));
        assert!(std::ptr::eq(first, kept(&pace)), "read again");
        // A copy of the session (a fold's) is the same records: still not read again.
        let copy = s.clone();
        pace.pacing(&plan, &fw, &copy, NOON, area);
        assert!(std::ptr::eq(first, kept(&pace)), "read again for a copy");
    }

    #[test]
    fn the_count_of_agreed_statements_follows_the_records() {
        let (fw, mut s, _) = day();
        let pace = Pace::default();
        let total = fw.statements().count();
        assert_eq!(pace.agreed_overall(&fw, &s), (0, total));
        agree(&fw, &mut s, 7);
        assert_eq!(pace.agreed_overall(&fw, &s), (7, total));
        s.nodes.clear();
        assert_eq!(pace.agreed_overall(&fw, &s), (0, total));
    }
}
