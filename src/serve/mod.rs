//! Voting from the groups' own devices over the room's network: a small HTTP server on its
//! own threads, started only when asked (`--serve`, or from the voting view). It reads the
//! room from the snapshot the app publishes and sends votes back as messages the app's loop
//! applies through its one update path, so each vote is journalled like a key.
//!
//! Written on `std::net` rather than a server crate so the bounds are ours: a fixed number
//! of worker threads, a short queue (a connection beyond it is closed at once), a few
//! connections per address, timeouts on every read and write, and sizes capped before
//! anything is kept (see [`http`] and [`limits`]).

pub mod board;
pub mod http;
pub mod lan;
pub mod limits;
pub mod page;
pub mod routes;

use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, channel, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

pub use board::{Board, LevelText, OpenStatement, Slot, Snapshot, Vote};

/// Requests handled at once; more wait in the queue. Twice what one address may hold.
const WORKERS: usize = 2 * limits::PER_ADDRESS;
/// Connections waiting for a worker; beyond this, a connection is closed unanswered.
const QUEUE: usize = 64;
/// How long a device may take to send its request or read the answer: a phone on the room's
/// Wi-Fi takes milliseconds; a connection that sends nothing gives its worker back soon.
const IO_TIMEOUT: Duration = Duration::from_secs(2);

/// A running server. Stops when dropped (the app quitting, or the facilitator stopping it).
pub struct Server {
    local: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    pub board: Arc<Board>,
}

/// One accepted connection, for a worker.
type Job = (TcpStream, SocketAddr);

impl Server {
    /// Listens on `bind` (port 0: any free port); votes arrive on the receiver returned.
    pub fn start(bind: SocketAddr) -> io::Result<(Server, Receiver<Vote>)> {
        let listener = TcpListener::bind(bind)?;
        let local = listener.local_addr()?;
        let (votes, received) = channel();
        let board = Arc::new(Board::new(votes));
        let stop = Arc::new(AtomicBool::new(false));
        let (queue, jobs) = sync_channel::<Job>(QUEUE);
        let jobs = Arc::new(Mutex::new(jobs));
        let rate = Arc::new(limits::Rate::default());
        let open = Arc::new(limits::Open::default());
        for _ in 0..WORKERS {
            let (jobs, board, rate, open) = (
                Arc::clone(&jobs),
                Arc::clone(&board),
                Arc::clone(&rate),
                Arc::clone(&open),
            );
            std::thread::Builder::new()
                .name("awayday-vote".into())
                .spawn(move || {
                    loop {
                        // The queue closes when the accepting thread ends: so do the workers.
                        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
                        let Ok((stream, peer)) = job else { return };
                        serve_one(stream, peer, &board, &rate);
                        open.leave(peer.ip());
                    }
                })?;
        }
        let accept = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("awayday-listen".into())
                .spawn(move || accept_loop(&listener, &stop, &queue, &open))?
        };
        Ok((
            Server {
                local,
                stop,
                accept: Some(accept),
                board,
            },
            received,
        ))
    }

    /// Where the server listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// The address for the links: the LAN address when listening on every interface.
    pub fn shown_addr(&self) -> SocketAddr {
        lan::shown(self.local)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own, so it sees the stop.
        let mut wake = self.local;
        if wake.ip().is_unspecified() {
            wake.set_ip(if wake.is_ipv4() {
                std::net::Ipv4Addr::LOCALHOST.into()
            } else {
                std::net::Ipv6Addr::LOCALHOST.into()
            });
        }
        let woken = TcpStream::connect_timeout(&wake, Duration::from_millis(200)).is_ok();
        // If the address has gone (the Wi-Fi dropped), the wake-up cannot arrive: the thread
        // is left to end with the next connection or the program, never waited for, so
        // stopping (and quitting) can never hang.
        if let Some(accept) = self.accept.take().filter(|_| woken) {
            let _ = accept.join();
        }
    }
}

fn accept_loop(
    listener: &TcpListener,
    stop: &AtomicBool,
    queue: &SyncSender<Job>,
    open: &limits::Open,
) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = conn else { continue };
        let Ok(peer) = stream.peer_addr() else {
            continue;
        };
        if !open.enter(peer.ip()) {
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        }
        match queue.try_send((stream, peer)) {
            Ok(()) => {}
            Err(
                TrySendError::Full((stream, peer)) | TrySendError::Disconnected((stream, peer)),
            ) => {
                open.leave(peer.ip());
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }
}

/// Reads one request, answers it, closes the connection.
fn serve_one(mut stream: TcpStream, peer: SocketAddr, board: &Board, rate: &limits::Rate) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let read = http::read_request(&mut stream);
    let response = match read {
        Err(http::Refused::Gone) => return,
        _ if !rate.allow(peer.ip()) => {
            http::Response::text(429, "Too many requests: wait a moment and try again.")
        }
        Err(http::Refused::HeadTooLarge) => http::Response::text(431, "Request too large."),
        Err(http::Refused::BodyTooLarge) => http::Response::text(413, "Request too large."),
        Err(http::Refused::Malformed) => http::Response::text(400, "Bad request."),
        Ok(ref request) => routes::handle(request, board),
    };
    let _ = response.write_to(&mut stream);
    let _ = stream.shutdown(Shutdown::Write);
    if read.is_err() {
        // What the device still sends is read and dropped for a moment, so the answer is not
        // lost to a reset from closing with unread data.
        let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
        let _ = io::copy(&mut io::Read::take(&mut stream, 64 * 1024), &mut io::sink());
    }
}
