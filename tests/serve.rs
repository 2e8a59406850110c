//! Voting from the groups' devices, in process: the server's answers to right, wrong and old
//! links, closed statements, oversized and rapid requests, and what a page may say before the
//! reveal; and votes reaching the session through the app's update path.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use awayday::serve::{LevelText, OpenStatement, Server, Slot, Snapshot, Vote};
use awayday::session::journal::Entry;
use awayday::session::{Column, Score};
use awayday::tui::action::Action;
use awayday::tui::serving::{self, Link, VotingAction};
use common::http::{self, get, post_form};
use common::{app_with, benchmark, feed, select};

fn statement(id: &str) -> OpenStatement {
    OpenStatement {
        id: id.to_owned(),
        text: "Members challenge <decisions> & policy".to_owned(),
        scale: (1..=4)
            .map(|v| LevelText {
                value: v,
                label: format!("Level-{v}-label"),
                meaning: format!("Meaning of {v}"),
            })
            .collect(),
        not_applicable: "Not applicable".to_owned(),
    }
}

fn room(red: Option<Score>, blue: Option<Score>, revealed: bool) -> Snapshot {
    Snapshot {
        open: Some(statement("2.1")),
        revealed,
        groups: vec![
            Slot {
                name: "Red".into(),
                token: "r".repeat(32),
                vote: red,
            },
            Slot {
                name: "Blue".into(),
                token: "b".repeat(32),
                vote: blue,
            },
        ],
    }
}

fn server(snapshot: Snapshot) -> (Server, Receiver<Vote>, SocketAddr) {
    let (server, votes) = Server::start("127.0.0.1:0".parse().unwrap()).unwrap();
    server.board.publish(snapshot);
    let addr = server.local_addr();
    (server, votes, addr)
}

fn red() -> String {
    format!("/g/{}", "r".repeat(32))
}

#[test]
fn a_vote_is_sent_to_the_app_only_for_the_open_unrevealed_statement() {
    let (server, votes, addr) = server(room(None, None, false));
    // A vote for another statement (the facilitator has moved on) is refused.
    let closed = post_form(addr, &red(), "statement=1.1&score=3");
    assert_eq!(closed.status, 409);
    assert!(closed.body.contains("closed"));
    assert!(votes.try_recv().is_err());
    // A level the scale does not have is refused too.
    assert_eq!(post_form(addr, &red(), "statement=2.1&score=7").status, 400);
    assert!(votes.try_recv().is_err());
    // The open statement's vote goes to the app, and the browser is sent back to its page.
    let sent = post_form(addr, &red(), "statement=2.1&score=na");
    assert_eq!(sent.status, 303);
    assert_eq!(sent.header("location"), Some(red().as_str()));
    let vote = votes.try_recv().unwrap();
    assert_eq!(
        (vote.group.as_str(), vote.statement.as_str(), vote.score),
        ("Red", "2.1", Some(Score::NotApplicable))
    );
    // Once revealed, the statement takes no more votes.
    server
        .board
        .publish(room(Some(Score::NotApplicable), None, true));
    assert_eq!(post_form(addr, &red(), "statement=2.1&score=2").status, 409);
    assert!(votes.try_recv().is_err());
}

#[test]
fn a_wrong_token_gets_403_and_sends_nothing() {
    let (_server, votes, addr) = server(room(None, None, false));
    for path in [
        format!("/g/{}", "x".repeat(32)),
        format!("/g/{}", "r".repeat(31)),
        "/g/".to_owned(),
    ] {
        assert_eq!(get(addr, &path).status, 403, "{path}");
        assert_eq!(
            post_form(addr, &path, "statement=2.1&score=3").status,
            403,
            "{path}"
        );
    }
    assert!(votes.try_recv().is_err());
    assert_eq!(get(addr, &red()).status, 200);
}

