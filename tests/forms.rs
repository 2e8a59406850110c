//! Forms never lose typed text: `Esc` means the same in every form (closes when nothing typed
//! is unkept, else asks), every form's draft comes back after a kill with its links, and a
//! restored draft kept with `Enter` never clears a saved field. Also: undoing a change to the
//! day's plan leaves the time spent alone.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};

use awayday::framework::Framework;
use awayday::session::agenda::{Agenda, area_of, format_time};
use awayday::session::journal::{Draft, Entry};
use awayday::session::{self, ActionItem, Findings, Session, Store};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::keymap::Context;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, key, select, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What is typed in the three passes of a text form.
const WORDS: [&str; 3] = ["first", "second", "third"];

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn esc() -> Action {
    key(KeyCode::Esc)
}

fn enter() -> Action {
    key(KeyCode::Enter)
}

/// The form text last journalled: the draft a kill would leave.
fn last_draft(app: &App) -> Option<Draft> {
    app.outbox()
        .iter()
        .rev()
        .find_map(|e| match e {
            Entry::Draft(d) => Some(d.clone()),
            _ => None,
        })
        .flatten()
}

/// Whether a form (or its question) has the keys.
fn in_form(app: &App) -> bool {
    matches!(app.context(), Context::Form | Context::Confirm)
}

/// One form, walked through every way of leaving it: `Esc` with typed text asks and `Esc`
/// again goes on editing with the text intact; `n` discards (and forgets the draft); `y`
/// keeps; `Esc` with nothing typed closes at once.
fn esc_never_loses_text(
    name: &str,
    mut app: App,
    texts: [&str; 3],
    open: impl Fn(&mut App),
    saved: impl Fn(&App) -> String,
) {
    let [first, second, third] = texts;
    open(&mut app);
    assert!(in_form(&app), "{name}: the form opens");
    type_text(&mut app, first);
    update(&mut app, esc());
    assert_eq!(app.context(), Context::Confirm, "{name}: Esc asks");
    assert!(!saved(&app).contains(first), "{name}: nothing kept yet");
    update(&mut app, esc());
    assert_eq!(
        app.context(),
        Context::Form,
        "{name}: Esc again goes on editing"
    );
    update(&mut app, enter());
    assert!(
        saved(&app).contains(first),
        "{name}: the text survived the question: {:?}",
        saved(&app)
    );

    open(&mut app);
    type_text(&mut app, second);
    feed(&mut app, &[esc(), press('n')]);
    assert!(!in_form(&app), "{name}: n discards and closes the form");
    assert!(!saved(&app).contains(second), "{name}: discarded");
    assert_eq!(last_draft(&app), None, "{name}: the draft is forgotten");

    open(&mut app);
    type_text(&mut app, third);
    feed(&mut app, &[esc(), press('y')]);
    assert!(!in_form(&app), "{name}: y keeps and closes the form");
    assert!(saved(&app).contains(third), "{name}: kept");

    open(&mut app);
    update(&mut app, esc());
    assert!(!in_form(&app), "{name}: nothing typed, Esc closes at once");
}

#[test]
fn esc_in_the_findings_form_asks_before_typed_text_goes() {
    esc_never_loses_text(
        "findings",
        app_with(benchmark(), &["Red"]),
        WORDS,
        |app| {
            select(app, "2.1");
            update(app, press('F'));
        },
        |app| app.session().findings(Some("2.1")).strengths.clone(),
    );
    esc_never_loses_text(
        "conclusions",
        app_with(benchmark(), &["Red"]),
        WORDS,
        |app| {
            update(app, press('C'));
        },
        |app| app.session().findings(None).strengths.clone(),
    );
}

#[test]
fn esc_in_the_action_form_asks_before_typed_text_goes() {
    esc_never_loses_text(
        "action",
        app_with(benchmark(), &["Red"]),
        WORDS,
        |app| {
            select(app, "2.1.a.1");
            update(app, press('a'));
            if app.context() == Context::Actions {
                update(app, press('a'));
            }
        },
        |app| {
            app.session()
                .actions("2.1.a.1")
                .iter()
                .map(|a| a.text.clone())
                .collect::<Vec<_>>()
                .join("|")
        },
    );
}

