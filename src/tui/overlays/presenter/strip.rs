//! The presenter view's top strip, for the room to see where the day is: the clock, the area,
//! how far through the area and the day the room is, and the pace against the day's plan.

use ratatui::text::{Line, Span};

use crate::framework::Framework;
use crate::session::agenda::{self, format_time};
use crate::tui::view::ViewContext;

/// "Statement 3 of 7 in 2.2": where the statement `ix` stands in its area.
pub fn place_in_area(fw: &Framework, ix: usize) -> Option<(usize, usize, String)> {
    let area = agenda::area_of(fw, ix)?;
    let statements: Vec<usize> = fw.statements_under(area).collect();
    let at = statements.iter().position(|&s| s == ix)? + 1;
    Some((at, statements.len(), fw.node(area).id.clone()))
}

/// The strip's parts, most important first, so a narrow window drops from the end.
pub fn parts(app: &ViewContext<'_>) -> Vec<String> {
    let fw = app.framework;
    let ix = app.selected();
    let mut parts = Vec::new();
    if let Some(now) = app.now {
        parts.push(format_time(now));
    }
    if let Some((at, of, area)) = place_in_area(fw, ix) {
        let title = fw.find(&area).map_or("", |a| fw.node(a).label());
        parts.push(format!("{area} {title}"));
        parts.push(format!("{at} of {of} in {area}"));
    }
    let (agreed, total) = app.pace.agreed_overall(fw, app.session);
    parts.push(format!("{agreed} of {total} agreed"));
    if let (Some(plan), Some(now)) = (&app.session.agenda, app.now) {
        let area = agenda::area_of(fw, ix);
        let pacing = app.pace.pacing(plan, fw, app.session, now, area);
        // The area is already on the strip.
        parts.push(agenda::describe(&agenda::Pacing {
            area: None,
            ..pacing
        }));
    }
    parts
}

/// The strip as one line of at most `width` columns: whole parts, never a part cut.
pub fn line(app: &ViewContext<'_>, width: usize) -> Line<'static> {
    let t = app.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (i, part) in parts(app).into_iter().enumerate() {
        let sep = if i == 0 { "" } else { "  ·  " };
        let shown = if i == 1 {
            // The area's title may be cut (with a marker); the figures never are.
            let room = width.saturating_sub(used + sep.chars().count() + 40);
            crate::text::shorten(&part, room.max(12))
        } else {
            part
        };
        let w = sep.chars().count() + shown.chars().count();
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::raw(sep));
        spans.push(Span::styled(
            shown,
            if i == 0 { t.key() } else { t.title() },
        ));
    }
    Line::from(spans).centered()
}
