//! The day's plan and its pacing: a start, an end and breaks; the working time shared among
//! the areas (elements, and themes without elements) in proportion to their statements, or
//! as the facilitator sets it; the time actually spent in each; and whether the day is on
//! track, from the statements the room has agreed against what the plan expected by now.
//! Times are minutes since midnight, local; nothing here reads a clock. The plan itself, as
//! the session keeps it, is in `plan.rs`, below the session's model; what here reads the
//! framework and the session's scores stands above it.

use crate::framework::{Framework, NodeIx};

use super::model::Session;
use super::summary;

pub use super::plan::{Agenda, PlanError, PlanField, format_time, parse_span, parse_time};

/// One area's place in the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub area: NodeIx,
    pub id: String,
    pub statements: usize,
    /// Working minutes given to it.
    pub minutes: u16,
    /// When it starts and ends on the clock (breaks skipped).
    pub from: u16,
    pub to: u16,
    /// False for an area left out of today's plan (it has no minutes).
    pub today: bool,
}

/// Where the clock is against the plan: the figures mean something different before the day,
/// in a break and after it, and the header says so rather than freeze.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The plan has not started: it starts at this time.
    Before { starts: u16 },
    /// Within the working day.
    During,
    /// In a break, which ends at this time.
    Break { until: u16 },
    /// The plan's end has passed: it ended at `ended`, `over` minutes ago, with `left`
    /// statements not yet agreed.
    After { ended: u16, over: u16, left: usize },
}

/// What the pace reads from the framework and the session (see [`Agenda::progress`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub slots: Vec<Slot>,
    /// Today's statements with an agreed score.
    pub agreed: usize,
}

/// Where the day stands at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pacing {
    /// The area the selection is in, if it has a slot.
    pub area: Option<String>,
    /// Minutes left of that area's own slot: its minutes less the time the room has spent in
    /// it (negative: over it), whatever the clock says about other slots.
    pub slot_left: Option<i32>,
    /// Minutes ahead of the plan (negative: behind), from statements agreed.
    pub ahead: i32,
    /// Before, during, in a break or after the plan.
    pub phase: Phase,
}

impl Agenda {
    /// Each area's slot, in outline order: set minutes where given, the rest of the working
    /// time shared in proportion to statements among the areas chosen for today; an area
    /// left out keeps its row (the plan shows it as not today) with no minutes.
    pub fn slots(&self, fw: &Framework) -> Vec<Slot> {
        let areas = summary::scoring_areas(fw);
        let counts: Vec<usize> = areas
            .iter()
            .map(|&a| fw.statements_under(a).count())
            .collect();
        let today = |a: NodeIx| !self.not_today.contains(&fw.node(a).id);
        let fixed: u16 = areas
            .iter()
            .filter(|&&a| today(a))
            .filter_map(|&a| self.minutes.get(&fw.node(a).id))
            .sum();
        let free = self.working_minutes().saturating_sub(fixed);
        let shared: usize = areas
            .iter()
            .zip(&counts)
            .filter(|(a, _)| today(**a) && !self.minutes.contains_key(&fw.node(**a).id))
            .map(|(_, c)| *c)
            .sum();
        let mut slots = Vec::new();
        let mut work = 0u16;
        let mut given = 0usize; // statements shared so far, to round without drifting
        for (&a, &count) in areas.iter().zip(&counts) {
            let id = fw.node(a).id.clone();
            let minutes = if !today(a) {
                0
            } else if let Some(&m) = self.minutes.get(&id) {
                m
            } else {
                let before = share(free, given, shared);
                given += count;
                share(free, given, shared) - before
            };
            let from = self.clock_at(work);
            work += minutes;
            slots.push(Slot {
                area: a,
                id,
                statements: count,
                minutes,
                from,
                to: self.clock_at(work),
                today: today(a),
            });
        }
        slots
    }

    /// Where the day stands at `now`, with the selection in `area` (if it is in one).
    pub fn pacing(
        &self,
        fw: &Framework,
        session: &Session,
        now: u16,
        area: Option<NodeIx>,
    ) -> Pacing {
        self.pacing_at(&self.progress(fw, session), now, area)
    }

