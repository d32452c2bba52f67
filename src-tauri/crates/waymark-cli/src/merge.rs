//! Merging a colleague's copy of a map from the command line.

use crate::args::Side;
use crate::open_store;
use crate::output::say;
use serde::Serialize;
use std::path::{Path, PathBuf};
use waymark_core::merge::{Choice, Choices, Conflict};
use waymark_core::MapId;
use waymark_library::MergePreview;

/// What `merge --json` prints.
#[derive(Serialize)]
struct Report<'a> {
    /// Whether the map was changed.
    merged: bool,
    /// The map's revision after the merge (or as it is).
    revision: i64,
    /// The id of the version both copies share; null for a two-way compare.
    base: Option<&'a str>,
    applied: u32,
    differences: &'a [waymark_core::diff::Difference],
    conflicts: &'a [Conflict],
}

/// "1 conflict", "2 conflicts".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn decided(conflict: &Conflict) -> &'static str {
    match conflict.choice {
        Choice::Mine => "keeps mine",
        Choice::Theirs => "takes theirs",
        Choice::Both => "keeps both",
    }
}

fn print(report: &MergePreview, prefer: Option<Side>) {
    match &report.base {
        Some(base) => say(format_args!(
            "Merging {} from the version both copies share, “{}” ({}).",
            report.file_name,
            base.name,
            waymark_exchange::format_rfc3339(base.created_at)
        )),
        None => say(format_args!(
            "Comparing {} two-way: no version it descends from is in the library, so every difference is a conflict.",
            report.file_name
        )),
    }
    say(format_args!(
        "{}:",
        count(report.applied as usize, "change")
    ));
    for line in report.differences.iter().flat_map(|d| &d.said) {
        say(format_args!("  {line}"));
    }
    say(format_args!(
        "{}:",
        count(report.conflicts.len(), "conflict")
    ));
    for conflict in &report.conflicts {
        let choice = prefer.map_or(String::new(), |_| format!(" → {}", decided(conflict)));
        say(format_args!(
            "  {}: mine {:?}, theirs {:?}{choice}",
            conflict.what, conflict.mine, conflict.theirs
        ));
    }
}

/// Merges `file` into the map: prints the changes and conflicts; applies unless there are
/// conflicts without `--prefer`, or `--dry-run`.
pub fn merge(
    db: Option<PathBuf>,
    map_id: &str,
    file: &Path,
    prefer: Option<Side>,
    (dry_run, json): (bool, bool),
) -> Result<(), String> {
    let mut store = open_store(db)?;
    let id = MapId::from(map_id);
    let failed = |e: waymark_library::LibraryError| e.to_string();
    let choices = match prefer {
        Some(Side::Mine) => waymark_library::prefer(&store, file, &id, Choice::Mine),
        Some(Side::Theirs) => waymark_library::prefer(&store, file, &id, Choice::Theirs),
        None => Ok(Choices::new()),
    }
    .map_err(failed)?;
    let preview = waymark_library::preview_merge(&store, file, &id, &choices).map_err(failed)?;
    let blocked = !preview.conflicts.is_empty() && prefer.is_none();
    let (merged, revision, report) = if dry_run || blocked {
        (false, preview.revision, preview)
    } else {
        let (applied, report) =
            waymark_library::apply_merge(&mut store, file, &id, &choices, preview.revision)
                .map_err(failed)?;
        (true, applied.revision, report)
    };
    if json {
        let out = Report {
            merged,
            revision,
            base: report.base.as_ref().map(|b| b.id.as_str()),
            applied: report.applied,
            differences: &report.differences,
            conflicts: &report.conflicts,
        };
        say(serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        print(&report, prefer);
        if merged {
            say(format_args!("Merged: the map is at revision {revision}; the map as it was is kept as a version."));
        }
    }
    if let Some(problem) = &report.problem {
        return Err(format!(
            "the merged map would break a rule, so nothing was merged: {problem}"
        ));
    }
    if blocked {
        return Err(format!(
            "{}, so nothing was merged: decide with --prefer mine or --prefer theirs, or merge in the app",
            count(report.conflicts.len(), "conflict")
        ));
    }
    Ok(())
}
