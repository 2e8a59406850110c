//! Every intent the workshop screen understands, and every effect an update asks of the loop.
//!
//! Keys become actions through the keymap (`keymap.rs`), for the context that has the keys;
//! views turn their own actions into further actions (an edit, a jump); `update.rs` applies
//! them all. Tests drive the app by feeding actions to `update`.

use ratatui::crossterm::event::KeyEvent;

use crate::framework::NodeIx;
use crate::session::Edit;
use crate::session::journal::Draft;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // The main screen: the tree, the text pane and the score columns.
    /// Select the previous visible row.
    Up,
    /// Select the next visible row.
    Down,
    /// Collapse the selected node, or go to its parent.
    Left,
    /// Expand the selected node, or go to its first child.
    Right,
    /// Expand or collapse the selected node.
    Toggle,
    /// Select the first row.
    Top,
    /// Select the last row.
    Bottom,
    /// Move up one screenful.
    PageUp,
    /// Move down one screenful.
    PageDown,
    /// Jump to the next statement the active column has not scored.
    NextUnscored,
    /// Jump to the previous statement the active column has not scored.
    PrevUnscored,
    /// Make the next column (group, then Agreed) active.
    NextColumn,
    /// Make the previous column active.
    PrevColumn,
    /// Give the selected statement this level in the active column.
    Score(u8),
    /// Clear the active column's score for the selected statement.
    Clear,
    /// Mark the selected statement not applicable in the active column.
    NotApplicable,
    /// Show every group's score side by side in the tree, or the active column's alone.
    ToggleGrid,
    /// Turn fast entry on or off: a score moves on to the next column, then statement.
    ToggleFastEntry,
    /// Show the room the scores on the open statement, or hide them again (room mode).
    Reveal,
    /// Room mode on or off: the presenter view shows who has scored, not what, until revealed.
    ToggleRoomMode,
    /// In room mode, hide the scores in the facilitator's own grid too until revealed.
    ToggleGridHidden,
    /// Solo review on or off: one column, the reviewer's score, read as the agreed one.
    ToggleSolo,
    /// Jump to the next statement where the groups disagree.
    NextDisagreement,
    /// Jump to the previous statement where the groups disagree.
    PrevDisagreement,
    /// Scroll the text pane up.
    DetailUp,
    /// Scroll the text pane down.
    DetailDown,
    /// Open the notes editor for the selected node.
    EditNotes,
    /// Open the actions of the selected node.
    Actions,
    /// Open the summary.
    Summary,
    /// Open the day's plan.
    Agenda,
    /// Write the findings on the selected area or heading.
    Findings,
    /// Write the session's main conclusions.
    Conclusions,
    /// Show the statement to the room, full screen.
    Presenter,
    /// Open the search.
    Search,
    /// Open the session details and groups.
    Settings,
    /// Write the report's frame: introduction to next steps.
    ReportFrame,
    /// Show every key.
    Help,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Write the readable file now.
    Save,
    /// Save and quit.
    Quit,

    // Any open view.
    /// Close the view (a form holding text not yet kept asks first; notes are kept as typed).
    Close,
    /// The previous item of a list (or line of a text).
    ListUp,
    /// The next item of a list.
    ListDown,
    /// A page up in a list.
    ListPageUp,
    /// A page down in a list.
    ListPageDown,
    /// Go to, or open, the chosen item.
    Choose,
    /// Write a new item (an action, a group).
    AddItem,
    /// Edit the chosen item.
    EditItem,
    /// Mark the chosen action done, or open again.
    ToggleDone,
    /// Delete the chosen item.
    DeleteItem,
    /// Move the chosen item one place earlier.
    MoveEarlier,
    /// Move the chosen item one place later.
    MoveLater,
    /// Five more minutes for the chosen area.
    MoreTime,
    /// Five fewer minutes for the chosen area.
    LessTime,
    /// The chosen area back to its share of the day.
    ResetTime,
    /// Edit the day's breaks.
    EditBreaks,
    /// Leave the chosen area out of today's plan, or put it back.
    ToggleToday,
    /// The next statement (skipping headings), in the presenter view.
    NextStatement,
    /// The previous statement.
    PrevStatement,
    /// Show or hide the notes to the room, in the presenter view.
    ToggleNotes,
    /// The next field of a form.
    NextField,
    /// The previous field of a form.
    PrevField,
    /// Keep what the form holds.
    Submit,
    /// Throw away the text typed in a form (after `Esc` asked).
    Discard,
    /// Empty the text being typed (the search query).
    ClearInput,
    /// Take the other program's file, keep ours, or merge (after a change elsewhere).
    Resolve(Resolution),

    // Text for the focused editor or field.
    /// A key typed into the focused text (not bound in its context).
    Input(KeyEvent),
    /// Text pasted, as one piece.
    Paste(String),

    // What views ask `update` to do.
    /// Change the session, as one undoable step.
    Edit(Edit),
    /// Change the session as text is typed (journalled at once; the undoable step is the
    /// `Record` when the editor closes).
    Live(Edit),
    /// The undoable step for changes already made live.
    Record(Edit),
    /// Keep (or forget) the text of a form being typed.
    Draft(Option<Draft>),
    /// Select a node, opening what is needed to show it.
    Select(NodeIx),
    /// Say something in the status bar.
    Say(String),
    /// Remember where the summary's list was, for when it opens again.
    SummaryAt(usize),

    // Raw input.
    /// A key press, to be turned into actions by the keymap for the context that has it.
    Key(KeyEvent),
    /// A mouse click at a screen cell (column, row).
    Click(u16, u16),
    /// The mouse wheel, at a screen cell; `down` scrolls towards the end.
    Wheel { column: u16, row: u16, down: bool },
    /// The terminal changed size.
    Resize(u16, u16),
    /// The clock, from the loop (tests give their own): minutes since local midnight, and
    /// seconds since an arbitrary fixed point for measuring time spent.
    Tick { minute: u16, seconds: u64 },

    /// Voting from the groups' devices: the view, the server, the links, a vote.
    Voting(super::voting::VotingAction),
}

