//! What a facilitator waits for, measured on the real benchmark and on a synthetic framework
//! of about 25,000 statements (128 copies of it): drawing a frame, a search keystroke, a score
//! (and a score made durable in the journal), a save, a load, and `awayday lookup` as a whole
//! process. Worst cases per keystroke are in `examples/edit_cost.rs`. `cargo bench`; figures in docs/performance.md.

use std::hint::black_box;
use std::path::PathBuf;

use awayday::framework::{self, Framework};
use awayday::search::{Narrowing, SearchIndex};
use awayday::session::{self, Session};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use awayday::{demo, tui};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Copies of the benchmark in the large case: 128 × 196 = 25,088 statements, the "about
/// 25,000" a framework 100 times a typical benchmark's size would hold.
const COPIES: usize = 128;

struct Size {
    name: &'static str,
    framework: Framework,
    session: Session,
}

fn sizes() -> Vec<Size> {
    let base = framework::resolve(None).expect("the built-in benchmark loads");
    let big = demo::synthetic(&base, COPIES);
    [("benchmark", base), ("25k", big)]
        .into_iter()
        .map(|(name, framework)| {
            let session = demo::session(&framework, 6, None);
            Size {
                name,
                framework,
                session,
            }
        })
        .collect()
}

/// An app on a fully scored 6-group session, at 120×40, on a statement deep in the tree.
fn app(size: &Size) -> App {
    let mut app = App::new(
        size.framework.clone(),
        size.session.clone(),
        PathBuf::from("bench.ron"),
    );
    update(&mut app, Action::Resize(120, 40));
    let target = size
        .framework
        .statements()
        .nth(size.framework.statement_count() / 2)
        .unwrap_or(0);
    app.reveal(target);
    app.select(target);
    app
}

fn frame(c: &mut Criterion) {
    for size in sizes() {
        let app = app(&size);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        c.bench_function(&format!("frame 120x40/{}", size.name), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::ui::render(black_box(&app), f))
                    .map(|_| ())
            });
        });
    }
}

/// The query typed, one keystroke at a time, in the search benches.
const TYPED: &str = "golden thread";

fn search_keystroke(c: &mut Criterion) {
    for size in sizes() {
        let index = SearchIndex::new(&size.framework);
        // The first keystroke has no earlier result to narrow: the worst single keystroke.
        c.bench_function(&format!("search first keystroke/{}", size.name), |b| {
            b.iter(|| index.search_from(black_box("g"), 100, Narrowing::default()));
        });
        // Every keystroke of the query, each narrowing the one before; divide by its length
        // for the mean per keystroke.
        c.bench_function(&format!("search typing 13 keystrokes/{}", size.name), |b| {
            b.iter(|| {
                let mut narrowing = Narrowing::default();
                for end in 1..=TYPED.len() {
                    let (hits, next) = index.search_from(&TYPED[..end], 100, narrowing);
                    black_box(hits);
                    narrowing = next;
                }
            });
        });
        // The whole query at once, as `awayday lookup` runs it.
        c.bench_function(&format!("search whole query/{}", size.name), |b| {
            b.iter(|| index.search(black_box(TYPED), 100));
        });
    }
}

fn score_and_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for size in sizes() {
        let mut app = app(&size);
        let mut level = 1;
        c.bench_function(&format!("score action/{}", size.name), |b| {
            b.iter(|| {
                level = level % 4 + 1;
                update(&mut app, Action::Score(level))
            });
        });
        // A score as the app makes it durable: the update, then its journal record, fsynced.
        let journalled = dir.path().join(format!("journalled-{}.ron", size.name));
        session::save(&journalled, app.session()).expect("save");
        let mut store = session::Store::open(&journalled).expect("open").store;
        c.bench_function(&format!("score journalled/{}", size.name), |b| {
            b.iter(|| {
                level = level % 4 + 1;
                update(&mut app, Action::Score(level));
                tui::persist::journal(&mut app, &mut store);
            });
        });
        drop(store);
        let path = dir.path().join(format!("{}.ron", size.name));
        c.bench_function(&format!("save/{}", size.name), |b| {
            b.iter(|| session::save(&path, black_box(app.session())).expect("save"));
        });
        c.bench_function(&format!("load/{}", size.name), |b| {
            b.iter(|| session::load(&path).expect("load"));
        });
    }
}

fn lookup_process(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_awayday");
    let dir = tempfile::tempdir().expect("temp dir");
    let base = framework::resolve(None).expect("benchmark");
    let big = dir.path().join("25k.ron");
    let text = ron::ser::to_string(&demo::synthetic_file(&base, COPIES)).expect("serialise");
    std::fs::write(&big, text).expect("write");
    let big = big.display().to_string();
    for (name, args) in [
        ("benchmark", vec!["lookup", "golden", "thread"]),
        (
            "25k",
            vec!["lookup", "golden", "thread", "--framework", big.as_str()],
        ),
    ] {
        c.bench_function(&format!("awayday lookup process/{name}"), |b| {
            b.iter(|| {
                let out = std::process::Command::new(bin)
                    .args(&args)
                    .output()
                    .expect("run");
                assert!(out.status.success());
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = frame, search_keystroke, score_and_save, lookup_process
}
criterion_main!(benches);
