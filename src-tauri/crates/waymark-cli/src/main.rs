//! `waymark-cli`: the map library from the command line, on the same store as the app and
//! through the same use cases (`waymark-library`).
//!
//! Exit codes: 0 done, 1 failed (one `error: ...` line a problem on stderr), 2 usage error.

mod args;
mod files;
mod maps;
mod merge;
mod output;
mod versions;

use args::{Cli, Command, VersionAction};
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use waymark_library::{KnownLibraries, LibraryError};
use waymark_store::{default_db_path, Store};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(messages) => {
            for message in messages.lines() {
                eprintln!("error: {message}");
            }
            ExitCode::from(1)
        }
    }
}

/// Runs a command; the error holds one line a problem.
fn run(cli: Cli) -> Result<(), String> {
    let db = cli.db;
    match cli.command {
        Command::Templates => maps::templates(),
        Command::Validate { file, format } => files::validate(&file, format),
        Command::Import { files, format } => files::import(db, &files, format),
        Command::Init => maps::init(db),
        Command::Backups => maps::backups(db),
        Command::Restore { backup } => maps::restore(db, &backup),
        Command::Backup { out } => maps::backup(db, out.as_deref()),
        Command::New { title, template } => maps::new(db, &title, template.as_deref()),
        Command::List { json } => maps::list(db, json),
        Command::Sample { cards, seed } => maps::sample(db, cards, seed),
        Command::Apply { map_id, file, base } => maps::apply(db, &map_id, &file, base),
        Command::Versions { map_id, json } => versions::list(db, &map_id, json),
        Command::Version {
            action: VersionAction::Save { map_id, name, note },
        } => versions::save(db, &map_id, &name, &note),
        Command::Version {
            action: VersionAction::Restore { map_id, version_id },
        } => versions::restore(db, &map_id, &version_id),
        Command::Diff { a, b, json } => versions::diff(db, &a, &b, json),
        Command::Merge {
            map_id,
            file,
            prefer,
            dry_run,
            json,
        } => merge::merge(db, &map_id, &file, prefer, (dry_run, json)),
        Command::Export {
            map_id,
            format,
            out,
            page,
            orientation,
            layout,
            changes_since,
        } => files::export(
            db,
            &map_id,
            format,
            &out,
            (page, orientation, layout, changes_since),
        ),
    }
}

/// The library's path: `--db`, else `WAYMARK_DB`, else the user's data folder.
fn library_path(db: Option<PathBuf>) -> Result<PathBuf, String> {
    db.or_else(default_db_path).ok_or_else(|| {
        "no data folder is known for this user: pass --db PATH or set WAYMARK_DB".to_owned()
    })
}

/// The library, which must still be where Waymark last found it (see `init`).
fn open_store(db: Option<PathBuf>) -> Result<Store, String> {
    let path = library_path(db)?;
    waymark_library::open_library(&path, &KnownLibraries::for_user()).map_err(|error| match error {
        LibraryError::Vanished { .. } => format!(
            "{error} To start a new, empty library there, run: waymark-cli --db \"{}\" init",
            path.display()
        ),
        other => message(&other),
    })
}

/// A use case's error as the CLI says it: a refused choice or an unwritable file in the
/// lower case of the rest of the line (`error: cannot write ...`).
fn message(error: &LibraryError) -> String {
    let text = error.to_string();
    match error {
        LibraryError::InvalidChoice { .. } | LibraryError::CannotWrite { .. } => {
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => text,
    }
}
