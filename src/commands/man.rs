//! `awayday man`: the manual page, generated from the same command line as `--help`, so it
//! cannot drift from it. One page holds every command with its options, then the
//! environment, the files on each system and the exit status.

use std::io::Write;

use anyhow::Result;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::about;

/// Writes the page as roff (`man -l` reads it).
pub(super) fn man(out: &mut dyn Write) -> Result<()> {
    let cmd = crate::cli::command();
    let page = Man::new(cmd.clone()).manual("awayday manual");
    // Rendered into memory first: the renderer cannot be stopped part way by a closed pipe.
    let mut roff: Vec<u8> = Vec::new();
    page.render_title(&mut roff)?;
    page.render_name_section(&mut roff)?;
    page.render_synopsis_section(&mut roff)?;
    page.render_description_section(&mut roff)?;
    page.render_options_section(&mut roff)?;
    commands_section(&cmd, &mut roff)?;
    other_sections().to_writer(&mut roff)?;
    page.render_version_section(&mut roff)?;
    out.write_all(&roff)?;
    Ok(())
}

/// COMMANDS: each visible subcommand as a subsection, with its synopsis, description and
/// options as `clap_mangen` renders them for a page of its own, its section headings lowered
/// to paragraph breaks so they sit inside this one page.
fn commands_section(cmd: &clap::Command, out: &mut Vec<u8>) -> Result<()> {
    let mut head = Roff::new();
    head.control("SH", ["COMMANDS"]);
    head.to_writer(out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("awayday {}", sub.get_name());
        let mut title = Roff::new();
        title.control("SS", [name.as_str()]);
        title.to_writer(out)?;
        let page = Man::new(sub.clone().bin_name(&name));
        let mut body = Vec::new();
        page.render_synopsis_section(&mut body)?;
        page.render_description_section(&mut body)?;
        page.render_options_section(&mut body)?;
        for line in String::from_utf8_lossy(&body).lines() {
            if line.starts_with(".SH ") {
                writeln!(out, ".PP")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// ENVIRONMENT, FILES (on each system) and EXIT STATUS, from the same lists as `--help`.
fn other_sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in about::VARIABLES {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(*meaning)]);
    }
    roff.control("SH", ["FILES"]);
    for place in about::PLACES {
        roff.control("TP", [])
            .text([bold(place.name)])
            .text([roman(place.holds)]);
        for (system, path) in [
            ("Linux", place.linux),
            ("macOS", place.macos),
            ("Windows", place.windows),
        ] {
            roff.control("br", [])
                .text([roman(format!("{system}: ")), italic(path)]);
        }
    }
    roff.control("TP", [])
        .text([bold("Beside a session")])
        .text([roman(about::BESIDE_A_SESSION)]);
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in about::EXIT_STATUS {
        roff.control("TP", [])
            .text([bold(*code)])
            .text([roman(*meaning)]);
    }
    roff
}
