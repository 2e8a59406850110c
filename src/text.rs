//! Plain-text helpers, with no terminal in sight: wrapping that keeps character positions
//! (so search highlights survive wrapping), shortening labels, and the window of a text that
//! shows its first match. Terminal questions (width, colour) are in `terminal.rs`.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Splits `text` into lines at most `width` columns wide, breaking at spaces. Returns the char
/// range of each line in `text` (without the spaces at the break). Paragraph breaks (`\n`) are
/// kept as breaks; a word wider than the line is split.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start <= chars.len() {
        // Find the end of this hard line.
        let hard_end = chars[start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |p| start + p);
        wrap_line(&chars, start, hard_end, width, &mut lines);
        start = hard_end + 1;
    }
    lines
}

fn wrap_line(
    chars: &[char],
    mut start: usize,
    end: usize,
    width: usize,
    out: &mut Vec<Range<usize>>,
) {
    if start == end {
        out.push(start..end);
        return;
    }
    while start < end {
        let mut cols = 0;
        let mut i = start;
        let mut last_space = None;
        while i < end {
            let w = chars[i].width().unwrap_or(0);
            if cols + w > width {
                break;
            }
            if chars[i] == ' ' {
                last_space = Some(i);
            }
            cols += w;
            i += 1;
        }
        if i >= end {
            out.push(start..end);
            return;
        }
        let (line_end, next) = match last_space {
            // The line is full exactly at a space: break there, keeping the last word.
            _ if chars[i] == ' ' => (i, i + 1),
            Some(s) if s > start => (s, s + 1),
            // No space to break at (or a single over-wide char): cut the word.
            _ => (i.max(start + 1), i.max(start + 1)),
        };
        out.push(start..line_end);
        start = next;
        while start < end && chars[start] == ' ' {
            start += 1;
        }
    }
}

/// Wraps `text` to `width` and returns the lines as strings.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(text, width)
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

/// A window of at most `width` characters of `text`, on one line, that shows its first
/// match: from the start when the first match is near it, else from `lead` characters before
/// the match (at a word's start), with `…` where text was cut. Returns the window's
/// characters and, for each, whether it is one of `positions` (char indices into `text`).
/// Shared by the search view and `awayday lookup`, so both cut and mark text alike.
pub fn match_window(
    text: &str,
    positions: &[usize],
    width: usize,
    lead: usize,
) -> (Vec<char>, Vec<bool>) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let width = width.max(1);
    let first = positions.first().copied().unwrap_or(0);
    let start = if chars.len() <= width || first + 10 <= width {
        0
    } else {
        let from = first.saturating_sub(lead);
        (from..first)
            .find(|&i| i == 0 || chars[i - 1] == ' ')
            .unwrap_or(from)
    };
    let mut window = Vec::new();
    let mut marks = Vec::new();
    if start > 0 {
        window.push('…');
        marks.push(false);
    }
    let room = width.saturating_sub(window.len());
    let end = (start + room).min(chars.len());
    let cut = end < chars.len();
    let end = if cut {
        end.saturating_sub(1).max(start)
    } else {
        end
    };
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        window.push(c);
        marks.push(positions.binary_search(&i).is_ok());
    }
    if cut {
        window.push('…');
        marks.push(false);
    }
    (window, marks)
}

/// Characters and their marks as runs: (text, marked).
pub fn runs(chars: &[char], marks: &[bool]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (&c, &m) in chars.iter().zip(marks) {
        match out.last_mut() {
            Some((run, marked)) if *marked == m => run.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

/// Text safe to print on a terminal: control characters (C0 but line feed and tab, DEL, C1)
/// and the bidirectional overrides that can reorder what is shown are each replaced by
/// `U+FFFD`, one for one, so character positions (search highlights) still line up. User and
/// framework text passes through this before any shell command prints it: a title holding
/// `ESC ]0;…` must not retitle the terminal, nor OSC 52 write the clipboard.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if s.chars().any(unsafe_char) {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if unsafe_char(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Cuts a label to at most `max` characters at a word boundary, marking the cut with an
/// ellipsis (which counts towards `max`).
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let cut: String = s.chars().take(max - 1).collect();
    let cut = match cut.rsplit_once(' ') {
        Some((head, _)) if !head.trim().is_empty() => head,
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The room a box `width` columns wide has for its title: its two corners and the space
/// either side of the title take four, so a longer title is shortened with a marker rather
/// than cut by the box's corner.
pub fn title_room(width: u16) -> usize {
    usize::from(width).saturating_sub(4)
}

/// "1 edit", "3 edits": a count of edits in words.
pub fn edits(n: usize) -> String {
    if n == 1 {
        "1 edit".to_owned()
    } else {
        format!("{n} edits")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_edits_is_said_in_words() {
        assert_eq!(edits(1), "1 edit");
        assert_eq!(edits(0), "0 edits");
        assert_eq!(edits(12), "12 edits");
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("aa\n\nbb", 10), vec!["aa", "", "bb"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn shorten_never_exceeds_its_width() {
        for max in 0..30 {
            for text in [
                "Constructive working relationships",
                "Supercalifragilistic",
                "a b c d e f g",
            ] {
                assert!(
                    shorten(text, max).chars().count() <= max,
                    "{text:?} at {max}"
                );
            }
        }
        assert_eq!(
            shorten("Good governance, decision-making", 18),
            "Good governance…"
        );
    }

    #[test]
    fn the_match_window_shows_the_first_match_and_marks_the_cuts() {
        let text = "a ".repeat(40) + "golden thread and more words after it";
        let first = text.find("golden").unwrap();
        let positions: Vec<usize> = (first..first + 6).collect();
        let (w, m) = match_window(&text, &positions, 30, 4);
        let shown: String = w.iter().collect();
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("golden"), "{shown}");
        assert_eq!(w.len(), 30);
        let marked: String = w
            .iter()
            .zip(&m)
            .filter(|(_, m)| **m)
            .map(|(c, _)| c)
            .collect();
        assert_eq!(marked, "golden");
        let (short, _) = match_window("short", &[0], 30, 4);
        assert_eq!(short.iter().collect::<String>(), "short");
    }

    #[test]
    fn printable_replaces_escapes_one_for_one() {
        let hostile = "Title\u{1b}]0;pwned\u{7} and \u{1b}]52;c;ZXZpbA==\u{7}\u{202e}txt";
        let safe = printable(hostile);
        assert!(!safe.chars().any(char::is_control), "{safe:?}");
        assert_eq!(safe.chars().count(), hostile.chars().count());
        assert_eq!(printable("line\nnext\tcell"), "line\nnext\tcell");
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(wrap("日本 語", 4), vec!["日本", "語"]);
    }
}
