//! What the session file keeps of the room's settings and of records emptied by an edit:
//! every setting that is not the default comes back on the next open, a default one is not
//! written at all (so a file of a plain review stays plain to read), and a record an edit
//! leaves empty leaves the file rather than lingering as `"1.1": ()`.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, Column, Edit, History, Score, Session};
use common::{benchmark, set_score};

/// A room setting, by its name in the file, and how to make it.
type Setting = (&'static str, fn(&mut Session));

fn reread(s: &Session) -> (String, Session) {
    let text = session::to_ron(s);
    let back = session::parse(&text, "s.ron").unwrap();
    (text, back)
}

#[test]
fn every_room_setting_made_comes_back_and_none_left_at_its_default_is_written() {
    let fw = benchmark();
    let plain = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-12-08".into());
    let (text, _) = reread(&plain);
    assert!(
        !text.contains("room:"),
        "a default room is not written:\n{text}"
    );

    // Each setting on its own, so none rides on another being written.
    let settings: [Setting; 5] = [
        ("solo", |s| s.room.solo = true),
        ("reveal", |s| s.room.reveal = true),
        ("hide_in_grid", |s| s.room.hide_in_grid = true),
        ("spread", |s| s.room.spread = Some(3)),
        ("grid", |s| s.room.grid = true),
    ];
    for (name, set) in settings {
        let mut s = plain.clone();
        set(&mut s);
        let (text, back) = reread(&s);
        assert_eq!(back.room, s.room, "{name} comes back");
        assert!(
            text.contains(&format!("{name}:")),
            "{name} is written:\n{text}"
        );
        // The settings left at their default are not.
        for (other, _) in settings.iter().filter(|(o, _)| *o != name) {
            if *other != "grid" {
                assert!(
                    !text.contains(&format!("{other}:")),
                    "{other} is written with only {name} set:\n{text}"
                );
            }
        }
    }
}

#[test]
fn a_record_emptied_by_removing_its_group_leaves_the_file() {
    let fw = benchmark();
    let mut s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-12-08".into());
    let first = fw.node(fw.statements().next().unwrap()).id.clone();
    let second = fw.node(fw.statements().nth(1).unwrap()).id.clone();
    // The first statement scored by Blue alone; the second by both.
    set_score(&mut s, &first, Column::Group(1), Some(Score::Level(2)));
    set_score(&mut s, &second, Column::Group(0), Some(Score::Level(3)));
    set_score(&mut s, &second, Column::Group(1), Some(Score::Level(4)));
    let mut history = History::default();
    history.apply(
        &mut s,
        Edit::RemoveGroup {
            index: 1,
            name: "Blue".into(),
            scores: Vec::new(),
        },
    );
    assert!(s.nodes.get(&first).is_none(), "the emptied record is gone");
    assert!(
        s.nodes.get(&second).is_some(),
        "Red's score keeps its record"
    );
    let (text, back) = reread(&s);
    assert!(
        !text.contains(&format!("\"{first}\"")),
        "no empty record in the file:\n{text}"
    );
    assert_eq!(back.score(&second, Column::Group(0)), Some(Score::Level(3)));
}
