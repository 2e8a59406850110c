//! Every intent the workshop screen understands. Keys map to these through the keymap; tests
//! drive the app by feeding them to `update`.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
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
    /// Open the notes editor for the selected node.
    EditNotes,
    /// Open the actions of the selected node.
    Actions,
    /// Open the summary dashboard.
    Summary,
    /// Open the fuzzy search.
    Search,
    /// Open the session details and groups.
    Settings,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show every key.
    Help,
    /// Save now.
    Save,
    /// Save and quit.
    Quit,
    /// Scroll the detail pane up.
    DetailUp,
    /// Scroll the detail pane down.
    DetailDown,
    /// A key for the open overlay (search text, notes, settings fields).
    Key(KeyEvent),
    /// A mouse click at a screen cell (column, row).
    Click(u16, u16),
    /// The mouse wheel, at a screen cell; `down` scrolls towards the end.
    Wheel { column: u16, row: u16, down: bool },
    /// The terminal changed size.
    Resize(u16, u16),
}
