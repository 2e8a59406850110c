//! Peak memory of a workshop on a framework of about 25,000 statements (128 copies of the
//! benchmark; give another number of copies as the argument), fully scored by 6
//! groups: loads it, draws frames, searches, scores, saves and reloads, then prints the
//! process's peak resident memory (`VmHWM`, Linux). `cargo run --release --example peak_memory`.

use std::path::PathBuf;

use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use awayday::{demo, framework, session, tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> anyhow::Result<()> {
    let copies: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(128);
    let base = framework::resolve(None)?;
    let fw = demo::synthetic(&base, copies);
    let statements = fw.statement_count();
    let s = demo::session(&fw, 6, None);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.ron");
    session::save(&path, &s)?;
    let loaded = session::load(&path)?;
    let mut app = App::new(fw, loaded, PathBuf::from(&path));
    update(&mut app, Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    for action in [
        Action::Bottom,
        Action::Top,
        Action::PageDown,
        Action::Score(3),
        Action::NextColumn,
        Action::Score(2),
    ] {
        update(&mut app, action);
        terminal.draw(|f| tui::ui::render(&app, f))?;
    }
    update(&mut app, Action::Search);
    for c in "golden thread".chars() {
        update(
            &mut app,
            Action::Key(ratatui::crossterm::event::KeyEvent::from(
                ratatui::crossterm::event::KeyCode::Char(c),
            )),
        );
        terminal.draw(|f| tui::ui::render(&app, f))?;
    }
    session::save(&path, app.session())?;
    let size = std::fs::metadata(&path)?.len();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: unknown");
    println!(
        "statements: {statements}; session file: {} KB; peak memory {}",
        size / 1024,
        peak.trim_start_matches("VmHWM:").trim()
    );
    Ok(())
}
