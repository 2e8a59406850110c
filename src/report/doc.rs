//! The report as a document: a title block, a contents list and a run of blocks (headings,
//! paragraphs, labelled fields, lists, tables). `layout` builds it once from the report's
//! figures; the Markdown, HTML (and Word) writers only lay it out, so a section is written
//! once and every format has it.

/// A whole report.
pub struct Document {
    pub title: String,
    /// The line at the top of every printed page: organisation and title.
    pub running_head: String,
    /// The title block: (name, value), empty values left out.
    pub meta: Vec<(String, String)>,
    pub blocks: Vec<Block>,
}

/// Where `layout` puts the blocks it makes: a list, or a writer writing each as it comes.
pub trait Sink {
    fn push(&mut self, b: Block);
}

impl Sink for Vec<Block> {
    fn push(&mut self, b: Block) {
        Vec::push(self, b);
    }
}

impl Document {
    /// The sections listed in the contents: (anchor, heading) of every level-2 heading.
    pub fn contents(&self) -> Vec<(&str, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    level: 2,
                    anchor,
                    text,
                } => Some((anchor.as_str(), text.as_str())),
                _ => None,
            })
            .collect()
    }
}

pub enum Block {
    /// Level 2 is a section (listed in the contents), 3 an area, 4 a heading within one.
    Heading {
        level: u8,
        anchor: String,
        text: String,
    },
    /// A paragraph; line breaks in it are kept.
    Para(String),
    /// A quieter paragraph: how to read what is around it.
    Note(String),
    /// "**Judgement:** 2 Reasonable": a label and its text.
    Field {
        label: String,
        text: String,
    },
    /// A list, numbered or not, under an optional label.
    List {
        label: Option<String>,
        numbered: bool,
        items: Vec<String>,
    },
    Table(Table),
    /// Where the contents list goes.
    Contents,
}

/// A table. Its columns say how wide they must be, so a writer for paper can give each its
/// width and choose the page's orientation (see `Table::wide`).
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Colour figure cells by their value on the scale (a heat map).
    pub heat: bool,
}

pub struct Column {
    pub title: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnKind {
    /// Running text sharing the width left over, by weight.
    Text(u8),
    /// A short figure, word or date, centred, with a fixed width (mm).
    Figure(u8),
    /// Short text of a fixed width (mm), left-aligned: a name, a priority.
    Fixed(u8),
}

/// One row; `strong` for a theme's row in the summary, `nested` for an element under it.
#[derive(Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub strong: bool,
    pub nested: bool,
    /// A done action: struck through.
    pub done: bool,
}

/// A cell: an optional id shown in bold before its text, and detail (notes, flags) under it.
#[derive(Default, Clone)]
pub struct Cell {
    pub id: String,
    pub text: String,
    /// Lines under the text: each (label, text).
    pub detail: Vec<(String, String)>,
    /// The value behind a heat-map cell.
    pub value: Option<f64>,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Self {
        Cell {
            text: t.into(),
            ..Cell::default()
        }
    }
}

/// The width of a printed A4 page between the margins, in mm: portrait and landscape.
pub const PORTRAIT_MM: u32 = 180;
pub const LANDSCAPE_MM: u32 = 267;
/// No text column narrower than this, in mm.
pub const MIN_TEXT_MM: u32 = 45;

impl Table {
    /// The fixed columns' total width, in mm.
    pub fn fixed_mm(&self) -> u32 {
        self.columns
            .iter()
            .map(|c| match c.kind {
                ColumnKind::Figure(w) | ColumnKind::Fixed(w) => u32::from(w),
                ColumnKind::Text(_) => 0,
            })
            .sum()
    }

    fn text_columns(&self) -> u32 {
        let n = self
            .columns
            .iter()
            .filter(|c| matches!(c.kind, ColumnKind::Text(_)))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Whether the table needs a landscape page: its text columns would get less than
    /// [`MIN_TEXT_MM`] each across a portrait page.
    pub fn wide(&self) -> bool {
        let left = PORTRAIT_MM.saturating_sub(self.fixed_mm());
        left < MIN_TEXT_MM * self.text_columns().max(1)
    }

    /// Each column's width as a share of the page's width (percent), for the page the
    /// table is printed on.
    pub fn widths(&self) -> Vec<f64> {
        let page = f64::from(if self.wide() {
            LANDSCAPE_MM
        } else {
            PORTRAIT_MM
        });
        let weights: u32 = self
            .columns
            .iter()
            .map(|c| match c.kind {
                ColumnKind::Text(w) => u32::from(w),
                _ => 0,
            })
            .sum();
        let left = page - f64::from(self.fixed_mm());
        self.columns
            .iter()
            .map(|c| {
                let mm = match c.kind {
                    ColumnKind::Figure(w) | ColumnKind::Fixed(w) => f64::from(w),
                    ColumnKind::Text(w) => left * f64::from(w) / f64::from(weights.max(1)),
                };
                mm / page * 100.0
            })
            .collect()
    }
}
