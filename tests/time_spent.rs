//! The time spent in each area, to the second: every tick's seconds while someone has pressed
//! a key in the last five minutes, none after that, and none across a gap in the ticks (the
//! laptop asleep); written into the session a minute at a time.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::agenda::Agenda;
use awayday::tui::action::Action;
use awayday::tui::app::App;
use common::{app_with, benchmark, feed, key, select};
use ratatui::crossterm::event::KeyCode;

fn tick(app: &mut App, seconds: u64) {
    feed(
        app,
        &[Action::Tick {
            minute: 600,
            seconds,
        }],
    );
}

fn spent(app: &App) -> u32 {
    let agenda = app.session().agenda.as_ref().unwrap();
    agenda.spent.get("2.1").copied().unwrap_or(0)
}

#[test]
fn time_counts_while_someone_is_at_the_keys_and_stops_five_minutes_after_the_last_key() {
    let mut app = app_with(benchmark(), &["Red"]);
    app.session_mut().agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
    select(&mut app, "2.1.a.1");
    tick(&mut app, 0);
    feed(&mut app, &[key(KeyCode::Down), key(KeyCode::Up)]); // keys at second 0
    for s in (10..=50).step_by(10) {
        tick(&mut app, s);
    }
    assert_eq!(spent(&app), 0, "under a minute: not yet written");
    tick(&mut app, 60);
    assert_eq!(spent(&app), 60);
    // Ticks every ten seconds, no key: counted up to five minutes after the last key.
    for s in (70..=900).step_by(10) {
        tick(&mut app, s);
    }
    assert_eq!(spent(&app), 300);
    // The laptop asleep for an hour, then a key: the gap is not counted, what follows is.
    tick(&mut app, 4500);
    feed(&mut app, &[key(KeyCode::Down), key(KeyCode::Up)]);
    for s in (4510..=4560).step_by(10) {
        tick(&mut app, s);
    }
    assert_eq!(spent(&app), 360);
}
