//! The screens the README shows and the snapshot tests pin: each a demo app in a known state.
//! `cargo run --example screenshots` draws them to `screenshots/`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::App;
use super::update::update;
use crate::framework::Framework;

/// The scenes, by name, in the order the README shows them.
pub const NAMES: [&str; 13] = [
    "main",
    "grid",
    "presenter",
    "room",
    "agenda",
    "heading",
    "search",
    "notes",
    "actions",
    "dashboard",
    "settings",
    "help",
    "too-small",
];

/// A demo app on `fw` (3 groups, the first 40 statements scored), at `width`×`height`, with
/// colour as given, placed in the named scene.
#[allow(clippy::too_many_lines)] // one scene after another, read top to bottom
pub fn scene(fw: &Framework, name: &str, width: u16, height: u16, colour: bool) -> App {
    // The room grid is shown with six groups, the most a room usually splits into.
    let groups = match name {
        "grid" => 6,
        "presenter" | "room" => 5,
        _ => 3,
    };
    let mut session = crate::demo::session(fw, groups, Some(40));
    session.room.grid = name == "grid";
    if name == "agenda" {
        // A day under way: 10:40, the first areas agreed, a little behind.
        session.agenda =
            crate::session::agenda::Agenda::new("09:30-16:00", &["12:30-13:15".into()]).ok();
    }
    let mut app = App::new(
        fw.clone(),
        session,
        PathBuf::from("~/.local/share/awayday/session-2026-11-23.ron"),
    );
    app.theme.colour = colour;
    update(&mut app, Action::Resize(width, height));
    // The statement about call-in: scored by every group, with a note, on a busy element.
    let call_in = app.index.search("call in", 1).first().map_or(0, |h| h.node);
    app.reveal(call_in);
    app.select(call_in);
    let id = app.selected_id().to_owned();
    app.session.set_notes(&id, "Red and Green saw call-in used well on the leisure review; Blue had no evidence.\nAction: ask Democratic Services for last year's call-ins.".into());
    app.session.set_actions(
        &id,
        vec![
            crate::session::ActionItem {
                id: String::new(),
                text: "Review how call-in was used in the last year".into(),
                owner: "Head of Democratic Services".into(),
                due: "2027-01-31".into(),
                status: crate::session::ActionStatus::Open,
                recommendation: None,
                priority: String::new(),
                conclusion: false,
            },
            crate::session::ActionItem {
                id: String::new(),
                text: "Brief new scrutiny members on call-in".into(),
                owner: "Scrutiny officer".into(),
                due: "2026-12-15".into(),
                status: crate::session::ActionStatus::Done,
                recommendation: None,
                priority: String::new(),
                conclusion: false,
            },
        ],
    );
    // The groups disagree here: the room will want to talk about it.
    for (column, level) in [(0, 3), (1, 1), (2, 3)] {
        app.session.set_score(
            &id,
            crate::session::Column::Group(column),
            Some(crate::session::Score::Level(level)),
        );
    }
    app.column = crate::session::Column::Agreed;
    let keys = |app: &mut App, text: &str| {
        for c in text.chars() {
            update(
                app,
                Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
    };
    match name {
        "heading" => {
            if let Some(p) = app.framework.node(call_in).parent {
                app.select(p);
            }
        }
        "search" => {
            update(&mut app, Action::Search);
            keys(&mut app, "golden thread");
        }
        "notes" => {
            update(&mut app, Action::EditNotes);
        }
        "actions" => {
            update(&mut app, Action::Actions);
        }
        "dashboard" => {
            update(&mut app, Action::Summary);
        }
        "settings" => {
            update(&mut app, Action::Settings);
        }
        "help" => {
            update(&mut app, Action::Help);
        }
        "presenter" => {
            update(&mut app, Action::Presenter);
        }
        "room" => {
            // Room mode at 10:12 of a morning: three groups in, two awaited, nothing shown.
            app.session.agenda = crate::session::agenda::Agenda::new("09:30-12:30", &[]).ok();
            update(
                &mut app,
                Action::Tick {
                    minute: 10 * 60 + 12,
                    seconds: 0,
                },
            );
            update(&mut app, Action::Presenter);
            update(&mut app, Action::ToggleRoomMode);
        }
        "agenda" => {
            update(
                &mut app,
                Action::Tick {
                    minute: 10 * 60 + 40,
                    seconds: 0,
                },
            );
            update(&mut app, Action::Agenda);
        }
        "too-small" => {
            update(&mut app, Action::Resize(width.min(44), height.min(12)));
        }
        _ => {}
    }
    app.message = None;
    app
}

/// Draws an app into a buffer of its own size, exactly as the terminal would show it.
pub fn draw(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| match e {});
    let _ = terminal.draw(|f| super::ui::render(app, f));
    terminal.backend().buffer().clone()
}
