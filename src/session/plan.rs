//! The day's plan as the session keeps it: the day's start and end, its breaks, minutes set
//! by hand, areas left out of today and time spent per area, written in the file as people write times ("09:30",
//! "12:30-13:15"). Sharing the day among the areas and pacing it are in `agenda.rs`; this
//! file needs nothing of the session, so the session's model can hold a plan.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The plan for the day, kept in the session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agenda {
    /// Start and end of the day, minutes since midnight (written "09:30").
    #[serde(with = "hhmm")]
    pub start: u16,
    #[serde(with = "hhmm")]
    pub end: u16,
    /// Breaks: (start, end), minutes since midnight (written "12:30-13:15").
    #[serde(skip_serializing_if = "Vec::is_empty", with = "spans")]
    pub breaks: Vec<(u16, u16)>,
    /// Minutes set by hand for an area (by id), instead of its proportional share.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub minutes: BTreeMap<String, u16>,
    /// Areas (by id) left out of today's plan: they get no minutes and the others share the
    /// day. Defaulted, so files from before it open as "every area today".
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub not_today: BTreeSet<String>,
    /// Seconds actually spent in each area (by id) while awayday was open on it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<String, u32>,
}

/// Which line of the plan's form is typed: the day's start and end, or its breaks (a draft
/// names it, so the text comes back in the right field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanField {
    Day,
    Breaks,
}

/// A time, a span or a day's breaks that cannot be a plan, in words for the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("\"{0}\" is not a time; write it as 09:30")]
    NotATime(String),
    #[error("\"{0}\" is not a time")]
    NotANumber(String),
    #[error("\"{0}\" is not a time of day")]
    NotATimeOfDay(String),
    #[error("\"{0}\" is not a span; write it as 09:30-16:00")]
    NotASpan(String),
    #[error("\"{0}\" ends before it starts")]
    EndsBeforeStart(String),
    #[error("the break {0} is outside the day")]
    BreakOutsideDay(String),
    #[error("two breaks overlap")]
    BreaksOverlap,
}

/// "09:30" → 570.
pub fn parse_time(text: &str) -> Result<u16, PlanError> {
    let (h, m) = text
        .trim()
        .split_once(':')
        .ok_or_else(|| PlanError::NotATime(text.to_owned()))?;
    let h: u16 = h
        .trim()
        .parse()
        .map_err(|_| PlanError::NotANumber(text.to_owned()))?;
    let m: u16 = m
        .trim()
        .parse()
        .map_err(|_| PlanError::NotANumber(text.to_owned()))?;
    if h > 23 || m > 59 {
        return Err(PlanError::NotATimeOfDay(text.to_owned()));
    }
    Ok(h * 60 + m)
}

/// "09:30-16:00" → (570, 960), the end after the start.
pub fn parse_span(text: &str) -> Result<(u16, u16), PlanError> {
    let (a, b) = text
        .split_once('-')
        .ok_or_else(|| PlanError::NotASpan(text.to_owned()))?;
    let (a, b) = (parse_time(a)?, parse_time(b)?);
    if b <= a {
        return Err(PlanError::EndsBeforeStart(text.to_owned()));
    }
    Ok((a, b))
}

/// 570 → "09:30".
pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Agenda {
    /// A day from "09:30-16:00" and breaks like "12:30-13:15", each inside the day.
    pub fn new(day: &str, breaks: &[String]) -> Result<Agenda, PlanError> {
        let (start, end) = parse_span(day)?;
        let mut spans = Vec::new();
        for b in breaks {
            for part in b.split(',').filter(|p| !p.trim().is_empty()) {
                let (a, z) = parse_span(part)?;
                if a < start || z > end {
                    return Err(PlanError::BreakOutsideDay(part.trim().to_owned()));
                }
                spans.push((a, z));
            }
        }
        spans.sort_unstable();
        if spans.windows(2).any(|w| w[1].0 < w[0].1) {
            return Err(PlanError::BreaksOverlap);
        }
        Ok(Agenda {
            start,
            end,
            breaks: spans,
            ..Agenda::default()
        })
    }

    /// Whether `other` shares the day into the same slots: the same day, breaks, minutes set
    /// by hand and areas left out (the time spent in each is no part of them).
    pub fn same_slots(&self, other: &Agenda) -> bool {
        self.start == other.start
            && self.end == other.end
            && self.breaks == other.breaks
            && self.minutes == other.minutes
            && self.not_today == other.not_today
    }

    /// Minutes of the day that are not breaks.
    pub fn working_minutes(&self) -> u16 {
        let breaks: u16 = self.breaks.iter().map(|(a, z)| z - a).sum();
        (self.end - self.start).saturating_sub(breaks)
    }

    /// The clock time `work` working minutes after the start, breaks skipped.
    pub(crate) fn clock_at(&self, work: u16) -> u16 {
        let mut t = self.start;
        let mut left = work;
        for &(a, z) in &self.breaks {
            if t + left <= a {
                break;
            }
            left -= a.saturating_sub(t).min(left);
            t = z.max(t);
        }
        (t + left).min(self.end)
    }

    /// Working minutes from the start to clock time `now` (breaks left out).
    pub(crate) fn work_at(&self, now: u16) -> u16 {
        let now = now.clamp(self.start, self.end);
        let breaks: u16 = self.breaks.iter().map(|&(a, z)| now.clamp(a, z) - a).sum();
        (now - self.start).saturating_sub(breaks)
    }
}

/// Times in the file as people write them: "09:30".
mod hhmm {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
    pub(crate) fn serialize<S: Serializer>(minutes: &u16, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_time(*minutes))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_time(&text).map_err(serde::de::Error::custom)
    }
}

/// Spans in the file as people write them: "12:30-13:15".
mod spans {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ptr_arg)] // serde's `with` passes the field as it is
    pub(crate) fn serialize<S: Serializer>(
        spans: &Vec<(u16, u16)>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            spans
                .iter()
                .map(|(a, z)| format!("{}-{}", super::format_time(*a), super::format_time(*z))),
        )
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(u16, u16)>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| super::parse_span(t).map_err(serde::de::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_that_cannot_be_says_why_in_the_words_the_form_shows() {
        let words = |e: PlanError| e.to_string();
        assert_eq!(
            words(parse_time("930").unwrap_err()),
            "\"930\" is not a time; write it as 09:30"
        );
        assert_eq!(
            words(parse_time("9:xx").unwrap_err()),
            "\"9:xx\" is not a time"
        );
        assert_eq!(
            words(parse_time("24:00").unwrap_err()),
            "\"24:00\" is not a time of day"
        );
        assert_eq!(
            words(parse_span("09:30").unwrap_err()),
            "\"09:30\" is not a span; write it as 09:30-16:00"
        );
        assert_eq!(
            words(parse_span("16:00-09:30").unwrap_err()),
            "\"16:00-09:30\" ends before it starts"
        );
        assert_eq!(
            words(Agenda::new("09:00-17:00", &["08:00-09:30".into()]).unwrap_err()),
            "the break 08:00-09:30 is outside the day"
        );
        assert_eq!(
            Agenda::new("09:00-17:00", &["12:00-13:00, 12:30-12:45".into()]),
            Err(PlanError::BreaksOverlap)
        );
        assert_eq!(words(PlanError::BreaksOverlap), "two breaks overlap");
    }
}
