//! Keys as data: for every context (the main screen, each list, each form, the editor), which
//! keys do what. Help, the status bar and every hint on screen are generated from this table,
//! so they cannot disagree with what the keys do. A user's `keys.ron` changes only what it
//! names (see `keyfile.rs`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Resolution};
use super::serving::VotingAction; // serve

/// One key, as written in the table and in a user's key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// Names of keys that are not a single character, as help writes them and a key file may.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Enter", KeyCode::Enter),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Esc", KeyCode::Esc),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
];

impl Key {
    /// How the key is written in help: `j`, `Ctrl-r`, `↑`, `PgDn`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => NAMED
                .iter()
                .find(|(_, c)| *c == other)
                .map_or_else(|| format!("{other:?}"), |(n, _)| (*n).to_owned()),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    /// Reads a key as help writes it (`q`, `Ctrl-r`, `PgDn`, `F1`, `Up` or `↑`).
    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, rest) = match text.strip_prefix("Ctrl-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let mut chars = rest.chars();
        let named = NAMED.iter().find(|(n, _)| *n == rest).map(|(_, c)| *c);
        let code = match (named, chars.next(), chars.next()) {
            (Some(code), _, _) => code,
            (None, Some(c), None) => KeyCode::Char(c),
            _ => {
                if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=12).contains(&n) {
                        return None;
                    }
                    KeyCode::F(n)
                } else {
                    NAMED.iter().find(|(n, _)| *n == rest)?.1
                }
            }
        };
        Some(Key { code, ctrl })
    }

    /// The key of a key press. Terminals report Shift-Tab as `BackTab` (usually with SHIFT
    /// set), and a capital letter with SHIFT: both match on the code alone.
    pub fn of(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// Where keys go: each open view has its own keys, and the main screen has the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Main,
    Notes,
    Form,
    /// A form asking whether to keep typed text, after `Esc`.
    Confirm,
    Actions,
    Summary,
    Search,
    Settings,
    Help,
    Conflict,
    Agenda,
    Presenter,
    /// Voting from the groups' devices (serve).
    Voting,
}

impl Context {
    pub const ALL: [Context; 13] = [
        Context::Main,
        Context::Presenter,
        Context::Notes,
        Context::Form,
        Context::Confirm,
        Context::Actions,
        Context::Summary,
        Context::Search,
        Context::Settings,
        Context::Help,
        Context::Conflict,
        Context::Agenda,
        Context::Voting,
    ];

    /// The name used in a key file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Main => "main",
            Context::Notes => "notes",
            Context::Form => "form",
            Context::Confirm => "confirm",
            Context::Actions => "actions",
            Context::Summary => "summary",
            Context::Search => "search",
            Context::Settings => "settings",
            Context::Help => "help",
            Context::Conflict => "conflict",
            Context::Agenda => "agenda",
            Context::Presenter => "presenter",
            Context::Voting => "voting",
        }
    }

    /// The heading in help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Main => "Main screen",
            Context::Notes => "Notes editor",
            Context::Form => {
                "Forms (an action, findings, a session detail, a group's name, the day's plan)"
            }
            Context::Confirm => "Keep the changes? (Esc in a form holding text not yet kept)",
            Context::Actions => "Actions list",
            Context::Summary => "Summary",
            Context::Search => "Search",
            Context::Settings => "Session details and groups",
            Context::Help => "Help",
            Context::Conflict => "When another program changed the file",
            Context::Agenda => "The day's plan",
            Context::Presenter => "Presenter view (for the room)",
            Context::Voting => "Voting from the groups' devices",
        }
    }

    /// Whether keys not bound here are typed into a text (the editor, a field, the query).
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Notes | Context::Form | Context::Search)
    }
}

/// Keys, the action they trigger, its name in a key file, and what help says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// The action's name in a key file: `quit`, `score-3`, `next-column`.
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub action: Action,
    /// One line for help.
    pub help: &'static str,
    /// A word or two for hints on screen.
    pub hint: &'static str,
}

