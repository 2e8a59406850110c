//! What one keystroke costs, worst case, on the benchmark and on a framework of 25,088
//! statements (128 copies of it), each with a fully scored 6-group session in a real session
//! file: the time from a key to the next frame drawn and to its bytes being durable
//! (journalled and fsynced), the bytes each edit writes, and what a fold (the idle rewrite of
//! the readable file) costs, in all and on the screen's thread (the rest runs on a worker).
//! Every key goes through the same steps as in the app: `update`, the journal's record
//! written, a draw, the record flushed. Last,
//! the copy of the session a fold takes on the screen's thread, timed on its own.
//! `cargo run --release --example edit_cost`; figures in docs/performance.md.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use awayday::session::Store;
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::persist;
use awayday::tui::update::update;
use awayday::{demo, framework, session, tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One kind of keystroke and what it measured.
struct Kind {
    name: &'static str,
    to_durable: Vec<Duration>,
    to_screen: Vec<Duration>,
    bytes: Vec<u64>,
}

impl Kind {
    fn new(name: &'static str) -> Self {
        Kind {
            name,
            to_durable: Vec::new(),
            to_screen: Vec::new(),
            bytes: Vec::new(),
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn worst_and_median(v: &mut [Duration]) -> (Duration, Duration) {
    v.sort();
    (v.last().copied().unwrap_or_default(), v[v.len() / 2])
}

fn key(c: KeyCode) -> Action {
    Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

#[allow(clippy::too_many_lines)] // one measurement, read top to bottom
fn main() -> anyhow::Result<()> {
    let base = framework::resolve(None)?;
    let big = demo::synthetic(&base, 128);
    println!(
        "| size | keystroke | worst key → durable | median | worst key → screen | median | bytes written per key |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut folds = Vec::new();
    let mut copies = Vec::new();
    for (name, fw) in [("benchmark", base), ("25,088", big)] {
        let dir = tempfile::tempdir()?;
        let path: PathBuf = dir.path().join("s.ron");
        session::save(&path, &demo::session(&fw, 6, None))?;
        let opened = Store::open(&path)?;
        let mut store = opened.store;
        let mut app = App::new(fw.clone(), opened.session, path.clone());
        update(&mut app, Action::Resize(120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
        let target = fw.statements().nth(fw.statement_count() / 2).unwrap_or(0);
        app.reveal(target);
        app.select(target);
        terminal.draw(|f| tui::ui::render(&app, f))?;

        let mut kinds = vec![
            Kind::new("move (j/k)"),
            Kind::new("score (1–4)"),
            Kind::new("character in a 300-character note"),
            Kind::new("character in a 100 KB one-paragraph note"),
            Kind::new("Backspace in that note"),
            Kind::new("move, room grid and day plan on"),
        ];
        let mut step = |app: &mut App, store: &mut Store, k: usize, action: Option<Action>| {
            let start = Instant::now();
            if let Some(a) = action {
                update(app, a);
            }
            let before = store_len(&path);
            // As the app's loop: the record written, the frame drawn, then the flush.
            persist::write(app, store);
            terminal.draw(|f| tui::ui::render(app, f)).expect("draw");
            let on_screen = start.elapsed();
            persist::flush(app, store);
            kinds[k].to_durable.push(start.elapsed());
            kinds[k].to_screen.push(on_screen);
            kinds[k].bytes.push(store_len(&path).saturating_sub(before));
        };
        for i in 0..200 {
            let mv = if i % 2 == 0 { Action::Down } else { Action::Up };
            step(&mut app, &mut store, 0, Some(mv));
            step(
                &mut app,
                &mut store,
                1,
                Some(Action::Score(u8::try_from(i % 4 + 1)?)),
            );
        }
        // A note of a usual length, typed into.
        update(&mut app, Action::EditNotes);
        update(
            &mut app,
            Action::Paste("The groups cited the staff survey. ".repeat(8)),
        );
        persist::journal(&mut app, &mut store);
        for i in 0..100 {
            let c = char::from(b'a' + u8::try_from(i % 26)?);
            step(&mut app, &mut store, 2, Some(key(KeyCode::Char(c))));
        }
        update(&mut app, key(KeyCode::Esc));
        update(&mut app, Action::Down);
        // A long note (about 100 KB in one paragraph), typed into and backspaced.
        update(&mut app, Action::EditNotes);
        update(
            &mut app,
            Action::Paste("Evidence from the staff survey. ".repeat(3200)),
        );
        persist::journal(&mut app, &mut store);
        for i in 0..100 {
            let c = char::from(b'a' + u8::try_from(i % 26)?);
            step(&mut app, &mut store, 3, Some(key(KeyCode::Char(c))));
        }
        for _ in 0..100 {
            step(&mut app, &mut store, 4, Some(key(KeyCode::Backspace)));
        }
        update(&mut app, key(KeyCode::Esc));
        persist::journal(&mut app, &mut store);
        // The grid draws every group's mean on heading rows; the header works out the pacing.
        update(&mut app, Action::ToggleGrid);
        app.session_mut().agenda =
            awayday::session::agenda::Agenda::new("09:00-17:00", &["12:30-13:15".into()]).ok();
        update(
            &mut app,
            Action::Tick {
                minute: 11 * 60,
                seconds: 0,
            },
        );
        update(&mut app, Action::Top);
        for i in 0..100 {
            let mv = if i % 2 == 0 { Action::Down } else { Action::Up };
            step(&mut app, &mut store, 5, Some(mv));
        }

        for k in &mut kinds {
            let (dw, dm) = worst_and_median(&mut k.to_durable);
            let (sw, sm) = worst_and_median(&mut k.to_screen);
            let max_bytes = k.bytes.iter().max().copied().unwrap_or(0);
            println!(
                "| {name} | {} | {} | {} | {} | {} | ≤ {max_bytes} |",
                k.name,
                ms(dw),
                ms(dm),
                ms(sw),
                ms(sm)
            );
        }
        // The fold as the screen's loop runs it: the copy taken on the screen's thread, the
        // text and the file on the worker, the marker and the new journal on the screen's
        // thread again; the longest of the screen's own steps is what a key can wait.
        update(&mut app, Action::Score(1));
        persist::journal(&mut app, &mut store);
        let start = Instant::now();
        store.fold_in_background(app.session())?;
        let mut screen_worst = start.elapsed();
        loop {
            let step = Instant::now();
            let done = store.fold_progress(app.session_mut(), false);
            screen_worst = screen_worst.max(step.elapsed());
            if let Some(done) = done {
                done?;
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let whole = start.elapsed();
        folds.push((name, whole, screen_worst, std::fs::metadata(&path)?.len()));
        // The copy of the session a fold takes on the screen's thread, on its own; each copy
        // is dropped outside the timing, as the worker drops it.
        let mut copying: Vec<Duration> = (0..21)
            .map(|_| {
                let start = Instant::now();
                let copy = app.session().clone();
                let took = start.elapsed();
                drop(copy);
                took
            })
            .collect();
        copies.push((name, worst_and_median(&mut copying)));
    }
    println!();
    println!(
        "| size | fold (idle rewrite of the readable file), start to end | the screen's thread, longest step | file size |"
    );
    println!("|---|---|---|---|");
    for (name, whole, screen, size) in folds {
        println!(
            "| {name} | {} | {} | {} KB |",
            ms(whole),
            ms(screen),
            size / 1000
        );
    }
    println!();
    println!("| size | the session's copy for a fold, worst of 21 | median |");
    println!("|---|---|---|");
    for (name, (worst, median)) in copies {
        println!("| {name} | {} | {} |", ms(worst), ms(median));
    }
    Ok(())
}

/// The journal's length: what a keystroke wrote.
fn store_len(session: &std::path::Path) -> u64 {
    std::fs::metadata(session.with_file_name(".s.ron.journal")).map_or(0, |m| m.len())
}
