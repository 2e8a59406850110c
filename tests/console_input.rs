//! Keys as consoles send them reach the text fields: AltGr characters (which the Windows
//! console sends as Ctrl+Alt with the character) are typed, and a paste sent as keys keeps
//! its line breaks.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::Action;
use awayday::tui::input::{actions_for, paste_in_burst};
use awayday::tui::overlays::*;
use common::{app_with, feed, key, mini, select};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// What the Windows console sends for AltGr and a key: Ctrl+Alt and the character made.
fn altgr(c: char) -> Event {
    Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    ))
}

fn send(app: &mut awayday::tui::app::App, events: &[Event]) {
    for e in events {
        feed(app, &actions_for(e));
    }
}

const ALTGR_TEXT: &str = "€@{}\\|[]~é";

#[test]
fn altgr_characters_reach_the_notes() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "2.1");
    feed(&mut app, &[Action::EditNotes]);
    let events: Vec<Event> = ALTGR_TEXT.chars().map(altgr).collect();
    send(&mut app, &events);
    feed(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.session().notes("2.1"), ALTGR_TEXT);
}

#[test]
fn altgr_characters_reach_the_search() {
    let mut app = app_with(mini(), &["Red"]);
    feed(&mut app, &[Action::Search]);
    let events: Vec<Event> = "@€".chars().map(altgr).collect();
    send(&mut app, &events);
    let Some(s) = app.view::<SearchOverlay>() else {
        panic!("search is open");
    };
    assert_eq!(s.query(), "@€");
}

#[test]
fn a_paste_sent_as_keys_keeps_its_line_breaks_in_the_notes() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "2.1");
    feed(&mut app, &[Action::EditNotes]);
    let burst: Vec<Event> = "one\ntwo\nthree"
        .chars()
        .map(|c| {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect();
    let text = paste_in_burst(&burst).unwrap();
    feed(&mut app, &[Action::Paste(text), key(KeyCode::Esc)]);
    assert_eq!(app.session().notes("2.1"), "one\ntwo\nthree");
}