/// The effective keys: the defaults, with a user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// Every binding (for tests that check the whole table).
    #[cfg(any(test, feature = "test-support"))]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub(crate) fn bindings_mut(&mut self) -> &mut Vec<Binding> {
        &mut self.bindings
    }

    /// The bindings of one context, in help's order.
    pub fn context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// What a key press does in `context`: its binding, or, where text is typed, the key
    /// itself as input.
    pub fn route(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        self.context(context)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
            .or_else(|| context.takes_text().then_some(Action::Input(event)))
    }

    /// The first key for an action in `context`, as help writes it.
    pub fn key_for(&self, context: Context, action: &Action) -> Option<String> {
        self.context(context)
            .find(|b| b.action == *action)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
    }

    /// A hint line for a view: "key hint · key hint", for the actions given, from the table.
    pub fn hints(&self, context: Context, actions: &[Action]) -> String {
        actions
            .iter()
            .filter_map(|a| {
                let b = self.context(context).find(|b| b.action == *a)?;
                Some(format!("{} {}", b.keys.first()?.label(), b.hint))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Keys bound twice in one context, as "context: key (a, b)" lines.
    pub fn clashes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for context in Context::ALL {
            let bindings: Vec<&Binding> = self.context(context).collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    for key in &a.keys {
                        if b.keys.contains(key) {
                            out.push(format!(
                                "{}: {} is bound to both {} and {}",
                                context.name(),
                                key.label(),
                                a.name,
                                b.name
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

/// The default keys, in the order help lists them.
#[allow(clippy::too_many_lines)] // one table, read top to bottom
#[rustfmt::skip] // a table: one binding a line reads better than rustfmt's layout
pub fn defaults() -> Vec<Binding> {
    use Context::{
        Actions, Agenda, Confirm, Conflict, Form, Help, Main, Notes, Presenter, Search, Settings,
        Summary, Voting,
    };
    let b = |context, name, keys: &[Key], action, help, hint| Binding {
        context,
        name,
        keys: keys.to_vec(),
        action,
        help,
        hint,
    };
    let mut t = vec![
        b(
            Main,
            "up",
            &[code(KeyCode::Up), k('k')],
            Action::Up,
            "previous row",
            "up",
        ),
        b(
            Main,
            "down",
            &[code(KeyCode::Down), k('j')],
            Action::Down,
            "next row",
            "down",
        ),
        b(
            Main,
            "left",
            &[code(KeyCode::Left), k('h')],
            Action::Left,
            "collapse, or go to parent",
            "collapse",
        ),
        b(
            Main,
            "right",
            &[code(KeyCode::Right), k('l')],
            Action::Right,
            "expand, or go to first child",
            "expand",
        ),
        b(
            Main,
            "toggle",
            &[code(KeyCode::Enter), k(' ')],
            Action::Toggle,
            "expand / collapse",
            "open",
        ),
        b(
            Main,
            "top",
            &[k('g'), code(KeyCode::Home)],
            Action::Top,
            "first row",
            "top",
        ),
        b(
            Main,
            "bottom",
            &[k('G'), code(KeyCode::End)],
            Action::Bottom,
            "last row",
            "bottom",
        ),
        b(
            Main,
            "page-up",
            &[code(KeyCode::PageUp)],
            Action::PageUp,
            "page up",
            "page up",
        ),
        b(
            Main,
            "page-down",
            &[code(KeyCode::PageDown)],
            Action::PageDown,
            "page down",
            "page down",
        ),
        b(
            Main,
            "next-unscored",
            &[k(']')],
            Action::NextUnscored,
            "next not scored here (Agreed: next awaiting agreement)",
            "next unscored",
        ),
        b(
            Main,
            "previous-unscored",
            &[k('[')],
            Action::PrevUnscored,
            "previous not scored here (Agreed: awaiting agreement)",
            "previous unscored",
        ),
        b(
            Main,
            "next-disagreement",
            &[k('d')],
            Action::NextDisagreement,
            "next statement where the groups disagree",
            "next disagreement",
        ),
        b(
            Main,
            "previous-disagreement",
            &[k('D')],
            Action::PrevDisagreement,
            "previous statement where the groups disagree",
            "previous disagreement",
        ),
        b(
            Main,
            "grid",
            &[k('v')],
            Action::ToggleGrid,
            "the room grid: every group's score side by side",
            "grid",
        ),
        b(
            Main,
            "fast-entry",
            &[k('f')],
            Action::ToggleFastEntry,
            "fast entry: each score moves on to the next column",
            "fast entry",
        ),
        b(
            Main,
            "scroll-text-down",
            &[k('J'), ctrl('d')],
            Action::DetailDown,
            "scroll the text pane down",
            "scroll text",
        ),
        b(
            Main,
            "scroll-text-up",
            &[k('K'), ctrl('u')],
            Action::DetailUp,
            "scroll the text pane up",
            "scroll text up",
        ),
        b(
            Main,
            "next-column",
            &[code(KeyCode::Tab)],
            Action::NextColumn,
            "next column: each group, then Agreed",
            "column",
        ),
        b(
            Main,
            "previous-column",
            &[code(KeyCode::BackTab)],
            Action::PrevColumn,
            "previous column",
            "previous column",
        ),
    ];
    for (level, name) in [
        (1, "score-1"),
        (2, "score-2"),
        (3, "score-3"),
        (4, "score-4"),
        (5, "score-5"),
        (6, "score-6"),
        (7, "score-7"),
        (8, "score-8"),
        (9, "score-9"),
    ] {
        let digit = char::from(b'0' + level);
        for context in [Main, Presenter] {
            t.push(b(
                context,
                name,
                &[k(digit)],
                Action::Score(level),
                "score this level",
                "score",
            ));
        }
    }
    t.extend(vec![
        b(
            Main,
            "not-applicable",
            &[k('-')],
            Action::NotApplicable,
            "not applicable",
            "n/a",
        ),
        b(
            Main,
            "clear",
            &[k('0'), k('x'), code(KeyCode::Backspace)],
            Action::Clear,
            "clear the score",
            "clear",
        ),
        b(
            Main,
            "findings",
            &[k('F')],
            Action::Findings,
            "findings on this area or heading (judgement, advice)",
            "findings",
        ),
        b(
            Main,
            "conclusions",
            &[k('C')],
            Action::Conclusions,
            "the review's main conclusions",
            "conclusions",
        ),
        b(
            Main,
            "agenda",
            &[k('t')],
            Action::Agenda,
            "the day's plan: times per area, breaks, time spent",
            "agenda",
        ),
        b(
            Main,
            "presenter",
            &[k('p')],
            Action::Presenter,
            "the presenter view: the statement and the scores, large, for the room",
            "presenter",
        ),
        b(
            Main,
            "notes",
            &[k('n')],
            Action::EditNotes,
            "edit the notes of the selected node",
            "notes",
        ),
        b(
            Main,
            "actions",
            &[k('a')],
            Action::Actions,
            "actions of the selected node: add, edit, done, delete",
            "actions",
        ),
        b(
            Main,
            "summary",
            &[k('s')],
            Action::Summary,
            "summary: coverage, means, where groups disagree",
            "summary",
        ),
        b(
            Main,
            "search",
            &[k('/')],
            Action::Search,
            "search all text",
            "search",
        ),
        b(
            Main,
            "settings",
            &[k('e')],
            Action::Settings,
            "title, organisation, facilitator, groups",
            "session",
        ),
        b(Main, "undo", &[k('u')], Action::Undo, "undo", "undo"),
        b(Main, "redo", &[ctrl('r')], Action::Redo, "redo", "redo"),
        b(
            Main,
            "help",
            &[k('?'), code(KeyCode::F(1))],
            Action::Help,
            "every key",
            "help",
        ),
        b(
            Main,
            "save",
            &[ctrl('s')],
            Action::Save,
            "write the file now (every change is kept anyway)",
            "save",
        ),
        b(
            Main,
            "quit",
            &[k('q'), ctrl('c')],
            Action::Quit,
            "save and quit",
            "quit",
        ),
        b(
            Notes,
            "close",
            &[code(KeyCode::Esc)],
            Action::Close,
            "keep the notes and close",
            "keeps the notes",
        ),
        b(
            Form,
            "next-field",
            &[code(KeyCode::Tab), code(KeyCode::Down)],
            Action::NextField,
            "next field",
            "next field",
        ),
        b(
            Form,
            "previous-field",
            &[code(KeyCode::BackTab), code(KeyCode::Up)],
            Action::PrevField,
            "previous field",
            "previous field",
        ),
        b(
            Form,
            "submit",
            &[code(KeyCode::Enter)],
            Action::Submit,
            "keep what the form holds",
            "keep",
        ),
        b(
            Form,
            "cancel",
            &[code(KeyCode::Esc)],
            Action::Close,
            "close the form; if it holds text not yet kept, asks whether to keep it",
            "close",
        ),
        b(
            Confirm,
            "keep",
            &[k('y'), code(KeyCode::Enter)],
            Action::Submit,
            "keep what was typed (as Enter in the form)",
            "keep",
        ),
        b(
            Confirm,
            "discard",
            &[k('n')],
            Action::Discard,
            "throw away what was typed",
            "discard",
        ),
        b(
            Confirm,
            "back",
            &[code(KeyCode::Esc)],
            Action::Close,
            "go on editing, the text as it was",
            "go on editing",
        ),
        b(
            Actions,
            "up",
            &[code(KeyCode::Up), k('k')],
            Action::ListUp,
            "previous action",
            "up",
        ),
        b(
            Actions,
            "down",
            &[code(KeyCode::Down), k('j')],
            Action::ListDown,
            "next action",
            "down",
        ),
        b(
            Actions,
            "add",
            &[k('a'), k('n')],
            Action::AddItem,
            "write a new action",
            "add",
        ),
        b(
            Actions,
            "edit",
            &[code(KeyCode::Enter), k('e')],
            Action::EditItem,
            "edit the chosen action",
            "edit",
        ),
        b(
            Actions,
            "done",
            &[k(' '), k('x')],
            Action::ToggleDone,
            "mark done, or open again",
            "done",
        ),
        b(
            Actions,
            "delete",
            &[k('d'), code(KeyCode::Delete)],
            Action::DeleteItem,
            "delete the chosen action (u undoes)",
            "delete",
        ),
        b(
            Actions,
            "close",
            &[code(KeyCode::Esc), k('q')],
            Action::Close,
            "close",
            "close",
        ),
        b(
            Summary,
            "up",
            &[code(KeyCode::Up), k('k')],
            Action::ListUp,
            "previous statement",
            "up",
        ),
        b(
            Summary,
            "down",
            &[code(KeyCode::Down), k('j')],
            Action::ListDown,
            "next statement",
            "choose",
        ),
        b(
            Summary,
            "go",
            &[code(KeyCode::Enter)],
            Action::Choose,
            "go to the statement",
            "go to statement",
        ),
        b(
            Summary,
            "close",
            &[code(KeyCode::Esc), k('s'), k('q')],
            Action::Close,
            "back to the main screen",
            "back",
        ),
        b(
            Search,
            "next",
            &[code(KeyCode::Down), code(KeyCode::Tab), ctrl('n')],
            Action::ListDown,
            "next match",
            "choose",
        ),
        b(
            Search,
            "previous",
            &[code(KeyCode::Up), code(KeyCode::BackTab), ctrl('p')],
            Action::ListUp,
            "previous match",
            "previous",
        ),
        b(
            Search,
            "page-down",
            &[code(KeyCode::PageDown)],
            Action::ListPageDown,
            "ten matches on",
            "page",
        ),
        b(
            Search,
            "page-up",
            &[code(KeyCode::PageUp)],
            Action::ListPageUp,
            "ten matches back",
            "page back",
        ),
        b(
            Search,
            "go",
            &[code(KeyCode::Enter)],
            Action::Choose,
            "go to the match",
            "go",
        ),
        b(
            Search,
            "clear",
            &[ctrl('u')],
            Action::ClearInput,
            "clear the query",
            "clear",
        ),
        b(
            Search,
            "close",
            &[code(KeyCode::Esc)],
            Action::Close,
            "back to where you were",
            "back",
        ),
        b(
            Settings,
            "down",
            &[code(KeyCode::Down), k('j'), code(KeyCode::Tab)],
            Action::ListDown,
            "next row",
            "choose",
        ),
        b(
            Settings,
            "up",
            &[code(KeyCode::Up), k('k'), code(KeyCode::BackTab)],
            Action::ListUp,
            "previous row",
            "up",
        ),
        b(
            Settings,
            "edit",
            &[code(KeyCode::Enter), k('r'), k('a')],
            Action::EditItem,
            "edit the chosen detail, rename a group, or add one",
            "edit",
        ),
        b(
            Settings,
            "remove",
            &[k('d'), code(KeyCode::Delete)],
            Action::DeleteItem,
            "remove the chosen group (asks first if it has scores)",
            "remove group",
        ),
        b(
            Settings,
            "move-up",
            &[k('K')],
            Action::MoveEarlier,
            "move the chosen group one place up",
            "move up",
        ),
        b(
            Settings,
            "move-down",
            &[k('J')],
            Action::MoveLater,
            "move the chosen group one place down",
            "move down",
        ),
        b(
            Settings,
            "close",
            &[code(KeyCode::Esc), k('q'), k('e')],
            Action::Close,
            "close",
            "close",
        ),
        b(
            Help,
            "down",
            &[code(KeyCode::Down), k('j')],
            Action::ListDown,
            "scroll down",
            "scroll",
        ),
        b(
            Help,
            "up",
            &[code(KeyCode::Up), k('k')],
            Action::ListUp,
            "scroll up",
            "scroll up",
        ),
        b(
            Help,
            "page-down",
            &[code(KeyCode::PageDown), k(' ')],
            Action::ListPageDown,
            "page down",
            "page",
        ),
        b(
            Help,
            "page-up",
            &[code(KeyCode::PageUp)],
            Action::ListPageUp,
            "page up",
            "page up",
        ),
        b(
            Help,
            "close",
            &[
                code(KeyCode::Esc),
                k('?'),
                k('q'),
                code(KeyCode::F(1)),
                code(KeyCode::Enter),
            ],
            Action::Close,
            "close",
            "close",
        ),
        b(
            Conflict,
            "theirs",
            &[k('r')],
            Action::Resolve(Resolution::Theirs),
            "reload theirs (yours stays in its copy)",
            "reload theirs",
        ),
        b(
            Conflict,
            "ours",
            &[k('k')],
            Action::Resolve(Resolution::Ours),
            "keep yours, writing over theirs (theirs is kept beside it)",
            "keep yours",
        ),
        b(
            Conflict,
            "merge",
            &[k('m')],
            Action::Resolve(Resolution::Merge),
            "merge both: yours wins where both scored a statement",
            "merge",
        ),
        b(Presenter, "next", &[k('j'), code(KeyCode::Down)], Action::NextStatement, "next statement", "next"),
        b(Presenter, "previous", &[k('k'), code(KeyCode::Up)], Action::PrevStatement, "previous statement", "previous"),
        b(Presenter, "next-column", &[code(KeyCode::Tab)], Action::NextColumn, "next column: each group, then Agreed", "column"),
        b(Presenter, "previous-column", &[code(KeyCode::BackTab)], Action::PrevColumn, "previous column", "previous column"),
        b(Presenter, "not-applicable", &[k('-')], Action::NotApplicable, "not applicable", "n/a"),
        b(Presenter, "clear", &[k('0'), k('x'), code(KeyCode::Backspace)], Action::Clear, "clear the score", "clear"),
        b(Presenter, "next-disagreement", &[k('d')], Action::NextDisagreement, "next statement where the groups disagree", "next disagreement"),
        b(Presenter, "previous-disagreement", &[k('D')], Action::PrevDisagreement, "previous statement where the groups disagree", "previous disagreement"),
        b(Presenter, "fast-entry", &[k('f')], Action::ToggleFastEntry, "fast entry: each score moves on to the next column", "fast entry"),
        b(Presenter, "notes", &[k('n')], Action::ToggleNotes, "show or hide the notes to the room", "notes"),
        b(Presenter, "undo", &[k('u')], Action::Undo, "undo", "undo"),
        b(Presenter, "close", &[k('p'), code(KeyCode::Esc)], Action::Close, "back to the main screen, on the same statement", "back"),
        // room: reveal and room mode (keys added for issue 23; `shape` may move them to the data file)
        b(Main, "reveal", &[k('r')], Action::Reveal, "room mode: reveal the scores to the room (again: hide)", "reveal"),
        b(Main, "room-mode", &[k('R')], Action::ToggleRoomMode, "room mode on/off: the room sees who scored, not what", "room mode"),
        b(Main, "grid-hidden", &[k('V')], Action::ToggleGridHidden, "room mode: hide scores in your grid too until revealed", "hide in grid"),
        b(Main, "solo", &[k('S')], Action::ToggleSolo, "solo review: one column, your score, read as agreed", "solo"),
        b(Presenter, "reveal", &[k('r')], Action::Reveal, "reveal the scores to the room (again: hide them)", "reveal"),
        b(Presenter, "room-mode", &[k('R')], Action::ToggleRoomMode, "room mode on/off: the room sees who scored, not what", "room mode"),
        b(Presenter, "notes-down", &[k('J'), code(KeyCode::PageDown)], Action::DetailDown, "the next page of the notes", "notes page"),
        b(Presenter, "notes-up", &[k('K'), code(KeyCode::PageUp)], Action::DetailUp, "the previous page of the notes", "notes page up"),
        // end room
        b(Agenda, "down", &[code(KeyCode::Down), k('j')], Action::ListDown, "next area", "choose"),
        b(Agenda, "up", &[code(KeyCode::Up), k('k')], Action::ListUp, "previous area", "up"),
        b(Agenda, "more", &[k('+'), k('=')], Action::MoreTime, "five more minutes for the chosen area", "more time"),
        b(Agenda, "less", &[k('-')], Action::LessTime, "five fewer minutes for the chosen area", "less time"),
        b(Agenda, "share", &[k('r')], Action::ResetTime, "the chosen area back to its share of the day", "share"),
        b(Agenda, "day", &[k('e'), code(KeyCode::Enter)], Action::EditItem, "set the day's start and end (09:30-16:00)", "day"),
        b(Agenda, "breaks", &[k('b')], Action::EditBreaks, "set the breaks (12:30-13:15, 15:00-15:10)", "breaks"),
        b(Agenda, "remove", &[k('d')], Action::DeleteItem, "remove the plan", "remove plan"),
        b(Agenda, "close", &[code(KeyCode::Esc), k('t'), k('q')], Action::Close, "close", "close"),
        // --- serve: voting from the groups' devices (issue 24) ---
        b(Main, "voting", &[k('W')], Action::Voting(VotingAction::Open), "voting from the groups' devices: links, QR codes, start and stop", "voting"),
        b(Voting, "down", &[code(KeyCode::Down), k('j')], Action::ListDown, "next group", "choose"),
        b(Voting, "up", &[code(KeyCode::Up), k('k')], Action::ListUp, "previous group", "up"),
        b(Voting, "start-stop", &[k('s')], Action::Voting(VotingAction::Toggle), "start or stop voting on this network", "start/stop"),
        b(Voting, "new-link", &[k('r')], Action::Voting(VotingAction::Rotate), "a new link for the chosen group (a lost phone): the old one stops working", "new link"),
        b(Voting, "close", &[code(KeyCode::Esc), k('q'), k('W')], Action::Close, "close (voting goes on)", "close"),
        // --- end serve ---
    ]);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let clashes = Keymap::default().clashes();
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    #[test]
    fn every_binding_round_trips_and_every_label_parses() {
        let map = Keymap::default();
        for b in map.bindings() {
            for key in &b.keys {
                let mods = if key.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                assert_eq!(
                    map.route(b.context, KeyEvent::new(key.code, mods)),
                    Some(b.action.clone())
                );
                assert_eq!(Key::parse(&key.label()), Some(*key), "{}", key.label());
            }
        }
    }

    #[test]
    fn names_are_unique_in_each_context() {
        let map = Keymap::default();
        for context in Context::ALL {
            let mut names: Vec<&str> = map.context(context).map(|b| b.name).collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "{}", context.name());
        }
    }

    #[test]
    fn unbound_keys_are_text_only_where_text_is_typed() {
        let map = Keymap::default();
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(map.route(Context::Main, z), None);
        assert_eq!(map.route(Context::Search, z), Some(Action::Input(z)));
        assert_eq!(map.route(Context::Notes, z), Some(Action::Input(z)));
    }
}
