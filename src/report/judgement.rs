//! The one rule for the figures and words a report gives an area: the facilitator's
//! judgement when one was given; otherwise the agreed mean, rounded once (to two decimals),
//! with the band of the scale that rounded figure falls in. A computed band is never printed
//! beside a judgement the facilitator gave, so the report never holds two competing words.

/// A mean as every report prints it (and the report CSV holds it): rounded once, half away
/// from zero, to two decimals. "" for no mean.
pub fn mean(m: Option<f64>) -> String {
    m.map_or_else(String::new, |m| format!("{:.2}", round2(m)))
}

/// The mean rounded to two decimals, half away from zero.
pub fn round2(m: f64) -> f64 {
    // Nudged by a hair so a decimal that binary stores just under .xx5 still rounds up, as
    // `summary::round1` does.
    let scaled = m * 100.0;
    (scaled + scaled.signum() * 1e-9).round() / 100.0
}

/// The level of the scale a mean's printed figure falls in: the nearest, halves up
/// (2.47 is in band 2, 2.50 in band 3).
pub fn band(m: f64) -> u8 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a level, 0–255
    let level = round2(m).round().clamp(0.0, 255.0) as u8;
    level
}

/// "2 Reasonable": a level with its label on `scale` ((value, label, meaning)).
pub fn level_words(scale: &[(u8, String, String)], v: u8) -> String {
    scale
        .iter()
        .find(|(l, _, _)| *l == v)
        .map_or_else(|| v.to_string(), |(_, label, _)| format!("{v} {label}"))
}

/// What the report says of an area: the facilitator's judgement, or the mean's band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The facilitator's judgement: "2 Reasonable".
    Given(String),
    /// No judgement given: the band the agreed (or groups') mean is in, "Reasonable".
    Band(String),
    /// Neither.
    None,
}

impl Verdict {
    pub fn of(scale: &[(u8, String, String)], given: Option<u8>, mean: Option<f64>) -> Self {
        match (given, mean) {
            (Some(v), _) => Verdict::Given(level_words(scale, v)),
            (None, Some(m)) => {
                let b = band(m);
                Verdict::Band(
                    scale
                        .iter()
                        .find(|(l, _, _)| *l == b)
                        .map_or_else(|| b.to_string(), |(_, label, _)| label.clone()),
                )
            }
            (None, None) => Verdict::None,
        }
    }

    /// The judgement column's cell: "2 Reasonable", or "Reasonable band (from the mean)".
    pub fn cell(&self) -> String {
        match self {
            Verdict::Given(w) => w.clone(),
            Verdict::Band(b) => format!("{b} band (from the mean)"),
            Verdict::None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Vec<(u8, String, String)> {
        ["Underdeveloped", "Reasonable", "Good", "Strong"]
            .iter()
            .zip(1..)
            .map(|(l, v)| (v, (*l).to_owned(), String::new()))
            .collect()
    }

    #[test]
    fn a_mean_is_rounded_once() {
        assert_eq!(mean(Some(2.47)), "2.47");
        assert_eq!(mean(Some(2.666_666_666_666_666_5)), "2.67");
        assert_eq!(
            mean(Some(2.675)),
            "2.68",
            "half away from zero, though binary holds 2.67499…"
        );
        assert_eq!(mean(Some(2.125)), "2.13");
        assert_eq!(band(2.47), 2, "2.47 is not rounded to 2.5 and then to 3");
        assert_eq!(band(2.499), 3, "the printed 2.50 is in band 3");
        assert_eq!(
            Verdict::of(&scale(), None, Some(2.47)).cell(),
            "Reasonable band (from the mean)"
        );
    }

    #[test]
    fn a_given_judgement_is_the_only_word() {
        let v = Verdict::of(&scale(), Some(2), Some(2.9));
        assert_eq!(v, Verdict::Given("2 Reasonable".into()));
        assert!(!v.cell().contains("Good"));
    }
}