/// What the main screen does (for the test that each has a key and appears in help).
#[cfg(test)]
pub const MAIN_ACTIONS: &[Action] = &[
    Action::Up,
    Action::Down,
    Action::Left,
    Action::Right,
    Action::Toggle,
    Action::Top,
    Action::Bottom,
    Action::PageUp,
    Action::PageDown,
    Action::NextUnscored,
    Action::PrevUnscored,
    Action::NextColumn,
    Action::PrevColumn,
    Action::Score(1),
    Action::Clear,
    Action::NotApplicable,
    Action::DetailUp,
    Action::DetailDown,
    Action::ToggleGrid,
    Action::ToggleFastEntry,
    Action::Reveal,
    Action::ToggleRoomMode,
    Action::ToggleGridHidden,
    Action::ToggleSolo,
    Action::NextDisagreement,
    Action::PrevDisagreement,
    Action::Agenda,
    Action::Presenter,
    Action::Findings,
    Action::Conclusions,
    Action::EditNotes,
    Action::Actions,
    Action::Summary,
    Action::Search,
    Action::Settings,
    Action::ReportFrame,
    Action::Help,
    Action::Undo,
    Action::Redo,
    Action::Save,
    Action::Quit,
    Action::Voting(super::voting::VotingAction::Open),
];

/// What to do when another program changed the session file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Take their file; ours stays in the copy kept beside it.
    Theirs,
    /// Write ours over it; theirs is kept beside it.
    Ours,
    /// Unite both, ours winning where both scored a statement differently.
    Merge,
}

/// What the loop must do after an update, beyond journalling what changed (it always does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Write the readable file now (Ctrl-s), not only the journal.
    Flush,
    /// Save, then leave.
    Quit,
    /// The facilitator chose what to keep after another program changed the file.
    Resolve(Resolution),
}
