//! The presenter view and the day's plan, driven through actions with the clock given by the
//! test (never by sleeping): running a round from the presenter view, the plan's edits, and
//! the time spent in each area across idle gaps.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::agenda::Agenda;
use awayday::session::{Column, Score};
use awayday::tui::action::Action;
use awayday::tui::overlays::*;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, select};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn tick(app: &mut awayday::tui::app::App, seconds: u64) {
    let minute = u16::try_from(9 * 60 + seconds / 60).unwrap();
    update(app, Action::Tick { minute, seconds });
}

#[test]
fn a_round_is_run_from_the_presenter_view() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "2.3");
    feed(&mut app, &[press('p')]);
    assert!(app.view::<PresenterOverlay>().is_some());
    assert_eq!(
        app.selected_id(),
        "2.3.a.1",
        "a heading presents its first statement"
    );
    feed(&mut app, &[press('f'), press('3'), press('1'), press('2')]);
    assert_eq!(
        app.session().score("2.3.a.1", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert_eq!(
        app.session().score("2.3.a.1", Column::Group(1)),
        Some(Score::Level(1))
    );
    assert_eq!(
        app.session().score("2.3.a.1", Column::Agreed),
        Some(Score::Level(2))
    );
    assert_eq!(app.selected_id(), "2.3.a.2", "fast entry moved on");
    feed(&mut app, &[press('k')]);
    assert_eq!(app.selected_id(), "2.3.a.1");
    feed(&mut app, &[press('d')]);
    assert_eq!(
        app.selected_id(),
        "2.3.a.1",
        "the only disagreement is here"
    );
    feed(&mut app, &[press('n'), press('p')]);
    assert!(!app.has_view());
    assert_eq!(app.selected_id(), "2.3.a.1", "back on the same statement");
}

#[test]
fn the_plan_is_set_and_edited_in_the_app() {
    let mut app = app_with(benchmark(), &["Red"]);
    feed(&mut app, &[press('t')]);
    // No plan yet: the day's field is open.
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    let agenda = app.session().agenda.clone().unwrap();
    assert_eq!((agenda.start, agenda.end), (570, 960));
    feed(&mut app, &[press('b')]);
    common::type_text(&mut app, "");
    update(&mut app, Action::Paste("12:30-13:15".into()));
    feed(
        &mut app,
        &[Action::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        ))],
    );
    let agenda = app.session().agenda.clone().unwrap();
    assert_eq!(agenda.breaks, [(750, 795)]);
    // Five more minutes for the first area, taken from the others.
    let first = agenda.slots(app.framework())[0].clone();
    feed(&mut app, &[press('+')]);
    let edited = app.session().agenda.clone().unwrap();
    assert_eq!(edited.slots(app.framework())[0].minutes, first.minutes + 5);
    assert_eq!(
        edited
            .slots(app.framework())
            .iter()
            .map(|s| s.minutes)
            .sum::<u16>(),
        edited.working_minutes()
    );
    feed(&mut app, &[press('r')]);
    assert!(app.session().agenda.clone().unwrap().minutes.is_empty());
    // Undo takes the edits back one by one.
    feed(&mut app, &[Action::Close, press('u')]);
    assert_eq!(app.session().agenda.clone().unwrap().minutes.len(), 1);
}

#[test]
fn an_area_is_left_out_of_today_with_x_and_undo_puts_it_back() {
    let mut app = app_with(benchmark(), &["Red"]);
    app.session_mut().agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
    let before = app.session().agenda.clone().unwrap().slots(app.framework());
    // The plan opens on the first area; `x` leaves it out of today.
    select(&mut app, &before[0].id);
    feed(&mut app, &[press('t'), press('x')]);
    let agenda = app.session().agenda.clone().unwrap();
    assert!(agenda.not_today.contains(&before[0].id));
    let after = agenda.slots(app.framework());
    assert_eq!(after[0].minutes, 0, "no minutes for an area not today");
    assert_eq!(
        after.iter().map(|s| s.minutes).sum::<u16>(),
        agenda.working_minutes(),
        "the other areas share the day"
    );
    assert!(before[0].minutes > 0, "it had minutes before");
    // Undo puts it back in the day.
    feed(&mut app, &[Action::Close, press('u')]);
    let agenda = app.session().agenda.clone().unwrap();
    assert!(agenda.not_today.is_empty());
    assert_eq!(agenda.slots(app.framework()), before);
}

#[test]
fn time_spent_is_counted_to_the_area_and_idle_gaps_are_left_out() {
    let mut app = app_with(benchmark(), &["Red"]);
    app.session_mut().agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
    select(&mut app, "2.1.a.1");
    tick(&mut app, 0);
    feed(&mut app, &[press('j')]); // a key: someone is here
    for s in (10..=120).step_by(10) {
        tick(&mut app, s);
    }
    let spent = |app: &awayday::tui::app::App, id: &str| {
        app.session()
            .agenda
            .as_ref()
            .unwrap()
            .spent
            .get(id)
            .copied()
            .unwrap_or(0)
    };
    assert!(spent(&app, "2.1") >= 60, "{}", spent(&app, "2.1"));
    let before = spent(&app, "2.1");
    // Ten minutes with no key: not counted.
    for s in (130..=720).step_by(10) {
        tick(&mut app, s);
    }
    let idle = spent(&app, "2.1");
    assert!(
        idle - before <= 300,
        "at most the five minutes before it counts as idle"
    );
    // A gap in the ticks themselves (the laptop asleep) is not counted either.
    feed(&mut app, &[press('k')]);
    tick(&mut app, 4000);
    tick(&mut app, 4010);
    assert!(spent(&app, "2.1") - idle < 120);
    // Written as an edit of the session, so it is journalled and saved.
    assert!(
        app.history_mut()
            .take_applied()
            .iter()
            .any(|(e, _)| matches!(e, awayday::session::Edit::Agenda { .. }))
    );
}

#[test]
fn reports_show_planned_against_spent() {
    let fw = benchmark();
    let mut s = awayday::session::Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let mut agenda = Agenda::new("09:00-12:00", &[]).unwrap();
    agenda.spent.insert("2.1".into(), 25 * 60);
    s.agenda = Some(agenda);
    let md = awayday::report::to_markdown(&awayday::report::model::build(&fw, &s));
    assert!(md.contains("## Time: planned and spent"), "{md}");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| 2.1 ") && l.ends_with("| 25 |")),
        "{md}"
    );
}
