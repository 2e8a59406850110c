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
            app.session().findings(Some("2.1")).judgement,
            Some(level),
            "{typed:?}"
        );
    }
    // A word the scale does not have is refused, and the form says which it has.
    let app = judge("2.1", "Excellent");
    assert_eq!(app.session().findings(Some("2.1")).judgement, None);
    let shown = screen(&app);
    assert!(
        shown.contains("\"Excellent\" is not a level of the scale"),
        "{shown}"
    );
    let app = judge("2.1", "3 Reasonable");
    assert_eq!(
        app.session().findings(Some("2.1")).judgement,
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
        let fw = app.framework();
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

#[test]
fn an_action_carries_out_a_main_conclusions_recommendation_typed_c1() {
    let mut app = app_with(benchmark(), &["Cabinet"]);
    awayday::session::journal::apply(
        app.session_mut(),
        &awayday::session::journal::Entry::Findings {
            node: None,
            findings: awayday::session::Findings {
                recommendations: vec!["Lead performance from the top".into()],
                ..Default::default()
            },
        },
    );
    select(&mut app, "1.1");
    // The first `a` opens the list (no actions yet), the second the form for a new one.
    update(&mut app, press('a'));
    update(&mut app, press('a'));
    type_text(&mut app, "Leaders' programme");
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "C2");
    update(&mut app, key(KeyCode::Enter));
    assert!(app.session().actions("1.1").is_empty(), "there is no C2");
    assert!(screen(&app).contains("The main conclusions' recommendations are C1 to C1."));
    update(&mut app, key(KeyCode::Backspace));
    type_text(&mut app, "1");
    update(&mut app, key(KeyCode::Enter));
    let a = &app.session().actions("1.1")[0];
    assert_eq!((a.recommendation, a.conclusion), (Some(1), true));
    let md = awayday::report::to_markdown(&awayday::report::model::build(
        app.framework(),
        app.session(),
    ));
    assert!(
        md.contains(
            "| Main conclusions R1: Lead performance from the top |  |  |  | Leaders' programme"
        ),
        "{md}"
    );
}
