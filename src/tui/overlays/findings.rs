//! The findings form (`F` on an area or heading, `C` for the session's main conclusions):
//! strengths, areas for improvement, a judgement and recommendations. awayday suggests the
//! judgement the agreed mean rounds to, and leaves the choice to the facilitator.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::form::{EscGuard, Guarded};
use super::{Reaction, popup_block};
use crate::framework::NodeIx;
use crate::session::journal::Draft;
use crate::session::{Edit, Findings, summary};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

const FIELDS: [&str; 4] = [
    "Strengths",
    "Areas for improvement",
    "Judgement (a level)",
    "Recommendations (; between them)",
];

pub struct FindingsOverlay {
    /// The node the findings are on; `None` for the session's main conclusions.
    node: Option<NodeIx>,
    fields: [TextArea<'static>; 4],
    focus: usize,
    /// The level the agreed mean suggests, with its label and the mean.
    suggestion: Option<(u8, String, f64)>,
    error: Option<String>,
    /// What `Esc` does: asks first when the fields hold text not yet kept.
    guard: EscGuard,
}

fn field(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.set_cursor_line_style(Style::default());
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// The findings on an area or heading (`Findings`), or the main conclusions (`Conclusions`).
pub const VIEW: Registered = Registered {
    name: "findings",
    opens_on: &[Action::Findings, Action::Conclusions],
    keys: &[
        (Context::Form, super::form::FORM_ACTIONS),
        (Context::Confirm, super::form::CONFIRM_ACTIONS),
    ],
    open: |cx, action| {
        let node = (*action == Action::Findings).then(|| cx.selected());
        Opened::new(FindingsOverlay::open(cx, node))
    },
    restore: |cx, draft| Some(Box::new(FindingsOverlay::restore(cx, draft)?)),
};

impl View for FindingsOverlay {
    fn context(&self) -> Context {
        FindingsOverlay::context(self)
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        FindingsOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        FindingsOverlay::render(self, cx, frame);
    }
}

impl FindingsOverlay {
    /// On `node` (a statement's findings go on its heading or element), or the session.
    pub fn open(app: &ViewContext<'_>, node: Option<NodeIx>) -> Self {
        let node = node.map(|ix| {
            if app.framework.node(ix).is_statement() {
                app.framework.node(ix).parent.unwrap_or(ix)
            } else {
                ix
            }
        });
        let id = node.map(|ix| app.framework.node(ix).id.as_str());
        let f = app.session.findings(id).clone();
        let mean = if let Some(ix) = node {
            summary::figures(app.framework, app.session, ix)
                .agreed
                .mean()
        } else {
            // The whole review: the mean of the themes' agreed means.
            let given: Vec<f64> = app
                .framework
                .roots()
                .filter_map(|r| {
                    summary::figures(app.framework, app.session, r)
                        .agreed
                        .mean()
                })
                .collect();
            #[allow(clippy::cast_precision_loss)] // a handful of themes
            let n = given.len() as f64;
            (!given.is_empty()).then(|| given.iter().sum::<f64>() / n)
        };
        let suggestion = mean.and_then(|m| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a level
            let level = summary::round1(m).round().clamp(0.0, 255.0) as u8;
            app.framework
                .scale
                .level(level)
                .map(|l| (level, l.label.clone(), m))
        });
        let fields = [
            field(&f.strengths),
            field(&f.improvements),
            field(&f.judgement.map_or_else(String::new, |j| j.to_string())),
            field(&f.recommendations.join("; ")),
        ];
        FindingsOverlay {
            node,
            guard: EscGuard::new(super::form::texts(&fields)),
            fields,
            focus: 0,
            suggestion,
            error: None,
        }
    }

    /// The form's keys, or the question's while `Esc` asks.
    pub fn context(&self) -> Context {
        self.guard.context()
    }

    /// The form that was being typed when awayday was stopped, with its text (the saved
    /// findings stay what `Esc` compares with, so the restored text is not lost unasked).
    pub fn restore(app: &ViewContext<'_>, draft: &Draft) -> Option<Self> {
        let Draft::Findings { node, fields } = draft else {
            return None;
        };
        let ix = match node {
            Some(id) => Some(app.framework.find(id)?),
            None => None,
        };
        let mut form = Self::open(app, ix);
        for (field_area, text) in form.fields.iter_mut().zip(fields) {
            *field_area = field(text);
        }
        Some(form)
    }

    /// The form's text, for the journal.
    fn draft(&self, app: &ViewContext<'_>) -> Action {
        Action::Draft(Some(Draft::Findings {
            node: self.node.map(|ix| app.framework.node(ix).id.clone()),
            fields: std::array::from_fn(|i| self.fields[i].lines().join(" ")),
        }))
    }

    fn value(&self, i: usize) -> String {
        self.fields[i].lines().join(" ").trim().to_owned()
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        match self.guard.react(action, &self.fields) {
            Guarded::Keep => return self.submit(app),
            Guarded::Discard => return Reaction::close_then(vec![Action::Draft(None)]),
            Guarded::Stay => return Reaction::stay(),
            Guarded::Form => {}
        }
        match action {
            Action::NextField => {
                self.focus = (self.focus + 1) % FIELDS.len();
                Reaction::stay()
            }
            Action::PrevField => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
                Reaction::stay()
            }
            Action::Input(key) => {
                if self.fields[self.focus].input(*key) {
                    return Reaction::then(vec![self.draft(app)]);
                }
                Reaction::stay()
            }
            Action::Paste(text) => {
                self.fields[self.focus].insert_str(super::one_line(text, 5000));
                Reaction::then(vec![self.draft(app)])
            }
            Action::Submit => self.submit(app),
            _ => Reaction::stay(),
        }
    }

