//! `awayday lookup QUERY…`: the best fuzzy matches with id, path and the matching text.

use std::io::Write;

use anyhow::Result;

use crate::framework::Framework;
use crate::search::{Hit, SearchIndex};
use crate::terminal::Ansi;
use crate::text::{match_window, printable, runs, wrap_ranges};

/// Longest stretch of text shown per hit; long descriptions are cut around the match.
const SNIPPET_CHARS: usize = 360;
/// How much text to keep before the first matched character when cutting.
const LEAD_CHARS: usize = 80;
const INDENT: &str = "    ";

pub fn lookup(
    fw: &Framework,
    query: &str,
    limit: usize,
    width: usize,
    ansi: Ansi,
    out: &mut dyn Write,
) -> Result<()> {
    let index = SearchIndex::new(fw);
    // An id, however typed ("2.3c4"), names its node: it comes first.
    let by_id = crate::framework::find_by_id(fw, query);
    let mut hits: Vec<Hit> = by_id
        .iter()
        .map(|&node| Hit {
            node,
            score: i64::MAX,
            positions: Vec::new(),
        })
        .collect();
    hits.extend(
        index
            .search(query, limit)
            .into_iter()
            .filter(|h| !by_id.contains(&h.node)),
    );
    hits.truncate(limit.max(by_id.len()));
    if hits.is_empty() {
        // An error, as with `grep`: a script can tell "nothing found" by the exit status, and
        // the words go to standard error, leaving standard output empty. `main` makes the
        // query and title printable.
        anyhow::bail!("no match for \"{query}\" in {}", fw.title);
    }
    for hit in &hits {
        let node = fw.node(hit.node);
        let crumb = fw.breadcrumb(hit.node);
        let place = if crumb.is_empty() {
            node.kind.label().to_lowercase()
        } else {
            format!("{} in {crumb}", node.kind.label().to_lowercase())
        };
        // Framework text is made printable before awayday's own colours go around it.
        writeln!(
            out,
            "{}  {}",
            ansi.bold(&printable(&node.id)),
            ansi.dim(&printable(&place))
        )?;
        let haystack = printable(index.haystack(hit.node));
        for line in highlighted_snippet(&haystack, hit, width, ansi) {
            writeln!(out, "{INDENT}{line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The hit's text, cut around the first match if long, wrapped, with matched chars styled.
fn highlighted_snippet(haystack: &str, hit: &Hit, width: usize, ansi: Ansi) -> Vec<String> {
    let (chars, marks) = match_window(haystack, &hit.positions, SNIPPET_CHARS, LEAD_CHARS);
    let snippet: String = chars.iter().collect();
    wrap_ranges(&snippet, width.saturating_sub(INDENT.len()).max(24))
        .into_iter()
        .map(|range| {
            runs(&chars[range.clone()], &marks[range])
                .iter()
                .map(|(text, marked)| style(text, *marked, ansi))
                .collect()
        })
        .collect()
}

fn style(s: &str, marked: bool, ansi: Ansi) -> String {
    if marked { ansi.hit(s) } else { s.to_owned() }
}
