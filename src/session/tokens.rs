//! Each group's secret for voting from its own device: a random token per group, kept in the
//! session so a phone that scanned its link still works after awayday restarts, and replaced
//! (rotated) when a device is lost.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Random bytes in a token: 128 bits, far beyond guessing over a room's Wi-Fi.
const TOKEN_BYTES: usize = 16;

/// The voting tokens, by group name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GroupTokens(BTreeMap<String, String>);

/// The system's random source failed; no token can be made.
#[derive(Debug, thiserror::Error)]
#[error("no random numbers from the system for the voting links: {0}")]
pub struct TokenError(String);

impl GroupTokens {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The group's token, if it has one.
    pub fn get(&self, group: &str) -> Option<&str> {
        self.0.get(group).map(String::as_str)
    }

    /// Gives every group that has none a token, and forgets the tokens of groups that are
    /// gone (a removed or renamed group's old link must stop working). Whether anything
    /// changed.
    pub fn ensure(&mut self, groups: &[String]) -> Result<bool, TokenError> {
        let before = self.0.len();
        self.0.retain(|name, _| groups.contains(name));
        let mut changed = self.0.len() != before;
        for group in groups {
            if !self.0.contains_key(group) {
                self.0.insert(group.clone(), fresh()?);
                changed = true;
            }
        }
        Ok(changed)
    }

    /// A new token for the group: its old link stops working at once.
    pub fn rotate(&mut self, group: &str) -> Result<(), TokenError> {
        self.0.insert(group.to_owned(), fresh()?);
        Ok(())
    }
}

/// Whether a token given is this one, compared without stopping at the first difference so
/// the time taken says nothing about how close a guess was.
pub fn same_token(known: &str, given: &str) -> bool {
    let (a, b) = (known.as_bytes(), given.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn fresh() -> Result<String, TokenError> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| TokenError(e.to_string()))?;
    Ok(bytes
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn each_group_gets_its_own_random_token_and_keeps_it() {
        let mut tokens = GroupTokens::default();
        assert!(tokens.ensure(&groups(&["Red", "Blue"])).unwrap());
        let red = tokens.get("Red").unwrap().to_owned();
        let blue = tokens.get("Blue").unwrap().to_owned();
        assert_eq!(red.len(), 32);
        assert_ne!(red, blue);
        assert!(!tokens.ensure(&groups(&["Red", "Blue"])).unwrap());
        assert_eq!(tokens.get("Red"), Some(red.as_str()));
        assert!(same_token(&red, &red.clone()));
        assert!(!same_token(&red, &blue));
        assert!(!same_token(&red, &red[..31]));
        assert!(!same_token(&red, ""));
    }

    #[test]
    fn a_rotated_token_replaces_the_old_one_and_gone_groups_lose_theirs() {
        let mut tokens = GroupTokens::default();
        tokens.ensure(&groups(&["Red", "Blue"])).unwrap();
        let old = tokens.get("Red").unwrap().to_owned();
        tokens.rotate("Red").unwrap();
        assert_ne!(tokens.get("Red").unwrap(), old);
        assert!(tokens.ensure(&groups(&["Red"])).unwrap());
        assert_eq!(tokens.get("Blue"), None);
    }
}