#[test]
fn before_the_reveal_no_answer_carries_another_groups_vote() {
    // Blue's vote differs; every answer to Red must be the same byte for byte.
    let answers = |blue: Option<Score>| {
        let (_server, _votes, addr) = server(room(Some(Score::Level(2)), blue, false));
        let page = get(addr, &red());
        assert_eq!(page.status, 200);
        let state = get(addr, &format!("{}/state", red()));
        let closed = post_form(addr, &red(), "statement=9.9&score=1");
        let other = get(addr, "/");
        (page.body, state.body, closed.body, other.body)
    };
    let one = answers(Some(Score::Level(1)));
    assert_eq!(one, answers(Some(Score::Level(4))));
    assert_eq!(one, answers(Some(Score::NotApplicable)));
    // Who has voted is said, and the group's own vote; not what the others gave.
    assert!(one.0.contains("2 of 2 groups have voted"));
    assert!(one.0.contains("You voted 2 (Level-2-label)"));
    // Text from the session is escaped.
    assert!(
        one.0
            .contains("Members challenge &lt;decisions&gt; &amp; policy")
    );
    assert!(!one.0.contains("<decisions>"));

    // After the reveal, the page shows every group's score.
    let (_server, _votes, addr) = server(room(Some(Score::Level(2)), Some(Score::Level(4)), true));
    let revealed = get(addr, &red()).body;
    assert!(revealed.contains("Blue: 4 (Level-4-label)"), "{revealed}");
    assert!(!revealed.contains("<button"), "no voting after the reveal");
}

#[test]
fn oversized_requests_are_refused_and_send_nothing() {
    let (_server, votes, addr) = server(room(None, None, false));
    let body = format!("statement=2.1&score=3&pad={}", "a".repeat(4000));
    assert_eq!(post_form(addr, &red(), &body).status, 413);
    let head = format!(
        "GET {} HTTP/1.1\r\nCookie: {}\r\n\r\n",
        red(),
        "c".repeat(20_000)
    );
    assert_eq!(http::raw(addr, head.as_bytes()).unwrap().status, 431);
    assert!(votes.try_recv().is_err());
}

#[test]
fn rapid_requests_from_one_device_are_turned_away() {
    use awayday::serve::limits::{BURST, PER_SECOND};
    let (_server, _votes, addr) = server(room(None, None, false));
    let start = Instant::now();
    // Six at once: within what one device may hold open.
    let threads: Vec<_> = (0..6)
        .map(|_| {
            std::thread::spawn(move || {
                (0..25)
                    .map(|_| get(addr, &red()).status)
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    let statuses: Vec<u16> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let took = start.elapsed().as_secs_f64();
    let ok = statuses.iter().filter(|&&s| s == 200).count();
    let refused = statuses.iter().filter(|&&s| s == 429).count();
    // A burst is allowed, then only the steady rate, however slow this machine is.
    assert!(ok >= 40, "{ok} allowed");
    #[allow(clippy::cast_precision_loss)]
    let most = BURST + took * PER_SECOND + 1.0;
    #[allow(clippy::cast_precision_loss)]
    let allowed = ok as f64;
    assert!(allowed <= most, "{ok} allowed in {took:.2} s");
    assert!(refused > 0);
}

#[test]
fn connections_held_open_by_one_device_are_bounded() {
    let (_server, _votes, addr) = server(room(None, None, false));
    // Connections that send nothing hold a place until their time runs out...
    let held: Vec<TcpStream> = (0..awayday::serve::limits::PER_ADDRESS)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // ...so one more from the same address is closed at once, unanswered.
    let mut extra = TcpStream::connect(addr).unwrap();
    extra
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 16];
    let read = extra.read(&mut buf);
    assert!(
        matches!(read, Ok(0) | Err(_)) && start.elapsed() < Duration::from_secs(2),
        "{read:?} after {:?}",
        start.elapsed()
    );
    drop(held);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(get(addr, &red()).status, 200);
}

#[test]
fn the_server_stops_when_it_is_dropped() {
    let (server, _votes, addr) = server(room(None, None, false));
    assert_eq!(get(addr, &red()).status, 200);
    drop(server);
    assert!(TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_err());
}

/// The app's loop, for a test: runs `sync` (start, votes in, the room out) until `done`.
fn serve_until(app: &mut awayday::tui::app::App, link: &mut Option<Link>, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() && Instant::now() < deadline {
        serving::sync(app, link);
        std::thread::sleep(Duration::from_millis(5));
    }
    serving::sync(app, link);
}

#[test]
fn a_groups_vote_scores_its_column_journalled_and_not_an_undo_step() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    app.history_mut().take_applied();
    serving::start(&mut app, "127.0.0.1:0".parse().unwrap());
    let mut link = None;
    serving::sync(&mut app, &mut link);
    let addr = app.voting().shown.unwrap();
    let token = app.session().tokens.get("Red").unwrap().to_owned();
    assert!(
        app.outbox()
            .iter()
            .any(|e| matches!(e, Entry::Tokens(t) if t.get("Red") == Some(token.as_str())))
    );

    let client = std::thread::spawn(move || {
        post_form(addr, &format!("/g/{token}"), "statement=1.1&score=3").status
    });
    serve_until(&mut app, &mut link, || client.is_finished());
    assert_eq!(client.join().unwrap(), 303);
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert_eq!(app.session().score("1.1", Column::Group(1)), None);
    assert_eq!(app.session().score("1.1", Column::Agreed), None);
    // Journalled like a key...
    assert!(!app.history_mut().take_applied().is_empty());
    // ...but the facilitator's undo is for the facilitator's own keys.
    feed(
        &mut app,
        &[common::key(ratatui::crossterm::event::KeyCode::Char('u'))],
    );
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::Level(3))
    );
}

