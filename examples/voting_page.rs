//! Serves a group's voting page over a demo room, for looking at it in a browser (the
//! headless check in `scripts/check-voting-page.sh` screenshots it at a phone's size).
//! Prints the group's link, then serves until its input closes.
//!
//! Run it with `cargo run --example voting_page`.

use awayday::framework;
use awayday::serve::{LevelText, OpenStatement, Server, Slot, Snapshot};
use awayday::session::Score;

fn main() -> anyhow::Result<()> {
    let fw = framework::resolve(None)?;
    let statement = fw
        .nodes()
        .iter()
        .find(|n| n.is_statement() && n.text.len() > 150)
        .ok_or_else(|| anyhow::anyhow!("the built-in benchmark has no long statement"))?;
    let slot = |name: &str, token: char, vote: Option<Score>| Slot {
        name: name.to_owned(),
        token: token.to_string().repeat(32),
        vote,
    };
    let room = Snapshot {
        open: Some(OpenStatement {
            id: statement.id.clone(),
            text: statement.text.clone(),
            scale: fw
                .scale
                .levels
                .iter()
                .map(|l| LevelText {
                    value: l.value,
                    label: l.label.clone(),
                    meaning: l.meaning.clone(),
                })
                .collect(),
            not_applicable: fw.scale.not_applicable.clone(),
        }),
        revealed: false,
        groups: vec![
            slot("Red", 'a', Some(Score::Level(3))),
            slot("Blue", 'b', Some(Score::Level(2))),
            slot("Green", 'c', None),
            slot("Purple", 'd', None),
        ],
    };
    let (server, _votes) = Server::start("127.0.0.1:0".parse()?)?;
    server.board.publish(room);
    println!("http://{}/g/{}", server.local_addr(), "a".repeat(32));
    // Serve until whoever started this closes its input.
    std::io::copy(&mut std::io::stdin(), &mut std::io::sink())?;
    Ok(())
}
