//! Finding a node by its id as people say or type it: "2.3.c.4", "2.3c4", "2.3 C 4" all name
//! statement 2.3.c.4. An id is read as its parts (runs of digits, runs of letters), so dots,
//! spaces and case do not matter but "1.10" is never "11.0".

use super::{Framework, NodeIx};

/// The parts of an id-like text: runs of digits and runs of letters, lower-cased; `None` when
/// the text holds anything an id would not (so words are left to the fuzzy search) or has no
/// digit at all.
fn parts(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 24 || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut last: Option<bool> = None; // whether the current part is digits
    for c in text.chars() {
        if matches!(c, '.' | ' ' | '-' | '_' | '/') {
            last = None;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        let digit = c.is_ascii_digit();
        match (last, parts.last_mut()) {
            (Some(d), Some(part)) if d == digit => part.push(c.to_ascii_lowercase()),
            _ => parts.push(c.to_ascii_lowercase().to_string()),
        }
        last = Some(digit);
    }
    // A lone word with a digit ("covid19") is a word, not an id: ids start with a digit.
    parts
        .first()
        .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(parts)
}

/// The nodes whose id `query` names: the exact id first, else every node whose id has the
/// same parts (in outline order). Empty when the query does not read as an id.
pub fn find_by_id(fw: &Framework, query: &str) -> Vec<NodeIx> {
    if let Some(ix) = fw.find(query.trim()) {
        return vec![ix];
    }
    let Some(wanted) = parts(query) else {
        return Vec::new();
    };
    fw.nodes()
        .iter()
        .enumerate()
        .filter(|(_, n)| parts(&n.id).is_some_and(|p| p == wanted))
        .map(|(ix, _)| ix)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_however_they_are_typed() {
        let fw = crate::framework::resolve(None).unwrap();
        let want = fw.find("2.3.c.4").unwrap();
        for typed in ["2.3.c.4", "2.3c4", "2.3.C.4", " 2 3 c 4 ", "2.3-c-4"] {
            assert_eq!(find_by_id(&fw, typed), vec![want], "{typed}");
        }
        assert_eq!(find_by_id(&fw, "2.3c"), vec![fw.find("2.3.c").unwrap()]);
        assert_eq!(find_by_id(&fw, "1.10"), vec![fw.find("1.10").unwrap()]);
        assert!(
            find_by_id(&fw, "11.0").is_empty(),
            "parts, not digits run together"
        );
        assert!(find_by_id(&fw, "call in").is_empty(), "words are not ids");
        assert!(find_by_id(&fw, "9.9.z.9").is_empty());
    }
}
