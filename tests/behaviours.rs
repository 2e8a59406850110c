//! The newer features, each guarded by a test that fails when the feature breaks: findings in
//! the reports, the session's spread in `d` / `D` and the summary, the presenter's notes, the
//! "framework changed" note, an action's link to its recommendation, and search over findings.
//! Each was once broken without any test noticing; `docs/testing.md` says how each was checked.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::framework::Framework;
use awayday::report::{self, model};
use awayday::session::agenda::area_of;
use awayday::session::{self, Column, Findings, Session};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::overlays::*;
use awayday::tui::scenes::draw;
use awayday::tui::svg::to_text;
use common::{app_with, benchmark, feed, key, select, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn screen(app: &App) -> String {
    to_text(&draw(app))
}

/// The mini fixture: a scored session over the mini framework.
fn mini_session() -> (Framework, Session) {
    let path = common::fixture("mini-session.ron");
    let s = session::load(&path).unwrap();
    let fw = session::framework_for(&s, Some(&path)).unwrap();
    (fw, s)
}

/// Sets the findings on `node` (or the session's conclusions) through the history.
fn set_findings(s: &mut Session, node: Option<&str>, after: Findings) {
    let before = s.findings(node).clone();
    session::History::default().apply(
        s,
        session::Edit::Findings {
            node: node.map(str::to_owned),
            before,
            after,
        },
    );
}

/// The mini session with findings on element 2.1 and conclusions for the whole review.
fn with_findings() -> (Framework, Session) {
    let (fw, mut s) = mini_session();
    set_findings(
        &mut s,
        Some("2.1"),
        Findings {
            strengths: "Call-in is used well.".into(),
            improvements: "Members need training.".into(),
            judgement: Some(2),
            recommendations: vec!["Train new members".into(), "Publish call-ins".into()],
        },
    );
    set_findings(
        &mut s,
        None,
        Findings {
            judgement: Some(3),
            recommendations: vec!["Keep the forward plan public".into()],
            ..Findings::default()
        },
    );
    (fw, s)
}

/// The part of `text` from `start` on, up to `end` (or to its end).
fn part<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in:\n{text}"));
    let rest = &text[from..];
    rest[start.len()..]
        .find(end)
        .map_or(rest, |to| &rest[..start.len() + to])
}

#[test]
fn a_findings_judgement_is_in_the_markdown_and_html_reports() {
    let (fw, s) = with_findings();
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    let area = part(&md, "### 2.1 Decision-making", "\n### ");
    assert!(area.contains("**Judgement:** 2 Reasonable"), "{area}");
    let conclusions = part(&md, "## Main conclusions", "\n## ");
    assert!(
        conclusions.contains("**Judgement:** 3 Good"),
        "{conclusions}"
    );
    let html = report::to_html(&r);
    let area = part(&html, "<h3>2.1 Decision-making</h3>", "<h3>");
    assert!(
        area.contains("<strong>Judgement:</strong> 2 Reasonable"),
        "{area}"
    );
    let conclusions = part(&html, "<h2>Main conclusions</h2>", "<h2>");
    assert!(
        conclusions.contains("<strong>Judgement:</strong> 3 Good"),
        "{conclusions}"
    );
}

#[test]
fn a_findings_recommendations_are_numbered_in_the_markdown_and_html_reports() {
    let (fw, s) = with_findings();
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    let area = part(&md, "### 2.1 Decision-making", "\n### ");
    assert!(
        area.contains("**Recommendations:**\n\n1. Train new members\n2. Publish call-ins\n"),
        "{area}"
    );
    let conclusions = part(&md, "## Main conclusions", "\n## ");
    assert!(
        conclusions.contains("1. Keep the forward plan public"),
        "{conclusions}"
    );
    let html = report::to_html(&r);
    let area = part(&html, "<h3>2.1 Decision-making</h3>", "<h3>");
    assert!(
        area.contains("<ol><li>Train new members</li><li>Publish call-ins</li></ol>"),
        "{area}"
    );
    let conclusions = part(&html, "<h2>Main conclusions</h2>", "<h2>");
    assert!(
        conclusions.contains("<li>Keep the forward plan public</li>"),
        "{conclusions}"
    );
}

#[test]
fn a_findings_strengths_and_areas_for_improvement_are_in_the_reports_only_when_written() {
    let (fw, s) = with_findings();
    let r = model::build(&fw, &s);
    let md = report::to_markdown(&r);
    let area = part(&md, "### 2.1 Decision-making", "\n### ");
    assert!(
        area.contains("**Strengths:** Call-in is used well.\n"),
        "{area}"
    );
    assert!(
        area.contains("**Areas for improvement:** Members need training.\n"),
        "{area}"
    );
    // The conclusions have neither: no empty headings for them.
    let conclusions = part(&md, "## Main conclusions", "\n## ");
    assert!(
        !conclusions.contains("Strengths") && !conclusions.contains("Areas for improvement"),
        "{conclusions}"
    );
    let html = report::to_html(&r);
    let area = part(&html, "<h3>2.1 Decision-making</h3>", "<h3>");
    assert!(
        area.contains("<strong>Strengths:</strong> Call-in is used well."),
        "{area}"
    );
    assert!(
        area.contains("<strong>Areas for improvement:</strong> Members need training."),
        "{area}"
    );
    let conclusions = part(&html, "<h2>Main conclusions</h2>", "<h2>");
    assert!(
        !conclusions.contains("Strengths") && !conclusions.contains("Areas for improvement"),
        "{conclusions}"
    );
}

