//! `awayday report FILE --set PART=TEXTFILE`: keeps a part of the report's frame (its
//! introduction, background, …) in the session, through the same store the app saves with,
//! so the session's lock, journal and backup are respected.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use crate::session::frame::FramePart;
use crate::session::{Store, journal::Entry};

/// Reads each `PART=FILE` and writes the parts into the session at `path`.
pub(super) fn set(path: &Path, sets: &[String], out: &mut dyn Write) -> Result<()> {
    let mut parts = Vec::new();
    for s in sets {
        let Some((key, file)) = s.split_once('=') else {
            bail!("--set takes PART=FILE, e.g. --set background=background.txt (got {s:?})");
        };
        let Some(part) = FramePart::from_key(key.trim()) else {
            let keys: Vec<&str> = FramePart::ALL.iter().map(|p| p.key()).collect();
            bail!(
                "{key:?} is not a part of the report's frame: use one of {}",
                keys.join(", ")
            );
        };
        let text = std::fs::read_to_string(file)
            .map_err(|e| anyhow::anyhow!("cannot read {file}: {e}"))?;
        parts.push((part, text.trim_end().replace("\r\n", "\n")));
    }
    let mut opened = Store::open(path)?;
    let entries: Vec<Entry> = parts
        .iter()
        .map(|(part, text)| Entry::Meta {
            field: crate::session::MetaField::Frame(*part),
            value: text.clone(),
        })
        .collect();
    for e in &entries {
        crate::session::journal::apply(&mut opened.session, e);
    }
    opened.store.append(entries, None)?;
    opened.store.fold(&mut opened.session)?;
    for (part, text) in &parts {
        writeln!(
            out,
            "{} set ({} characters) in {}.",
            part.heading(),
            text.chars().count(),
            path.display()
        )?;
    }
    Ok(())
}