#[test]
fn a_vote_for_a_statement_no_longer_open_changes_nothing() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "1.2");
    let vote = |group: &str, statement: &str| {
        Action::Voting(VotingAction::Vote {
            group: group.into(),
            statement: statement.into(),
            score: Some(Score::Level(2)),
        })
    };
    feed(&mut app, &[vote("Red", "1.1"), vote("Nobody", "1.2")]);
    assert_eq!(app.session().score("1.1", Column::Group(0)), None);
    assert_eq!(app.session().score("1.2", Column::Group(0)), None);
    feed(&mut app, &[vote("Blue", "1.2")]);
    assert_eq!(
        app.session().score("1.2", Column::Group(1)),
        Some(Score::Level(2))
    );
}

#[test]
fn a_rotated_link_stops_working_at_once_and_the_new_one_works() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    serving::start(&mut app, "127.0.0.1:0".parse().unwrap());
    let mut link = None;
    serving::sync(&mut app, &mut link);
    let addr = app.voting().shown.unwrap();
    let old = app.session().tokens.get("Red").unwrap().to_owned();
    let blue = app.session().tokens.get("Blue").unwrap().to_owned();
    app.take_outbox();
    feed(
        &mut app,
        &[
            Action::Voting(VotingAction::Open),
            Action::Voting(VotingAction::Rotate),
        ],
    );
    let new = app.session().tokens.get("Red").unwrap().to_owned();
    assert_ne!(new, old);
    assert_eq!(app.session().tokens.get("Blue"), Some(blue.as_str()));
    // The new token is journalled, so the new link survives a restart.
    assert!(
        app.outbox()
            .iter()
            .any(|e| matches!(e, Entry::Tokens(t) if t.get("Red") == Some(new.as_str())))
    );
    serving::sync(&mut app, &mut link);
    let client = std::thread::spawn(move || {
        (
            post_form(addr, &format!("/g/{old}"), "statement=1.1&score=3").status,
            get(addr, &format!("/g/{new}")).status,
        )
    });
    serve_until(&mut app, &mut link, || client.is_finished());
    assert_eq!(client.join().unwrap(), (403, 200));
    assert_eq!(app.session().score("1.1", Column::Group(0)), None);
}