/// Two groups scoring 1.2 two levels apart, 1.4 three apart and 1.7 one apart.
fn three_disagreements() -> App {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    for (id, a, b) in [("1.2", 1, 3), ("1.4", 1, 4), ("1.7", 2, 1)] {
        select(&mut app, id);
        app.set_column(Column::Group(0));
        feed(
            &mut app,
            &[Action::Score(a), Action::NextColumn, Action::Score(b)],
        );
    }
    select(&mut app, "1.1");
    app
}

#[test]
fn d_and_shift_d_walk_the_disagreements_at_the_sessions_spread_not_at_two() {
    let mut app = three_disagreements();
    app.session_mut().room.spread = Some(3);
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.4", "1.2 is only two levels apart");
    feed(&mut app, &[press('D')]);
    assert_eq!(app.selected_id(), "1.4", "the only one three apart");

    app.session_mut().room.spread = Some(1);
    select(&mut app, "1.1");
    feed(&mut app, &[press('d'), press('d'), press('d')]);
    assert_eq!(app.selected_id(), "1.7", "one level apart is enough");
    feed(&mut app, &[press('D'), press('D')]);
    assert_eq!(app.selected_id(), "1.2");

    app.session_mut().room.spread = Some(4);
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.2", "nothing is four apart: no move");
    assert!(
        screen(&app).contains("No statement has groups 4 or more levels apart."),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_summary_lists_and_flags_the_disagreements_at_the_sessions_spread() {
    let mut app = three_disagreements();
    app.session_mut().room.spread = Some(3);
    feed(&mut app, &[Action::Summary]);
    assert!(app.view::<DashboardOverlay>().is_some());
    let text = screen(&app);
    let list = part(&text, "Where the groups disagree", "\n\n");
    assert!(list.contains(" 3  1.4 "), "{list}");
    assert!(
        !list.contains("1.2 "),
        "two apart is under the spread: {list}"
    );
    feed(&mut app, &[key(KeyCode::Esc)]);

    app.session_mut().room.spread = Some(4);
    feed(&mut app, &[Action::Summary]);
    let text = screen(&app);
    assert!(
        text.contains("No statement has groups 4 or more levels apart."),
        "{text}"
    );
    feed(&mut app, &[key(KeyCode::Esc)]);

    // At a spread of 1, one level apart is a disagreement, flagged as the others are.
    app.session_mut().room.spread = Some(1);
    app.theme_mut().colour = true;
    feed(&mut app, &[Action::Summary]);
    let buffer = draw(&app);
    let text = to_text(&buffer);
    let (x, y) = text
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find(" 1  1.7 ")?;
            Some((line[..at].chars().count() + 1, y))
        })
        .unwrap_or_else(|| panic!("1.7 listed at a spread of 1:\n{text}"));
    let cell = &buffer[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())];
    assert_eq!(cell.symbol(), "1");
    assert_eq!(cell.fg, Color::Red, "the spread of 1.7 is flagged");
}

#[test]
fn n_in_the_presenter_view_shows_and_hides_the_notes() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    common::set_notes(
        app.session_mut(),
        "1.1",
        "Ask HR for the staff survey".into(),
    );
    feed(&mut app, &[press('p')]);
    assert!(app.view::<PresenterOverlay>().is_some());
    let hidden = screen(&app);
    assert!(
        !hidden.contains("Ask HR for the staff survey"),
        "the notes are the facilitator's until shown:\n{hidden}"
    );
    feed(&mut app, &[press('n')]);
    let shown = screen(&app);
    assert!(shown.contains("Ask HR for the staff survey"), "{shown}");
    feed(&mut app, &[press('n')]);
    assert!(!screen(&app).contains("Ask HR for the staff survey"));
    assert!(
        app.view::<PresenterOverlay>().is_some(),
        "n stays in the view"
    );
    feed(&mut app, &[press('p')]);
    assert!(!app.has_view(), "p goes back");
}

#[test]
fn the_markdown_report_notes_a_framework_changed_since_the_session_began() {
    const NOTE: &str = "the framework has changed since this session began";
    let (fw, mut s) = mini_session();
    s.framework.digest.clone_from(&fw.digest);
    let md = report::to_markdown(&model::build(&fw, &s));
    assert!(!md.contains(NOTE), "the same framework: no note\n{md}");
    s.framework.digest = "0000000000000000".into();
    let md = report::to_markdown(&model::build(&fw, &s));
    let head = part(&md, "# ", "\n## ");
    assert!(head.contains(NOTE), "the note is with the details:\n{md}");
}

