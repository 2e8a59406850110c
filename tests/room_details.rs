//! The smaller things a facilitator running a room expects: findings seen on their node's pane
//! and in the summary; `d` saying when it goes round; a due date in the past asked about once;
//! the first `a` opening the list, so `a`, `a` adds an action without a stray letter.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{Findings, Score};
use awayday::tui::action::Action;
use awayday::tui::keymap::Context;
use awayday::tui::{scenes, svg};
use common::{app_with, benchmark, feed, key, select, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn screen(app: &awayday::tui::app::App) -> String {
    svg::to_text(&scenes::draw(app))
}

#[test]
fn findings_are_seen_on_their_nodes_pane_and_in_the_summary() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    app.session_mut().nodes.get_or_default("2.1").findings = Findings {
        strengths: "A clear vision, owned by members".into(),
        improvements: String::new(),
        judgement: Some(2),
        recommendations: vec!["Publish the plan".into()],
    };
    select(&mut app, "2.1");
    let pane = screen(&app);
    assert!(pane.contains("Strengths: A clear vision"), "{pane}");
    assert!(pane.contains("Judgement: 2 Reasonable"), "{pane}");
    assert!(pane.contains("1. Publish the plan"), "{pane}");
    feed(&mut app, &[press('s')]);
    let summary = screen(&app);
    assert!(summary.contains("Findings: 2.1 judged 2"), "{summary}");
}

#[test]
fn d_says_when_it_goes_round_to_the_first_disagreement() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    for id in ["1.2", "2.1.a.1"] {
        app.session_mut().nodes.get_or_default(id).scores = [
            ("Red".to_owned(), Score::Level(1)),
            ("Blue".to_owned(), Score::Level(4)),
        ]
        .into();
    }
    select(&mut app, "1.1");
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.2");
    assert_eq!(app.message(), None, "not round yet");
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "2.1.a.1");
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.2");
    assert!(
        app.message().unwrap_or("").contains("first disagreement"),
        "{:?}",
        app.message()
    );
    feed(&mut app, &[press('D')]);
    assert!(
        app.message().unwrap_or("").contains("last disagreement"),
        "{:?}",
        app.message()
    );
}

#[test]
fn the_first_a_opens_the_list_and_a_past_due_date_is_asked_about_once() {
    let mut app = app_with(benchmark(), &["Red"]);
    select(&mut app, "1.1");
    feed(&mut app, &[press('a')]);
    assert_eq!(app.context(), Context::Actions, "the list, even empty");
    assert!(screen(&app).contains("No actions yet: a adds one."));
    feed(&mut app, &[press('a')]);
    assert_ne!(app.context(), Context::Actions, "the form");
    type_text(&mut app, "Review call-in");
    feed(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    type_text(&mut app, "01/02/2001");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert!(app.session().actions("1.1").is_empty(), "asked first");
    let asked = screen(&app);
    assert!(asked.contains("is in the past"), "{asked}");
    feed(&mut app, &[key(KeyCode::Enter)]);
    let saved = app.session().actions("1.1");
    assert_eq!(saved.len(), 1, "the second Enter keeps it");
    assert_eq!(saved[0].text, "Review call-in", "no stray letter");
    assert_eq!(saved[0].due, "2001-02-01");
}
