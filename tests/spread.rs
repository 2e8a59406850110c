//! A statement's spread (highest group level minus lowest) as the CSV export gives it: the
//! difference itself, zero when two groups agree, and blank until two groups gave a level
//! (one group, or one group and an n/a, is no disagreement yet).
//! Written against cargo-mutants' misses in `session/summary.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report;
use awayday::session::{Column, Score, Session};

/// The spread column of the statements CSV, by statement id.
fn spreads(s: &Session) -> Vec<(String, String)> {
    let fw = common::mini();
    let csv = report::to_csv(&fw, s, report::Table::Statements, false).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = header.iter().position(|h| h == "spread").unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[at].to_owned())
        })
        .collect()
}

#[test]
fn the_spread_is_the_widest_difference_and_blank_until_two_groups_gave_levels() {
    let fw = common::mini();
    let mut s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-11-24".into());
    let level = |v| Some(Score::Level(v));
    // 1.1: 1 and 4, a spread of 3.
    common::set_score(&mut s, "1.1", Column::Group(0), level(1));
    common::set_score(&mut s, "1.1", Column::Group(1), level(4));
    // 1.2: one group only.
    common::set_score(&mut s, "1.2", Column::Group(0), level(2));
    // 2.1.a.1: both groups at 2.
    common::set_score(&mut s, "2.1.a.1", Column::Group(0), level(2));
    common::set_score(&mut s, "2.1.a.1", Column::Group(1), level(2));
    // 2.1.a.2: a level and an n/a, which is not a level.
    common::set_score(&mut s, "2.1.a.2", Column::Group(0), level(3));
    common::set_score(
        &mut s,
        "2.1.a.2",
        Column::Group(1),
        Some(Score::NotApplicable),
    );
    let expected = [
        ("1.1", "3"),
        ("1.2", ""),
        ("2.1.a.1", "0"),
        ("2.1.a.2", ""),
        ("2.1.b.1", ""),
    ]
    .map(|(id, spread)| (id.to_owned(), spread.to_owned()));
    assert_eq!(spreads(&s), expected);
}
