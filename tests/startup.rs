//! Opening the screen quickly: the framework a session names is found from the first lines
//! of its text, so it can be loaded while the rest is parsed; a guess that is checked, so
//! text that does not start as awayday writes it gives no guess rather than a wrong one.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, FrameworkRef, Session};

#[test]
fn the_framework_is_named_in_the_first_lines_awayday_writes() {
    let fw = common::benchmark();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    s.framework.path = Some("frameworks/a (draft) \"x\".ron".into());
    let text = session::to_ron(&s);
    let head = &text[..text.len().min(4096)];
    assert_eq!(session::framework_ahead(head), Some(s.framework.clone()));
}

#[test]
fn text_that_does_not_start_as_awayday_writes_it_gives_no_guess() {
    assert_eq!(
        session::framework_ahead("(format_version: 2, title: \"x\")"),
        None
    );
    // Cut off inside the reference.
    assert_eq!(
        session::framework_ahead("(format_version: 2, framework: (id: \"a\", edition"),
        None
    );
    let named: Option<FrameworkRef> =
        session::framework_ahead("(format_version: 2, framework: (id: \"a)\", edition: \"1\"))");
    assert_eq!(named.map(|f| f.id), Some("a)".to_owned()));
}
