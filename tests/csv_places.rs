//! The statements CSV puts each statement's theme, element and heading in columns of their
//! own, and leaves the element blank for a theme without elements.
//! Written against cargo-mutants' misses in `report/csv.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report;
use awayday::session::Session;

#[test]
fn each_statement_row_names_its_theme_element_and_heading() {
    let fw = common::mini();
    let s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    let csv = report::to_csv(&fw, &s, report::Table::Statements, false).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let places: Vec<[String; 4]> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            [0, 1, 2, 3].map(|i| r[i].to_owned())
        })
        .collect();
    let row = |id: &str| {
        places
            .iter()
            .find(|p| p[0] == id)
            .unwrap_or_else(|| panic!("no row {id} in\n{csv}"))
            .clone()
    };
    assert_eq!(row("1.1"), ["1.1", "1 Outcomes", "", ""]);
    assert_eq!(
        row("2.1.a.1"),
        [
            "2.1.a.1",
            "2 Leadership",
            "2.1 Decision-making",
            "2.1.a Scrutiny"
        ]
    );
}
