//! The clock's job in `update`: the time for the pacing line, and the time spent in each
//! area, counted while someone is at the keys and written into the session a minute at a time.

use crate::session::Edit;
use crate::tui::app::App;

use super::edits::live;

/// Idle longer than this, and the time is not counted as spent in the area.
const IDLE_SECONDS: u64 = 5 * 60;

/// The clock moved: the pacing line's time, and the seconds since the last tick counted to
/// the area the selection is in, unless nobody has pressed a key for five minutes. Written
/// into the session a minute at a time.
pub(super) fn tick(app: &mut App, minute: u16, seconds: u64) {
    app.now = Some(minute);
    let last = app.clock.last_tick.replace(seconds);
    if app.clock.last_key.is_none() {
        app.clock.last_key = Some(seconds);
    }
    let Some(agenda) = &app.session.agenda else {
        return;
    };
    let (Some(last), Some(key)) = (last, app.clock.last_key) else {
        return;
    };
    let step = seconds.saturating_sub(last);
    if step == 0 || step > IDLE_SECONDS || seconds.saturating_sub(key) > IDLE_SECONDS {
        return;
    }
    let Some(area) = crate::session::agenda::area_of(&app.framework, app.selected()) else {
        return;
    };
    let id = app.framework.node(area).id.clone();
    let pending = app.clock.pending.entry(id).or_default();
    *pending += u32::try_from(step).unwrap_or(u32::MAX);
    if app.clock.pending.values().sum::<u32>() >= 60 {
        let mut after = agenda.clone();
        for (id, secs) in std::mem::take(&mut app.clock.pending) {
            *after.spent.entry(id).or_default() += secs;
        }
        let before = app.session.agenda.clone();
        live(
            app,
            Edit::Agenda {
                before,
                after: Some(after),
            },
        );
    }
}
