//! In the report, the notes written on an area or a heading are listed under the area, each
//! once with its node's name; a statement's notes stay in its own row, and a node without
//! notes is not listed. Written against a cargo-mutants miss in `report/model.rs` (see
//! docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report::{self, model};
use awayday::session::Session;

#[test]
fn notes_on_areas_and_headings_are_listed_once_and_statements_notes_stay_in_their_rows() {
    let fw = common::mini();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    common::set_notes(&mut s, "2.1.a", "Scrutiny lacks officers.".into());
    common::set_notes(&mut s, "2.1.a.1", "Call-in used twice.".into());
    let md = report::to_markdown(&model::build(&fw, &s));
    assert_eq!(
        md.matches("**Notes on 2.1.a Scrutiny:** Scrutiny lacks officers.")
            .count(),
        1,
        "{md}"
    );
    // In the statement's row only, not listed again as a node's notes.
    assert_eq!(md.matches("Call-in used twice.").count(), 1, "{md}");
    // The element has no notes of its own: not listed.
    assert!(!md.contains("Notes on 2.1 Decision-making"), "{md}");
}