/// The benchmark with two recommendations on the area of statement 1.1.
fn app_with_recommendations() -> App {
    let mut app = app_with(benchmark(), &["Red"]);
    let area = area_of(app.framework(), app.framework().find("1.1").unwrap()).unwrap();
    let area = app.framework().node(area).id.clone();
    set_findings(
        app.session_mut(),
        Some(&area),
        Findings {
            recommendations: vec!["Survey staff".into(), "Train managers".into()],
            ..Findings::default()
        },
    );
    select(&mut app, "1.1");
    app
}

#[test]
fn an_action_is_linked_to_its_recommendation_in_the_app() {
    let mut app = app_with_recommendations();
    // The first action: `a` opens the list, `a` again the form. What, owner, due, the link.
    feed(&mut app, &[press('a'), press('a')]);
    type_text(&mut app, "Run the survey");
    feed(
        &mut app,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut app, "3");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert!(app.session().actions("1.1").is_empty(), "there is no third");
    let text = screen(&app);
    assert!(
        text.contains("The area's recommendations are numbered 1 to 2."),
        "{text}"
    );
    feed(&mut app, &[key(KeyCode::Backspace)]);
    type_text(&mut app, "2");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.session().actions("1.1")[0].recommendation, Some(2));
    // Edited again, the form shows the link it has.
    feed(&mut app, &[key(KeyCode::Enter)]);
    let text = screen(&app);
    let link = text
        .lines()
        .find(|l| l.contains("For rec."))
        .unwrap_or_else(|| panic!("the link field:\n{text}"));
    assert!(
        link.split("For rec.").nth(1).unwrap().contains('2'),
        "{link}"
    );
}

#[test]
fn an_action_sits_under_its_recommendation_in_the_reports_action_plan() {
    let mut app = app_with_recommendations();
    let mut actions = app.session().actions("1.1").to_vec();
    for (text, link) in [("Run the survey", Some(2)), ("Tidy the intranet", None)] {
        actions.push(session::ActionItem {
            id: String::new(),
            text: text.into(),
            owner: "Sam".into(),
            recommendation: link,
            ..session::ActionItem::default()
        });
    }
    common::set_actions(app.session_mut(), "1.1", actions);
    let r = model::build(app.framework(), app.session());
    let md = report::to_markdown(&r);
    // The plan is one table: each recommendation, its actions, then the area's unlinked ones.
    let plan = part(&md, "## Appendix 2 – Action plan", "\n## ");
    let heading = plan.find("R2: Train managers |");
    let linked = plan.find("| Run the survey");
    let others = plan.find("(no recommendation) |");
    let unlinked = plan.find("| Tidy the intranet");
    assert!(
        heading < linked && linked < others && others < unlinked && heading.is_some(),
        "{plan}"
    );
    let html = report::to_html(&r);
    let plan = part(&html, "<h2>Appendix 2 – Action plan</h2>", "<h2>");
    let heading = plan.find("R2: Train managers</td>");
    let linked = plan.find("<td>Run the survey<div");
    let others = plan.find("(no recommendation)</td>");
    let unlinked = plan.find("<td>Tidy the intranet<div");
    assert!(
        heading < linked && linked < others && others < unlinked && heading.is_some(),
        "{plan}"
    );
}

#[test]
fn search_finds_what_the_findings_say() {
    let mut app = app_with(benchmark(), &["Red"]);
    set_findings(
        app.session_mut(),
        Some("2.2"),
        Findings {
            strengths: "Budget papers arrive early".into(),
            improvements: "Members need induction training".into(),
            judgement: Some(2),
            recommendations: vec!["Publish the forward plan".into()],
        },
    );
    let found = |query: &str| -> Vec<(String, &'static str)> {
        awayday::search::search_written(app.framework(), app.session(), query, 10)
            .into_iter()
            .map(|h| (app.framework().node(h.node).id.clone(), h.what))
            .collect()
    };
    assert_eq!(found("papers early"), [("2.2".to_owned(), "finding")]);
    assert_eq!(found("induction"), [("2.2".to_owned(), "finding")]);
    assert_eq!(
        found("forward plan"),
        [("2.2".to_owned(), "recommendation")]
    );
    // The words are marked where they are, for the screen to highlight.
    let hits = awayday::search::search_written(app.framework(), app.session(), "induction", 10);
    assert_eq!(hits[0].text, "Members need induction training");
    assert_eq!(hits[0].positions, (13..22).collect::<Vec<usize>>());
    // Every finding holding the word, up to the limit asked for.
    let hits = |limit| awayday::search::search_written(app.framework(), app.session(), "e", limit);
    assert_eq!(hits(10).len(), 3, "both findings and the recommendation");
    assert_eq!(hits(2).len(), 2);
    // And on the screen: listed, and Enter goes there.
    select(&mut app, "1.1");
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, "induction");
    let text = screen(&app);
    assert!(text.contains("finding on 2.2"), "{text}");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.selected_id(), "2.2");
}
