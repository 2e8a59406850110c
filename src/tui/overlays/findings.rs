//! The findings form (`F` on an area or heading, `C` for the session's main conclusions):
//! strengths, areas for improvement, a judgement and recommendations. awayday suggests the
//! judgement the agreed mean's band gives (by the report's one rule, `report::judgement`),
//! and leaves the choice to the facilitator, who may type the level or its word.

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
use crate::tui::app::App;
use crate::tui::keymap::Context;

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

impl FindingsOverlay {
    /// On `node` (a statement's findings go on its heading or element), or the session.
    pub fn open(app: &App, node: Option<NodeIx>) -> Self {
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
            summary::figures(&app.framework, &app.session, ix)
                .agreed
                .mean()
        } else {
            // The whole review: the mean of the themes' agreed means.
            let given: Vec<f64> = app
                .framework
                .roots()
                .filter_map(|r| {
                    summary::figures(&app.framework, &app.session, r)
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
        let fields = [
            field(&f.strengths),
            field(&f.improvements),
            field(&f.judgement.map_or_else(String::new, |j| j.to_string())),
            field(&f.recommendations.join("; ")),
        ];
        FindingsOverlay {
            node,
            from_statement,
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
    pub fn restore(app: &App, draft: &Draft) -> Option<Self> {
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
    fn draft(&self, app: &App) -> Action {
        Action::Draft(Some(Draft::Findings {
            node: self.node.map(|ix| app.framework.node(ix).id.clone()),
            fields: std::array::from_fn(|i| self.fields[i].lines().join(" ")),
        }))
    }

    fn value(&self, i: usize) -> String {
        self.fields[i].lines().join(" ").trim().to_owned()
    }

    pub fn react(&mut self, app: &App, action: &Action) -> Reaction {
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

    fn submit(&mut self, app: &App) -> Reaction {
        let judgement = match self.value(2).as_str() {
            "" => None,
            text => {
                if let Some(v) = judgement_level(&app.framework.scale, text) {
                    Some(v)
                } else {
                    self.focus = 2;
                    let words: Vec<String> = app
                        .framework
                        .scale
                        .levels
                        .iter()
                        .map(|l| format!("{} {}", l.value, l.label))
                        .collect();
                    self.error = Some(format!(
                        "\"{text}\" is not a level of the scale: type one of {}, as a number or a word.",
                        words.join(", ")
                    ));
                    return Reaction::stay();
                }
            }
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

    /// Where the findings will be kept, as the form's title says it: "Findings on the
    /// heading 2.1.a …", with "(for statement 2.1.a.1)" when `F` was pressed on one.
    pub fn saves_on(&self, app: &App) -> String {
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

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let area = crate::tui::layout::centred(frame.area(), 100, 22);
        frame.render_widget(Clear, area);
        let title = self.saves_on(app);
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

/// The level typed as a judgement: its number ("2"), its word ("Reasonable", any case), or
/// both ("2 Reasonable", as the report prints it).
pub fn judgement_level(scale: &crate::framework::Scale, text: &str) -> Option<u8> {
    let text = text.trim();
    let (number, word) = match text.split_once(char::is_whitespace) {
        Some((n, w)) if n.parse::<u8>().is_ok() => (Some(n), Some(w.trim())),
        _ if text.parse::<u8>().is_ok() => (Some(text), None),
        _ => (None, Some(text)),
    };
    scale
        .levels
        .iter()
        .find(|l| {
            number.is_none_or(|n| n.parse::<u8>().ok() == Some(l.value))
                && word.is_none_or(|w| w.eq_ignore_ascii_case(&l.label))
        })
        .map(|l| l.value)
}
