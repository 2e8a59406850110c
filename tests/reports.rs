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
    assert_eq!(r.judgement(Some(2.5)), Some("Good"), "2.50 is in band 3");
    assert_eq!(
        r.judgement(Some(2.47)),
        Some("Reasonable"),
        "2.47 is not rounded twice"
    );
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
        "## Scope and objectives",
        "## Approach and participants",
        "## Main conclusions",
        "### Scores by area",
        "### Strongest and weakest areas",
        "## Next steps",
        "## Appendix 1 – Findings by area",
        "### 1 Outcomes",
        "### 2.1 Decision-making",
        "## Appendix 2 – Action plan",
        "## Appendix 3 – Statement detail",
        "## Appendix 4 – The groups' scores",
        "### Where the groups disagree",
        "## Records for statements no longer in the framework",
    ] {
        assert!(md.contains(heading), "missing {heading}:\n{md}");
    }
    assert!(
        md.contains("- **Scope:** this session covered 1 and 2.1 (3 of 5 statements scored)"),
        "{md}"
    );
    assert!(
        md.contains("| **1 Outcomes** | 3.00 | Good band (from the mean) | 2/2 |"),
        "{md}"
    );
    assert!(
        md.contains("| **1** Outcomes | 3.00 | 1.00 | 2.50 | 3.00 |"),
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
    assert!(
        md.contains("| 2.1 Decision-making (no recommendation) |  | Monitoring Officer | 31 December 2026 | Publish the call-in record<br>*Status:* done |"),
        "{md}"
    );
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
    assert!(md.contains("No recommendations or actions yet."));
    assert!(!md.contains("NaN"));
}

