//! The day plan's slots and pace, against the built-in benchmark.
use super::*;
use crate::session::model::Column;

fn fw() -> Framework {
    crate::framework::resolve(None).unwrap()
}

#[test]
fn times_and_spans_parse_and_refuse_nonsense() {
    assert_eq!(parse_span("09:30-16:00"), Ok((570, 960)));
    assert!(parse_span("16:00-09:30").is_err());
    assert!(parse_time("25:00").is_err());
    assert!(Agenda::new("09:00-17:00", &["08:00-09:30".into()]).is_err());
    assert!(Agenda::new("09:00-17:00", &["12:00-13:00, 12:30-12:45".into()]).is_err());
    assert_eq!(format_time(570), "09:30");
}

#[test]
fn the_working_day_skips_breaks() {
    let a = Agenda::new("09:30-16:00", &["12:30-13:15".into()]).unwrap();
    assert_eq!(a.working_minutes(), 390 - 45);
    assert_eq!(a.clock_at(180), 12 * 60 + 30);
    assert_eq!(a.clock_at(181), 13 * 60 + 16);
    assert_eq!(
        a.work_at(13 * 60),
        180,
        "in the break, the clock of work stands"
    );
    assert_eq!(a.work_at(16 * 60), a.working_minutes());
}

#[test]
fn slots_share_the_day_in_proportion_and_honour_edits() {
    let fw = fw();
    let mut a = Agenda::new("09:00-16:00", &["12:00-13:00".into()]).unwrap();
    let slots = a.slots(&fw);
    let total: u16 = slots.iter().map(|s| s.minutes).sum();
    assert_eq!(total, a.working_minutes(), "every minute given out");
    // Proportional: an area with twice the statements gets about twice the time.
    let per_statement: Vec<f64> = slots
        .iter()
        .map(|s| f64::from(s.minutes) / f64::from(u32::try_from(s.statements).unwrap()))
        .collect();
    let (lo, hi) = per_statement
        .iter()
        .fold((f64::MAX, 0f64), |(l, h), &x| (l.min(x), h.max(x)));
    assert!(hi - lo < 0.2, "{per_statement:?}");
    assert_eq!(slots[0].from, 9 * 60);
    assert_eq!(slots.last().unwrap().to, 16 * 60);
    // An area set by hand keeps its minutes; the others share the rest.
    a.minutes.insert(slots[0].id.clone(), 60);
    let edited = a.slots(&fw);
    assert_eq!(edited[0].minutes, 60);
    assert_eq!(
        edited.iter().map(|s| s.minutes).sum::<u16>(),
        a.working_minutes()
    );
}

#[test]
fn the_day_is_shared_among_the_areas_chosen_for_today_only() {
    let fw = fw();
    let mut a = Agenda::new("09:00-16:00", &["12:00-13:00".into()]).unwrap();
    let all = a.slots(&fw);
    let out = all[1].id.clone();
    a.not_today.insert(out.clone());
    let slots = a.slots(&fw);
    assert_eq!(slots.len(), all.len(), "the area left out keeps its row");
    assert_eq!(slots[1].minutes, 0, "left out: no minutes");
    assert!(!slots[1].today);
    assert_eq!(slots[1].from, slots[1].to, "no time on the clock");
    assert_eq!(
        slots.iter().map(|s| s.minutes).sum::<u16>(),
        a.working_minutes(),
        "the others share the whole day"
    );
    assert!(all[1].minutes > 0, "it had minutes while in the day");
    // Minutes set by hand for an area left out give it no time either.
    a.minutes.insert(out, 60);
    assert_eq!(a.slots(&fw)[1].minutes, 0);
    assert_eq!(
        a.slots(&fw).iter().map(|s| s.minutes).sum::<u16>(),
        a.working_minutes()
    );
    // The pacing header has no slot for it.
    let s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    assert_eq!(a.pacing(&fw, &s, 10 * 60, Some(slots[1].area)).area, None);
}

#[test]
fn pacing_counts_agreed_statements_against_the_plan() {
    let fw = fw();
    let a = Agenda::new("09:00-17:00", &[]).unwrap();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let first = a.slots(&fw)[0].clone();
    // Nothing agreed at the start: on track.
    assert_eq!(a.pacing(&fw, &s, 9 * 60, Some(first.area)).ahead, 0);
    // An hour in, nothing agreed: an hour behind.
    let p = a.pacing(&fw, &s, 10 * 60, Some(first.area));
    assert_eq!(p.ahead, -60);
    assert_eq!(
        p.slot_left,
        Some(i32::from(first.minutes)),
        "no time spent in the area yet: all its minutes are left"
    );
    // Agree the first area's statements: on track for the first slot's end.
    for ix in fw.statements_under(first.area) {
        s.set_score(
            &fw.node(ix).id,
            Column::Agreed,
            Some(super::super::Score::Level(3)),
        );
    }
    let p = a.pacing(&fw, &s, first.to, Some(first.area));
    assert_eq!(p.ahead, 0, "{}", describe(&p));
    assert!(describe(&p).contains("on track"));
}

#[test]
fn the_area_has_its_own_minutes_left() {
    let fw = fw();
    let mut a = Agenda::new("09:00-17:00", &[]).unwrap();
    let s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let second = a.slots(&fw)[1].clone();
    a.spent.insert(second.id.clone(), 10 * 60);
    // Late in the day, the clock is far past this slot: its own minutes still count.
    let p = a.pacing(&fw, &s, 16 * 60, Some(second.area));
    assert_eq!(p.slot_left, Some(i32::from(second.minutes) - 10));
    a.spent
        .insert(second.id.clone(), u32::from(second.minutes + 4) * 60);
    let p = a.pacing(&fw, &s, 16 * 60, Some(second.area));
    assert!(
        describe(&p).contains("4 min over its slot"),
        "{}",
        describe(&p)
    );
}

#[test]
fn the_header_follows_the_real_clock_before_during_and_after() {
    let fw = fw();
    let a = Agenda::new("09:30-12:30", &["11:00-11:15".into()]).unwrap();
    let s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let first = a.slots(&fw)[0].area;
    let at = |m: u16| describe(&a.pacing(&fw, &s, m, Some(first)));
    assert_eq!(at(9 * 60), "plan starts 09:30");
    assert!(
        at(9 * 60 + 42).ends_with("12 min behind"),
        "{}",
        at(9 * 60 + 42)
    );
    assert!(
        at(11 * 60 + 5).starts_with("break until 11:15"),
        "{}",
        at(11 * 60 + 5)
    );
    assert_eq!(at(12 * 60 + 50), "plan ended 12:30 · 20 min over");
    assert_eq!(
        at(12 * 60 + 55),
        "plan ended 12:30 · 25 min over",
        "the figures move with the clock, never freeze"
    );
}
