//! The workshop screen's loop: draw, wait for an event (doing the idle work meanwhile), turn
//! each key into actions for `update`, then the effects: the journal written (and flushed
//! once the frame is drawn), a fold started, a quit taken or refused.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;

use super::action::{Action, Effect};
use super::app::App;
use super::update::update;
use super::{console, input, keymap, persist, serving, ui};
use crate::session::Store;

/// How long the keyboard must rest before the journal is folded into the readable file.
const IDLE_FOLD: Duration = Duration::from_secs(2);
/// How often, while idle, the file is checked for another program's change, and how long a
/// request to stop (SIGTERM, SIGHUP, a console closing) waits at most to be noticed.
const TICK: Duration = Duration::from_millis(250);
/// How often the loop looks in on a fold running on the worker: its marker goes into the
/// journal as soon as the text is ready, so the file is written without waiting for a tick.
const FOLD_POLL: Duration = Duration::from_millis(5);
/// How often the loop looks for votes while the room votes from its devices: a vote is on
/// the facilitator's screen within this (see docs/performance.md, "Voting").
const VOTE_TICK: Duration = Duration::from_millis(10);

pub(super) fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    stop: &AtomicBool,
) -> Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    // Opening may have left edits in the journal only (a file that could not be written).
    let told = app.message.take();
    persist::report(app, store);
    if told.is_some() {
        app.message = told;
    }
    let mut quit_despite_failure = false;
    let mut last_event = Instant::now();
    let mut last_check = Instant::now();
    let mut fold_due = false;
    // The voting server, while the facilitator wants it; it stops when the loop ends.
    let mut voting = None;
    let mut first_frame = true;
    loop {
        update(app, clock());
        serving::sync(app, &mut voting);
        terminal.draw(|f| ui::render(app, f))?;
        // The keys' record, written before the frame, is on the disk before the next key is
        // read; the frame did not wait for the disk.
        if persist::flush(app, store) {
            terminal.draw(|f| ui::render(app, f))?;
        }
        // A fold on the worker moved on by the keys' time: its marker, and the fresh journal
        // once its file is written, each wait for the disk, so they come after the frame.
        if persist::fold_progress(app, store) {
            terminal.draw(|f| ui::render(app, f))?;
        }
        // The parse cache's entries for this opening, now the first frame is on screen.
        if std::mem::take(&mut first_frame) {
            crate::cache::write_pending();
        }
        // A fold due after the keys just handled starts once their frame is on screen; it
        // runs on a worker, and a change by another program is asked about at once.
        if std::mem::take(&mut fold_due) {
            persist::fold_in_background(app, store);
            if store.in_conflict() {
                terminal.draw(|f| ui::render(app, f))?;
            }
        }
        // Wait for an event, waking now and then for idle work, the clock and signals.
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let wait = if store.folding() {
                FOLD_POLL
            } else if voting.is_some() {
                VOTE_TICK
            } else {
                TICK
            };
            if event::poll(wait)? {
                break;
            }
            idle_work(
                terminal,
                app,
                store,
                last_event,
                &mut last_check,
                &mut voting,
            )?;
        }
        // Take the event and whatever else is already queued, so a burst of keys costs one
        // journal write and one draw, and a paste the console sends as keys is seen whole.
        let mut burst = vec![event::read()?];
        while event::poll(Duration::ZERO)? {
            burst.push(event::read()?);
        }
        let mut effects = Vec::new();
        match input::paste_in_burst(&burst).filter(|_| console::PASTE_ARRIVES_AS_KEYS) {
            Some(text) => effects.extend(update(app, Action::Paste(text))),
            None => {
                for ev in &burst {
                    #[cfg(debug_assertions)]
                    crash_for_tests(ev);
                    for action in input::actions_for(ev) {
                        effects.extend(update(app, action));
                    }
                    if effects.contains(&Effect::Quit) {
                        break;
                    }
                }
            }
        }
        last_event = Instant::now();
        // The operating system's before the frame shows it, so a crash of awayday keeps it;
        // flushed to the disk once the frame is drawn, before the next key is read.
        persist::write(app, store);
        for effect in &effects {
            if let Effect::Resolve(choice) = effect {
                persist::resolve(app, store, *choice);
            }
        }
        // A fold also comes at least every few seconds of steady work, so the readable file
        // is never far behind; while the file cannot be written, retries back off instead.
        let overdue = store.fold_overdue(Instant::now()) || store.journal_is_long();
        if effects.contains(&Effect::Flush) || (overdue && !store.in_conflict()) {
            fold_due = true;
        }
        if effects.contains(&Effect::Quit) {
            if store.in_conflict() {
                return Ok(());
            }
            if store.pending() > 0 || store.selection_moved(&app.session) {
                persist::fold(app, store);
            }
            if store.pending() == 0 || quit_despite_failure {
                return Ok(());
            }
            app.message = Some(quit_refused(app, store));
            quit_despite_failure = true;
        }
    }
}

