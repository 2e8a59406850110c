//! Where the time to the first frame goes, stage by stage, as `awayday open` takes them: the
//! first read (to report a broken file before anything is locked) with the framework loaded
//! meanwhile on a second thread, the store
//! (lock, the read again, the backup, the journal), the screen's state (search index, outline)
//! and the first frame drawn at 120×40. Run on the sessions `scripts/latency.py` makes:
//! `cargo run --release --example startup_cost -- target/latency/25088/s.ron` (twice: the
//! first open of a file also writes its backup, and leaves the session and its framework in
//! the parse cache, which the second open reads back; the cache folder is the app's own, or
//! `AWAYDAY_CACHE_DIR`).

use std::path::PathBuf;
use std::time::Instant;

use awayday::session::{self, Store};
use awayday::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> anyhow::Result<()> {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: startup_cost SESSION"))?,
    );
    let mut at = Instant::now();
    let mut stage = |name: &str| {
        println!("{name:<40} {:>8.1} ms", at.elapsed().as_secs_f64() * 1000.0);
        at = Instant::now();
    };
    awayday::cache::configure(awayday::places::cache_dir(), awayday::cache::MIN_BYTES);
    awayday::cache::defer_writes();
    let start = Instant::now();
    // As `awayday open` does: the framework its first lines name is loaded meanwhile.
    let head = std::fs::read(&path)?;
    let named = session::framework_ahead(&String::from_utf8_lossy(&head[..head.len().min(4096)]));
    let (read, ahead) = std::thread::scope(|scope| {
        let loading = named.map(|named| {
            let path = &path;
            scope.spawn(move || session::framework_named(&named, Some(path)))
        });
        (session::read(&path), loading.and_then(|w| w.join().ok()))
    });
    let read = read?;
    let fw = match ahead {
        Some(Ok(fw)) => fw,
        _ => session::framework_for(&read.session, Some(&path))?,
    };
    stage("the session read, and its framework meanwhile");
    let opened = Store::open_after(&path, Some(read))?;
    stage("lock, read again, backup, journal");
    let mut app = App::new(fw, opened.session, path.clone());
    stage("screen state (search index, outline)");
    let orphans = session::summary::orphans(app.framework(), app.session()).len();
    stage("records without a statement");
    awayday::tui::update::update(&mut app, awayday::tui::action::Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    terminal.draw(|f| awayday::tui::ui::render(&app, f))?;
    stage("the first frame");
    println!(
        "{:<40} {:>8.1} ms ({orphans} orphans, {} read from the parse cache)",
        "in all",
        start.elapsed().as_secs_f64() * 1000.0,
        awayday::cache::hits()
    );
    drop(opened.store);
    awayday::cache::settle();
    Ok(())
}
