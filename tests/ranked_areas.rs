//! The report's strongest and weakest areas: areas ranked by their mean, the strongest first
//! and the weakest from the bottom, and the note in their place while too few are scored.
//! Written against cargo-mutants' misses in `session/summary.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report::{self, model};
use awayday::session::summary::scoring_areas;
use awayday::session::{Column, Score, Session};

/// The text of `md` from `start` up to the next `end` after it.
fn part<'a>(md: &'a str, start: &str, end: &str) -> &'a str {
    let from = md
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in\n{md}"));
    let rest = &md[from + start.len()..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn the_report_ranks_areas_by_their_mean_strongest_and_weakest() {
    let fw = common::benchmark();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let md = report::to_markdown(&model::build(&fw, &s));
    let section = part(&md, "## Strongest and weakest areas", "\n## ");
    assert!(
        section.contains("Not enough areas have scores yet"),
        "{section}"
    );

    // Four areas agreed throughout at 4, 3, 2 and 1 (listed out of order).
    let areas = scoring_areas(&fw);
    let scored = [(areas[2], 2), (areas[0], 4), (areas[3], 1), (areas[1], 3)];
    for &(area, level) in &scored {
        for ix in fw.statements_under(area) {
            common::set_score(
                &mut s,
                &fw.node(ix).id,
                Column::Agreed,
                Some(Score::Level(level)),
            );
        }
    }
    let md = report::to_markdown(&model::build(&fw, &s));
    let section = part(&md, "## Strongest and weakest areas", "\n## ");
    let line = |ix: usize, mean: &str| {
        let n = fw.node(ix);
        format!("- {} {} ({mean})", n.id, n.title)
    };
    // Half of four is two shown on each side: 4 and 3 strongest, 1 and 2 weakest.
    let strongest = part(section, "**Strongest:**", "**Weakest:**");
    let weakest = part(section, "**Weakest:**", "Ranked by");
    assert_eq!(
        strongest.trim(),
        format!("{}\n{}", line(areas[0], "4.00"), line(areas[1], "3.00")),
        "{section}"
    );
    assert_eq!(
        weakest.trim(),
        format!("{}\n{}", line(areas[3], "1.00"), line(areas[2], "2.00")),
        "{section}"
    );
}
