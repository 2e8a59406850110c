//! The Markdown report keeps what people typed as text: a title or a note that starts with
//! "- " or "+ " is escaped so it cannot become a list item, and a dash inside the text is
//! left alone.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::report::{self, model};
use awayday::session::Session;

#[test]
fn a_leading_dash_or_plus_is_escaped_and_one_inside_the_text_is_not() {
    let fw = common::mini();
    let mut s = Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    s.title = "- draft away-day".into();
    common::set_notes(&mut s, "2.1.a", "+ more call-ins".into());
    let md = report::to_markdown(&model::build(&fw, &s));
    assert!(md.starts_with("# \\- draft away-day\n"), "{md}");
    assert!(md.contains("\\+ more call-ins"), "{md}");
}
