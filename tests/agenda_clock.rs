//! The day's plan by the real clock (given by the test): before the day it says when the plan
//! starts, during it the area's own minutes and the pace, after it how long ago it ended and by
//! how much the room is over; breaks are rows of the plan. Pinned by insta at 120×40.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::Action;
use awayday::tui::update::update;
use awayday::tui::{scenes, svg};

fn plan_at(minute: u16) -> String {
    let fw = common::benchmark();
    let mut app = scenes::scene(&fw, "agenda", 120, 40, false);
    update(&mut app, Action::Tick { minute, seconds: 0 });
    svg::to_text(&scenes::draw(&app))
}

#[test]
fn the_plan_before_during_and_after_the_day() {
    for (name, minute) in [
        ("before", 9 * 60),
        ("during", 10 * 60 + 40),
        ("after", 16 * 60 + 20),
    ] {
        insta::assert_snapshot!(format!("plan_{name}_120x40"), plan_at(minute));
    }
}

#[test]
fn the_header_and_the_plan_say_where_the_day_is() {
    let before = plan_at(9 * 60);
    assert!(before.contains("plan starts 09:30"), "{before}");
    let after = plan_at(16 * 60 + 20);
    assert!(after.contains("plan ended 16:00 · 20 min over"), "{after}");
    let during = plan_at(10 * 60 + 40);
    assert!(
        during.contains("min behind")
            || during.contains("on track")
            || during.contains("min ahead"),
        "{during}"
    );
    // At 80 columns the header keeps the clock and the pace, the organisation giving way.
    let fw = common::benchmark();
    let mut app = scenes::scene(&fw, "main", 80, 24, false);
    app.session_mut().agenda = awayday::session::agenda::Agenda::new("09:30-16:00", &[]).ok();
    update(
        &mut app,
        Action::Tick {
            minute: 10 * 60 + 40,
            seconds: 0,
        },
    );
    let header = svg::to_text(&scenes::draw(&app))
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(header.contains("10:40 · 2.3 ·"), "{header}");
    // The lunch break is a row of the plan, between the areas before and after it.
    let row = during
        .lines()
        .find(|l| l.contains("— break —"))
        .unwrap_or_else(|| panic!("no break row: {during}"));
    assert!(row.contains("12:30-13:15") && row.contains("45 m"), "{row}");
}
