//! The report's frame and an action's priority, written in the app: each reaches the
//! Markdown report, and the frame's text typed when awayday is killed comes back.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};

use awayday::report::{self, model};
use awayday::session::{self, Session, Store};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::keymap::Context;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, key, select, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn markdown(app: &App) -> String {
    report::to_markdown(&model::build(app.framework(), app.session()))
}

/// A session file over the benchmark, group Red.
fn session_file(dir: &Path) -> PathBuf {
    let fw = benchmark();
    let s = Session::new(&fw, vec!["Red".into()], "2026-12-07".into());
    let path = dir.join("s.ron");
    session::save(&path, &s).unwrap();
    path
}

/// The app over the session at `path`, as awayday opens it (file, journal, draft restored).
fn opened_app(path: &Path) -> App {
    let opened = common::reopened(path);
    let draft = opened.draft.clone();
    let mut app = App::new(benchmark(), opened.session, path.to_owned());
    update(&mut app, Action::Resize(120, 40));
    drop(opened.store);
    if let Some(draft) = draft {
        app.restore_draft(draft);
    }
    app
}

/// Journals what the app has done (its edits and its draft), as the loop does after each
/// key, and stops without a fold: what a `kill -9` leaves.
fn killed(app: &mut App, path: &Path) {
    let mut store = Store::open(path).unwrap().store;
    awayday::tui::persist::journal(app, &mut store);
    drop(store);
}

#[test]
fn the_frame_written_in_the_app_reaches_the_report_one_undoable_part_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let mut app = opened_app(&path);
    update(&mut app, press('B'));
    assert_eq!(app.context(), Context::Form, "B opens the frame's form");
    type_text(&mut app, "Members reviewed scrutiny");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Asked for by the council");
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(app.context(), Context::Main, "Enter keeps and closes");
    let md = markdown(&app);
    assert!(md.contains("Members reviewed scrutiny"), "{md}");
    assert!(md.contains("Asked for by the council"), "{md}");
    assert!(md.contains("Background"), "{md}");

    // Kept through the journal: a kill now loses neither part.
    killed(&mut app, &path);
    let mut again = opened_app(&path);
    assert_eq!(
        again.session().frame.introduction,
        "Members reviewed scrutiny"
    );
    assert_eq!(again.session().frame.background, "Asked for by the council");

    // Each part is its own edit: one undo takes back the background only.
    update(&mut app, press('u'));
    assert_eq!(app.session().frame.background, "");
    assert_eq!(
        app.session().frame.introduction,
        "Members reviewed scrutiny"
    );

    // A part not retyped keeps its paragraphs.
    update(&mut again, press('B'));
    feed(&mut again, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    type_text(&mut again, "One area");
    update(&mut again, key(KeyCode::Enter));
    assert_eq!(again.session().frame.scope, "One area");
    assert_eq!(again.session().frame.background, "Asked for by the council");
}

#[test]
fn the_frame_being_typed_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let mut app = opened_app(&path);
    update(&mut app, press('B'));
    feed(
        &mut app,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut app, "Three groups of members");
    killed(&mut app, &path);

    let mut again = opened_app(&path);
    assert_eq!(again.context(), Context::Form, "the frame's form is back");
    // The restored text is typed text: Esc asks before it goes.
    update(&mut again, key(KeyCode::Esc));
    assert_eq!(again.context(), Context::Confirm);
    feed(&mut again, &[key(KeyCode::Esc), key(KeyCode::Enter)]);
    assert_eq!(again.session().frame.approach, "Three groups of members");
    assert!(markdown(&again).contains("Three groups of members"));
}

#[test]
fn the_priority_typed_in_the_action_form_reaches_the_action_plan() {
    let mut app = app_with(benchmark(), &["Red"]);
    select(&mut app, "1.1");
    update(&mut app, press('a'));
    if app.context() == Context::Actions {
        update(&mut app, press('a'));
    }
    assert_eq!(app.context(), Context::Form);
    type_text(&mut app, "Ask HR for the staff survey");
    feed(
        &mut app,
        &[
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
        ],
    );
    // A word that is no priority is refused, in words, and the form stays open.
    type_text(&mut app, "soon");
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(app.context(), Context::Form, "the form stays open");
    assert!(app.session().actions("1.1").is_empty(), "nothing kept");
    for _ in 0..4 {
        update(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "h");
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(app.session().actions("1.1")[0].priority, "High");
    let md = markdown(&app);
    let line = md
        .lines()
        .find(|l| l.contains("Ask HR for the staff survey"))
        .unwrap_or_else(|| panic!("the action is in the plan: {md}"));
    assert!(line.contains("High"), "{line}");
}

#[test]
fn an_action_draft_journalled_before_drafts_carried_the_priority_keeps_the_saved_one() {
    let old: awayday::session::journal::Draft = serde_json::from_str(
        r#"{"Action":{"node":"1.1","index":0,"text":"Run the survey","owner":"Sam Jones","due":""}}"#,
    )
    .unwrap();
    let mut app = app_with(benchmark(), &["Red"]);
    let item = awayday::session::ActionItem {
        text: "Run the survey".into(),
        priority: "Low".into(),
        ..Default::default()
    };
    common::set_actions(app.session_mut(), "1.1", vec![item]);
    app.restore_draft(old);
    assert_eq!(app.context(), Context::Form);
    update(&mut app, key(KeyCode::Enter));
    let item = &app.session().actions("1.1")[0];
    assert_eq!(item.owner, "Sam Jones");
    assert_eq!(item.priority, "Low", "the saved priority stands");
}

#[test]
fn the_priority_being_typed_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let mut app = opened_app(&path);
    select(&mut app, "1.1");
    feed(&mut app, &[press('a'), press('a')]);
    type_text(&mut app, "Run the survey");
    for _ in 0..4 {
        update(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "m");
    killed(&mut app, &path);

    let mut again = opened_app(&path);
    assert_eq!(again.context(), Context::Form, "the action's form is back");
    update(&mut again, key(KeyCode::Enter));
    assert_eq!(again.session().actions("1.1")[0].priority, "Medium");
}
