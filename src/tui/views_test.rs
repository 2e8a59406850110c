//! The registry is the only list of views: each view's key, its keys and help, and its
//! drawing come from its entry, so a view missing from the list fails here.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::session::journal::Draft;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::overlays::registry::{self, VIEWS};
use crate::tui::update::update;

fn app() -> App {
    let fw = crate::framework::resolve(None).unwrap();
    let session = crate::session::Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    App::new(fw, session, std::path::PathBuf::from("s.ron"))
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| crate::tui::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The open view's drawing alone, on an empty screen.
fn draw_view(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| app.render_view(f)).unwrap();
    terminal.backend().buffer().clone()
}

fn help_text(app: &App) -> String {
    crate::tui::overlays::help_lines(&app.view_context())
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The main-screen keys that open a view, and the drafts a form reopens with, written out
/// here rather than read from the registry: each must reach a registered view.
const OPENERS: &[Action] = &[
    Action::EditNotes,
    Action::Actions,
    Action::Summary,
    Action::Agenda,
    Action::Findings,
    Action::Conclusions,
    Action::Presenter,
    Action::Search,
    Action::Settings,
    Action::ReportFrame,
    Action::Help,
];

fn drafts(app: &App) -> Vec<Draft> {
    let statement = app.framework.statements_under(0).next().unwrap();
    vec![
        Draft::Action {
            node: app.framework.node(statement).id.clone(),
            index: None,
            text: "Ask".into(),
            owner: String::new(),
            due: String::new(),
            recommendation: None,
            priority: None,
        },
        Draft::Meta {
            field: crate::session::MetaField::Title,
            value: "Away day".into(),
        },
        Draft::Group {
            index: None,
            value: "Blue".into(),
        },
        Draft::Findings {
            node: None,
            fields: ["Clear".into(), String::new(), String::new(), String::new()],
        },
        Draft::Plan {
            field: crate::session::agenda::PlanField::Day,
            value: "09:30-16:00".into(),
        },
        Draft::Frame {
            parts: vec!["Why we met".into()],
        },
    ]
}

#[test]
fn every_view_opens_draws_and_has_its_keys_from_its_registry_entry() {
    let main = draw(&app());
    let blank = draw_view(&app());
    let mut opened = Vec::new();
    for action in OPENERS {
        let mut app = app();
        update(&mut app, action.clone());
        assert!(
            app.has_view(),
            "{action:?} opens no view: is it registered?"
        );
        let entry = VIEWS
            .iter()
            .find(|v| v.opens_on.contains(action))
            .unwrap_or_else(|| panic!("no entry opens on {action:?}"));
        opened.push(entry.name);
        // Its keys: the open view's context is one its entry declares, and help lists it.
        let context = app.context();
        assert!(
            entry.keys.iter().any(|(c, _)| *c == context),
            "{} is in {} keys, not declared in its entry",
            entry.name,
            context.name()
        );
        assert!(help_text(&app).contains(context.title()), "{}", entry.name);
        // Its drawing: something on an empty screen, and over the main screen.
        assert_ne!(draw_view(&app), blank, "{} draws nothing", entry.name);
        assert_ne!(draw(&app), main, "{} is not drawn", entry.name);
    }
    for draft in drafts(&app()) {
        let mut app = app();
        app.restore_draft(draft.clone());
        assert!(app.has_view(), "no registered view reopens {draft:?}");
        assert_eq!(app.context(), Context::Form, "{draft:?}");
    }
    // The conflict view is opened by the loop; it is registered like the rest.
    let conflict = VIEWS.iter().find(|v| v.name == "conflict").unwrap();
    let mut app = app();
    app.open_view((conflict.open)(&app.view_context(), &Action::Close).view);
    assert_eq!(app.context(), Context::Conflict);
    assert_ne!(draw_view(&app), blank, "the conflict view draws nothing");
    // Every context's keys are a registered view's (or the main screen's).
    assert_eq!(
        {
            let mut listed = registry::help_contexts();
            listed.sort_by_key(|c| c.name());
            listed
        },
        {
            let mut all = Context::ALL.to_vec();
            all.sort_by_key(|c| c.name());
            all
        },
        "a context no registered view has"
    );
}

#[test]
fn every_action_of_every_view_has_a_key_and_is_in_help() {
    let app = app();
    let help = help_text(&app);
    for context in registry::help_contexts() {
        for action in registry::reacts_to(context) {
            let binding = app
                .keymap
                .context(context)
                .find(|b| b.action == *action)
                .unwrap_or_else(|| panic!("{action:?} has no key in {}", context.name()));
            let shown = if matches!(action, Action::Score(_)) {
                "1 Underdeveloped"
            } else {
                binding.help
            };
            assert!(
                help.contains(shown),
                "{action:?} ({}) is not in help",
                context.name()
            );
        }
    }
    // Only the levels the scale has.
    assert!(!help.contains("5 "), "{help}");
}

/// The drafts the app put in its outbox, as the loop would journal them.
fn drafts_out(app: &App) -> Vec<Option<Draft>> {
    app.outbox
        .iter()
        .filter_map(|e| match e {
            crate::session::journal::Entry::Draft(d) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_form_has_the_same_keys_and_journals_its_draft_the_same_way() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |app: &mut App, code: KeyCode, modifiers: KeyModifiers| {
        update(app, Action::Key(KeyEvent::new(code, modifiers)));
    };
    for draft in drafts(&app()) {
        let mut app = app();
        app.restore_draft(draft.clone());
        app.outbox.clear();
        // Tab and Shift-Tab move between fields and type nothing.
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
        press(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(drafts_out(&app), [], "{draft:?}: Tab journalled a draft");
        // A character is typed into the field and journalled as the form's draft.
        press(&mut app, KeyCode::Char('Q'), KeyModifiers::NONE);
        let journalled = format!("{:?}", drafts_out(&app).last());
        assert!(journalled.contains('Q'), "{draft:?}: {journalled}");
        // Esc asks, since typed text is not kept; `n` throws it away and forgets the draft.
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(app.context(), Context::Confirm, "{draft:?}");
        press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
        assert_ne!(app.context(), Context::Form, "{draft:?}");
        assert_ne!(app.context(), Context::Confirm, "{draft:?}");
        assert_eq!(drafts_out(&app).last(), Some(&None), "{draft:?}");
    }
}
