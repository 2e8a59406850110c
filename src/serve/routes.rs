//! What each request gets: a group's page, its fingerprint for the live poll, or a vote.
//! Everything is checked against the snapshot the app last published: a token no group has
//! gets 403, a vote for anything but the open, unrevealed statement gets 409, and neither
//! reaches the app.

use std::time::{Duration, Instant};

use super::board::{Board, Slot, Snapshot, Vote};
use super::http::{Request, Response, form_fields};
use super::page::{self, View};
use crate::session::Score;

/// How long a vote's answer waits for the app to take it, so the page that follows shows it.
const LANDING: Duration = Duration::from_secs(1);

/// The answer to one request.
pub fn handle(request: &Request, board: &Board) -> Response {
    let parts: Vec<&str> = request.path.trim_start_matches('/').split('/').collect();
    match (request.method.as_str(), parts.as_slice()) {
        ("GET", [""]) => Response::html(
            200,
            page::message(
                "awayday",
                "Each group has its own link to vote from. Ask the facilitator for yours.",
                None,
            ),
            page::POLICY.to_owned(),
        ),
        ("GET", ["poll.js"]) => Response {
            content_type: "text/javascript; charset=utf-8",
            ..Response::text(200, page::POLL_JS)
        },
        ("GET", ["g", token]) => with_group(board, token, |snapshot, slot| {
            Response::html(
                200,
                page::render(&View::of(snapshot, slot), token),
                page::POLICY.to_owned(),
            )
        }),
        ("GET", ["g", token, "state"]) => with_group(board, token, |snapshot, slot| {
            Response::text(200, &View::of(snapshot, slot).version())
        }),
        ("POST", ["g", token]) => vote(board, token, &request.body),
        ("GET" | "POST", _) => Response::text(404, "Not found."),
        _ => Response::text(405, "Not allowed."),
    }
}

/// Runs `then` for the group whose token this is; a token no group has gets 403.
fn with_group(
    board: &Board,
    token: &str,
    then: impl FnOnce(&Snapshot, &Slot) -> Response,
) -> Response {
    let snapshot = board.snapshot();
    match snapshot.group_by_token(token) {
        Some(slot) => {
            board.saw(&slot.name);
            then(&snapshot, slot)
        }
        None => forbidden(),
    }
}

fn forbidden() -> Response {
    Response::html(
        403,
        page::message(
            "This link does not work",
            "It is not a group's link, or it was replaced. Ask the facilitator for your group's link.",
            None,
        ),
        page::POLICY.to_owned(),
    )
}

fn vote(board: &Board, token: &str, body: &[u8]) -> Response {
    let at = Instant::now();
    let snapshot = board.snapshot();
    let Some(slot) = snapshot.group_by_token(token) else {
        return forbidden();
    };
    board.saw(&slot.name);
    let back = format!("/g/{token}");
    let fields = form_fields(body);
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let open = snapshot.open.as_ref().filter(|_| !snapshot.revealed);
    let Some(open) = open.filter(|o| field("statement") == Some(o.id.as_str())) else {
        return Response::html(
            409,
            page::message(
                "Voting on that statement has closed",
                "The facilitator has moved on or shown the scores. Your group's page shows what is open now.",
                Some(&back),
            ),
            page::POLICY.to_owned(),
        );
    };
    let score = match field("score") {
        Some("na") => Some(Score::NotApplicable),
        Some("clear") => None,
        Some(level) => match level.parse::<u8>() {
            Ok(v) if open.scale.iter().any(|l| l.value == v) => Some(Score::Level(v)),
            _ => return Response::text(400, "That is not a level of the scale."),
        },
        None => return Response::text(400, "No score was sent."),
    };
    let group = slot.name.clone();
    let sent = board.send(Vote {
        group: group.clone(),
        statement: open.id.clone(),
        score,
        at,
    });
    if sent {
        board.wait_for(LANDING, |s| {
            s.groups.iter().any(|g| g.name == group && g.vote == score)
        });
    }
    Response::see_other(back)
}
