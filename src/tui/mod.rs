//! The workshop screen: terminal set-up and restore, and the loop
//! draw → event → update → effects (save, quit). Draws only after an event.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod overlays;
pub mod panes;
pub mod scenes;
pub mod svg;
pub mod theme;
pub mod ui;
pub mod update;

use std::io::stdout;
use std::time::Duration;

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use ratatui::crossterm::execute;

use action::Action;
use app::{App, SaveState};
use update::{Effect, update};

/// Runs the workshop screen until the user quits. The terminal is restored however it ends;
/// if the app panics, the session as it was in memory is written beside the file first.
pub fn run(mut app: App) -> Result<()> {
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app)
    }));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    match result {
        Ok(result) => result,
        Err(_) => Err(anyhow::anyhow!(rescue(&app))),
    }
}

/// After a panic: keep the in-memory session as an emergency copy beside the file (never over
/// it: the last good save is already there), and say where both are.
fn rescue(app: &App) -> String {
    let emergency = crate::session::emergency_path(&app.path);
    let saved =
        crate::session::write_atomic(&emergency, crate::session::to_ron(&app.session).as_bytes());
    match saved {
        Ok(()) => format!(
            "awayday stopped on an internal error. Your session, saved up to the last change, is {}; the state at the moment of the error is in {}.",
            app.path.display(),
            emergency.display()
        ),
        Err(e) => format!(
            "awayday stopped on an internal error. Your session, saved up to the last change, is {} (an emergency copy could not be written: {e}).",
            app.path.display()
        ),
    }
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut quit_despite_failure = false;
    loop {
        terminal.draw(|f| ui::render(app, f))?;
        // Block for one event, then take whatever is already queued, so a paste or a burst of
        // keys costs one save and one draw.
        let mut effect = None;
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            #[cfg(debug_assertions)]
            crash_for_tests(&ev);
            for action in actions_for(app, ev) {
                effect = strongest(effect, update(app, action));
            }
            if effect == Some(Effect::Quit) {
                break;
            }
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
        match effect {
            Some(Effect::Save) => save(app),
            Some(Effect::Quit) => {
                save(app);
                if app.save_state == SaveState::Saved || quit_despite_failure {
                    return Ok(());
                }
                app.message = Some(format!(
                    "Could not save to {}. Fix that, or press {} again to quit without saving.",
                    app.path.display(),
                    keymap::key_for(Action::Quit).unwrap_or_default()
                ));
                quit_despite_failure = true;
            }
            None => {}
        }
    }
}

/// Debug builds only: panics on the key named in `AWAYDAY_CRASH_ON_KEY`, so the end-to-end
/// tests can check that a crash restores the terminal and keeps the session.
#[cfg(debug_assertions)]
fn crash_for_tests(event: &Event) {
    if let Event::Key(key) = event
        && let KeyCode::Char(c) = key.code
        && std::env::var("AWAYDAY_CRASH_ON_KEY").is_ok_and(|k| k.starts_with(c))
    {
        panic!("deliberate crash on '{c}' (AWAYDAY_CRASH_ON_KEY)");
    }
}

/// Quit wins over save, save over nothing.
fn strongest(a: Option<Effect>, b: Option<Effect>) -> Option<Effect> {
    match (a, b) {
        (Some(Effect::Quit), _) | (_, Some(Effect::Quit)) => Some(Effect::Quit),
        (Some(Effect::Save), _) | (_, Some(Effect::Save)) => Some(Effect::Save),
        _ => None,
    }
}

/// Writes the session, recording in the app whether it worked.
pub fn save(app: &mut App) {
    match crate::session::save(&app.path, &app.session) {
        Ok(()) => app.save_state = SaveState::Saved,
        Err(e) => {
            let why = e.to_string();
            app.message = Some(why.clone());
            app.save_state = SaveState::Failed(why);
        }
    }
}

/// Turns a terminal event into actions: keys through the keymap (or to the open overlay).
pub fn actions_for(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.overlay.is_some() {
                vec![Action::Key(key)]
            } else {
                keymap::action_for(key).into_iter().collect()
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(event::MouseButton::Left) => vec![Action::Click(m.column, m.row)],
            MouseEventKind::ScrollDown => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }],
            MouseEventKind::ScrollUp => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }],
            _ => Vec::new(),
        },
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        // Pasted text goes to an open editor as typed keys; on the main screen it is ignored
        // (a stray paste must never score statements).
        Event::Paste(text) if app.overlay.is_some() => text
            .chars()
            .filter(|&c| c != '\r')
            .map(|c| {
                let code = if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
            })
            .collect(),
        _ => Vec::new(),
    }
}
