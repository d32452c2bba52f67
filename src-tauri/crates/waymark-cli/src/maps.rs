//! Commands on the library and its maps: templates, new, list, sample, apply, and the
//! library itself (init, backup, backups, restore).

use crate::output::say;
use crate::{library_path, message, open_store};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use waymark_core::{sample as samples, templates as known_templates, MapId, MapSummary, Op};
use waymark_library::KnownLibraries;
use waymark_system::now;

/// The most cards `sample` makes: beyond this a map stops being realistic.
const MAX_SAMPLE_CARDS: usize = 50_000;

/// A library line as `list --json` prints it.
#[derive(Serialize)]
struct ListedMap {
    id: String,
    title: String,
    stages: u32,
    lanes: u32,
    cards: u32,
    personas: u32,
    updated_at: String,
}

pub fn templates() -> Result<(), String> {
    for template in known_templates::TEMPLATES {
        say(template.name);
    }
    Ok(())
}

pub fn new(db: Option<PathBuf>, title: &str, template: Option<&str>) -> Result<(), String> {
    let summary = open_store(db)?
        .create_map(template, title)
        .map_err(|e| e.to_string())?;
    say(summary.id);
    Ok(())
}

pub fn list(db: Option<PathBuf>, json: bool) -> Result<(), String> {
    let maps = open_store(db)?.list_maps().map_err(|e| e.to_string())?;
    if json {
        let listed: Vec<ListedMap> = maps.iter().map(listed).collect();
        say(serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?);
    } else {
        for map in &maps {
            say(format_args!(
                "{}  {}  ({} stages, {} lanes, {} cards)",
                map.id, map.title, map.stages, map.lanes, map.cards
            ));
        }
    }
    Ok(())
}

fn listed(map: &MapSummary) -> ListedMap {
    ListedMap {
        id: map.id.to_string(),
        title: map.title.clone(),
        stages: map.stages,
        lanes: map.lanes,
        cards: map.cards,
        personas: map.personas,
        updated_at: waymark_exchange::format_rfc3339(map.updated_at),
    }
}

pub fn sample(db: Option<PathBuf>, cards: usize, seed: u64) -> Result<(), String> {
    if cards > MAX_SAMPLE_CARDS {
        return Err(format!(
            "--cards {cards} is too many: a sample has at most {MAX_SAMPLE_CARDS} cards"
        ));
    }
    let map = samples::synthetic(cards, seed, now());
    open_store(db)?
        .insert_map(&map)
        .map_err(|e| e.to_string())?;
    say(map.id);
    Ok(())
}

/// Applies one batch of operations, read as JSON from `file` (or standard input with `-`).
pub fn apply(
    db: Option<PathBuf>,
    map_id: &str,
    file: &Path,
    base: Option<i64>,
) -> Result<(), String> {
    let shown = if file.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        file.display().to_string()
    };
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| format!("{shown} cannot be read: {e}"))?;
    let ops = parse_ops(&text).map_err(|e| format!("{shown}: {e}"))?;
    let mut store = open_store(db)?;
    let id = MapId(map_id.to_owned());
    let revision = match base {
        Some(revision) => revision,
        None => store.read_map(&id).map_err(|e| e.to_string())?.revision,
    };
    let applied = store
        .apply_ops(&id, revision, &ops)
        .map_err(|e| e.to_string())?;
    say(applied.revision);
    Ok(())
}

/// A batch of operations: a JSON array of them, or one operation alone.
fn parse_ops(text: &str) -> Result<Vec<Op>, String> {
    let located = |e: serde_json::Error| {
        format!("line {}, column {}: {e}", e.line(), e.column()).replace(" at line", " (at line")
    };
    if text.trim_start().starts_with('{') {
        serde_json::from_str::<Op>(text)
            .map(|op| vec![op])
            .map_err(located)
    } else {
        serde_json::from_str(text).map_err(located)
    }
}

pub fn init(db: Option<PathBuf>) -> Result<(), String> {
    let path = library_path(db)?;
    let store = waymark_library::create_library(&path, &KnownLibraries::for_user())
        .map_err(|e| message(&e))?;
    say(store.path().display());
    Ok(())
}

pub fn backup(db: Option<PathBuf>, out: Option<&Path>) -> Result<(), String> {
    let path = open_store(db)?.path().to_owned();
    let backup = waymark_library::backup_now(&path, out, now()).map_err(|e| message(&e))?;
    if let Some(contents) = &backup.contents {
        eprintln!("{} maps, {} cards", contents.maps, contents.cards);
    }
    say(backup.path.display());
    Ok(())
}

pub fn backups(db: Option<PathBuf>) -> Result<(), String> {
    let path = library_path(db)?;
    for backup in waymark_library::list_backups(&path) {
        let what = match (&backup.contents, &backup.problem) {
            (Some(c), _) => format!("{} maps, {} cards", c.maps, c.cards),
            (None, Some(problem)) => format!("unusable: {problem}"),
            (None, None) => String::new(),
        };
        say(format_args!(
            "{}  {}  ({what})",
            backup.day,
            backup.path.display()
        ));
    }
    Ok(())
}

pub fn restore(db: Option<PathBuf>, backup: &Path) -> Result<(), String> {
    let path = library_path(db)?;
    let restored = waymark_library::restore(&path, backup, now()).map_err(|e| message(&e))?;
    if let Some(aside) = &restored.kept_aside {
        eprintln!("the library it replaced is kept at {}", aside.display());
    }
    say(format_args!(
        "restored {} maps, {} cards to {}",
        restored.contents.maps,
        restored.contents.cards,
        path.display()
    ));
    Ok(())
}
