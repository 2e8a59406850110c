//! The stand-in for the cargo-fuzz targets in `fuzz/`, run by `cargo test`: random and mangled
//! session and framework text never panics the loaders, and a session that loads round-trips.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::{framework, session};
use proptest::prelude::*;

const SESSION: &str = include_str!("fixtures/mini-session.ron");
const FRAMEWORK: &str = include_str!("fixtures/mini-framework.ron");

/// A valid text damaged the way real files get damaged: cut short, bytes changed, bits of
/// text inserted, lines swapped.
fn mangled(base: &'static str) -> impl Strategy<Value = String> {
    let len = base.len();
    prop_oneof![
        (0..len).prop_map(move |cut| base.get(..cut).unwrap_or(base).to_owned()),
        proptest::collection::vec((0..len, any::<char>()), 1..8).prop_map(move |edits| {
            let mut chars: Vec<char> = base.chars().collect();
            for (pos, c) in edits {
                let n = chars.len();
                chars[pos % n] = c;
            }
            chars.into_iter().collect()
        }),
        (0..len, "[(){}\\[\\],:\"a-zA-Z0-9 ]{0,12}").prop_map(move |(pos, ins)| {
            let mut s = base.to_owned();
            let mut at = pos;
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            s.insert_str(at, &ins);
            s
        }),
        (0usize..40, 0usize..40).prop_map(move |(a, b)| {
            let mut lines: Vec<&str> = base.lines().collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            lines.join("\n")
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mangled_sessions_load_or_fail_cleanly(text in mangled(SESSION)) {
        if let Ok(s) = session::parse(&text, "mangled.ron") {
            let again = session::parse(&session::to_ron(&s), "again.ron").unwrap();
            prop_assert_eq!(again, s);
        }
    }

    #[test]
    fn mangled_frameworks_load_or_fail_cleanly(text in mangled(FRAMEWORK)) {
        let _ = framework::parse(&text, "mangled.ron");
    }

    #[test]
    fn random_text_never_panics_either_loader(text in ".{0,400}") {
        let _ = session::parse(&text, "random.ron");
        let _ = framework::parse(&text, "random.ron");
    }
}

#[test]
fn every_builtin_framework_survives_being_cut_anywhere() {
    for b in framework::BUILTINS {
        let step = (b.source.len() / 300).max(1);
        for cut in (0..b.source.len()).step_by(step) {
            if b.source.is_char_boundary(cut) {
                let _ = framework::parse(&b.source[..cut], "cut.ron");
            }
        }
    }
}
