//! The worst keystroke, not the mean: every search case typed one key at a time and then
//! backspaced to nothing, exactly as the search view does it, at the benchmark's size and at
//! 6,272 and 25,088 statements (32 and 128 copies of it); and the summary's opening and a key
//! in it. Prints worst and median per case. `cargo bench --bench keystrokes`; figures in
//! docs/performance.md.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use awayday::search::{Narrowing, SearchIndex};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use awayday::{demo, framework, tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The cases: a word, two words, a typo, and a long phrase.
const CASES: &[(&str, &str)] = &[
    ("one word", "leadership"),
    ("two words", "golden thread"),
    ("a typo", "goldne thraed"),
    (
        "a long phrase",
        "the council has a clear golden thread from its ambitions to individual objectives",
    ),
];

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn worst_median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v.last().copied().unwrap_or_default(), v[v.len() / 2])
}

fn main() {
    let base = framework::resolve(None).expect("the benchmark loads");
    let sizes = [
        ("196", base.clone()),
        ("6,272", demo::synthetic(&base, 32)),
        ("25,088", demo::synthetic(&base, 128)),
    ];
    println!("| statements | search | typed: worst | median | backspaced: worst | median |");
    println!("|---|---|---|---|---|---|");
    for (size, fw) in &sizes {
        let index = SearchIndex::new(fw);
        for (name, query) in CASES {
            let mut typed = Vec::new();
            let mut back = Vec::new();
            let mut narrowing = Narrowing::default();
            let chars: Vec<(usize, char)> = query.char_indices().collect();
            for &(at, c) in &chars {
                let q = &query[..at + c.len_utf8()];
                let start = Instant::now();
                let (hits, next) = index.search_from(q, 100, narrowing);
                typed.push(start.elapsed());
                std::hint::black_box(hits);
                narrowing = next;
            }
            for &(at, _) in chars.iter().rev() {
                let q = &query[..at];
                let start = Instant::now();
                let (hits, next) = index.search_from(q, 100, narrowing);
                back.push(start.elapsed());
                std::hint::black_box(hits);
                narrowing = next;
            }
            let (tw, tm) = worst_median(typed);
            let (bw, bm) = worst_median(back);
            println!(
                "| {size} | {name} | {} | {} | {} | {} |",
                ms(tw),
                ms(tm),
                ms(bw),
                ms(bm)
            );
        }
    }
    println!();
    println!("| statements | open the summary | worst key in it (move and draw) |");
    println!("|---|---|---|");
    for (size, fw) in &sizes {
        let session = demo::session(fw, 6, None);
        let mut app = App::new(fw.clone(), session, PathBuf::from("bench.ron"));
        update(&mut app, Action::Resize(120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        let start = Instant::now();
        update(&mut app, Action::Summary);
        terminal.draw(|f| tui::ui::render(&app, f)).expect("draw");
        let open = start.elapsed();
        let mut keys = Vec::new();
        for i in 0..40 {
            let start = Instant::now();
            update(
                &mut app,
                if i % 2 == 0 {
                    Action::ListDown
                } else {
                    Action::ListUp
                },
            );
            terminal.draw(|f| tui::ui::render(&app, f)).expect("draw");
            keys.push(start.elapsed());
        }
        let (worst, _) = worst_median(keys);
        println!("| {size} | {} | {} |", ms(open), ms(worst));
    }
}
