//! Where keys go: the main screen and each open view, with the name a key file uses and
//! the heading help shows.

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
    /// Voting from the groups' devices.
    Voting,
}

impl Context {
    pub(crate) const ALL: [Context; 13] = [
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
    pub(crate) fn name(self) -> &'static str {
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
    pub(crate) fn title(self) -> &'static str {
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
    pub(crate) fn takes_text(self) -> bool {
        matches!(self, Context::Notes | Context::Form | Context::Search)
    }
}
