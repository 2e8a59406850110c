//! The store's journal writes: each edit appended and made durable before the next key, a
//! write that fails kept to be tried again, and the journal started afresh after a fold.
//!
//! The screen writes a key's record, draws the key's frame, then flushes the record to the
//! disk before it reads the next key ([`Store::write`], then [`Store::flush`]): the frame
//! does not wait for the disk (a flush takes tens of milliseconds on some laptops' disks),
//! yet the record is the operating system's before the frame shows it, so a crash of
//! awayday keeps it, and on the disk before the next key is read.

use std::io::{Seek, SeekFrom};
use std::time::Instant;

use super::{RETRY_FIRST, RETRY_MAX, Store, StoreError};
use crate::failpoint;
use crate::session::journal::{self, Entry, Header, Record};
use crate::session::store_error::io_err;

/// Records written to the journal and not yet flushed to the disk.
#[derive(Debug)]
pub(super) struct Unflushed {
    /// Where the journal's last whole record ended before them: a flush that fails cuts the
    /// journal back to here.
    from: u64,
    records: Vec<Record>,
}

impl Store {
    /// Appends one record to the journal and makes it durable before returning. If it cannot
    /// be written, it is kept and written first on the next try, and the journal is cut back
    /// to its last whole record, so a write cut short never hides the records after it.
    pub fn append(
        &mut self,
        entries: Vec<Entry>,
        selected: Option<String>,
    ) -> Result<usize, StoreError> {
        let written = self.write(entries, selected)?;
        self.flush()?;
        Ok(written)
    }

    /// [`Store::append`] without the flush to the disk, which [`Store::flush`] does, or
    /// whatever touches the journal next. Until then the record survives awayday stopping
    /// but not the computer stopping.
    pub fn write(
        &mut self,
        entries: Vec<Entry>,
        selected: Option<String>,
    ) -> Result<usize, StoreError> {
        if entries.is_empty() {
            return Ok(0);
        }
        for e in &entries {
            if let Entry::Draft(d) = e {
                self.draft.clone_from(d);
            }
        }
        match self.unwritten.last_mut() {
            // While the journal cannot be written, what waits is kept as one record of last
            // states, so a long note typed on a full disk does not pile up a copy per key.
            Some(waiting) => {
                waiting.entries.extend(entries);
                journal::coalesce(&mut waiting.entries);
                if selected.is_some() {
                    waiting.selected = selected;
                }
            }
            None => self.unwritten.push(Record { selected, entries }),
        }
        self.write_unwritten_unflushed()
    }

