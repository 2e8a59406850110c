//! The checks a form makes before it keeps its text: pure functions, each answering with the
//! value to keep, or with what is wrong in words the facilitator can act on.

use crate::framework::Scale;

/// An action says what will be done.
pub fn action_text(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("An action needs to say what will be done.".into());
    }
    Ok(text.to_owned())
}

/// A judgement is a level of the scale, or nothing.
pub fn judgement(text: &str, scale: &Scale) -> Result<Option<u8>, String> {
    match text.trim() {
        "" => Ok(None),
        text => match text.parse::<u8>() {
            Ok(v) if scale.level(v).is_some() => Ok(Some(v)),
            _ => Err(format!("\"{text}\" is not a level of the scale.")),
        },
    }
}

/// An action's link is the number of one of its area's `count` recommendations, or nothing.
pub fn recommendation(text: &str, count: usize) -> Result<Option<usize>, String> {
    match text.trim() {
        "" => Ok(None),
        text => match text.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(Some(n)),
            _ if count == 0 => Err("This area has no recommendations yet (F writes them).".into()),
            _ => Err(format!(
                "The area's recommendations are numbered 1 to {count}."
            )),
        },
    }
}

/// Recommendations are written with `;` between them; empty ones are dropped.
pub fn recommendations(text: &str) -> Vec<String> {
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
        assert_eq!(
            judgement("9", &fw.scale),
            Err("\"9\" is not a level of the scale.".into())
        );
        assert_eq!(recommendation("2", 3), Ok(Some(2)));
        assert_eq!(recommendation("", 0), Ok(None));
        assert!(recommendation("4", 3).unwrap_err().contains("1 to 3"));
        assert!(recommendation("0", 3).is_err());
        assert!(
            recommendation("1", 0)
                .unwrap_err()
                .contains("no recommendations")
        );
        assert_eq!(recommendations(" a ; ;b"), vec!["a", "b"]);
    }
}
