//! Deterministic example sessions: for the screenshots, the screen snapshots and the benches.
//! Nothing here is random from run to run, so pictures and figures are reproducible.

use crate::framework::Framework;
use crate::session::{Column, Score, Session};

/// Group names used by the examples, in order.
pub const GROUP_NAMES: [&str; 6] = ["Red", "Blue", "Green", "Yellow", "Purple", "Orange"];

/// A session over `fw` with `groups` groups where the first `scored` statements (all when
/// `None`) have a score from every group, an agreed score, and every fifth a note.
pub fn session(fw: &Framework, groups: usize, scored: Option<usize>) -> Session {
    let names = GROUP_NAMES
        .iter()
        .cycle()
        .take(groups.max(1))
        .enumerate()
        .map(|(i, n)| {
            if i < GROUP_NAMES.len() {
                (*n).to_owned()
            } else {
                format!("{n} {}", i + 1)
            }
        })
        .collect();
    let mut s = Session::new(fw, names, "2026-11-23".into());
    s.title = "Leadership team away-day".into();
    s.organisation = "Wyre Forest District Council".into();
    s.facilitator = "A. Facilitator".into();
    let levels: Vec<u8> = fw.scale.levels.iter().map(|l| l.value).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for (n, ix) in fw
        .statements()
        .take(scored.unwrap_or(usize::MAX))
        .enumerate()
    {
        let id = fw.node(ix).id.clone();
        for g in 0..s.groups.len() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = usize::try_from(seed >> 33).unwrap_or(0);
            // About one score in twenty is "not applicable".
            let score = if pick % 20 == 0 {
                Score::NotApplicable
            } else {
                Score::Level(levels[pick % levels.len()])
            };
            s.set_score(&id, Column::Group(g), Some(score));
        }
        let agreed = levels[(n * 7 + 1) % levels.len()];
        s.set_score(&id, Column::Agreed, Some(Score::Level(agreed)));
        if n % 5 == 0 {
            s.set_notes(
                &id,
                format!(
                    "Evidence discussed for {id}: the groups cited examples from several services."
                ),
            );
        }
    }
    s
}
