//! The findings form (`F` on an area or heading, `C` for the session's main conclusions):
//! strengths, areas for improvement, a judgement and recommendations. awayday suggests the
//! judgement the agreed mean's band gives (by the report's one rule, `report::judgement`),
//! and leaves the choice to the facilitator, who may type the level or its word.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::checks;
use super::form::{self, EscGuard, Fields, Step};
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
    "Judgement (level or word)",
    "Recommendations (; between them)",
];

pub struct FindingsOverlay {
    /// The node the findings are on; `None` for the session's main conclusions.
    node: Option<NodeIx>,
    /// The statement `F` was pressed on, when the findings go on its heading or element.
    from_statement: Option<NodeIx>,
    /// Strengths, improvements, judgement, recommendations.
    form: Fields,
    /// The level the agreed mean suggests, with its label and the mean.
    suggestion: Option<(u8, String, f64)>,
    error: Option<String>,
}

/// Longest text one field of the findings takes.
const MAX_FIELD_CHARS: usize = 5000;

/// The findings on an area or heading (`Findings`), or the main conclusions (`Conclusions`).
pub(super) const VIEW: Registered = Registered {
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
        let from_statement = node.filter(|&ix| app.framework.node(ix).is_statement());
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
            let level = crate::report::judgement::band(m);
            app.framework
                .scale
                .level(level)
                .map(|l| (level, l.label.clone(), m))
        });
        FindingsOverlay {
            node,
            from_statement,
            form: Fields::new(&saved(&f), MAX_FIELD_CHARS, true),
            suggestion,
            error: None,
        }
    }

    /// The form's keys, or the question's while `Esc` asks.
    pub fn context(&self) -> Context {
        self.form.context()
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
        let mut overlay = Self::open(app, ix);
        let id = ix.map(|ix| app.framework.node(ix).id.as_str());
        let saved = saved(app.session.findings(id));
        overlay.form = Fields::restored(&saved, fields, MAX_FIELD_CHARS, true);
        Some(overlay)
    }

    /// The form's text, for the journal.
    fn draft(&self, app: &ViewContext<'_>) -> Draft {
        Draft::Findings {
            node: self.node.map(|ix| app.framework.node(ix).id.clone()),
            fields: std::array::from_fn(|i| self.form.raw(i)),
        }
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        match self.form.react(action) {
            Step::Submit => self.submit(app),
            Step::Discard => Reaction::close_then(vec![form::forget()]),
            Step::Typed => form::journal(self.draft(app)),
            Step::Stay => Reaction::stay(),
        }
    }

    fn submit(&mut self, app: &ViewContext<'_>) -> Reaction {
        let judgement = match checks::judgement(&self.form.value(2), &app.framework.scale) {
            Ok(judgement) => judgement,
            Err(e) => {
                self.form.focus_on(2);
                self.error = Some(e);
                return Reaction::stay();
            }
        };
        let after = Findings {
            strengths: self.form.value(0),
            improvements: self.form.value(1),
            judgement,
            recommendations: checks::recommendations(&self.form.value(3)),
        };
        let node = self.node.map(|ix| app.framework.node(ix).id.clone());
        let before = app.session.findings(node.as_deref()).clone();
        Reaction::close_then(vec![
            form::forget(),
            Action::Edit(Edit::Findings {
                node,
                before,
                after,
            }),
        ])
    }

    /// Where the findings will be kept, as the form's title says it: "Findings on the
    /// heading 2.1.a …", with "(kept there for statement 2.1.a.1 …)" when `F` was pressed on
    /// one.
    fn saves_on(&self, app: &ViewContext<'_>) -> String {
        let Some(ix) = self.node else {
            return "Main conclusions of the review".to_owned();
        };
        let n = app.framework.node(ix);
        let kind = match n.kind {
            crate::framework::NodeKind::Theme => "theme",
            crate::framework::NodeKind::Element => "element",
            crate::framework::NodeKind::Heading => "heading",
            crate::framework::NodeKind::Statement => "statement",
        };
        let mut title = format!(
            "Findings on the {kind} {} {}",
            n.id,
            crate::text::shorten(&n.title, 40)
        );
        if let Some(st) = self.from_statement {
            title = format!(
                "{title} (kept there for statement {}: findings are on areas and headings)",
                app.framework.node(st).id
            );
        }
        title
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = crate::tui::layout::centred(frame.area(), 100, 22);
        frame.render_widget(Clear, area);
        let title = crate::text::shorten(&self.saves_on(app), crate::text::title_room(area.width));
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
            let style = self.form.label_style(i, t);
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{name}:"), style)).wrap(Wrap { trim: true }),
                label,
            );
            if let Some(field) = self.form.field(i) {
                frame.render_widget(
                    field,
                    Rect::new(input.x, input.y, input.width, r.height.saturating_sub(1)),
                );
            }
        }
        let asked = self.form.asking().then(|| EscGuard::question(app));
        let note = asked.or_else(|| self.error.clone()).map_or_else(|| {
            Line::styled(
                match &self.suggestion {
                    Some((v, label, mean)) => format!(
                        "The agreed mean is {}, in the {v} {label} band. The judgement is yours to give.",
                        crate::report::judgement::mean(Some(*mean))
                    ),
                    None => "Nothing agreed here yet, so no judgement to suggest.".to_owned(),
                },
                t.dim(),
            )
        }, |e| Line::styled(e, t.warn()));
        frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), rows[4]);
    }
}

/// The findings as the form shows them when nothing has been typed.
fn saved(f: &Findings) -> Vec<String> {
    vec![
        f.strengths.clone(),
        f.improvements.clone(),
        f.judgement.map_or_else(String::new, |j| j.to_string()),
        f.recommendations.join("; "),
    ]
}