#[test]
fn once_the_facilitator_reveals_voting_closes_and_the_pages_show_every_score() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    feed(&mut app, &[Action::ToggleRoomMode]);
    select(&mut app, "1.1");
    serving::start(&mut app, "127.0.0.1:0".parse().unwrap());
    let mut link = None;
    serving::sync(&mut app, &mut link);
    let addr = app.voting().shown.unwrap();
    let red = format!("/g/{}", app.session().tokens.get("Red").unwrap());
    let blue = format!("/g/{}", app.session().tokens.get("Blue").unwrap());
    let (r, b) = (red.clone(), blue.clone());
    let client = std::thread::spawn(move || {
        (
            post_form(addr, &r, "statement=1.1&score=1").status,
            post_form(addr, &b, "statement=1.1&score=4").status,
        )
    });
    serve_until(&mut app, &mut link, || client.is_finished());
    assert_eq!(client.join().unwrap(), (303, 303));
    let page = get_while_serving(&mut app, &mut link, addr, &red);
    assert!(!page.contains("Blue: 4"), "hidden before the reveal");

    feed(&mut app, &[Action::Reveal]);
    serving::sync(&mut app, &mut link);
    let page = get_while_serving(&mut app, &mut link, addr, &red);
    assert!(page.contains("Blue: 4"), "{page}");
    let (r, b) = (red.clone(), blue.clone());
    let client = std::thread::spawn(move || {
        (
            post_form(addr, &r, "statement=1.1&score=2").status,
            post_form(addr, &b, "statement=1.1&score=2").status,
        )
    });
    serve_until(&mut app, &mut link, || client.is_finished());
    assert_eq!(client.join().unwrap(), (409, 409));
    // Not even a vote that reached the app before the reveal is applied after it.
    feed(
        &mut app,
        &[Action::Voting(VotingAction::Vote {
            group: "Red".into(),
            statement: "1.1".into(),
            score: Some(Score::Level(3)),
        })],
    );
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::Level(1))
    );
    assert_eq!(
        app.session().score("1.1", Column::Group(1)),
        Some(Score::Level(4))
    );
    // The facilitator can still correct any score.
    feed(&mut app, &[Action::Score(2)]);
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::Level(2))
    );
}

/// A page fetched while the app's loop runs.
fn get_while_serving(
    app: &mut awayday::tui::app::App,
    link: &mut Option<Link>,
    addr: SocketAddr,
    path: &str,
) -> String {
    let path = path.to_owned();
    let client = std::thread::spawn(move || get(addr, &path).body);
    serve_until(app, link, || client.is_finished());
    client.join().unwrap()
}

#[test]
fn the_facilitator_stops_voting_and_starts_it_again_on_the_same_address() {
    let mut app = app_with(benchmark(), &["Red"]);
    serving::start(&mut app, "127.0.0.1:0".parse().unwrap());
    let mut link = None;
    serving::sync(&mut app, &mut link);
    let first = app.voting().shown.unwrap();
    let token = app.session().tokens.get("Red").unwrap().to_owned();
    feed(
        &mut app,
        &[
            Action::Voting(VotingAction::Open),
            Action::Voting(VotingAction::Toggle),
        ],
    );
    serving::sync(&mut app, &mut link);
    assert_eq!(app.voting().shown, None);
    assert!(TcpStream::connect_timeout(&first, Duration::from_millis(500)).is_err());
    feed(&mut app, &[Action::Voting(VotingAction::Toggle)]);
    serving::sync(&mut app, &mut link);
    let again = app.voting().shown.unwrap();
    assert_eq!(again.ip(), first.ip());
    // The same link, at the new port: the group's token is kept.
    assert_eq!(app.session().tokens.get("Red"), Some(token.as_str()));
    let path = format!("/g/{token}");
    let client = std::thread::spawn(move || get(again, &path).status);
    serve_until(&mut app, &mut link, || client.is_finished());
    assert_eq!(client.join().unwrap(), 200);
}

/// The voting view, drawn by the real code: links, who is connected, the chosen group's QR
/// code (fixed tokens and address, so the drawing is the same every run).
fn voting_view(width: u16, height: u16) -> String {
    let mut app = app_with(benchmark(), &["Red", "Blue", "Green"]);
    app.session_mut().tokens = ron::from_str(
        r#"{"Red": "00112233445566778899aabbccddeeff", "Blue": "ffeeddccbbaa99887766554433221100", "Green": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"}"#,
    )
    .unwrap();
    app.voting_mut().shown = Some("192.168.1.20:8377".parse().unwrap());
    app.voting_mut().connected = vec!["Blue".into()];
    feed(
        &mut app,
        &[
            Action::Resize(width, height),
            Action::Voting(VotingAction::Open),
            Action::ListDown,
        ],
    );
    awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app))
}

#[test]
fn the_voting_view_shows_each_link_who_is_connected_and_the_chosen_groups_code() {
    for (w, h) in [(80, 24), (120, 40)] {
        let text = voting_view(w, h);
        assert!(text.contains("http://192.168.1.20:8377/g/ffeeddccbbaa99887766554433221100"));
        assert!(text.contains("Blue  connected"), "{text}");
        assert!(text.contains("Red  not connected"), "{text}");
        insta::assert_snapshot!(format!("voting_{w}x{h}"), text);
    }
}