    /// What the pace reads from the framework and the session's records: the work of
    /// [`Agenda::pacing`], which the screen keeps while neither they nor the plan change.
    pub fn progress(&self, fw: &Framework, session: &Session) -> Progress {
        let slots = self.slots(fw);
        // The plan's progress is linear within each slot: how many statements it expected
        // agreed after w working minutes, and when it expected the number agreed now. Only
        // today's areas count: an area left out expects no time and its agreed statements
        // put the day neither ahead nor behind.
        let mut todays: Vec<std::ops::Range<NodeIx>> = slots
            .iter()
            .filter(|s| s.today)
            .map(|s| s.area..fw.node(s.area).end)
            .collect();
        // In outline order, to find a node's area by halving (areas never nest).
        todays.sort_unstable_by_key(|r| r.start);
        let is_today = |ix: NodeIx| {
            let after = todays.partition_point(|r| r.start <= ix);
            after > 0 && todays[after - 1].contains(&ix)
        };
        // Counted from the session's records, not by looking up each of today's statements:
        // at 25,088 statements one lookup per statement took most of a frame.
        let agreed = session
            .nodes
            .iter()
            .filter(|(_, rec)| rec.agreed.is_some())
            .filter_map(|(id, _)| fw.find(id))
            .filter(|&ix| fw.node(ix).is_statement() && is_today(ix))
            .count();
        Progress { slots, agreed }
    }

    /// [`Agenda::pacing`] from its [`Agenda::progress`].
    pub fn pacing_at(&self, progress: &Progress, now: u16, area: Option<NodeIx>) -> Pacing {
        let Progress { slots, agreed } = progress;
        let agreed = *agreed;
        // An area left out of today has no slot to be in.
        let slot = area.and_then(|a| slots.iter().find(|s| s.area == a && s.today));
        // The area's own minutes: what it was given less what it has had, so a 16-minute
        // slot never says "40 min left" because the clock is in another area's slot.
        let slot_left = slot.map(|s| {
            let spent = self.spent.get(&s.id).copied().unwrap_or(0) / 60;
            i32::from(s.minutes) - i32::try_from(spent).unwrap_or(i32::MAX)
        });
        let statements: usize = slots.iter().filter(|s| s.today).map(|s| s.statements).sum();
        let phase = if now < self.start {
            Phase::Before { starts: self.start }
        } else if now >= self.end {
            Phase::After {
                ended: self.end,
                over: now - self.end,
                left: statements.saturating_sub(agreed),
            }
        } else if let Some(&(_, until)) = self.breaks.iter().find(|&&(a, z)| a <= now && now < z) {
            Phase::Break { until }
        } else {
            Phase::During
        };
        let mut expected_work = 0f64;
        let mut left = f64::from(u32::try_from(agreed).unwrap_or(u32::MAX));
        for s in slots.iter().filter(|s| s.today) {
            if left <= 0.0 {
                break;
            }
            let n = f64::from(u32::try_from(s.statements).unwrap_or(u32::MAX));
            if left >= n {
                expected_work += f64::from(s.minutes);
                left -= n;
            } else {
                expected_work += f64::from(s.minutes) * left / n.max(1.0);
                left = 0.0;
            }
        }
        #[allow(clippy::cast_possible_truncation)] // minutes of one day
        let ahead = expected_work.round() as i32 - i32::from(self.work_at(now));
        Pacing {
            area: slot.map(|s| s.id.clone()),
            slot_left,
            ahead,
            phase,
        }
    }
}

/// `free` minutes × `part` / `whole`, rounded down (0 when there is nothing to share).
fn share(free: u16, part: usize, whole: usize) -> u16 {
    if whole == 0 {
        return 0;
    }
    u16::try_from(usize::from(free) * part / whole).unwrap_or(free)
}

/// The area (element, or theme without elements) a node is in, if any.
pub fn area_of(fw: &Framework, ix: NodeIx) -> Option<NodeIx> {
    let areas = summary::scoring_areas(fw);
    fw.path(ix).into_iter().rev().find(|a| areas.contains(a))
}

/// The pacing in words, by the real clock: "plan starts 09:30" before it; during it the area,
/// its own "6 min left" (or "4 min over its slot") and "12 min behind", "on track" or "5 min
/// ahead"; in a break "break until 13:15" first; after it "plan ended 12:30 · 20 min over".
pub fn describe(p: &Pacing) -> String {
    match p.phase {
        Phase::Before { starts } => return format!("plan starts {}", format_time(starts)),
        Phase::After { ended, left: 0, .. } => {
            return format!("plan ended {} · every statement agreed", format_time(ended));
        }
        Phase::After { ended, over, .. } => {
            return format!("plan ended {} · {over} min over", format_time(ended));
        }
        Phase::During | Phase::Break { .. } => {}
    }
    let mut parts = Vec::new();
    if let Phase::Break { until } = p.phase {
        parts.push(format!("break until {}", format_time(until)));
    }
    if let Some(area) = &p.area {
        parts.push(area.clone());
    }
    match p.slot_left {
        Some(m) if m >= 0 => parts.push(format!("{m} min left")),
        Some(m) => parts.push(format!("{} min over its slot", -m)),
        None => {}
    }
    parts.push(match p.ahead {
        0 => "on track".to_owned(),
        m if m > 0 => format!("{m} min ahead"),
        m => format!("{} min behind", -m),
    });
    parts.join(" · ")
}

#[cfg(test)]
mod tests;