#[test]
fn html_is_self_contained_with_a_heat_map_and_print_styles() {
    let (fw, s) = fixture();
    let html = report::to_html(&model::build(&fw, &s));
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(external), "external reference {external}");
    }
    // Links only within the page: the contents list.
    assert!(html.matches("href=").count() == html.matches("href=\"#").count());
    assert!(html.contains("<h3>Heat map of the areas reviewed</h3>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("@page { size: A4;"), "A4 pages");
    assert!(html.contains("counter(page)"), "numbered pages");
    assert!(
        html.contains("content: 'Example District Council · Scrutiny review'"),
        "running header"
    );
    assert!(
        html.contains("<dd>23 November 2026</dd>"),
        "a UK date in words"
    );
    // Theme 1's Blue mean of 1.0 sits at the bottom of the scale: the reddest cell.
    assert!(
        html.contains("style=\"background:#f4a6a6\">1.00</td>"),
        "{html}"
    );
    assert!(html.contains("&lt;ran out of time&gt; &amp; will revisit"));
    assert!(
        html.contains("<tr class=\"done\"><td>2.1 Decision-making (no recommendation)</td>"),
        "{html}"
    );
}

#[test]
fn csv_means_are_rounded_by_the_one_rule_and_the_export_keeps_them_unrounded_beside() {
    let (fw, s) = fixture();
    let export = report::to_csv(&fw, &s, report::Table::Statements, false).unwrap();
    assert!(
        export.starts_with(
            "id,theme,element,heading,statement,Red,Blue,Green,agreed,mean,mean_unrounded,spread,notes\n"
        ),
        "{export}"
    );
    assert!(export.contains("1.1,1 Outcomes,,,The council is improving strongly.,4,1,3,3,2.67,2.6666666666666665,3,Blue saw no evidence of improvement.\n"), "{export}");
    let csv = report::report_csv(&fw, &s, false).unwrap();
    assert!(
        csv.starts_with(
            "id,theme,element,heading,statement,Red,Blue,Green,agreed,mean,spread,notes\n"
        ),
        "{csv}"
    );
    assert!(csv.contains(",4,1,3,3,2.67,3,Blue saw"), "{csv}");
    assert!(!csv.contains("2.666"), "{csv}");
    let circulated = report::report_csv(&fw, &s, true).unwrap();
    assert!(
        circulated.starts_with("id,theme,element,heading,statement,agreed,mean\n"),
        "{circulated}"
    );
    assert!(!circulated.contains("Blue saw"), "{circulated}");
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

fn set_findings(s: &mut Session, node: Option<&str>, findings: session::Findings) {
    session::journal::apply(
        s,
        &session::journal::Entry::Findings {
            node: node.map(str::to_owned),
            findings,
        },
    );
}

fn action(text: &str, owner: &str, due: &str) -> session::ActionItem {
    session::ActionItem {
        text: text.into(),
        owner: owner.into(),
        due: due.into(),
        ..Default::default()
    }
}

/// The part of `text` from `start` to the next `end` after it.
fn part<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in:\n{text}"));
    let rest = &text[from + start.len()..];
    rest.find(end).map_or(rest, |to| &rest[..to])
}

#[test]
fn actions_have_their_own_csv_and_the_plan_is_one_table_sorted_by_its_stated_rule() {
    let (fw, mut s) = fixture();
    set_findings(
        &mut s,
        Some("2.1"),
        session::Findings {
            recommendations: vec!["Train new members".into(), "Publish call-ins".into()],
            ..Default::default()
        },
    );
    set_findings(
        &mut s,
        None,
        session::Findings {
            recommendations: vec!["Lead performance from the top".into()],
            ..Default::default()
        },
    );
    let linked = |text: &str, priority: &str, rec: usize, conclusion: bool| session::ActionItem {
        priority: priority.into(),
        recommendation: Some(rec),
        conclusion,
        ..action(text, "Sam", "2099-06-30")
    };
    common::set_actions(
        &mut s,
        "2.1.a.1",
        vec![
            linked("Low one", "Low", 1, false),
            linked("High one", "High", 1, false),
            linked("Leaders' programme", "High", 1, true),
            action("Sooner", "", "2099-01-31"),
            action("Late", "Sam", "2001-01-01"),
        ],
    );
    let csv = report::to_csv(&fw, &s, report::Table::Actions, false).unwrap();
    assert!(
        csv.starts_with("node,theme,element,action,owner,due,status\n"),
        "{csv}"
    );
    let md = report::to_markdown(&model::build(&fw, &s));
    let plan = part(&md, "## Appendix 2 – Action plan", "\n## ");
    assert_eq!(
        plan.matches("| Recommendation | Priority | Responsibility | Date | Agreed action |")
            .count(),
        1,
        "one table: {plan}"
    );
    let at = |t: &str| plan.find(t).unwrap_or_else(|| panic!("{t} in {plan}"));
    // Main conclusions first; then the area's recommendations in order, each action by
    // priority; a recommendation without actions says so; unlinked actions last.
    assert!(
        at("| Main conclusions R1: Lead performance from the top | High | Sam |")
            < at("Leaders' programme")
    );
    assert!(at("Leaders' programme") < at("| 2.1 R1: Train new members | High |"));
    assert!(at("High one") < at("Low one"), "{plan}");
    assert!(at("Low one") < at("| 2.1 R2: Publish call-ins |  |  |  | no action agreed yet |"));
    assert!(at("no action agreed yet") < at("| 2.1 Decision-making (no recommendation) |"));
    assert!(plan.contains("| Sooner<br>*Needs:* no owner |"), "{plan}");
    assert!(plan.contains("| Late<br>*Needs:* overdue |"), "{plan}");
    assert!(md.contains("main conclusions' first, then those of each theme, area and heading in the framework's order; a recommendation's actions by priority (high first), then soonest date"));
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

/// Theme 1 of the benchmark with an agreed mean of 27/11 = 2.4545…: "2.5" rounded once,
/// "3 Good" rounded twice.
fn benchmark_at_2_45(judgement: Option<u8>) -> (framework::Framework, Session) {
    let fw = common::benchmark();
    let mut s = Session::new(&fw, vec!["Cabinet".into()], "2026-11-23".into());
    let ids: Vec<String> = fw
        .statements_under(fw.find("1").unwrap())
        .map(|ix| fw.node(ix).id.clone())
        .collect();
    assert_eq!(ids.len(), 11);
    for (i, id) in ids.iter().enumerate() {
        let v = if i < 5 { 3 } else { 2 };
        common::set_score(
            &mut s,
            id,
            session::Column::Agreed,
            Some(session::Score::Level(v)),
        );
    }
    set_findings(
        &mut s,
        Some("1"),
        session::Findings {
            judgement,
            ..Default::default()
        },
    );
    (fw, s)
}

#[test]
fn a_judgement_is_the_facilitators_and_a_mean_is_rounded_once_never_a_competing_word() {
    let (fw, s) = benchmark_at_2_45(Some(2));
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    let html = report::to_html(&r);
    for text in [&md, &html] {
        let summary = part(text, "Scores by area", "Key to the scale");
        assert!(summary.contains("2.45"), "{summary}");
        assert!(summary.contains("2 Reasonable"), "{summary}");
        assert!(!summary.contains("Good"), "no competing word: {summary}");
        assert!(!summary.contains("2.5 "), "rounded once: {summary}");
    }
    let area = part(&md, "### 1 Achievements and outcomes", "\n### ");
    assert!(area.contains("**Judgement:** 2 Reasonable"), "{area}");
    assert!(
        area.contains("**Agreed mean:** 2.45\n"),
        "no band beside a judgement: {area}"
    );
    // Without a judgement, the band of the mean as printed, and said to be the mean's.
    let (fw, s) = benchmark_at_2_45(None);
    let md = report::to_markdown(&model::build(&fw, &s));
    let summary = part(&md, "Scores by area", "Key to the scale");
    assert!(
        summary.contains(
            "| **1 Achievements and outcomes** | 2.45 | Reasonable band (from the mean) |"
        ),
        "{summary}"
    );
    let area = part(&md, "### 1 Achievements and outcomes", "\n### ");
    assert!(
        area.contains("**Agreed mean:** 2.45, in the Reasonable band"),
        "{area}"
    );
}

#[test]
fn findings_on_a_theme_and_a_heading_are_in_every_format() {
    let fw = common::benchmark();
    let mut s = Session::new(&fw, vec!["Cabinet".into()], "2026-11-23".into());
    common::set_score(
        &mut s,
        "2.1.a.1",
        session::Column::Agreed,
        Some(session::Score::Level(2)),
    );
    let heading = fw
        .node(fw.node(fw.find("2.1.a.1").unwrap()).parent.unwrap())
        .id
        .clone();
    set_findings(
        &mut s,
        Some("2"),
        session::Findings {
            strengths: "Leadership is visible across the council.".into(),
            ..Default::default()
        },
    );
    set_findings(
        &mut s,
        Some(&heading),
        session::Findings {
            improvements: "The vision is not shared with partners.".into(),
            judgement: Some(1),
            recommendations: vec!["Publish the vision with partners.".into()],
            ..Default::default()
        },
    );
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    let html = report::to_html(&r);
    let findings_md = part(&md, "## Appendix 1", "\n## ");
    assert!(findings_md.contains("### 2 Leadership and governance\n\n**Strengths:** Leadership is visible across the council."), "{findings_md}");
    assert!(
        findings_md.contains(&format!("#### {heading} ")),
        "{findings_md}"
    );
    assert!(
        findings_md.contains("**Areas for improvement:** The vision is not shared with partners."),
        "{findings_md}"
    );
    assert!(
        findings_md.contains("1. Publish the vision with partners."),
        "{findings_md}"
    );
    let findings_html = part(&html, "<h2>Appendix 1", "<h2>");
    assert!(
        findings_html.contains("Leadership is visible across the council."),
        "{findings_html}"
    );
    assert!(
        findings_html.contains("The vision is not shared with partners."),
        "{findings_html}"
    );
    // The heading's recommendation is in the action plan, awaiting an action.
    assert!(
        md.contains(&format!(
            "| {heading} R1: Publish the vision with partners."
        )) || md.contains("Publish the vision with partners. |"),
        "{md}"
    );
}

#[test]
fn the_frame_prints_in_the_order_of_a_review_report() {
    let fw = common::benchmark();
    let s = report::sample::session(&fw, 4);
    let r = model::build(&fw, &s);
    for text in [report::to_markdown(&r), report::to_html(&r)] {
        // After the contents list, which names every section.
        let body = ["</nav>", "- Appendix 4 – The groups' scores\n"]
            .iter()
            .find_map(|end| text.find(end).map(|i| i + end.len()))
            .unwrap();
        let order: Vec<usize> = [
            "Introduction",
            "This report sets out the findings",
            "Background",
            "The council last took part",
            "Scope and objectives",
            "Approach and participants",
            "Main conclusions",
            "The council has a clear ambition",
            "Scores by area",
            "Next steps",
            "The action plan will go to Cabinet",
            "Appendix 1 – Findings by area",
            "Appendix 2 – Action plan",
            "Appendix 3 – Statement detail",
            "Appendix 4 – The groups' scores",
        ]
        .iter()
        .map(|h| text[body..].find(h).unwrap_or_else(|| panic!("{h}")))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }
}

#[test]
fn the_frame_is_set_from_the_shell_and_old_files_open_without_one() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["mini-session.ron", "mini-framework.ron"] {
        std::fs::copy(common::fixture(f), dir.path().join(f)).unwrap();
    }
    let session = dir.path().join("mini-session.ron");
    assert!(
        !std::fs::read_to_string(&session)
            .unwrap()
            .contains("frame:")
    );
    std::fs::write(
        dir.path().join("bg.txt"),
        "The council asked for this review.\r\nIt was last reviewed in 2023.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("next.txt"), "Cabinet, January.").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_awayday"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let set = run(&[
        "report",
        "mini-session.ron",
        "--set",
        "background=bg.txt",
        "--set",
        "next-steps=next.txt",
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(String::from_utf8_lossy(&set.stdout).contains("Background set"));
    let md = run(&["report", "mini-session.ron"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains(
            "## Background\n\nThe council asked for this review.  \nIt was last reviewed in 2023.\n"
        ),
        "{md}"
    );
    assert!(md.contains("## Next steps\n\nCabinet, January.\n"), "{md}");
    let bad = run(&["report", "mini-session.ron", "--set", "preface=bg.txt"]);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("introduction, background, scope, approach, conclusions, next-steps")
    );
}

#[test]
fn the_circulated_copy_leaves_out_internal_material_and_the_full_copy_keeps_it() {
    let fw = common::benchmark();
    let mut s = report::sample::session(&fw, 4);
    let mut agenda = awayday::session::agenda::Agenda::new("09:00-16:00", &[]).unwrap();
    agenda.spent.insert("2.1".into(), 25 * 60);
    s.agenda = Some(agenda);
    let mut r = model::build(&fw, &s);
    let internal = [
        "Time: planned and spent",
        "Where the groups disagree",
        "Heat map",
        "Groups' scores",
        "Heads of Service 4",
        "Evidence discussed for",
        "Needs:",
    ];
    let full = report::to_markdown(&r);
    for text in internal {
        assert!(full.contains(text), "the full copy has {text}");
    }
    r.circulated = true;
    for circulated in [report::to_markdown(&r), report::to_html(&r)] {
        for text in internal {
            assert!(!circulated.contains(text), "the circulated copy has {text}");
        }
        assert!(circulated.contains("for circulation"));
        assert!(circulated.contains("Appendix 2 – Action plan"));
        assert!(circulated.contains("Appendix 3 – Statement detail"));
    }
}

/// Every table of the report, for 1 to 8 groups with long names, fits an A4 page between
/// its margins with every column at least 25 mm wide (text at least 40 mm).
#[test]
fn every_table_fits_the_printed_page_with_columns_no_narrower_than_25_mm() {
    use report::doc::{Block, ColumnKind, LANDSCAPE_MM, PORTRAIT_MM};
    let fw = common::benchmark();
    for groups in 1..=8 {
        for circulated in [false, true] {
            let mut r = model::build(&fw, &report::sample::session(&fw, groups));
            r.circulated = circulated;
            let d = report::layout::document(&r);
            for b in &d.blocks {
                let Block::Table(t) = b else { continue };
                let page = if t.wide() { LANDSCAPE_MM } else { PORTRAIT_MM };
                let widths = t.widths();
                let total: f64 = widths.iter().sum();
                assert!((total - 100.0).abs() < 0.01, "{groups} groups: {total}%");
                for (w, c) in widths.iter().zip(&t.columns) {
                    let mm = w * f64::from(page) / 100.0;
                    let least = if matches!(c.kind, ColumnKind::Text(_)) {
                        40.0
                    } else {
                        25.0
                    };
                    assert!(mm >= least, "{groups} groups: {} is {mm:.0} mm", c.title);
                }
            }
        }
    }
}

#[test]
fn markdown_and_html_have_the_same_sections_from_one_document() {
    let fw = common::benchmark();
    let r = model::build(&fw, &report::sample::session(&fw, 6));
    let d = report::layout::document(&r);
    let md = report::to_markdown(&r);
    let html = report::to_html(&r);
    let mut headings = 0;
    for b in &d.blocks {
        if let report::doc::Block::Heading { level, text, .. } = b {
            headings += 1;
            let hashes = "#".repeat(usize::from(*level));
            assert!(
                md.contains(&format!("\n{hashes} {text}\n")),
                "{text} in the Markdown"
            );
            let escaped = text.replace('&', "&amp;");
            assert!(
                html.contains(&format!("<h{level}>{escaped}</h{level}>")),
                "{text} in the HTML"
            );
        }
    }
    assert!(headings > 20, "{headings}");
    for (_, text) in d.contents() {
        assert!(
            html.contains(&format!("\">{text}</a></li>")),
            "{text} in the HTML contents"
        );
    }
}

#[test]
fn means_round_half_away_from_zero_on_screen() {
    use awayday::session::summary::format_mean;
    assert_eq!(format_mean(Some(2.25)), "2.3");
    assert_eq!(format_mean(Some(2.35)), "2.4");
    assert_eq!(format_mean(Some(-0.25)), "-0.3");
    assert_eq!(format_mean(Some(2.249)), "2.2");
}
