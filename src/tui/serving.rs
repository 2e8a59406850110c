//! The app's side of voting from the groups' devices: what the server is told of the room (a
//! snapshot, published after every change), votes applied as scores through `update` (each
//! journalled like a key), and the server started and stopped as the facilitator asks.

use std::net::SocketAddr;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::serve::{LevelText, OpenStatement, Server, Slot, Snapshot, Vote};
use crate::session::journal::Entry;
use crate::session::{Column, Edit, Score, Session};

use super::action::{Action, Effect};
use super::app::App;
use super::update::update as apply;

/// A device that asked for its page within this long counts as connected (pages poll every
/// second or two, or refresh every five seconds without scripts).
const CONNECTED_WITHIN: Duration = Duration::from_secs(12);

/// What voting asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VotingAction {
    /// Open the voting view: each group's link and QR code, and who is connected.
    Open,
    /// Start the server, or stop it.
    Toggle,
    /// A new link for the group chosen in the voting view (its old link stops working).
    Rotate,
    /// A new link for the group at this place in the list: what the voting view asks of the
    /// app for `Rotate`, since the view knows which group is chosen.
    NewLink(usize),
    /// A group's vote, from its device.
    Vote {
        group: String,
        statement: String,
        score: Option<Score>,
    },
}

/// Voting as the screen knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Voting {
    /// The facilitator asked for the server, listening here.
    pub wanted: Option<SocketAddr>,
    /// Where it listened last (`--serve`'s address), for starting it again.
    pub last: Option<SocketAddr>,
    /// The server is running, and its links use this address.
    pub shown: Option<SocketAddr>,
    /// Groups whose device asked for its page lately.
    pub connected: Vec<String>,
}

impl Voting {
    /// A group's link, if the server is running and the group has a token.
    pub fn link(&self, session: &Session, group: &str) -> Option<String> {
        let shown = self.shown?;
        let token = session.tokens.get(group)?;
        Some(format!("http://{shown}/g/{token}"))
    }
}

/// Applies a voting action. Opening the voting view is the registry's, and `Rotate` is the
/// open view's key (it answers with `NewLink` for its chosen group): neither does anything here.
pub fn update(app: &mut App, action: VotingAction) -> Option<Effect> {
    match action {
        VotingAction::Open | VotingAction::Rotate => {}
        VotingAction::Toggle => {
            if app.voting.wanted.is_some() {
                app.voting.wanted = None;
                app.message = Some("Voting stopped: the groups' links no longer answer.".into());
            } else {
                let bind = app
                    .voting
                    .last
                    .unwrap_or_else(crate::serve::lan::default_bind);
                start(app, bind);
            }
        }
        VotingAction::NewLink(chosen) => {
            let group = app.session.groups.get(chosen).cloned()?;
            match app.session.tokens.rotate(&group) {
                Ok(()) => {
                    tokens_changed(app);
                    app.message = Some(format!(
                        "{group} has a new link; the old one no longer works."
                    ));
                }
                Err(e) => app.message = Some(e.to_string()),
            }
        }
        VotingAction::Vote {
            group,
            statement,
            score,
        } => vote(app, &group, &statement, score),
    }
    None
}

/// Asks for the server on `bind`, first giving every group a link.
pub fn start(app: &mut App, bind: SocketAddr) {
    let groups = app.session.groups.clone();
    match app.session.tokens.ensure(&groups) {
        Ok(changed) => {
            if changed {
                tokens_changed(app);
            }
            app.voting.wanted = Some(bind);
            app.voting.last = Some(bind);
        }
        Err(e) => app.message = Some(e.to_string()),
    }
}

/// Tokens are part of the session: journalled at once, so a restart keeps the links.
fn tokens_changed(app: &mut App) {
    app.outbox.push(Entry::Tokens(app.session.tokens.clone()));
    app.mark_changed();
}

/// The statement open for voting: the one the facilitator has selected.
fn open_statement(app: &App) -> Option<usize> {
    let ix = app.selected();
    app.framework.node(ix).is_statement().then_some(ix)
}

/// Whether the scores of the open statement have been shown to the room (room mode's reveal,
/// or the agreed score given): voting on it is over, and the pages may show every score.
/// Outside room mode nothing is revealed to the network: the pages never show another
/// group's vote, and voting closes when the facilitator moves on.
fn revealed(app: &App) -> bool {
    open_statement(app).is_some_and(|ix| {
        app.round.statement() == Some(app.framework.node(ix).id.as_str()) && app.round.revealed()
    })
}

/// A vote counts only for the statement open now, before its reveal, from a group there is.
fn vote(app: &mut App, group: &str, statement: &str, score: Option<Score>) {
    let Some(ix) = open_statement(app) else {
        return;
    };
    if revealed(app) || app.framework.node(ix).id != statement {
        return;
    }
    let Some(g) = app.session.groups.iter().position(|name| name == group) else {
        return;
    };
    let column = Column::Group(g);
    let before = app.session.score(statement, column);
    if before == score {
        return;
    }
    apply(
        app,
        Action::Live(Edit::Score {
            node: statement.to_owned(),
            column,
            before,
            after: score,
        }),
    );
}

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
