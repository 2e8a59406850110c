//! The day plan's form: a line (the day, or its breaks) as it is shown, its draft, and the
//! plan remade from what was typed, or what is wrong with it in words.

use super::form::Fields;
use crate::session::agenda::{Agenda, PlanError, PlanField as Field, format_time};
use crate::session::journal::Draft;

/// The day offered when there is no plan yet.
const DEFAULT_DAY: &str = "09:30-16:00";

/// Longest line of the plan.
const MAX_LINE_CHARS: usize = 200;

/// A line of the plan, as its form shows it now: what `Esc` compares with.
pub(super) fn saved_text(agenda: Option<&Agenda>, which: Field) -> String {
    let Some(agenda) = agenda else {
        return match which {
            Field::Day => DEFAULT_DAY.to_owned(),
            Field::Breaks => String::new(),
        };
    };
    match which {
        Field::Day => format!("{}-{}", format_time(agenda.start), format_time(agenda.end)),
        Field::Breaks => agenda
            .breaks
            .iter()
            .map(|(a, z)| format!("{}-{}", format_time(*a), format_time(*z)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The line's field, holding `saved`.
pub(super) fn fields(saved: &str) -> Fields {
    Fields::new(&[saved.to_owned()], MAX_LINE_CHARS, false)
}

/// The line's field holding `typed` (a draft brought back) over `saved`.
pub(super) fn restored(saved: &str, typed: &str) -> Fields {
    Fields::restored(
        &[saved.to_owned()],
        &[typed.to_owned()],
        MAX_LINE_CHARS,
        false,
    )
}

/// The line being typed, as a draft for the journal.
pub(super) fn draft(which: Field, editor: &Fields) -> Draft {
    Draft::Plan {
        field: which,
        value: editor.raw(0),
    }
}

/// The plan remade with line `which` as `text`, keeping the minutes set by hand and the
/// time spent; or what is wrong with the line.
pub(super) fn plan(
    current: Option<&Agenda>,
    which: Field,
    text: &str,
) -> Result<Agenda, PlanError> {
    let mut fresh = match which {
        Field::Day => Agenda::new(text, &[saved_text(current, Field::Breaks)])?,
        Field::Breaks => Agenda::new(&saved_text(current, Field::Day), &[text.to_owned()])?,
    };
    let current = current.cloned().unwrap_or_default();
    fresh.minutes = current.minutes;
    fresh.spent = current.spent;
    Ok(fresh)
}
