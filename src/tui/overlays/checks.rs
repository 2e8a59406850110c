//! The checks a form makes before it keeps its text: pure functions, each answering with the
//! value to keep, or with what is wrong in words the facilitator can act on.

use crate::framework::Scale;

/// An action says what will be done.
pub(super) fn action_text(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("An action needs to say what will be done.".into());
    }
    Ok(text.to_owned())
}

/// A judgement is a level of the scale, or nothing: typed as its number ("2"), its word
/// ("Reasonable", any case), or both ("2 Reasonable", as the report prints it).
pub(super) fn judgement(text: &str, scale: &Scale) -> Result<Option<u8>, String> {
    match text.trim() {
        "" => Ok(None),
        text => judgement_level(scale, text).map(Some).ok_or_else(|| {
            let words: Vec<String> = scale
                .levels
                .iter()
                .map(|l| format!("{} {}", l.value, l.label))
                .collect();
            format!(
                "\"{text}\" is not a level of the scale: type one of {}, as a number or a word.",
                words.join(", ")
            )
        }),
    }
}

/// The level `text` names, by number, word or both.
fn judgement_level(scale: &Scale, text: &str) -> Option<u8> {
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

/// An action's link: the number of one of its area's `count` recommendations, `C` and the
/// number of one of the main conclusions' `conclusions` recommendations, or nothing. The
/// answer is the number and whether it is a main conclusion's.
pub(super) fn recommendation(
    text: &str,
    count: usize,
    conclusions: usize,
) -> Result<Option<(usize, bool)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(number) = text.strip_prefix(['C', 'c']) {
        return match number.trim().parse::<usize>() {
            Ok(n) if (1..=conclusions).contains(&n) => Ok(Some((n, true))),
            _ if conclusions == 0 => {
                Err("The main conclusions have no recommendations yet (C writes them).".into())
            }
            _ => Err(format!(
                "The main conclusions' recommendations are C1 to C{conclusions}."
            )),
        };
    }
    match text.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok(Some((n, false))),
        _ if count == 0 => Err(
            "This area has no recommendations yet (F writes them). C1 links to the main conclusions' first."
                .into(),
        ),
        _ => Err(format!(
            "The area's recommendations are numbered 1 to {count}. C1 links to the main conclusions' first."
        )),
    }
}

/// An action's priority: High, Medium or Low, typed as the word or its first letter in any
/// case, kept as the word; or nothing.
pub(super) fn priority(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    ["High", "Medium", "Low"]
        .into_iter()
        .find(|word| {
            text.eq_ignore_ascii_case(word) || text.eq_ignore_ascii_case(&word[..1])
        })
        .map(str::to_owned)
        .ok_or_else(|| {
            format!(
                "\"{text}\" is not a priority: type High, Medium or Low (or H, M, L), or leave it empty."
            )
        })
}

/// Recommendations are written with `;` between them; empty ones are dropped.
pub(super) fn recommendations(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_keeps_good_text_and_says_what_is_wrong_with_bad() {
        assert_eq!(action_text("  Ask  "), Ok("Ask".into()));
        assert!(action_text("  ").unwrap_err().contains("what will be done"));
        let fw = crate::framework::resolve(None).unwrap();
        assert_eq!(judgement(" 2 ", &fw.scale), Ok(Some(2)));
        assert_eq!(judgement("", &fw.scale), Ok(None));
        assert!(
            judgement("9", &fw.scale)
                .unwrap_err()
                .starts_with("\"9\" is not a level of the scale: type one of 1 Underdeveloped, ")
        );
        let good = fw.scale.level(3).unwrap().label.clone();
        assert_eq!(judgement(&good.to_lowercase(), &fw.scale), Ok(Some(3)));
        assert_eq!(judgement(&format!("3 {good}"), &fw.scale), Ok(Some(3)));
        assert!(judgement(&format!("2 {good}"), &fw.scale).is_err());
        assert_eq!(recommendation("2", 3, 0), Ok(Some((2, false))));
        assert_eq!(recommendation("c2", 0, 2), Ok(Some((2, true))));
        assert!(recommendation("C3", 3, 2).unwrap_err().contains("C1 to C2"));
        assert_eq!(recommendation("", 0, 0), Ok(None));
        assert!(recommendation("4", 3, 0).unwrap_err().contains("1 to 3"));
        assert!(recommendation("0", 3, 0).is_err());
        assert!(
            recommendation("1", 0, 0)
                .unwrap_err()
                .contains("no recommendations")
        );
        assert_eq!(recommendations(" a ; ;b"), vec!["a", "b"]);
        assert_eq!(priority(" h "), Ok("High".into()));
        assert_eq!(priority("medium"), Ok("Medium".into()));
        assert_eq!(priority("L"), Ok("Low".into()));
        assert_eq!(priority(""), Ok(String::new()));
        assert!(
            priority("urgent")
                .unwrap_err()
                .contains("High, Medium or Low")
        );
        assert!(priority("hi").is_err());
    }
}
