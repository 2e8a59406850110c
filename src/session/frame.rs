//! The review report's frame, kept in the session: the prose a council's report opens and
//! closes with (introduction, background, scope and objectives, approach and participants,
//! a summary of the main conclusions, next steps), in the order seed 003's report uses.

use serde::{Deserialize, Serialize};

/// One part of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FramePart {
    Introduction,
    Background,
    Scope,
    Approach,
    Conclusions,
    NextSteps,
}

impl FramePart {
    /// Every part, in the order the report prints them.
    pub const ALL: [FramePart; 6] = [
        FramePart::Introduction,
        FramePart::Background,
        FramePart::Scope,
        FramePart::Approach,
        FramePart::Conclusions,
        FramePart::NextSteps,
    ];

    /// The report's heading for the part.
    pub fn heading(self) -> &'static str {
        match self {
            FramePart::Introduction => "Introduction",
            FramePart::Background => "Background",
            FramePart::Scope => "Scope and objectives",
            FramePart::Approach => "Approach and participants",
            FramePart::Conclusions => "Main conclusions",
            FramePart::NextSteps => "Next steps",
        }
    }

    /// The name typed in the shell (`--set background=FILE`).
    pub fn key(self) -> &'static str {
        match self {
            FramePart::Introduction => "introduction",
            FramePart::Background => "background",
            FramePart::Scope => "scope",
            FramePart::Approach => "approach",
            FramePart::Conclusions => "conclusions",
            FramePart::NextSteps => "next-steps",
        }
    }

    /// The part named `key`, as [`FramePart::key`] spells it.
    pub fn from_key(key: &str) -> Option<FramePart> {
        FramePart::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The frame's text, part by part; an empty part is left out of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Frame {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub introduction: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub background: String,
    /// Scope and objectives.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// How the review was done and who took part.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub approach: String,
    /// The main conclusions in prose, printed before the conclusions' findings.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub conclusions: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_steps: String,
}

impl Frame {
    pub fn is_empty(&self) -> bool {
        *self == Frame::default()
    }

    pub fn get(&self, part: FramePart) -> &str {
        match part {
            FramePart::Introduction => &self.introduction,
            FramePart::Background => &self.background,
            FramePart::Scope => &self.scope,
            FramePart::Approach => &self.approach,
            FramePart::Conclusions => &self.conclusions,
            FramePart::NextSteps => &self.next_steps,
        }
    }

    pub fn slot(&mut self, part: FramePart) -> &mut String {
        match part {
            FramePart::Introduction => &mut self.introduction,
            FramePart::Background => &mut self.background,
            FramePart::Scope => &mut self.scope,
            FramePart::Approach => &mut self.approach,
            FramePart::Conclusions => &mut self.conclusions,
            FramePart::NextSteps => &mut self.next_steps,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_reads_back_by_its_key_and_its_slot() {
        let mut f = Frame::default();
        for (i, p) in FramePart::ALL.into_iter().enumerate() {
            assert_eq!(FramePart::from_key(p.key()), Some(p));
            *f.slot(p) = i.to_string();
        }
        for (i, p) in FramePart::ALL.into_iter().enumerate() {
            assert_eq!(f.get(p), i.to_string());
        }
    }
}