#[test]
fn esc_in_the_session_details_asks_before_typed_text_goes() {
    esc_never_loses_text(
        "title",
        app_with(benchmark(), &["Red"]),
        WORDS,
        |app| {
            if !app.has_view() {
                update(app, press('e'));
            }
            update(app, enter());
        },
        |app| app.session().title.clone(),
    );
    esc_never_loses_text(
        "group name",
        app_with(benchmark(), &["Red"]),
        WORDS,
        |app| {
            if !app.has_view() {
                update(app, press('e'));
            }
            // From the top, past the title, organisation and facilitator, to the group.
            for _ in 0..6 {
                update(app, press('k'));
            }
            feed(app, &[press('j'), press('j'), press('j'), enter()]);
        },
        |app| app.session().groups[0].clone(),
    );
}

#[test]
fn esc_in_the_day_plan_form_asks_before_typed_text_goes() {
    let mut app = app_with(benchmark(), &["Red"]);
    app.session_mut().agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
    esc_never_loses_text(
        "breaks",
        app,
        // Each typed after the breaks already kept (an empty part is no break).
        [", 12:00-12:10", ", 13:00-13:10", ", 14:00-14:10"],
        |app| {
            if !app.has_view() {
                update(app, press('t'));
            }
            update(app, press('b'));
        },
        |app| {
            let breaks = &app.session().agenda.as_ref().unwrap().breaks;
            let spans: Vec<String> = breaks
                .iter()
                .map(|(a, z)| format!(", {}-{}", format_time(*a), format_time(*z)))
                .collect();
            spans.concat()
        },
    );
}

/// A session file over the benchmark, group Red, with what `prepare` adds.
fn session_file(dir: &Path, prepare: impl Fn(&Framework, &mut Session)) -> PathBuf {
    let fw = benchmark();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-12-07".into());
    prepare(&fw, &mut s);
    let path = dir.join("s.ron");
    session::save(&path, &s).unwrap();
    path
}

/// Journals what the app's outbox holds, as the loop does, and stops without a fold: the
/// state a `kill -9` leaves.
fn killed(app: &mut App, path: &Path) {
    let mut store = Store::open(path).unwrap().store;
    store.append(app.take_outbox(), None).unwrap();
    // Dropped without a fold: what a kill leaves.
    drop(store);
}

/// The app as awayday reopens the session after a kill: the file, its journal replayed, and
/// the form that was open, restored.
fn reopened_app(path: &Path) -> App {
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

#[test]
fn the_day_plan_being_typed_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path(), |_, s| {
        s.agenda = Some(Agenda::new("09:00-17:00", &[]).unwrap());
    });
    let opened = common::reopened(&path);
    let mut app = App::new(benchmark(), opened.session, path.clone());
    drop(opened.store);
    update(&mut app, Action::Resize(120, 40));
    feed(&mut app, &[press('t'), press('b')]);
    type_text(&mut app, "12:30-13:15");
    killed(&mut app, &path);

    let mut again = reopened_app(&path);
    assert_eq!(again.context(), Context::Form, "the plan's form is back");
    // The restored text is typed text: Esc asks before it goes.
    update(&mut again, esc());
    assert_eq!(again.context(), Context::Confirm);
    feed(&mut again, &[esc(), enter()]);
    assert_eq!(
        again.session().agenda.as_ref().unwrap().breaks,
        [(750, 795)],
        "the break typed before the kill is kept"
    );
}

/// A session whose statement 1.1 has one action carrying out recommendation 2 of its area.
fn with_linked_action(fw: &Framework, s: &mut Session) {
    let area = area_of(fw, fw.find("1.1").unwrap()).unwrap();
    let area = fw.node(area).id.clone();
    let history = &mut session::History::default();
    history.apply(
        s,
        session::Edit::Findings {
            node: Some(area),
            before: Findings::default(),
            after: Findings {
                recommendations: vec!["Survey staff".into(), "Train managers".into()],
                ..Findings::default()
            },
        },
    );
    history.apply(
        s,
        session::Edit::Actions {
            node: "1.1".into(),
            before: Vec::new(),
            after: vec![ActionItem {
                id: String::new(),
                text: "Run the survey".into(),
                owner: "Sam".into(),
                recommendation: Some(2),
                ..ActionItem::default()
            }],
        },
    );
}

