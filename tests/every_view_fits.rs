//! Issue 23: every screen readable from 60×20 up. Every registered view, and the main screen
//! with the room grid on and off, is drawn at four sizes on a session with long group names
//! and long notes; a word cut at the right edge of a box or of the screen without a `…`
//! fails, naming the view, the size and the row.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::collections::HashSet;

use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::overlays::registry::VIEWS;
use awayday::tui::scenes;
use awayday::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (200, 50)];

/// Group names as long as a real room writes them: a size that squeezes them must shorten
/// them with a marker, not cut them.
const GROUPS: [&str; 6] = [
    "Corporate Leadership Team",
    "Scrutiny Committee Members",
    "Democratic Services Officers",
    "Independent Reviewers",
    "Overview and Scrutiny Chairs",
    "Community Representatives",
];

const NOTES: &str = "Corporate Leadership Team and Scrutiny Committee Members described \
    several examples of call-in used constructively during the leisure procurement review; \
    Democratic Services Officers could not evidence consistent follow-up of recommendations.\n\
    Action: ask Democratic Services for last year's call-ins and the outcome of each.";

/// The demo app at `width`×`height` with long group names and long notes on the statement
/// being scored, the room grid on or off.
fn app(width: u16, height: u16, grid: bool) -> App {
    let fw = common::benchmark();
    // The grid scene has six groups, the main one three.
    let scene = if grid { "grid" } else { "main" };
    let mut app = scenes::scene(&fw, scene, width, height, false);
    let id = app.selected_id().to_owned();
    let session = app.session_mut();
    for (group, name) in session.groups.iter_mut().zip(GROUPS) {
        name.clone_into(group);
    }
    session.room.grid = grid;
    common::set_notes(session, &id, NOTES.into());
    update(&mut app, Action::Resize(width, height));
    app
}

/// Every screen to check, by name, made at one size.
fn screens(width: u16, height: u16) -> Vec<(String, App)> {
    let mut out = vec![
        ("main".to_owned(), app(width, height, false)),
        ("main, grid on".to_owned(), app(width, height, true)),
    ];
    for entry in VIEWS {
        for grid in [false, true] {
            let mut app = app(width, height, grid);
            if let Some(action) = entry.opens_on.first() {
                update(&mut app, action.clone());
            } else {
                // Opened by the loop, not a key (the conflict view): opened as the loop does.
                let opened = (entry.open)(&app.view_context(), &Action::Close);
                app.open_view(opened.view);
            }
            assert!(app.has_view(), "{} does not open", entry.name);
            let on = grid;
            let grid = if grid { ", grid on" } else { "" };
            if entry.name == "search" {
                // Search shows nothing until a word is typed: check its list of results too.
                let mut with_results = self::app(width, height, on);
                update(&mut with_results, Action::Search);
                for c in "council".chars() {
                    update(
                        &mut with_results,
                        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                    );
                }
                out.push((format!("search, with results{grid}"), with_results));
            }
            out.push((format!("{}{grid}", entry.name), app));
        }
    }
    out
}

/// The main screen as the terminal shows it; an open view drawn alone on an empty screen, since
/// where it covers the main screen the words underneath are hidden, not cut.
fn draw(app: &App) -> Buffer {
    if !app.has_view() {
        return scenes::draw(app);
    }
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.render_view(f)).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<Vec<String>> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

fn is_letter(cell: &str) -> bool {
    cell.chars().next().is_some_and(char::is_alphanumeric)
}