    fn submit(&mut self, app: &ViewContext<'_>) -> Reaction {
        let judgement = match self.value(2).as_str() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(v) if app.framework.scale.level(v).is_some() => Some(v),
                _ => {
                    self.focus = 2;
                    self.error = Some(format!("\"{text}\" is not a level of the scale."));
                    return Reaction::stay();
                }
            },
        };
        let after = Findings {
            strengths: self.value(0),
            improvements: self.value(1),
            judgement,
            recommendations: self
                .value(3)
                .split(';')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        let node = self.node.map(|ix| app.framework.node(ix).id.clone());
        let before = app.session.findings(node.as_deref()).clone();
        Reaction::close_then(vec![
            Action::Draft(None),
            Action::Edit(Edit::Findings {
                node,
                before,
                after,
            }),
        ])
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = crate::tui::layout::centred(frame.area(), 100, 22);
        frame.render_widget(Clear, area);
        let title = match self.node {
            Some(ix) => {
                let n = app.framework.node(ix);
                format!("Findings · {} {}", n.id, crate::text::shorten(&n.title, 40))
            }
            None => "Main conclusions of the review".to_owned(),
        };
        let hint = app.keymap.hints(
            Context::Form,
            &[Action::NextField, Action::Submit, Action::Close],
        );
        let block = popup_block(app, &title, &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let t = app.theme;
        let rows = Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(2),
            Constraint::Length(5),
            Constraint::Length(2),
        ])
        .split(inner);
        for (i, name) in FIELDS.iter().enumerate() {
            let r = rows[i];
            let [label, input] =
                Layout::horizontal([Constraint::Length(25), Constraint::Fill(1)]).areas(r);
            let style = if i == self.focus { t.key() } else { t.title() };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{name}:"), style)).wrap(Wrap { trim: true }),
                label,
            );
            frame.render_widget(
                &self.fields[i],
                Rect::new(input.x, input.y, input.width, r.height.saturating_sub(1)),
            );
        }
        let asked = self.guard.asking().then(|| EscGuard::question(app));
        let note = asked.or_else(|| self.error.clone()).map_or_else(|| {
            Line::styled(
                match &self.suggestion {
                    Some((v, label, mean)) => format!(
                        "The agreed mean is {}: it suggests {v} {label}. The judgement is yours to give.",
                        summary::format_mean(Some(*mean))
                    ),
                    None => "Nothing agreed here yet, so no judgement to suggest.".to_owned(),
                },
                t.dim(),
            )
        }, |e| Line::styled(e, t.warn()));
        frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), rows[4]);
    }
}
