//! A change to the session's title or organisation reaches the journal with its new words and
//! is there when the session is opened again (before any fold into the file).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, Edit, History, MetaField, Session, Store, journal};

#[test]
fn a_new_title_and_organisation_are_journalled_and_read_back_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let fw = common::mini();
    let path = dir.path().join("s.ron");
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    s.title = "Away-day".into();
    session::save(&path, &s).unwrap();
    {
        let opened = Store::open(&path).unwrap();
        let (mut store, mut s) = (opened.store, opened.session);
        let mut history = History::default();
        for (field, after) in [
            (MetaField::Title, "Away-day 2027"),
            (MetaField::Organisation, "Wyre Forest"),
        ] {
            let edit = Edit::Meta {
                field,
                before: field.value(&s).to_owned(),
                after: after.into(),
            };
            history.apply(&mut s, edit.clone());
            store
                .append(journal::entries_for(&edit, true, &s), None)
                .unwrap();
        }
        // Dropped without a fold: only the journal holds the changes.
    }
    let s = Store::open(&path).unwrap().session;
    assert_eq!(s.title, "Away-day 2027");
    assert_eq!(s.organisation, "Wyre Forest");
}