/// The right side of a box: a vertical line or a right corner.
fn is_right_border(cell: &str) -> bool {
    matches!(
        cell,
        "│" | "┃"
            | "║"
            | "┐"
            | "┘"
            | "┤"
            | "╮"
            | "╯"
            | "╗"
            | "╝"
            | "┓"
            | "┛"
            | "┫"
            | "▌"
            | "▐"
    )
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The word ending at `end` (inclusive) in a row, from the letters before it.
fn word_ending_at(row: &[String], end: usize) -> String {
    let mut start = end;
    while start > 0 && is_letter(&row[start - 1]) {
        start -= 1;
    }
    row[start..=end].concat().to_lowercase()
}

/// Where a word meets the right side of a box or the screen: its last letter touches the
/// border or the edge, or is separated from it only by the box's one column of padding.
fn ends_at_edges(row: &[String]) -> Vec<usize> {
    let w = row.len();
    (0..w)
        .filter(|&x| is_letter(&row[x]))
        .filter(|&x| {
            let touches = x + 1 == w || is_right_border(&row[x + 1]);
            let padded = x + 2 == w && row[x + 1] == " "
                || x + 2 < w && row[x + 1] == " " && is_right_border(&row[x + 2]);
            touches || padded
        })
        .collect()
}

#[test]
fn every_view_at_every_size_cuts_no_word_without_a_marker() {
    // The source text: every word the session, the benchmark and the keys can show.
    let probe = app(80, 24, false);
    let mut known: HashSet<String> = HashSet::new();
    for text in [
        format!("{:?}", probe.framework()),
        format!("{:?}", probe.session()),
        format!("{:?}", probe.keymap()),
    ] {
        known.extend(words(&text));
    }
    let drawn: Vec<(String, (u16, u16), Buffer)> = SIZES
        .iter()
        .flat_map(|&(w, h)| {
            screens(w, h)
                .into_iter()
                .map(move |(name, app)| (name, (w, h), draw(&app)))
        })
        .collect();
    // Labels the screens write themselves: every word drawn whole somewhere, away from an
    // edge, is a word.
    for (_, _, buf) in &drawn {
        for row in rows(buf) {
            let edges = ends_at_edges(&row);
            let line = row
                .iter()
                .enumerate()
                .map(|(x, c)| if edges.contains(&x) { "\u{0}" } else { c })
                .collect::<String>();
            known.extend(
                line.split(|c: char| !c.is_alphanumeric() && c != '\u{0}')
                    .filter(|w| !w.contains('\u{0}'))
                    .flat_map(words),
            );
        }
    }
    let mut cuts = Vec::new();
    for (name, (w, h), buf) in &drawn {
        for (y, row) in rows(buf).iter().enumerate() {
            for end in ends_at_edges(row) {
                let fragment = word_ending_at(row, end);
                // A cut: not a whole word, but the start of one the screen was showing.
                let cut = !known.contains(&fragment)
                    && known
                        .iter()
                        .any(|k| k.len() > fragment.len() && k.starts_with(&fragment));
                if cut {
                    cuts.push(format!(
                        "{name} at {w}×{h}, row {y}: {:?} cut in {:?}",
                        fragment,
                        row.concat().trim_end()
                    ));
                }
            }
        }
    }
    assert!(
        cuts.is_empty(),
        "{} words cut without a marker:\n{}",
        cuts.len(),
        cuts.join("\n")
    );
}

#[test]
fn the_statement_being_scored_has_room_on_the_main_screen_with_the_grid_on() {
    for (w, h) in SIZES {
        for grid in [false, true] {
            let app = app(w, h, grid);
            let fw = app.framework();
            let text = &fw.node(app.selected()).text;
            // Its opening words, on one row of the text pane (two on the narrowest screen, whose
            // pane beside the grid is eighteen columns wide).
            let words = if w < 80 { 2 } else { 4 };
            let opening = text
                .split_whitespace()
                .take(words)
                .collect::<Vec<_>>()
                .join(" ");
            let screen: Vec<String> = rows(&draw(&app)).iter().map(|r| r.concat()).collect();
            assert!(
                screen.iter().any(|row| row.contains(&opening)),
                "at {w}×{h}, grid {grid}: {opening:?} not on screen:\n{}",
                screen.join("\n")
            );
            // And the column being scored, below the groups: a long group name is shortened to
            // one row, not wrapped onto two that push it out of the pane.
            assert!(
                w < 80 || screen.iter().any(|row| row.contains("▶ Agreed")),
                "at {w}×{h}, grid {grid}: the scored column is not on screen:\n{}",
                screen.join("\n")
            );
        }
    }
}

#[test]
fn the_benchmarks_title_gives_way_to_the_grids_heads() {
    for (w, h) in SIZES {
        let app = app(w, h, true);
        let title = &app.framework().title;
        let screen: Vec<String> = rows(&draw(&app)).iter().map(|r| r.concat()).collect();
        // The tree's top border: "┌ title ─── heads──┐"; the title, whole or shortened with
        // a marker, up to the first line of the border, not run into the groups' heads.
        let top = screen[1].trim_start_matches('┌');
        let shown = top.split('─').next().unwrap_or_default().trim();
        let kept = shown.trim_end_matches('…');
        assert!(
            title.starts_with(kept) && (kept == title.as_str() || shown.ends_with('…')),
            "at {w}×{h}: the title {title:?} shows as {shown:?}"
        );
    }
}
