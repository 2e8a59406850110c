//! `awayday new --from last-year.ron`: next year's session starts with last year's
//! framework, groups and people, and its open actions with ids that `compare` follows
//! through any rewording.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::process::Command;

use awayday::session::{self, ActionStatus};

fn awayday(args: &[&std::ffi::OsStr]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn next_years_session_carries_framework_groups_and_open_actions_with_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("2026.ron");
    std::fs::copy(common::fixture("mini-session.ron"), &last).unwrap();
    std::fs::copy(
        common::fixture("mini-framework.ron"),
        dir.path().join("mini-framework.ron"),
    )
    .unwrap();
    let next = dir.path().join("2027.ron");
    awayday(&[
        "new".as_ref(),
        "--no-open".as_ref(),
        "--from".as_ref(),
        last.as_os_str(),
        next.as_os_str(),
    ]);

    let s = session::read(&next).unwrap().session;
    assert_eq!(s.framework.id, "mini");
    assert_eq!(s.groups, ["Red", "Blue", "Green"]);
    assert_eq!(
        (
            s.title.as_str(),
            s.organisation.as_str(),
            s.facilitator.as_str()
        ),
        ("Scrutiny review", "Example District Council", "Sam Jones")
    );
    // Nothing scored or noted yet: a new review.
    assert!(
        s.nodes
            .values()
            .all(|r| r.scores.is_empty() && r.notes.is_empty())
    );
    // The open action comes with an id; the done one stays behind.
    let actions = s.actions("2.1");
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0].text, "Appoint a scrutiny officer");
    assert_eq!(actions[0].status, ActionStatus::Open);
    assert_eq!(actions[0].id, "2026-1");
    // The new session finds its framework wherever it is opened from.
    let report = awayday(&["report".as_ref(), next.as_os_str()]);
    assert!(report.contains("Mini benchmark"), "{report}");

    // Reworded beyond recognition next year and done: compare follows it by its id.
    let mut s = s;
    let mut done = s.actions("2.1").to_vec();
    done[0].text = "Recruit a full-time scrutiny support post".into();
    done[0].status = ActionStatus::Done;
    common::set_actions(&mut s, "2.1", done);
    session::save(&next, &s).unwrap();
    let md = awayday(&["compare".as_ref(), last.as_os_str(), next.as_os_str()]);
    assert!(
        md.contains("| 2.1 | Appoint a scrutiny officer | open | done |"),
        "{md}"
    );
}
