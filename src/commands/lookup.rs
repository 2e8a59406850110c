//! `awayday lookup QUERY…`: the best fuzzy matches with id, path and the matching text.

use std::io::Write;

use anyhow::Result;

use crate::framework::Framework;
use crate::search::{Hit, SearchIndex};
use crate::text::{Ansi, wrap_ranges};

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
    let hits = index.search(query, limit);
    if hits.is_empty() {
        writeln!(out, "No match for \"{query}\" in {}.", fw.title)?;
        return Ok(());
    }
    for hit in &hits {
        let node = fw.node(hit.node);
        let crumb = fw.breadcrumb(hit.node);
        let place = if crumb.is_empty() {
            node.kind.label().to_lowercase()
        } else {
            format!("{} in {crumb}", node.kind.label().to_lowercase())
        };
        writeln!(out, "{}  {}", ansi.bold(&node.id), ansi.dim(&place))?;
        for line in highlighted_snippet(index.haystack(hit.node), hit, width, ansi) {
            writeln!(out, "{INDENT}{line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The hit's text, cut around the first match if long, wrapped, with matched chars styled.
fn highlighted_snippet(haystack: &str, hit: &Hit, width: usize, ansi: Ansi) -> Vec<String> {
    let chars: Vec<char> = haystack.chars().collect();
    let first = hit.positions.first().copied().unwrap_or(0);
    let (start, end) = if chars.len() <= SNIPPET_CHARS {
        (0, chars.len())
    } else {
        let start = first.saturating_sub(LEAD_CHARS);
        // Start at a word boundary so the snippet does not open mid-word.
        let start = if start == 0 {
            0
        } else {
            (start..first)
                .find(|&i| chars[i - 1] == ' ')
                .unwrap_or(start)
        };
        (start, (start + SNIPPET_CHARS).min(chars.len()))
    };
    let mut snippet: String = chars[start..end].iter().collect();
    let mut offset = 0;
    if start > 0 {
        snippet.insert(0, '…');
        offset = 1;
    }
    if end < chars.len() {
        snippet.push('…');
    }
    let snippet = snippet.replace('\n', " ");
    let marked: Vec<bool> = {
        let mut m = vec![false; snippet.chars().count()];
        for &p in &hit.positions {
            if p >= start && p < end {
                m[p - start + offset] = true;
            }
        }
        m
    };
    let snippet_chars: Vec<char> = snippet.chars().collect();
    wrap_ranges(&snippet, width.saturating_sub(INDENT.len()).max(24))
        .into_iter()
        .map(|range| {
            let mut line = String::new();
            let mut run = String::new();
            let mut run_marked = false;
            for i in range {
                if marked[i] != run_marked && !run.is_empty() {
                    line.push_str(&style(&run, run_marked, ansi));
                    run.clear();
                }
                run_marked = marked[i];
                run.push(snippet_chars[i]);
            }
            line.push_str(&style(&run, run_marked, ansi));
            line
        })
        .collect()
}

fn style(s: &str, marked: bool, ansi: Ansi) -> String {
    if marked { ansi.hit(s) } else { s.to_owned() }
}
