//! Voting from the groups' devices, as `update` applies it: the server started and stopped
//! as the facilitator asks, a lost phone's link replaced, and a group's vote applied as a
//! score on the open statement (journalled like a key) while it is not yet revealed.

use std::net::SocketAddr;

use crate::session::journal::Entry;
use crate::session::{Column, Edit, Score};
use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::voting::VotingAction;

/// Applies a voting action. Opening the voting view is the registry's, and `Rotate` is the
/// open view's key (it answers with `NewLink` for its chosen group): neither does anything here.
pub(crate) fn update(app: &mut App, action: VotingAction) -> Option<Effect> {
    match action {
        VotingAction::Open | VotingAction::Rotate | VotingAction::Join => {}
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
pub(crate) fn tokens_changed(app: &mut App) {
    app.outbox.push(Entry::Tokens(app.session.tokens.clone()));
    app.mark_changed();
}

/// The statement open for voting: the one the facilitator has selected.
pub(crate) fn open_statement(app: &App) -> Option<usize> {
    let ix = app.selected();
    app.framework.node(ix).is_statement().then_some(ix)
}

/// Whether the scores of the open statement have been shown to the room (room mode's reveal,
/// or the agreed score given): voting on it is over, and the pages may show every score.
/// Outside room mode nothing is revealed to the network: the pages never show another
/// group's vote, and voting closes when the facilitator moves on.
pub(crate) fn revealed(app: &App) -> bool {
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
    super::edits::live(
        app,
        Edit::Score {
            node: statement.to_owned(),
            column,
            before,
            after: score,
        },
    );
}
