//! Between the screen and the disk: the app's changes as journal records, folds into the
//! readable file, and the facilitator's choice when another program changed the file.

use crate::session::{Store, StoreError, journal};

use super::action::Resolution;
use super::app::{App, SaveState};

/// Writes every change made since the last call to the journal, durably. Moving around
/// writes nothing: the selection rides along with the next edit.
pub fn journal(app: &mut App, store: &mut Store) {
    write(app, store);
    flush(app, store);
}

/// [`journal`] without the flush to the disk, for a key whose frame is drawn before the
/// flush: [`flush`] must come before the next key is read.
pub fn write(app: &mut App, store: &mut Store) {
    let mut entries: Vec<journal::Entry> = app
        .history
        .take_applied()
        .iter()
        .flat_map(|(edit, forward)| journal::entries_for(edit, *forward, &app.session))
        .collect();
    entries.append(&mut app.outbox);
    journal::coalesce(&mut entries);
    if entries.is_empty() {
        return;
    }
    // A failure keeps the record in the store, to be written first on the next try.
    let _ = store.write(entries, app.session.selected.clone());
    report(app, store);
}

/// Makes what [`write`] wrote durable; returns whether that failed, so the screen, which
/// already shows the edit, can say it is only on screen.
pub fn flush(app: &mut App, store: &mut Store) -> bool {
    let failed = store.flush().is_err();
    if failed {
        report(app, store);
    }
    failed
}

/// Tries again, when it is due, whatever could not be written (the journal, the file);
/// returns whether it tried, so the screen can show the outcome.
pub fn retry(app: &mut App, store: &mut Store) -> bool {
    if !store.retry_due(std::time::Instant::now()) {
        return false;
    }
    match store.retry(&mut app.session) {
        Err(StoreError::ChangedElsewhere { .. }) => conflict(app, store),
        _ => report(app, store),
    }
    true
}

/// Says on screen where the work stands, in words, when that changes: every edit saved;
/// edits safe in the journal only (the file cannot be written); edits only on screen (not
/// even the journal can be written).
pub fn report(app: &mut App, store: &Store) {
    let health = store.health();
    let file = store.shown().display().to_string();
    let (state, message) = if let Some(why) = &health.journal_error {
        let only = crate::text::edits(health.on_screen_only);
        (
            SaveState::Failed(format!("{only} only on screen")),
            format!(
                "Cannot save to {} ({why}): {only} only on screen. awayday keeps trying and saves as soon as it can; do not quit yet.",
                store.journal_path().display()
            ),
        )
    } else if let Some(why) = &health.file_error {
        (
            SaveState::JournalOnly {
                edits: health.journal_only,
            },
            format!(
                "Cannot write {file} ({why}). Your {} are safe in its journal ({}) and go into the file by themselves when it can be written. To keep a copy elsewhere now: awayday save-as \"{file}\" COPY.ron",
                crate::text::edits(health.journal_only),
                store.journal_path().display()
            ),
        )
    } else {
        (
            SaveState::Saved,
            format!("Saved: {file} holds every edit again."),
        )
    };
    // Said once, when the state changes: a failure when it starts, the recovery when it ends
    // (not every ordinary save).
    let was_failing = !matches!(app.save_state, SaveState::Saved | SaveState::Unsaved);
    let changed = std::mem::discriminant(&state) != std::mem::discriminant(&app.save_state);
    if changed && (state != SaveState::Saved || was_failing) {
        app.message = Some(message);
    }
    app.save_state = state;
}
/// Folds the journal into the readable file. A change by another program stops it and asks
/// the facilitator what to keep.
pub fn fold(app: &mut App, store: &mut Store) {
    match store.fold(&mut app.session) {
        Err(StoreError::ChangedElsewhere { .. }) => conflict(app, store),
        _ => report(app, store),
    }
}

/// Starts folding the journal into the readable file on a worker thread, so the keys that
/// come meanwhile wait for nothing; [`fold_progress`] moves it on.
pub fn fold_in_background(app: &mut App, store: &mut Store) {
    match store.fold_in_background(&app.session) {
        Err(StoreError::ChangedElsewhere { .. }) => conflict(app, store),
        Err(_) => report(app, store),
        Ok(_) => {}
    }
}

/// Moves a fold running on the worker on; returns whether it has ended, so the screen can
/// show the outcome.
pub fn fold_progress(app: &mut App, store: &mut Store) -> bool {
    if store.fold_progress(&mut app.session, false).is_none() {
        return false;
    }
    report(app, store);
    true
}

/// Shows what the backup, written on a worker after opening, had to say (that it could not
/// be kept); returns whether there was anything.
pub fn backup_notices(app: &mut App, store: &mut Store) -> bool {
    let said = store.backup_notices(false);
    if said.is_empty() {
        return false;
    }
    let said = said.join(" ");
    app.message = Some(match app.message.take() {
        Some(before) => format!("{before} {said}"),
        None => said,
    });
    true
}

fn fail(app: &mut App, e: &StoreError) {
    let why = e.to_string();
    app.message = Some(why.clone());
    app.save_state = SaveState::Failed(why);
}

/// Another program changed the file: keep this window's state beside it at once, stop
/// writing over it, and ask.
pub fn conflict(app: &mut App, store: &mut Store) {
    let kept = store.keep_aside(&app.session, "ours");
    let ours = match &kept {
        Ok(path) => path.display().to_string(),
        Err(e) => format!("the journal beside it (a copy could not be written: {e})"),
    };
    app.save_state = SaveState::Failed("changed by another program".into());
    app.open_view(super::overlays::conflict(
        &store.shown().display().to_string(),
        &ours,
    ));
}

/// Carries out the facilitator's choice.
pub fn resolve(app: &mut App, store: &mut Store, choice: Resolution) {
    let done = match choice {
        Resolution::Theirs => store.take_theirs().map(|theirs| {
            app.replace_session(theirs);
            "Reloaded the file as the other program left it; your version is kept beside it."
                .to_owned()
        }),
        Resolution::Ours => store
            .write_over_theirs(&mut app.session)
            .map(|kept| match kept {
                Some(p) => format!("Kept yours; theirs is saved as {}.", p.display()),
                None => "Kept yours.".to_owned(),
            }),
        Resolution::Merge => match store.merge_with_theirs(&app.session) {
            Ok(merged) => {
                app.replace_session(merged);
                store
                    .write_over_theirs(&mut app.session)
                    .map(|_| "Merged theirs and yours (yours won where both scored a statement differently).".to_owned())
            }
            Err(why) => {
                app.message = Some(format!("Cannot merge: {why}"));
                return;
            }
        },
    };
    match done {
        Ok(msg) => {
            app.message = Some(msg);
            app.save_state = SaveState::Saved;
            app.close_view();
        }
        Err(e) => fail(app, &e),
    }
}
