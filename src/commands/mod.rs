//! The shell subcommands: each takes its arguments and a writer, and returns an error for
//! `main` to print. None of them touches the terminal beyond asking its width.

mod check;
mod export;
mod frame;
mod frameworks;
mod import;
mod keys;
mod lookup;
mod man;
mod merge;
pub mod new_session;
mod save_as;
mod show;
mod tree;
pub mod workshop;

use std::io::Write;

use crate::cli::Command;
use crate::framework;
use anyhow::Result;

pub use check::check;
pub use frameworks::frameworks;
pub use lookup::lookup;
pub use show::show;
pub use tree::{tree, tree_json};

/// Runs a subcommand, writing its output to `out`.
#[allow(clippy::too_many_lines)] // one arm per subcommand
pub fn run(command: Command, out: &mut dyn Write) -> Result<()> {
    // Text from frameworks and sessions reaches the terminal only through `Printable` (or,
    // for `lookup`, whose own colours must pass, made printable where it is read).
    let mut printable = crate::terminal::Printable(out);
    let out: &mut dyn Write = &mut printable;
    match command {
        Command::Frameworks => frameworks(out),
        Command::Tree { framework, json } => {
            let fw = framework::resolve(framework.framework.as_deref())?;
            if json {
                tree_json(&fw, out)
            } else {
                tree(&fw, out)
            }
        }
        Command::Show { id, framework } => {
            let fw = framework::resolve(framework.framework.as_deref())?;
            show(&fw, &id, crate::terminal::terminal_width(), out)
        }
        Command::Lookup {
            query,
            framework,
            limit,
        } => {
            let fw = framework::resolve(framework.framework.as_deref())?;
            let ansi = crate::terminal::Ansi {
                on: crate::terminal::use_colour(),
            };
            lookup(
                &fw,
                &query.join(" "),
                limit,
                crate::terminal::terminal_width(),
                ansi,
                printable.0,
            )
        }
        Command::Check { file } => check(&file, out),
        Command::New {
            path,
            framework,
            title,
            organisation,
            facilitator,
            groups,
            agenda,
            breaks,
            no_open,
            from,
            solo,
        } => {
            if !no_open {
                workshop::require_terminal()?;
            }
            let (path, _, _) = new_session::create(new_session::NewSession {
                path,
                framework: framework.framework,
                title,
                organisation,
                facilitator,
                groups,
                agenda,
                breaks,
                from,
                solo,
            })?;
            if no_open {
                writeln!(out, "Created {}", path.display())?;
                Ok(())
            } else {
                workshop::open(
                    &path,
                    Some(format!("New session: saved as {}.", path.display())),
                )
            }
        }
        Command::Open { path, solo, serve } => {
            let serve = serve.map(|a| workshop::serve_address(&a)).transpose()?;
            workshop::open_as(&path, None, solo, serve)
        }
        Command::Report {
            session,
            status,
            revision,
            format,
            output,
            circulate,
            set,
        } => {
            if !set.is_empty() {
                return frame::set(&session, &set, out);
            }
            let status = match (status, revision) {
                (crate::cli::ReportStatus::Draft, None) => "Draft".to_owned(),
                (crate::cli::ReportStatus::Draft, Some(n)) => format!("Draft, version {n}"),
                (crate::cli::ReportStatus::Final, None) => "Final".to_owned(),
                (crate::cli::ReportStatus::Final, Some(n)) => format!("Final, version {n}"),
            };
            export::report_cmd(
                &session,
                format,
                &status,
                circulate,
                output.as_deref(),
                printable.0,
            )
        }
        Command::Merge {
            inputs,
            output,
            prefer,
            force,
        } => merge::merge(&inputs, &output, prefer, force, out),
        Command::SaveAs {
            session,
            copy,
            force,
        } => save_as::save_as(&session, &copy, force, out),
        Command::Export {
            session,
            format,
            what,
            excel,
            output,
        } => export::export(&session, format, what, excel, output.as_deref(), out),
        Command::Keys => keys::keys(out),
        Command::Compare {
            sessions,
            format,
            output,
        } => export::compare_cmd(&sessions, format, output.as_deref(), out),
        Command::Import {
            file,
            output,
            id,
            title,
            scale,
            sheet,
            update,
            force,
        } => import::import(
            import::ImportArgs {
                file,
                output,
                id,
                title,
                scale,
                sheet,
                update,
                force,
            },
            out,
        ),
        Command::Completions { shell } => {
            // Generated into memory first: the generator panics on a write error, such as
            // the closed pipe of `awayday completions bash | head`.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut crate::cli::command(), "awayday", &mut script);
            out.write_all(&script)?;
            Ok(())
        }
        Command::Man => man::man(out),
    }
}
