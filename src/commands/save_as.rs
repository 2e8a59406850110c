//! `awayday save-as SESSION COPY`: the session with every edit its journal holds, written as
//! one self-contained file, for when the session's own folder cannot be written.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use crate::session;

pub(super) fn save_as(path: &Path, copy: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    if copy.exists() && !force {
        bail!(
            "{} already exists; choose another name, or add --force to replace it",
            copy.display()
        );
    }
    // Never over the session or its framework, by any name, whatever --force says.
    let mut s = super::workshop::read_session(path)?;
    let framework = session::framework_file(&s, Some(path));
    let mut inputs = vec![path];
    inputs.extend(framework.as_deref());
    crate::files::refuse_output_on_input(copy, &inputs).map_err(anyhow::Error::msg)?;
    super::merge::absolute_framework_path(&mut s, Some(path));
    session::framework_for(&s, Some(copy))?;
    session::save(copy, &s)?;
    writeln!(
        out,
        "Saved a copy of {} as {}, with every edit so far.",
        path.display(),
        copy.display()
    )?;
    Ok(())
}