/// What the loop does while no key comes: a fold on the worker moved on, the backup's word,
/// the clock, retries of what failed, the idle fold, and a look for another program's change.
fn idle_work(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    last_event: Instant,
    last_check: &mut Instant,
    voting: &mut Option<serving::Link>,
) -> Result<()> {
    if persist::fold_progress(app, store) | persist::backup_notices(app, store) {
        terminal.draw(|f| ui::render(app, f))?;
    }
    let minute_before = app.now;
    update(app, clock());
    let voted = serving::sync(app, voting);
    persist::journal(app, store);
    if voted {
        terminal.draw(|f| ui::render(app, f))?;
    }
    if app.now != minute_before && app.session.agenda.is_some() {
        // The pacing line shows the minute.
        terminal.draw(|f| ui::render(app, f))?;
    }
    if persist::retry(app, store) {
        terminal.draw(|f| ui::render(app, f))?;
    }
    let idle = last_event.elapsed();
    if store.pending() > 0
        && (idle >= IDLE_FOLD || store.fold_overdue(Instant::now()))
        && !store.in_conflict()
        && store.health().file_error.is_none()
    {
        persist::fold_in_background(app, store);
        if store.in_conflict() {
            terminal.draw(|f| ui::render(app, f))?;
        }
    } else if idle >= IDLE_FOLD && last_check.elapsed() >= IDLE_FOLD {
        *last_check = Instant::now();
        if !store.in_conflict() && store.changed_elsewhere() {
            persist::conflict(app, store);
            terminal.draw(|f| ui::render(app, f))?;
        }
    }
    Ok(())
}

/// Why the first quit did not quit: what would be lost, or where the work is kept.
fn quit_refused(app: &App, store: &Store) -> String {
    let quit_key = app
        .keymap
        .key_for(keymap::Context::Main, &Action::Quit)
        .unwrap_or_default();
    let health = store.health();
    if health.on_screen_only > 0 {
        format!(
            "{} are not saved anywhere yet ({}). Free some space or fix the folder and awayday saves them by itself; press {quit_key} again to quit and lose them.",
            crate::text::edits(health.on_screen_only),
            health.journal_error.unwrap_or_default()
        )
    } else {
        format!(
            "Could not write {} (every edit is kept in its journal and comes back when it is opened; `awayday save-as` writes a copy with them elsewhere). Fix that, or press {quit_key} again to quit.",
            app.path.display()
        )
    }
}

/// The local clock, as the app is told it.
fn clock() -> Action {
    let now = jiff::ZonedDateTime::now();
    let hour = u16::try_from(now.hour()).unwrap_or(0);
    let minute = u16::try_from(now.minute()).unwrap_or(0);
    Action::Tick {
        minute: hour * 60 + minute,
        seconds: u64::try_from(now.timestamp().as_second()).unwrap_or(0),
    }
}

/// Debug builds only: panics on the key named in `AWAYDAY_CRASH_ON_KEY`, so the end-to-end
/// tests can check that a crash restores the terminal and keeps the session.
#[cfg(debug_assertions)]
fn crash_for_tests(event: &event::Event) {
    if let event::Event::Key(key) = event
        && let event::KeyCode::Char(c) = key.code
        && std::env::var("AWAYDAY_CRASH_ON_KEY").is_ok_and(|k| k.starts_with(c))
    {
        panic!("deliberate crash on '{c}' (AWAYDAY_CRASH_ON_KEY)");
    }
}
