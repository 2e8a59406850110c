//! `awayday keys`: the keys in effect, every context, with the names a key file uses.

use std::io::Write;

use anyhow::Result;

use crate::tui::keyfile;
use crate::tui::keymap::Context;

pub(super) fn keys(out: &mut dyn Write) -> Result<()> {
    let (map, problem) = keyfile::load();
    if let Some(problem) = problem {
        eprintln!("awayday: {problem}");
    }
    match keyfile::path() {
        Some(p) if p.exists() => writeln!(out, "Keys: the defaults, changed by {}", p.display())?,
        Some(p) => writeln!(
            out,
            "Keys: the defaults (change them in {}, naming only what you change)",
            p.display()
        )?,
        None => writeln!(out, "Keys: the defaults")?,
    }
    for context in Context::ALL {
        writeln!(out)?;
        writeln!(out, "[{}] {}", context.name(), context.title())?;
        for b in map.context(context) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            writeln!(out, "  {:<20} {:<22} {}", b.name, keys.join(" "), b.help)?;
        }
    }
    Ok(())
}
