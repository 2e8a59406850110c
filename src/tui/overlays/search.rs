//! The `/` search overlay: type, see the best matches at once, Enter jumps, Esc goes back.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::{Reaction, popup_block};
use crate::search::{Hit, Narrowing, WrittenHit, WrittenIndex};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// How many matches are kept for the list.
const MAX_HITS: usize = 100;

/// Longest query: far more than any phrase looked up, and a bound on a keystroke's work.
pub(super) const MAX_QUERY_CHARS: usize = 200;

/// What the search does with keys that are not text.
pub(super) const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::ListPageUp,
    Action::ListPageDown,
    Action::Choose,
    Action::ClearInput,
    Action::Close,
];

pub struct SearchOverlay {
    input: TextArea<'static>,
    /// Notes and actions holding the words: what the room wrote, listed after the framework's
    /// own text holding the same words.
    written: Vec<WrittenHit>,
    /// The framework's nodes: the one the query names by id first, then those holding every
    /// word, then the other fuzzy matches.
    hits: Vec<Hit>,
    /// How many of `hits` are listed before the written hits (named by id, or holding every
    /// word as typed).
    strong: usize,
    /// Which hit Enter would jump to.
    cursor: usize,
    /// What the last query left, so typing more only re-checks its candidates.
    narrowing: Narrowing,
    /// What the room wrote, made when the search opens and kept while it is open.
    written_index: Option<WrittenIndex>,
}

impl Default for SearchOverlay {
    fn default() -> Self {
        let mut input = TextArea::default();
        input.set_cursor_line_style(Style::default());
        input.set_placeholder_text("words in any title, statement, note or action");
        SearchOverlay {
            input,
            written: Vec::new(),
            hits: Vec::new(),
            strong: 0,
            cursor: 0,
            narrowing: Narrowing::default(),
            written_index: None,
        }
    }
}

/// The search over the framework and what the session wrote.
pub(super) const VIEW: Registered = Registered {
    name: "search",
    opens_on: &[Action::Search],
    keys: &[(Context::Search, ACTIONS)],
    open: |cx, _| Opened::new(SearchOverlay::over(cx)),
    restore: crate::tui::view::no_draft,
};

impl View for SearchOverlay {
    fn context(&self) -> Context {
        Context::Search
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        SearchOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        SearchOverlay::render(self, cx, frame);
    }
}

