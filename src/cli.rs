//! The command line: clap definitions of every subcommand and flag.

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub mod about;

/// A keyboard-driven workshop tool: score a benchmark with breakout groups, note, report.
///
/// With no command, awayday reopens the most recent session (or starts one).
#[derive(Debug, Parser)]
#[command(name = "awayday", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the built-in frameworks: id, title, edition, number of statements.
    Frameworks,
    /// Print a framework's outline (ids and titles), or the whole tree as JSON.
    Tree {
        #[command(flatten)]
        framework: FrameworkArg,
        /// Print the whole tree as JSON: each node has id, title, text and children.
        #[arg(long)]
        json: bool,
    },
    /// Show one node in full: its path, title, description and everything under it.
    Show {
        /// The node's id, e.g. 2.3 or 2.3.b.
        id: String,
        #[command(flatten)]
        framework: FrameworkArg,
    },
    /// Fuzzy search over every title and statement; best matches first.
    Lookup {
        /// Words to look for; every word must match.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[command(flatten)]
        framework: FrameworkArg,
        /// How many matches to print.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
    },
    /// Check a framework or session file and say what is wrong, and where.
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Create a session and open it.
    New {
        /// Where to save the session (default: a new file in the data folder).
        path: Option<PathBuf>,
        #[command(flatten)]
        framework: FrameworkArg,
        /// The session's title, e.g. "Leadership away-day".
        #[arg(long)]
        title: Option<String>,
        /// The organisation under review.
        #[arg(long)]
        organisation: Option<String>,
        /// Who runs the session.
        #[arg(long)]
        facilitator: Option<String>,
        /// The breakout groups, comma-separated, e.g. "Red,Blue,Green" (default: one group).
        #[arg(long, value_name = "NAMES")]
        groups: Option<String>,
        /// The day's plan, e.g. "09:30-16:00": time is shared among the areas in proportion
        /// to their statements (edit it in the app with t).
        #[arg(long, value_name = "HH:MM-HH:MM")]
        agenda: Option<String>,
        /// A break in the day, e.g. "12:30-13:15" (repeat for more).
        #[arg(long = "break", value_name = "HH:MM-HH:MM", requires = "agenda")]
        breaks: Vec<String>,
        /// Create the file and exit without opening the workshop screen.
        #[arg(long)]
        no_open: bool,
        /// Start from last year's session: its framework (as it is now), groups, title,
        /// organisation and facilitator, and its open actions; the options above override.
        #[arg(long, value_name = "SESSION")]
        from: Option<PathBuf>,
        /// Solo review: one reviewer scoring alone, one column (no agreed score to settle).
        #[arg(long)]
        solo: bool,
    },
    /// Open a session file.
    Open {
        /// The session file.
        path: PathBuf,
        /// Turn on solo review for this session (remembered with it).
        #[arg(long)]
        solo: bool,
        /// Let the groups vote from their own phones or laptops on this network: serve each
        /// group's page on this address and port (default: this machine's network address,
        /// port 8377). Use 0.0.0.0:PORT to listen on every network.
        #[arg(long, value_name = "ADDR:PORT", num_args = 0..=1, default_missing_value = "")]
        serve: Option<String>,
    },
    /// Write a report of a session: summary, disagreements, findings, action plan.
    Report {
        /// The session file.
        session: PathBuf,
        /// The report's status in its title block: draft (the default) or final.
        #[arg(long, value_enum, default_value_t = ReportStatus::Draft)]
        status: ReportStatus,
        /// The report's version, e.g. 2 (shown with its status).
        #[arg(long, value_name = "N")]
        revision: Option<u32>,
        /// Markdown (default), a self-contained HTML page, CSV, or a Word document.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// The copy to circulate: without the time spent, each group's scores, the
        /// disagreements, raw notes or internal flags. The full copy is the default.
        #[arg(long)]
        circulate: bool,
        /// Keep a part of the report's frame in the session, from a text file (no report is
        /// written): introduction, background, scope, approach, conclusions or next-steps.
        /// Give it more than once for several parts.
        #[arg(long, value_name = "PART=FILE")]
        set: Vec<String>,
    },
    /// Compare reviews over time: per area and statement, the agreed score then and now, what
    /// went up or down, statements new or removed, and last time's actions.
    Compare {
        /// Two or more session files, oldest first.
        #[arg(required = true, num_args = 2..)]
        sessions: Vec<PathBuf>,
        /// Markdown (default), a self-contained HTML page, or CSV.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Merge reviewers' session files into one (inputs are never changed).
    Merge {
        /// The session files, in order (at least two).
        #[arg(required = true, num_args = 2..)]
        inputs: Vec<PathBuf>,
        /// Where to write the merged session.
        #[arg(long, short = 'o', required = true)]
        output: PathBuf,
        /// Where files disagree, take the first or the last file's score instead of stopping.
        #[arg(long, value_enum)]
        prefer: Option<PreferArg>,
        /// Replace OUTPUT if it exists (it may never be one of the inputs).
        #[arg(long)]
        force: bool,
    },
    /// Write a self-contained copy of a session: the file with every edit its journal
    /// holds, so the copy needs nothing beside it (for a folder that cannot be written, a
    /// USB stick, an email). The session itself is never changed; it may be open in awayday.
    SaveAs {
        /// The session file.
        session: PathBuf,
        /// Where to write the copy.
        copy: PathBuf,
        /// Replace COPY if it exists (it may never be the session itself).
        #[arg(long)]
        force: bool,
    },
    /// Export a session's scores for reporting elsewhere.
    Export {
        /// The session file.
        session: PathBuf,
        /// The export format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Which rows: one per statement (default) or one per action.
        #[arg(long, value_enum, default_value_t = CsvTable::Statements)]
        what: CsvTable,
        /// Start the file with a byte-order mark, which Excel on Windows needs to read
        /// accented letters and curly quotes right (off by default: other tools do not want it).
        #[arg(long)]
        excel: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Turn an outline (Markdown, CSV, or a spreadsheet) into a framework file.
    ///
    /// Markdown: # themes, ## elements, ### headings, list items are statements, a paragraph
    /// is its heading's text; front matter may give title, id and scale. CSV and
    /// spreadsheets: one row per statement, columns named theme, element, heading,
    /// statement (and optionally theme id, element id, heading id, statement id).
    Import {
        /// The outline: .md, .csv, .xlsx or .ods.
        file: PathBuf,
        /// Where to write the framework (default: beside the outline, as .ron).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// The framework's id (default: from its title).
        #[arg(long)]
        id: Option<String>,
        /// The framework's title (default: the front matter's, or the file's name).
        #[arg(long)]
        title: Option<String>,
        /// The scale, e.g. "1 Underdeveloped, 2 Reasonable, 3 Good, 4 Strong" (the default).
        #[arg(long)]
        scale: Option<String>,
        /// The spreadsheet's sheet (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Last year's framework: statements whose text is unchanged or only slightly changed
        /// keep its ids, and what was added, removed and reworded is listed.
        #[arg(long, value_name = "OLD.ron")]
        update: Option<PathBuf>,
        /// Replace OUTPUT if it exists (never the outline itself).
        #[arg(long)]
        force: bool,
    },
    /// Print the keys in effect in every part of the screen, with the names a key file uses.
    Keys,
    /// Print shell completions for awayday (the README says where to put them).
    Completions {
        /// The shell to write completions for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `awayday man | man -l -` reads it where none is
    /// installed; the release archives carry it as awayday.1.
    Man,
}

/// The command line as clap sees it, with `--help` ending on the folders, files and
/// variables awayday reads (this system's folders, so worked out when it runs).
pub fn command() -> clap::Command {
    Cli::command()
        .after_help("The folders, files and variables awayday reads: see --help.")
        .after_long_help(about::help_text())
}

/// Parses the arguments; on `--help`, `--version` or a mistake, prints and exits.
pub fn parse() -> Cli {
    Cli::from_arg_matches(&command().get_matches()).unwrap_or_else(|e| e.exit())
}

/// Formats `awayday export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One row per statement: id, path, statement, each group, agreed, mean, spread, notes.
    Csv,
}

/// A report's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportStatus {
    Draft,
    Final,
}

/// The rows of a CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    /// One row per statement: scores, agreed, mean, spread, notes.
    Statements,
    /// One row per action: node, theme, element, action, owner, due, status.
    Actions,
}

/// Formats `awayday report` can write.
/// `--prefer first|last`: the command line's words for [`crate::session::Prefer`], kept
/// here so the session layer knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PreferArg {
    First,
    Last,
}

impl From<PreferArg> for crate::session::Prefer {
    fn from(arg: PreferArg) -> Self {
        match arg {
            PreferArg::First => crate::session::Prefer::First,
            PreferArg::Last => crate::session::Prefer::Last,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML file, with a heat map; prints cleanly.
    Html,
    /// The CSV export: one row per statement.
    Csv,
    /// A Word document (A4, Word's heading styles, numbered pages); needs -o FILE.
    Docx,
}

/// `--framework ID|PATH`, shared by every command that reads a framework.
#[derive(Debug, Clone, clap::Args)]
pub struct FrameworkArg {
    /// A built-in framework's id (see `awayday frameworks`) or the path of a framework file.
    #[arg(long, short = 'f', value_name = "ID|PATH")]
    pub framework: Option<String>,
}
