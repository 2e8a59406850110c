//! Plain-text helpers for the shell commands: wrapping that keeps character positions (so
//! search highlights survive wrapping), terminal width, and whether to use colour.

use std::io::IsTerminal;
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

/// Width of the terminal on stdout, or 80 when it is not a terminal.
pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(w).max(20);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80)
}

/// Whether to colour output: stdout is a terminal and `NO_COLOR` is not set.
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// ANSI styling for the shell commands; every method is a no-op when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Ansi {
    pub on: bool,
}

impl Ansi {
    pub fn bold(self, s: &str) -> String {
        self.wrap(s, "1")
    }
    pub fn dim(self, s: &str) -> String {
        self.wrap(s, "2")
    }
    /// The style of a matched character: bold, underlined, yellow.
    pub fn hit(self, s: &str) -> String {
        self.wrap(s, "1;4;33")
    }
    fn wrap(self, s: &str, code: &str) -> String {
        if self.on && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn wide_characters_count_double() {
        assert_eq!(wrap("日本 語", 4), vec!["日本", "語"]);
    }
}