impl SearchOverlay {
    /// A search over what the room has written so far, folded now: the session does not
    /// change while the search is open, and opening it is a key with nothing else to do,
    /// where the first letter typed would otherwise wait for it.
    fn over(cx: &ViewContext<'_>) -> Self {
        SearchOverlay {
            written_index: Some(WrittenIndex::new(cx.framework, cx.session)),
            ..SearchOverlay::default()
        }
    }

    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    #[cfg(any(test, feature = "test-support"))]
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        match action {
            Action::Close => return Reaction::close(),
            Action::Choose => {
                let node = match self.entry(self.cursor) {
                    Some(Entry::Written(w)) => Some(w.node),
                    Some(Entry::Framework(h)) => Some(h.node),
                    None => None,
                };
                let Some(node) = node else {
                    return Reaction::stay();
                };
                return Reaction::close_then(vec![Action::Select(node)]);
            }
            Action::ListDown => self.move_cursor(1),
            Action::ListUp => self.move_cursor(-1),
            Action::ListPageDown => self.move_cursor(10),
            Action::ListPageUp => self.move_cursor(-10),
            Action::ClearInput => {
                self.input = Self::default().input;
                self.hits.clear();
                self.strong = 0;
                self.written.clear();
                self.narrowing = Narrowing::default();
                self.cursor = 0;
            }
            Action::Input(key) => {
                let full = self.query().chars().count() >= MAX_QUERY_CHARS;
                if full && matches!(key.code, KeyCode::Char(_)) {
                    return Reaction::then(vec![Action::Say(format!(
                        "A search is at most {MAX_QUERY_CHARS} characters."
                    ))]);
                }
                if self.input.input(*key) {
                    self.search(app, false);
                }
            }
            Action::Paste(text) => {
                let room = MAX_QUERY_CHARS.saturating_sub(self.query().chars().count());
                let text = super::one_line(text, room);
                if !text.is_empty() && self.input.insert_str(&text) {
                    self.search(app, true);
                }
            }
            _ => {}
        }
        Reaction::stay()
    }

    /// Runs the query: narrowing from the last result while typing, afresh after a paste
    /// (which may have gone anywhere in the query).
    fn search(&mut self, app: &ViewContext<'_>, afresh: bool) {
        let from = if afresh {
            Narrowing::default()
        } else {
            std::mem::take(&mut self.narrowing)
        };
        let query = self.query();
        let (hits, narrowing) = app.index.search_from(&query, MAX_HITS, from);
        self.narrowing = narrowing;
        // An id, however typed ("2.3c4"), names its node: first, and Enter jumps there.
        let by_id = crate::framework::find_by_id(app.framework, &query);
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let holds_words = |h: &Hit| {
            let text = app.index.haystack(h.node).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let (strong, rest): (Vec<Hit>, Vec<Hit>) = hits
            .into_iter()
            .filter(|h| !by_id.contains(&h.node))
            .partition(|h| holds_words(h));
        self.hits = by_id
            .iter()
            .map(|&node| Hit {
                node,
                score: i64::MAX,
                positions: Vec::new(),
            })
            .chain(strong)
            .collect();
        self.strong = self.hits.len();
        self.hits.extend(rest);
        self.written = self
            .written_index
            .get_or_insert_with(|| WrittenIndex::new(app.framework, app.session))
            .search(&query, MAX_HITS);
        self.cursor = 0;
    }

    fn len(&self) -> usize {
        self.written.len() + self.hits.len()
    }

    /// The `i`th line of the list: the strong framework hits, then what the room wrote,
    /// then the other framework hits.
    fn entry(&self, i: usize) -> Option<Entry<'_>> {
        if i < self.strong {
            return self.hits.get(i).map(Entry::Framework);
        }
        match (i - self.strong).checked_sub(self.written.len()) {
            None => self.written.get(i - self.strong).map(Entry::Written),
            Some(j) => self.hits.get(self.strong + j).map(Entry::Framework),
        }
    }

    fn move_cursor(&mut self, delta: isize) {
        if self.len() == 0 {
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.len() - 1);
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let full = frame.area();
        let area = crate::tui::layout::centred(
            full,
            full.width.saturating_sub(4).min(110),
            full.height.saturating_sub(2),
        );
        frame.render_widget(Clear, area);
        let hint = app.keymap.hints(
            Context::Search,
            &[
                Action::ListDown,
                Action::Choose,
                Action::ClearInput,
                Action::Close,
            ],
        );
        let block = popup_block(app, "Search", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [input_area, _, list_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let [prompt, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(input_area);
        frame.render_widget(Span::styled("/ ", app.theme.key()), prompt);
        frame.render_widget(&self.input, field);

        let per_hit = 2;
        let visible = usize::from(list_area.height) / per_hit;
        let first = self.cursor.saturating_sub(visible.saturating_sub(1));
        let width = usize::from(list_area.width);
        let mut lines: Vec<Line> = Vec::new();
        if self.len() == 0 {
            let q = self.query();
            lines.push(Line::styled(
                if q.trim().is_empty() {
                    "Every word must match; close matches come first.".to_owned()
                } else {
                    format!("No match for \"{q}\".")
                },
                app.theme.dim(),
            ));
        }
        let query = self.query();
        for i in (first..self.len()).take(visible) {
            let selected = i == self.cursor;
            let base = if selected {
                app.theme.selected()
            } else {
                Style::default()
            };
            let (node, what, text, positions) = match self.entry(i) {
                Some(Entry::Written(w)) => (w.node, w.what, w.text.as_str(), w.positions.clone()),
                Some(Entry::Framework(found)) => {
                    let positions = if found.score == i64::MAX {
                        // Named by its id: nothing in the text to mark.
                        Vec::new()
                    } else if found.positions.is_empty() {
                        app.index.positions(found.node, &query)
                    } else {
                        found.positions.clone()
                    };
                    (found.node, "", app.index.haystack(found.node), positions)
                }
                None => continue,
            };
            let id = &app.framework.node(node).id;
            let mut spans = vec![Span::styled(
                format!("{id:<10} "),
                base.patch(app.theme.key()),
            )];
            spans.extend(highlight(
                text,
                &positions,
                width.saturating_sub(11),
                base,
                app.theme.hit(),
            ));
            lines.push(Line::from(spans).style(base));
            let crumb = app.framework.breadcrumb(node);
            let place = if what.is_empty() {
                crumb
            } else {
                format!("{what} on {id} · {crumb}")
            };
            // Shortened with a marker: a deep heading's path is wider than the list.
            let place = crate::text::shorten(&place, width.saturating_sub(11));
            lines.push(Line::styled(format!("{:<10} {place}", ""), app.theme.dim()));
        }
        frame.render_widget(Paragraph::new(lines), list_area);
    }
}

/// A line of the list.
enum Entry<'a> {
    Framework(&'a Hit),
    Written(&'a WrittenHit),
}

/// The part of `text` that fits `width` and shows its first match, with matched chars in
/// `hit` style.
fn highlight(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    hit: Style,
) -> Vec<Span<'static>> {
    let (chars, marks) = crate::text::match_window(text, positions, width, 20);
    crate::text::runs(&chars, &marks)
        .into_iter()
        .map(|(run, marked)| Span::styled(run, if marked { base.patch(hit) } else { base }))
        .collect()
}
