//! An area's section in the report has a row for each statement the room touched (a group's
//! score is enough) and none for the statements left alone. Written against cargo-mutants'
//! misses in `report/model.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report::{self, model};
use awayday::session::{Column, Score, Session};

#[test]
fn a_statement_one_group_scored_has_a_row_and_untouched_ones_have_none() {
    let fw = common::mini();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    common::set_score(&mut s, "2.1.a.1", Column::Group(0), Some(Score::Level(3)));
    let md = report::to_markdown(&model::build(&fw, &s));
    assert!(md.contains("| **2.1.a.1** "), "{md}");
    for untouched in ["2.1.a.2", "2.1.b.1"] {
        assert!(!md.contains(&format!("| **{untouched}** ")), "{md}");
    }
}