    /// Makes the records written since the last flush durable. If the disk refuses, they are
    /// taken as never written: the journal is cut back to before them, and they wait to be
    /// written again with the other records the journal could not take.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        self.settle().map_err(|e| io_err(&self.journal_path, &e))
    }

    /// [`Store::flush`], for the store's own writers: each settles the journal before it
    /// writes to it or reckons with what it holds, so records are flushed in order.
    pub(super) fn settle(&mut self) -> std::io::Result<()> {
        let Some(unflushed) = self.unflushed.take() else {
            return Ok(());
        };
        let flushed = failpoint::hit("journal.sync").and_then(|()| self.journal.sync_data());
        let Err(e) = flushed else {
            return Ok(());
        };
        self.journal_bytes = unflushed.from;
        self.cut_back();
        let edits: usize = unflushed.records.iter().map(edit_count).sum();
        self.pending_edits = self.pending_edits.saturating_sub(edits);
        let mut waiting = unflushed.records;
        waiting.append(&mut self.unwritten);
        self.unwritten = waiting;
        self.journal_error = Some(e.to_string());
        self.failed();
        Err(e)
    }

    /// Writes the records waiting for the journal, all or none, and flushes them.
    pub(super) fn write_unwritten(&mut self) -> Result<usize, StoreError> {
        let written = self.write_unwritten_unflushed()?;
        self.flush()?;
        Ok(written)
    }

    fn write_unwritten_unflushed(&mut self) -> Result<usize, StoreError> {
        if self.unwritten.is_empty() {
            return Ok(0);
        }
        self.flush()?;
        let from = self.journal_bytes;
        let mut text = String::new();
        if self.journal_bytes == 0 {
            // A journal emptied by a fold whose header could not be written yet.
            text.push_str(&self.header_line());
        }
        text.extend(self.unwritten.iter().map(journal::encode_line));
        match self.put_at_end(text.as_bytes(), false) {
            Ok(()) => {
                let edits: usize = self.unwritten.iter().map(edit_count).sum();
                if edits > 0 && self.pending_since.is_none() {
                    self.pending_since = Some(Instant::now());
                }
                self.pending_edits += edits;
                let written = std::mem::take(&mut self.unwritten);
                self.journalled_during_fold(&written);
                self.unflushed = Some(Unflushed {
                    from,
                    records: written,
                });
                self.journal_error = None;
                self.succeeded();
                Ok(text.len())
            }
            Err(e) => {
                let err = io_err(&self.journal_path, &e);
                self.journal_error = Some(e.to_string());
                self.failed();
                Err(err)
            }
        }
    }

    /// Writes bytes after the journal's last whole record and makes them durable; on any
    /// failure, cuts the journal back to that record (or remembers to, before the next write).
    pub(super) fn write_journal_at_end(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.settle()?;
        self.put_at_end(bytes, true)
    }

    /// [`Store::write_journal_at_end`], flushed to the disk or not.
    fn put_at_end(&mut self, bytes: &[u8], flush: bool) -> std::io::Result<()> {
        let result = (|| {
            if self.journal_tail_dirty {
                failpoint::hit("journal.cut-back")?;
                self.journal.set_len(self.journal_bytes)?;
                self.journal_tail_dirty = false;
            }
            self.journal.seek(SeekFrom::Start(self.journal_bytes))?;
            failpoint::write_all("journal.write", &mut self.journal, bytes)?;
            if !flush {
                return Ok(());
            }
            failpoint::hit("journal.sync")?;
            self.journal.sync_data()
        })();
        match result {
            Ok(()) => {
                self.journal_bytes += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                self.cut_back();
                Err(e)
            }
        }
    }

    /// Cuts the journal back to its last whole record, or remembers to before the next write.
    fn cut_back(&mut self) {
        self.journal_tail_dirty = true;
        if failpoint::hit("journal.cut-back").is_ok()
            && self.journal.set_len(self.journal_bytes).is_ok()
        {
            self.journal_tail_dirty = false;
        }
    }

    pub(super) fn failed(&mut self) {
        self.failures = self.failures.saturating_add(1);
        let wait = RETRY_FIRST
            .saturating_mul(1 << self.failures.min(8).saturating_sub(1))
            .min(RETRY_MAX);
        self.retry_at = Some(Instant::now() + wait);
    }

    pub(super) fn succeeded(&mut self) {
        if self.journal_error.is_none() && self.file_error.is_none() {
            self.failures = 0;
            self.retry_at = None;
        }
    }

    /// Empties the journal and writes its header for the file as it now is, and the form
    /// being typed, if any.
    pub(super) fn restart_journal(&mut self) -> Result<(), StoreError> {
        // Records that fail their flush now are written again into the new journal.
        let _ = self.settle();
        self.journal_bytes = 0;
        self.journal_tail_dirty = true;
        self.pending_edits = 0;
        self.pending_since = None;
        if let Some(draft) = self.draft.clone() {
            self.unwritten.insert(
                0,
                Record {
                    selected: None,
                    entries: vec![Entry::Draft(Some(draft))],
                },
            );
            self.write_unwritten()?;
        } else {
            let header = self.header_line();
            self.write_journal_at_end(header.as_bytes())
                .map_err(|e| io_err(&self.journal_path, &e))?;
        }
        Ok(())
    }

    pub(super) fn header_line(&self) -> String {
        journal::encode_line(&Header::new(
            &self.real.display().to_string(),
            &self.digest,
            self.saves,
        ))
    }
}

/// Edits in a record (form text and fold markers are not edits of the session).
pub(super) fn edit_count(record: &Record) -> usize {
    record
        .entries
        .iter()
        .filter(|e| !matches!(e, Entry::Draft(_) | Entry::Fold { .. }))
        .count()
}
