//! What the screen keeps of voting from the groups' devices, and what voting asks of it: plain
//! data, so the actions, the app and the views can name it without the server's side.

use std::net::SocketAddr;

use crate::session::{Score, Session};

/// What voting asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VotingAction {
    /// Open the voting view: each group's link and QR code, and who is connected.
    Open,
    /// Show or hide the presenter's join page: every group's link and code, for the room.
    Join,
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
