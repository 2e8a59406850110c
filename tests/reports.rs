//! Reports from the fixture session: the figures, the sections, and a self-contained HTML.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::framework;
use awayday::report::{self, model};
use awayday::session::{self, Session};

fn fixture() -> (framework::Framework, Session) {
    let path = common::fixture("mini-session.ron");
    let s = session::load(&path).unwrap();
    let fw = session::framework_for(&s, Some(&path)).unwrap();
    (fw, s)
}

#[test]
fn the_summary_figures_match_the_hand_worked_ones() {
    let (fw, s) = fixture();
    let r = model::build(&fw, &s);
    assert_eq!(r.coverage, (3, 5));
    let row = |id: &str| r.summary.iter().find(|row| row.id == id).unwrap();
    let means = |id: &str| {
        let row = row(id);
        let mut v: Vec<String> = row
            .group_means
            .iter()
            .map(|m| session::summary::format_mean(*m))
            .collect();
        v.push(session::summary::format_mean(row.agreed_mean));
        v
    };
    assert_eq!(means("1"), ["3.0", "1.0", "2.5", "3.0"]);
    assert_eq!(means("2.1"), ["3.0", "3.0", "1.0", "2.0"]);
    assert_eq!((row("1").covered, row("1").total), (2, 2));
    assert_eq!((row("2.1").covered, row("2.1").total), (1, 3));
    // Too little scored to rank: no area has three statements the room can stand on.
    assert!(r.strongest.is_empty() && r.weakest.is_empty());
    assert_eq!(r.judgement(Some(2.5)), Some("Good"), "2.5 rounds to 3");
    assert_eq!(r.judgement(Some(2.25)), Some("Reasonable"));
    assert_eq!(r.scope_in_words(), "1 and 2.1");
    let spreads: Vec<(&str, Option<u8>)> = r
        .disagreements
        .iter()
        .map(|d| (d.id.as_str(), d.spread))
        .collect();
    assert_eq!(spreads, [("1.1", Some(3)), ("2.1.a.1", Some(2))]);
    assert_eq!(r.orphans.len(), 1);
    assert_eq!(r.orphans[0].id, "9.9");
}

#[test]
fn markdown_has_every_section_and_counts_untouched_statements() {
    let (fw, s) = fixture();
    let md = report::to_markdown(&model::build(&fw, &s));
    for heading in [
        "# Scrutiny review",
        "## Summary",
        "## Strongest and weakest areas",
        "## Where the groups disagree",
        "## Findings",
        "### 1 Outcomes",
        "### 2.1 Decision-making",
        "## Action plan",
        "## Records for statements no longer in the framework",
    ] {
        assert!(md.contains(heading), "missing {heading}:\n{md}");
    }
    assert!(
        md.contains("- **Scope:** this session covered 1 and 2.1 (3 of 5 statements scored)"),
        "{md}"
    );
    assert!(
        md.contains("| **1 Outcomes** | 3.0 | 1.0 | 2.5 | 3.0 Good | 2/2 |"),
        "{md}"
    );
    assert!(md.contains("**Key to the scale:**"), "{md}");
    assert!(
        md.contains("an area is ranked once 3 of its statements"),
        "{md}"
    );
    assert!(
        md.contains("| **1.1** The council is improving strongly. | 4 | 1 | 3 | 3 | 3 |"),
        "{md}"
    );
    assert!(
        md.contains("1 more statement has neither scores nor notes."),
        "{md}"
    );
    // The untouched statement is counted, not listed.
    assert!(!md.contains("Decisions are published promptly"), "{md}");
    assert!(md.contains("| 2.1 Decision-making | Publish the call-in record | Monitoring Officer | 2026-12-31 | done |  |"), "{md}");
    assert!(
        md.contains("Scrutiny is valued \\| but under-resourced"),
        "{md}"
    );
    assert!(
        md.contains("&lt;ran out of time&gt; &amp; will revisit"),
        "{md}"
    );
}

