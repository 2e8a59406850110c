//! The findings form takes the scale's words as well as its numbers, and says where the
//! findings will be kept (a statement's go on its heading).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use common::{app_with, benchmark, key, select, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal.draw(|f| awayday::tui::ui::render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the findings form on `id`, types `judgement` in its judgement field, and keeps it.
fn judge(id: &str, judgement: &str) -> App {
    let mut app = app_with(benchmark(), &["Cabinet"]);
    select(&mut app, id);
    update(&mut app, press('F'));
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, judgement);
    update(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn the_judgement_is_typed_as_the_scales_word_or_number() {
    for (typed, level) in [
        ("Good", 3),
        ("good", 3),
        ("3", 3),
        ("2 Reasonable", 2),
        ("Strong", 4),
    ] {
        let app = judge("2.1", typed);
        assert_eq!(
            app.session.findings(Some("2.1")).judgement,
            Some(level),
            "{typed:?}"
        );
    }
    // A word the scale does not have is refused, and the form says which it has.
    let app = judge("2.1", "Excellent");
    assert_eq!(app.session.findings(Some("2.1")).judgement, None);
    let shown = screen(&app);
    assert!(
        shown.contains("\"Excellent\" is not a level of the scale"),
        "{shown}"
    );
    let app = judge("2.1", "3 Reasonable");
    assert_eq!(
        app.session.findings(Some("2.1")).judgement,
        None,
        "number and word disagree"
    );
}

#[test]
fn f_on_a_statement_says_its_findings_go_on_its_heading() {
    let mut app = app_with(benchmark(), &["Cabinet"]);
    select(&mut app, "2.1.a.1");
    update(&mut app, press('F'));
    let heading = {
        let fw = &app.framework;
        fw.node(fw.node(fw.find("2.1.a.1").unwrap()).parent.unwrap())
            .id
            .clone()
    };
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("Findings on the heading {heading} ")),
        "{shown}"
    );
    assert!(
        shown.contains("kept there for statement 2.1.a.1"),
        "{shown}"
    );
    let mut app = app_with(benchmark(), &["Cabinet"]);
    select(&mut app, "2.1");
    update(&mut app, press('F'));
    let shown = screen(&app);
    assert!(shown.contains("Findings on the element 2.1 "), "{shown}");
    assert!(!shown.contains("kept there for statement"), "{shown}");
}
