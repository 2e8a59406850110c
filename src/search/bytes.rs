//! The text as search reads it, and the cheap tests run before the fuzzy matcher: folding
//! ("call-in" reads as "call in"), whether a query's bytes appear in order (necessary for any
//! fuzzy match), the byte-pair bitsets that rank a loose tier, and whole-word matches.

fn pair_bit(p: [u8; 2]) -> usize {
    (usize::from(p[0]).wrapping_mul(31) ^ usize::from(p[1])) & 255
}

/// The bitsets of byte pairs in `bytes`, and of the first two bytes of each word (a
/// one-letter word counts with a space after it), in one pass.
pub(super) fn bitsets_of(bytes: &[u8]) -> ([u64; 4], [u64; 4]) {
    let mut pairs = [0u64; 4];
    let mut starts = [0u64; 4];
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let set = |bits: &mut [u64; 4], p: [u8; 2]| {
        let b = pair_bit(p);
        bits[b / 64] |= 1 << (b % 64);
    };
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        if let Some(n) = next {
            set(&mut pairs, [b, n]);
        }
        let starts_word = word(b) && (i == 0 || !word(bytes[i - 1]));
        if starts_word {
            let second = next.filter(|&n| word(n)).unwrap_or(b' ');
            set(&mut starts, [b, second]);
        }
    }
    (pairs, starts)
}

pub(super) fn has_pair(bits: &[u64; 4], p: [u8; 2]) -> bool {
    let b = pair_bit(p);
    bits[b / 64] & (1 << (b % 64)) != 0
}

/// Which bytes start a word in `bytes`, one bit per byte value: whether a one-letter query
/// starts a word here, known without reading the text.
pub(super) fn initials_of(bytes: &[u8]) -> [u64; 4] {
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut bits = [0u64; 4];
    for (i, &b) in bytes.iter().enumerate() {
        if word(b) && (i == 0 || !word(bytes[i - 1])) {
            bits[usize::from(b) / 64] |= 1 << (b % 64);
        }
    }
    bits
}

pub(super) fn has_byte(bits: &[u64; 4], b: u8) -> bool {
    bits[usize::from(b) / 64] & (1 << (b % 64)) != 0
}

/// How many of `word`'s letter pairs (each time one comes) the bitset has: how a typo's near
/// matches are ranked before the matcher sees them.
pub(super) fn pairs_present(bits: &[u64; 4], word: &str) -> u16 {
    let n = word
        .as_bytes()
        .windows(2)
        .filter(|w| has_pair(bits, [w[0], w[1]]))
        .count();
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Whether `needle`'s bytes appear in `hay` in order: necessary for a fuzzy match of the
/// same (folded) text, and a hundred times cheaper than the matcher (`memchr` skips ahead to
/// each next byte).
pub(super) fn is_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    subsequence_end(hay, needle, 0).is_some()
}

/// Where `needle`'s bytes, found in order from `from` as early as they come, end in `hay`
/// (the offset after the last), or `None` when they are not all there. Matching as early as
/// possible leaves the most room for what follows, so a longer needle that starts with this
/// one is a subsequence exactly when its remaining bytes appear in order from that offset.
pub(super) fn subsequence_end(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    for &n in needle {
        at += memchr::memchr(n, hay.get(at..)?)? + 1;
    }
    Some(at)
}

/// Lower case, with hyphens, dashes and quotes read as spaces: "call-in" reads as "call in".
pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '-' | '–' | '—' | '‘' | '’' | '\'' | '"' | '“' | '”' | '/' => out.push(' '),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether `needle` occurs in `hay` starting at a word boundary.
pub(super) fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(pos, _)| {
        hay[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_is_a_necessary_condition() {
        assert!(is_subsequence(b"golden thread", b"gthr"));
        assert!(!is_subsequence(b"golden thread", b"zz"));
        assert!(is_subsequence("café".as_bytes(), "cé".as_bytes()));
    }

    #[test]
    fn initials_are_the_bytes_that_start_words() {
        let bits = initials_of(b"golden thread, 2 call in");
        for b in *b"gt2ci" {
            assert!(has_byte(&bits, b), "{}", b as char);
        }
        for b in *b"olhr ,a" {
            assert!(!has_byte(&bits, b), "{}", b as char);
        }
    }

    #[test]
    fn a_subsequence_ends_where_its_last_byte_was_found_earliest() {
        assert_eq!(subsequence_end(b"golden thread", b"gol", 0), Some(3));
        assert_eq!(subsequence_end(b"golden thread", b"d", 3), Some(4));
        assert_eq!(subsequence_end(b"golden thread", b"e", 5), Some(11));
        assert_eq!(subsequence_end(b"golden thread", b"e", 11), None);
        assert_eq!(subsequence_end(b"golden thread", b"g", 1), None);
        assert_eq!(subsequence_end(b"golden", b"", 6), Some(6));
        assert_eq!(subsequence_end(b"golden", b"n", 9), None);
    }

    #[test]
    fn folding_reads_hyphens_and_quotes_as_spaces() {
        assert_eq!(fold("Call-In ‘golden’"), "call in  golden ");
    }
}
