//! `awayday compare` in the details: last time's actions with their status now, the signed
//! change of an area's mean (+, −, 0.0, –), unchanged statements in neither "Better" nor
//! "Worse", and the HTML page listing what moved and what is new.
//! Written against cargo-mutants' misses in `report/compare.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report::compare::{
    AreaTrend, Comparison, Moved, Review, compare, to_html, to_markdown,
};
use awayday::session::{ActionItem, ActionStatus, Session};

#[test]
fn last_times_actions_show_their_status_now() {
    let fw = common::mini();
    let action = |text: &str, status| ActionItem {
        text: text.into(),
        status,
        ..Default::default()
    };
    let mut before = Session::new(&fw, vec!["A".into()], "2025-11-24".into());
    common::set_actions(
        &mut before,
        "2.1",
        vec![action("Train members", ActionStatus::Open)],
    );
    let mut after = Session::new(&fw, vec!["A".into()], "2026-11-24".into());
    common::set_actions(
        &mut after,
        "2.1",
        vec![
            action("Publish the record", ActionStatus::Open),
            action("Train members", ActionStatus::Done),
        ],
    );
    let reviews = [("2025", before), ("2026", after)].map(|(name, session)| Review {
        name: name.into(),
        session,
        framework: common::mini(),
    });
    let c = compare(&reviews);
    assert_eq!(
        c.actions,
        [(
            "2.1".to_owned(),
            "Train members".to_owned(),
            ActionStatus::Open.label().to_owned(),
            ActionStatus::Done.label().to_owned(),
        )]
    );
}

fn area(id: &str, change: Option<f64>) -> AreaTrend {
    AreaTrend {
        id: id.into(),
        title: format!("Area {id}"),
        means: vec![Some(2.0), Some(2.0)],
        change,
    }
}

fn statement(id: &str, change: Option<i16>, status: &'static str) -> Moved {
    Moved {
        id: id.into(),
        text: format!("Statement {id}."),
        agreed: vec![None, None],
        in_framework: match status {
            "new" => vec![false, true],
            "removed" => vec![true, false],
            _ => vec![true, true],
        },
        change,
        status,
    }
}

fn comparison() -> Comparison {
    Comparison {
        names: vec!["2025".into(), "2026".into()],
        areas: vec![
            area("1", Some(0.5)),
            area("2", Some(-0.5)),
            area("3", Some(0.0)),
            area("4", None),
            // A fall that rounds to nothing shows as no change, not as "-0.0".
            area("5", Some(-0.04)),
        ],
        statements: vec![
            statement("1.1", Some(2), ""),
            statement("1.2", Some(-1), ""),
            statement("1.3", Some(0), ""),
            statement("1.4", None, "new"),
        ],
        actions: Vec::new(),
    }
}

#[test]
fn an_areas_change_is_signed_and_an_unchanged_statement_is_neither_better_nor_worse() {
    let md = to_markdown(&comparison());
    for (id, change) in [
        ("1", "+0.5"),
        ("2", "-0.5"),
        ("3", "no change"),
        ("4", "–"),
        ("5", "no change"),
    ] {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {id} Area {id} |")))
            .unwrap_or_else(|| panic!("no row for area {id} in\n{md}"));
        assert!(row.ends_with(&format!("| {change} |")), "{row}");
    }
    let section = |title: &str| {
        let from = md.find(&format!("## {title}")).unwrap();
        let rest = &md[from..];
        rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)].to_owned()
    };
    assert!(section("Better").contains("Statement 1.1."), "{md}");
    assert!(section("Worse").contains("Statement 1.2."), "{md}");
    for title in ["Better", "Worse"] {
        assert!(!section(title).contains("Statement 1.3."), "{md}");
    }
}

#[test]
fn the_html_page_lists_what_moved_and_what_is_new() {
    let html = to_html(&comparison());
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h1>What moved: 2025 → 2026</h1>"), "{html}");
    assert!(
        html.contains("<td>1.1</td><td>Statement 1.1.</td>"),
        "{html}"
    );
    assert!(html.contains("<td>+2</td>"), "{html}");
    assert!(
        html.contains("<td>1.2</td><td>Statement 1.2.</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td>1.4</td><td>Statement 1.4.</td>"),
        "{html}"
    );
    assert!(html.contains("<td>new</td>"), "{html}");
    // Unchanged and not new: left out.
    assert!(!html.contains("Statement 1.3."), "{html}");
}
