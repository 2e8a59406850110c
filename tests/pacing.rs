//! The pacing line: how far ahead or behind the plan the room is, from the statements agreed,
//! when they fill part of an area's slot or run past it into the next; and the words the
//! header shows for it (minutes left in a slot or over it, ahead, behind, on track).
//! Written against cargo-mutants' misses in `session/agenda.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::framework::{Framework, NodeIx};
use awayday::session::agenda::{Agenda, Pacing, Slot, describe};
use awayday::session::{Column, Score, Session};

fn agree_first(fw: &Framework, s: &mut Session, area: NodeIx, count: usize) {
    for ix in fw.statements_under(area).take(count) {
        common::set_score(s, &fw.node(ix).id, Column::Agreed, Some(Score::Level(3)));
    }
}

/// Minutes of work the plan expected for `k` of a slot's statements: linear within the slot.
fn share_of(slot: &Slot, k: usize) -> f64 {
    f64::from(slot.minutes) * f64::from(u32::try_from(k).unwrap())
        / f64::from(u32::try_from(slot.statements).unwrap())
}

fn minutes(x: f64) -> i32 {
    #[allow(clippy::cast_possible_truncation)] // minutes of one day
    let m = x.round() as i32;
    m
}

#[test]
fn part_of_a_slot_agreed_puts_the_room_ahead_by_that_part_of_its_minutes() {
    let fw = common::benchmark();
    let day = Agenda::new("09:00-17:00", &[]).unwrap();
    let slots = day.slots(&fw);
    let first = &slots[0];
    assert!(
        first.statements >= 3,
        "the test needs a slot of several statements"
    );
    let k = first.statements / 3;
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    agree_first(&fw, &mut s, first.area, k);
    // At the start of the day, k statements agreed is k/n of the slot's minutes ahead.
    let at_start = day.pacing(&fw, &s, 9 * 60, Some(first.area));
    let expected = minutes(share_of(first, k));
    assert!(expected > 1, "{expected}");
    assert_eq!(at_start.ahead, expected);
    // Half an hour of work later, the same agreement is half an hour less ahead.
    let later = day.pacing(&fw, &s, 9 * 60 + 30, Some(first.area));
    assert_eq!(later.ahead, expected - 30);
}

#[test]
fn agreement_past_a_slot_counts_the_whole_slot_then_part_of_the_next() {
    let fw = common::benchmark();
    let day = Agenda::new("09:00-17:00", &[]).unwrap();
    let slots = day.slots(&fw);
    let (first, second) = (&slots[0], &slots[1]);
    assert!(second.statements >= 2);
    let k = second.statements / 2;
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    agree_first(&fw, &mut s, first.area, first.statements);
    agree_first(&fw, &mut s, second.area, k);
    let p = day.pacing(&fw, &s, 9 * 60, Some(second.area));
    assert_eq!(
        p.ahead,
        minutes(f64::from(first.minutes) + share_of(second, k)),
        "{}",
        describe(&p)
    );
}

fn pacing(area: Option<&str>, slot_left: Option<i32>, ahead: i32) -> Pacing {
    Pacing {
        area: area.map(str::to_owned),
        slot_left,
        ahead,
        phase: awayday::session::agenda::Phase::During,
    }
}

#[test]
fn the_pacing_line_says_minutes_left_or_over_and_ahead_behind_or_on_track() {
    assert_eq!(
        describe(&pacing(Some("1.2"), Some(6), 5)),
        "1.2 · 6 min left · 5 min ahead"
    );
    assert_eq!(
        describe(&pacing(Some("1.2"), Some(0), -12)),
        "1.2 · 0 min left · 12 min behind"
    );
    assert_eq!(
        describe(&pacing(Some("3"), Some(-4), 0)),
        "3 · 4 min over its slot · on track"
    );
    assert_eq!(describe(&pacing(None, None, 1)), "1 min ahead");
    assert_eq!(describe(&pacing(None, None, -1)), "1 min behind");
}
