//! Serves a group's voting page over a demo room, for looking at it in a browser (the
//! headless check in `scripts/check-voting-page.sh` screenshots it at a phone's size).
//! Prints the group's link, then serves until its input closes.
//!
//! Run it with `cargo run --example voting_page`.

use std::path::PathBuf;

use awayday::framework;
use awayday::serve::Server;
use awayday::session::{Column, Edit, History, Score, Session};
use awayday::tui::{app::App, serving};

fn main() -> anyhow::Result<()> {
    let fw = framework::resolve(None)?;
    // A long statement, so the page is seen wrapping it on a phone.
    let statement = fw
        .nodes()
        .iter()
        .find(|n| n.is_statement() && n.text.len() > 150)
        .ok_or_else(|| anyhow::anyhow!("the built-in benchmark has no long statement"))?
        .id
        .clone();
    let groups = ["Red", "Blue", "Green", "Purple"]
        .map(str::to_owned)
        .to_vec();
    let mut session = Session::new(&fw, groups, "2026-11-23".into());
    session.tokens.ensure(&session.groups)?;
    // Two groups have voted, two have not.
    let mut history = History::default();
    for (group, level) in [(0, 3), (1, 2)] {
        history.apply(
            &mut session,
            Edit::Score {
                node: statement.clone(),
                column: Column::Group(group),
                before: None,
                after: Some(Score::Level(level)),
            },
        );
    }
    let red = session.tokens.get("Red").unwrap_or_default().to_owned();
    session.selected = Some(statement);
    // The room as the workshop screen tells it to the server, open on that statement.
    let app = App::new(fw, session, PathBuf::from("voting-page.ron"));
    let (server, _votes) = Server::start("127.0.0.1:0".parse()?)?;
    server.board.publish(serving::snapshot(&app));
    println!("http://{}/g/{red}", server.local_addr());
    // Serve until whoever started this closes its input.
    std::io::copy(&mut std::io::stdin(), &mut std::io::sink())?;
    Ok(())
}
