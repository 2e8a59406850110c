//! The app's side of voting from the groups' devices: what the server is told of the room (a
//! snapshot, published after every change), votes applied as scores through `update` (each
//! journalled like a key), and the server started and stopped as the facilitator asks.

use std::net::SocketAddr;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::serve::{LevelText, OpenStatement, Server, Slot, Snapshot, Vote};
use crate::session::Column;

use super::action::Action;
use super::app::App;
use super::update::update as apply;
pub use super::update::voting::start;
use super::update::voting::{open_statement, revealed, tokens_changed};
pub use super::voting::VotingAction;

/// A device that asked for its page within this long counts as connected (pages poll every
/// second or two, or refresh every five seconds without scripts).
const CONNECTED_WITHIN: Duration = Duration::from_secs(12);

/// The room as the server may know it.
pub fn snapshot(app: &App) -> Snapshot {
    let open = open_statement(app).map(|ix| {
        let node = app.framework.node(ix);
        OpenStatement {
            id: node.id.clone(),
            text: if node.text.is_empty() {
                node.title.clone()
            } else {
                node.text.clone()
            },
            scale: app
                .framework
                .scale
                .levels
                .iter()
                .map(|l| LevelText {
                    value: l.value,
                    label: l.label.clone(),
                    meaning: l.meaning.clone(),
                })
                .collect(),
            not_applicable: app.framework.scale.not_applicable.clone(),
        }
    });
    let groups = app
        .session
        .groups
        .iter()
        .enumerate()
        .filter_map(|(g, name)| {
            Some(Slot {
                name: name.clone(),
                token: app.session.tokens.get(name)?.to_owned(),
                vote: open
                    .as_ref()
                    .and_then(|o| app.session.score(&o.id, Column::Group(g))),
            })
        })
        .collect();
    Snapshot {
        open,
        revealed: revealed(app),
        groups,
    }
}

/// The running server, held by the loop.
pub struct Link {
    server: Server,
    votes: Receiver<Vote>,
    bound: SocketAddr,
}

/// Brings the server in line with what the facilitator asked, applies the votes that came
/// in, and tells the server the room as it is now. Whether the screen must be drawn again.
pub fn sync(app: &mut App, link: &mut Option<Link>) -> bool {
    let mut changed = false;
    if link.as_ref().map(|l| l.bound) != app.voting.wanted {
        // Dropping the server stops it.
        *link = None;
        app.voting.shown = None;
        app.voting.connected.clear();
        if let Some(bind) = app.voting.wanted {
            match Server::start(bind) {
                Ok((server, votes)) => {
                    app.voting.shown = Some(server.shown_addr());
                    *link = Some(Link {
                        server,
                        votes,
                        bound: bind,
                    });
                }
                Err(e) => {
                    app.voting.wanted = None;
                    app.message = Some(format!(
                        "Voting could not start on {bind}: {e}. Another program may use that port: try `--serve` with another, e.g. {}:8378.",
                        bind.ip()
                    ));
                }
            }
        }
        changed = true;
    }
    let Some(l) = link.as_ref() else {
        return changed;
    };
    // A group added or renamed while voting gets its link now; a removed or renamed group's
    // old link stops working.
    let groups = app.session.groups.clone();
    if let Ok(true) = app.session.tokens.ensure(&groups) {
        tokens_changed(app);
        changed = true;
    }
    while let Ok(vote) = l.votes.try_recv() {
        apply(
            app,
            Action::Voting(VotingAction::Vote {
                group: vote.group,
                statement: vote.statement,
                score: vote.score,
            }),
        );
        changed = true;
    }
    l.server.board.publish(snapshot(app));
    let connected = l.server.board.connected(CONNECTED_WITHIN);
    if connected != app.voting.connected {
        app.voting.connected = connected;
        changed = true;
    }
    changed
}
