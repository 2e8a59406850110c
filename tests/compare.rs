//! `awayday compare`: a re-review a year later, with statements better, worse, new and gone
//! (the framework changed between the two), and last year's actions.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::Path;
use std::process::Command;

use awayday::session::{self, ActionItem, ActionStatus, Column, Score, Session};

fn framework(dir: &Path, name: &str, statements: &[&str]) -> std::path::PathBuf {
    let items: String = statements.iter().flat_map(|s| ["- ", s, "\n"]).collect();
    let md = format!("---\ntitle: Standards\nid: standards\n---\n# Purpose\n## Vision\n{items}");
    let src = dir.join(format!("{name}.md"));
    std::fs::write(&src, md).unwrap();
    let out = dir.join(format!("{name}.ron"));
    let mut args = vec![
        "import".to_owned(),
        src.display().to_string(),
        "-o".into(),
        out.display().to_string(),
    ];
    if name == "fw2" {
        args.extend([
            "--update".to_owned(),
            dir.join("fw1.ron").display().to_string(),
        ]);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(&args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn review(
    dir: &Path,
    fw: &Path,
    name: &str,
    date: &str,
    agreed: &[(&str, u8)],
) -> std::path::PathBuf {
    let framework = awayday::framework::load_path(fw).unwrap();
    let mut s = Session::new(&framework, vec!["A".into()], date.into());
    s.framework.path = Some(fw.display().to_string());
    for (id, v) in agreed {
        common::set_score(&mut s, id, Column::Agreed, Some(Score::Level(*v)));
    }
    if name == "2025" {
        common::set_actions(
            &mut s,
            "1.1.1",
            vec![ActionItem {
                id: String::new(),
                text: "Sign the vision".into(),
                owner: "Chief executive".into(),
                due: "2025-12-31".into(),
                status: ActionStatus::Open,
                recommendation: None,
                priority: String::new(),
                conclusion: false,
            }],
        );
    }
    let path = dir.join(format!("{name}.ron"));
    session::save(&path, &s).unwrap();
    path
}

#[test]
fn a_year_later_the_room_sees_what_moved() {
    let dir = tempfile::tempdir().unwrap();
    let fw1 = framework(
        dir.path(),
        "fw1",
        &["A signed vision.", "Few priorities.", "Data is shared."],
    );
    let fw2 = framework(
        dir.path(),
        "fw2",
        &[
            "A signed vision.",
            "Data is shared.",
            "Residents helped write it.",
        ],
    );
    let old = review(
        dir.path(),
        &fw1,
        "2025",
        "2025-11-20",
        &[("1.1.1", 2), ("1.1.2", 3), ("1.1.3", 3)],
    );
    let new = review(
        dir.path(),
        &fw2,
        "2026",
        "2026-11-20",
        &[("1.1.1", 4), ("1.1.3", 2), ("1.1.4", 3)],
    );
    let o = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(["compare"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(md.contains("# What moved: 2025-11-20 → 2026-11-20"), "{md}");
    let section = |title: &str| {
        let start = md.find(&format!("## {title}")).unwrap();
        let rest = &md[start + 3..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_owned()
    };
    assert!(
        section("Better").contains("| 1.1.1 | A signed vision. | 2 | 4 | +2 |"),
        "{md}"
    );
    assert!(
        section("Worse").contains("| 1.1.3 | Data is shared. | 3 | 2 | -1 |"),
        "{md}"
    );
    assert!(
        section("New statements").contains("| 1.1.4 | Residents helped write it. | – | 3 | – |"),
        "{md}"
    );
    assert!(
        section("Removed statements").contains("| 1.1.2 | Few priorities. | 3 | – | – |"),
        "{md}"
    );
    assert!(
        section("Actions from 2025-11-20")
            .contains("| 1.1.1 | Sign the vision | open | not carried over |"),
        "{md}"
    );
    // The area's agreed mean: (2+3+3)/3 = 2.7 then, (4+2+3)/3 = 3.0 now.
    assert!(
        section("Areas").contains("| 1.1 Vision | 2.7 | 3.0 | +0.3 |"),
        "{md}"
    );
    // CSV for a spreadsheet, and three reviews as a trend.
    let csv = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(["compare", "--format", "csv"])
        .arg(&old)
        .arg(&new)
        .arg(&new)
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(
        csv.starts_with(
            "id,statement,2025-11-20,2026-11-20 (review 2),2026-11-20 (review 3),change,status\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("1.1.2,Few priorities.,3,,,,removed"), "{csv}");
}

/// A session over `fw` with agreed scores, a title, and actions on 1.1.1.
fn session_with(
    dir: &Path,
    fw: &Path,
    file: &str,
    (title, date): (&str, &str),
    agreed: &[(&str, u8)],
    actions: &[&str],
) -> std::path::PathBuf {
    let framework = awayday::framework::load_path(fw).unwrap();
    let mut s = Session::new(&framework, vec!["A".into()], date.into());
    s.title = title.into();
    s.framework.path = Some(fw.display().to_string());
    for (id, v) in agreed {
        common::set_score(&mut s, id, Column::Agreed, Some(Score::Level(*v)));
    }
    let items = actions
        .iter()
        .map(|t| ActionItem {
            text: (*t).into(),
            ..ActionItem::default()
        })
        .collect();
    common::set_actions(&mut s, "1.1.1", items);
    let path = dir.join(file);
    session::save(&path, &s).unwrap();
    path
}

fn compare(args: &[&Path], format: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(["compare", "--format", format])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn reworded_actions_skipped_statements_same_day_reviews_and_rounding_are_reported_right() {
    let dir = tempfile::tempdir().unwrap();
    let fw = framework(
        dir.path(),
        "fw1",
        &[
            "A signed vision.",
            "Few priorities.",
            "Data is shared.",
            "Plans are costed.",
        ],
    );
    // The area's mean: (2+2+3+2)/4 = 2.25, shown 2.3; then (2+3)/2 = 2.5. The change is
    // from the figures shown: +0.2, not the +0.3 of the unrounded 0.25.
    let old = session_with(
        dir.path(),
        &fw,
        "morning.ron",
        ("Peer review", "2026-11-20"),
        &[("1.1.1", 2), ("1.1.2", 2), ("1.1.3", 3), ("1.1.4", 2)],
        &["Sign the vision with partners", "Cost the plans"],
    );
    let new = session_with(
        dir.path(),
        &fw,
        "afternoon.ron",
        ("Peer review", "2026-11-20"),
        &[("1.1.1", 2), ("1.1.3", 3)],
        &["Sign the vision with our partners"],
    );
    let md = compare(&[&old, &new], "md");
    // Same title and date: told apart by file.
    assert!(
        md.contains("# What moved: Peer review, 2026-11-20 (morning.ron) → Peer review, 2026-11-20 (afternoon.ron)"),
        "{md}"
    );
    assert!(md.contains("| 1.1 Vision | 2.3 | 2.5 | +0.2 |"), "{md}");
    // A one-word edit is the same action; one with nothing like it was not carried over.
    assert!(
        md.contains("| 1.1.1 | Sign the vision with partners | open | open |"),
        "{md}"
    );
    assert!(
        md.contains("| 1.1.1 | Cost the plans | open | not carried over |"),
        "{md}"
    );
    // Scored then, not now: kept, and said so.
    let gaps = &md[md
        .find("## Scored in one review, not in another")
        .expect(&md)..];
    assert!(
        gaps.contains("| 1.1.2 | Few priorities. | 2 | not scored | – |"),
        "{md}"
    );
    assert!(
        gaps.contains("| 1.1.4 | Plans are costed. | 2 | not scored | – |"),
        "{md}"
    );
    // No change is said in words, not as 0.0.
    let same = compare(&[&old, &old], "md");
    assert!(
        same.contains("| 1.1 Vision | 2.3 | 2.3 | no change |"),
        "{same}"
    );
    // The HTML shows the areas as a heat map, coloured by the mean.
    let html = compare(&[&old, &new], "html");
    assert!(html.contains("<table class=\"heatmap\">"), "{html}");
    assert!(
        html.contains("<td class=\"heat\" style=\"background:#f9d9a6\">2.3</td>"),
        "{html}"
    );
    assert!(html.contains("<td>not scored</td>"), "{html}");
}