#[test]
fn an_empty_session_says_there_are_no_scores_yet() {
    let (fw, _) = fixture();
    let s = Session::new(&fw, vec!["Red".into()], "2026-11-23".into());
    let md = report::to_markdown(&model::build(&fw, &s));
    assert!(md.contains("No statements have been scored yet."));
    assert!(md.contains("Not enough areas have scores yet"));
    assert!(md.contains("No statement has group scores 2 or more levels apart."));
    assert!(md.contains("No actions yet."));
    assert!(!md.contains("NaN"));
}

#[test]
fn html_is_self_contained_with_a_heat_map_and_print_styles() {
    let (fw, s) = fixture();
    let html = report::to_html(&model::build(&fw, &s));
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["http://", "https://", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "external reference {external}");
    }
    assert!(html.contains("<h2>Heat map of the areas reviewed</h2>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("@page { size: A4;"), "A4 pages");
    assert!(html.contains("counter(page)"), "numbered pages");
    assert!(
        html.contains("content: 'Example District Council · Scrutiny review'"),
        "running header"
    );
    assert!(
        html.contains("<svg role=\"img\""),
        "the chart is inline SVG"
    );
    assert!(
        html.contains("<dd>23 November 2026</dd>"),
        "a UK date in words"
    );
    // Theme 1's Blue mean of 1.0 sits at the bottom of the scale: the reddest cell.
    assert!(
        html.contains("style=\"background:#f4a6a6\">1.0</td>"),
        "{html}"
    );
    assert!(html.contains("&lt;ran out of time&gt; &amp; will revisit"));
    assert!(html.contains("class=\"done\">Publish the call-in record"));
}

#[test]
fn report_csv_is_the_export() {
    let (fw, s) = fixture();
    let csv = report::to_csv(&fw, &s, report::Table::Statements, false).unwrap();
    assert!(csv.starts_with(
        "id,theme,element,heading,statement,Red,Blue,Green,agreed,mean,spread,notes\n"
    ));
    assert!(csv.contains("1.1,1 Outcomes,,,The council is improving strongly.,4,1,3,3,2.6666666666666665,3,Blue saw no evidence of improvement.\n"), "{csv}");
}

#[test]
fn the_report_command_writes_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args([
            "report",
            common::fixture("mini-session.ron").to_str().unwrap(),
            "--format",
            "html",
            "-o",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Scrutiny review")
    );
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised_and_read_back_as_text() {
    let (fw, mut s) = fixture();
    let hostile = [
        "=HYPERLINK(\"http://x\",\"click\")",
        "+44 1234",
        "-2 levels",
        "@SUM(A1)",
        "\tindented",
        "\rreturn",
    ];
    common::set_notes(&mut s, "1.1", hostile[0].to_owned());
    common::set_actions(
        &mut s,
        "1.2",
        hostile
            .iter()
            .map(|t| awayday::session::ActionItem {
                id: String::new(),
                text: (*t).to_owned(),
                ..Default::default()
            })
            .collect(),
    );
    let csv = report::to_csv(&fw, &s, report::Table::Statements, false).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    let actions = report::to_csv(&fw, &s, report::Table::Actions, false).unwrap();
    let mut reader = ::csv::Reader::from_reader(actions.as_bytes());
    let notes_col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "action")
        .unwrap();
    let notes: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[notes_col].to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    for text in hostile {
        let shown = awayday::text::printable(text);
        assert!(
            notes.contains(&format!("'{shown}")),
            "{text:?} not neutralised in {notes:?}"
        );
    }
    // Excel's byte-order mark only when asked.
    assert!(!csv.starts_with('\u{feff}'));
    let excel = report::to_csv(&fw, &s, report::Table::Statements, true).unwrap();
    assert!(excel.starts_with('\u{feff}'));
}

#[test]
fn actions_have_their_own_csv_and_a_plan_sorted_and_flagged() {
    let (fw, mut s) = fixture();
    let action = |text: &str, owner: &str, due: &str| awayday::session::ActionItem {
        id: String::new(),
        text: text.into(),
        owner: owner.into(),
        due: due.into(),
        status: awayday::session::ActionStatus::Open,
        recommendation: None,
    };
    common::set_actions(
        &mut s,
        "1.1",
        vec![
            action("Later", "Sam", "2099-06-30"),
            action("Sooner", "", "2099-01-31"),
            action("Undated", "Sam", ""),
            action("Late", "Sam", "2001-01-01"),
        ],
    );
    let csv = report::to_csv(&fw, &s, report::Table::Actions, false).unwrap();
    assert!(
        csv.starts_with("node,theme,element,action,owner,due,status\n"),
        "{csv}"
    );
    assert!(
        csv.contains("1.1,1 Outcomes,,Sooner,,2099-01-31,open"),
        "{csv}"
    );
    let md = report::to_markdown(&report::model::build(&fw, &s));
    let plan = &md[md.find("## Action plan").unwrap()..];
    let order: Vec<usize> = ["Late", "Sooner", "Later", "Undated"]
        .iter()
        .map(|t| plan.find(&format!("| {t} |")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{plan}");
    assert!(
        plan.contains("| Sooner | – | 2099-01-31 | open | **no owner** |"),
        "{plan}"
    );
    assert!(
        plan.contains("| Late | Sam | 2001-01-01 | open | **overdue** |"),
        "{plan}"
    );
    assert!(
        plan.contains("| Undated | Sam | – | open | **no date** |"),
        "{plan}"
    );
}

#[test]
fn means_round_half_away_from_zero_in_every_report() {
    use awayday::session::summary::format_mean;
    assert_eq!(format_mean(Some(2.25)), "2.3");
    assert_eq!(format_mean(Some(2.35)), "2.4");
    assert_eq!(format_mean(Some(-0.25)), "-0.3");
    assert_eq!(format_mean(Some(2.249)), "2.2");
}

#[test]
fn areas_not_reviewed_are_one_line_and_the_scope_is_in_words() {
    let (fw, _) = fixture();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-23".into());
    common::set_score(
        &mut s,
        "1.1",
        session::Column::Group(0),
        Some(session::Score::Level(3)),
    );
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    assert!(
        md.contains("this session covered 1 (1 of 5 statements scored)"),
        "{md}"
    );
    assert!(
        md.contains("Not reviewed in this session: 2.1 Decision-making."),
        "{md}"
    );
    assert!(!md.contains("### 2.1"), "{md}");
    let html = report::to_html(&r);
    assert!(
        html.contains("Not reviewed in this session: 2.1 Decision-making."),
        "{html}"
    );
}

#[test]
fn findings_and_conclusions_are_in_the_report_and_actions_sit_under_their_recommendation() {
    let (fw, mut s) = fixture();
    let mut history = session::History::default();
    let findings = session::Findings {
        strengths: "Call-in is used well.".into(),
        improvements: "Members need training.".into(),
        judgement: Some(2),
        recommendations: vec!["Train new members".into(), "Publish call-ins".into()],
    };
    history.apply(
        &mut s,
        session::Edit::Findings {
            node: Some("2.1".into()),
            before: session::Findings::default(),
            after: findings,
        },
    );
    history.apply(
        &mut s,
        session::Edit::Findings {
            node: None,
            before: session::Findings::default(),
            after: session::Findings {
                strengths: "A council that listens.".into(),
                ..Default::default()
            },
        },
    );
    let mut actions = s.actions("2.1.a.1").to_vec();
    actions.push(session::ActionItem {
        id: String::new(),
        text: "Run the training".into(),
        owner: "HR".into(),
        due: "2099-01-01".into(),
        recommendation: Some(1),
        ..Default::default()
    });
    common::set_actions(&mut s, "2.1.a.1", actions);
    let md = report::to_markdown(&model::build(&fw, &s));
    assert!(
        md.contains("## Main conclusions\n\n**Strengths:** A council that listens."),
        "{md}"
    );
    let area = &md[md.find("### 2.1 Decision-making").unwrap()..];
    assert!(area.contains("**Judgement:** 2 Reasonable"), "{area}");
    assert!(
        area.contains("1. Train new members\n2. Publish call-ins"),
        "{area}"
    );
    let plan = &md[md.find("## Action plan").unwrap()..];
    let heading = plan
        .find("#### Recommendation 1: Train new members")
        .unwrap();
    let action = plan.find("| Run the training | HR |").unwrap();
    let others = plan.find("#### Other actions").unwrap();
    assert!(heading < action && action < others, "{plan}");
    // Undo takes the findings back.
    history.undo(&mut s);
    assert!(s.conclusions.is_empty());
}