#[test]
fn a_restored_action_draft_keeps_its_link_and_enter_clears_no_saved_field() {
    // The owner is changed: the saved link must survive the kill and the Enter.
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path(), with_linked_action);
    let opened = common::reopened(&path);
    let mut app = App::new(benchmark(), opened.session, path.clone());
    drop(opened.store);
    update(&mut app, Action::Resize(120, 40));
    select(&mut app, "1.1");
    feed(&mut app, &[press('a'), enter(), key(KeyCode::Tab)]);
    type_text(&mut app, " (HR)");
    killed(&mut app, &path);
    let mut again = reopened_app(&path);
    // The restored text is typed text: Esc asks before it goes.
    update(&mut again, esc());
    assert_eq!(again.context(), Context::Confirm);
    feed(&mut again, &[esc(), enter()]);
    let item = &again.session().actions("1.1")[0];
    assert_eq!(item.owner, "Sam (HR)");
    assert_eq!(item.recommendation, Some(2), "Enter kept the saved link");

    // The link itself changed in the form: the change comes back too.
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path(), with_linked_action);
    let opened = common::reopened(&path);
    let mut app = App::new(benchmark(), opened.session, path.clone());
    drop(opened.store);
    update(&mut app, Action::Resize(120, 40));
    select(&mut app, "1.1");
    feed(&mut app, &[press('a'), enter()]);
    // Shift-Tab twice: from What, past Priority, to For rec.
    feed(
        &mut app,
        &[
            key(KeyCode::BackTab),
            key(KeyCode::BackTab),
            key(KeyCode::Backspace),
        ],
    );
    type_text(&mut app, "1");
    killed(&mut app, &path);
    let mut again = reopened_app(&path);
    update(&mut again, enter());
    assert_eq!(
        again.session().actions("1.1")[0].recommendation,
        Some(1),
        "the link typed before the kill"
    );
}

#[test]
fn an_action_draft_journalled_without_its_link_leaves_the_saved_link_alone() {
    // A draft written before drafts carried the link: no `recommendation` in it.
    let old: Draft = serde_json::from_str(
        r#"{"Action":{"node":"1.1","index":0,"text":"Run the survey","owner":"Sam Jones","due":""}}"#,
    )
    .unwrap();
    let fw = benchmark();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-12-07".into());
    with_linked_action(&fw, &mut s);
    let mut app = App::new(fw, s, PathBuf::from("/tmp/awayday-forms-test.ron"));
    update(&mut app, Action::Resize(120, 40));
    app.restore_draft(old);
    update(&mut app, enter());
    let item = &app.session().actions("1.1")[0];
    assert_eq!(item.owner, "Sam Jones");
    assert_eq!(item.recommendation, Some(2));
}

fn tick(app: &mut App, seconds: u64) {
    let minute = u16::try_from(9 * 60 + seconds / 60).unwrap();
    update(app, Action::Tick { minute, seconds });
}

fn spent(app: &App) -> u32 {
    app.session()
        .agenda
        .as_ref()
        .map_or(0, |a| a.spent.values().sum())
}

/// Two minutes in the selected area, with someone at the keyboard.
fn two_minutes(app: &mut App, from: u64) {
    update(app, Action::Resize(120, 40)); // not a key: keeps the clock honest
    app.clock_mut().last_key = Some(from);
    for s in (from..=from + 120).step_by(10) {
        tick(app, s);
    }
}

#[test]
fn undoing_a_plan_change_keeps_the_time_spent() {
    let mut app = app_with(benchmark(), &["Red"]);
    select(&mut app, "2.1.a.1");
    feed(&mut app, &[press('t'), enter()]); // the day, as offered
    assert!(app.session().agenda.is_some());
    two_minutes(&mut app, 0);
    let first = spent(&app);
    assert!(first >= 60, "{first}");
    feed(&mut app, &[press('+')]);
    let plus = app.session().agenda.clone().unwrap().minutes;
    assert_eq!(plus.len(), 1);
    two_minutes(&mut app, 200);
    let total = spent(&app);
    assert!(total > first, "{total} > {first}");

    // Undo the five minutes: the plan goes back, the time spent stays.
    feed(&mut app, &[esc(), press('u')]);
    assert!(app.session().agenda.as_ref().unwrap().minutes.is_empty());
    assert_eq!(spent(&app), total, "undo kept the time spent");
    two_minutes(&mut app, 400);
    let later = spent(&app);
    assert!(later > total);
    // Redo puts the five minutes back, still keeping every second spent.
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    );
    assert_eq!(app.session().agenda.as_ref().unwrap().minutes, plus);
    assert_eq!(spent(&app), later, "redo kept the time spent");

    // Undoing the whole plan and redoing it brings the time spent back with it.
    feed(&mut app, &[press('u'), press('u')]);
    assert!(app.session().agenda.is_none());
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    );
    assert_eq!(spent(&app), later, "the plan came back with its time spent");
}
