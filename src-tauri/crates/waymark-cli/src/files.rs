//! Commands on files: import, export and validate.

use crate::args::{InFormat, OutFormat};
use crate::output::{say, warn, write_out};
use crate::{message, open_store};
use std::path::{Path, PathBuf};
use waymark_core::MapId;
use waymark_exchange::{ExportFormat, Imported};
use waymark_library::{PdfChoices, Target};
use waymark_system::now;

/// Reads and checks a file; prints its warnings. The error holds one line a problem.
pub fn read_file(file: &Path, format: InFormat) -> Result<Imported, String> {
    let shown = file.display();
    match waymark_library::read_for_import(file, format.file_format()).outcome {
        Ok(imported) => {
            for warning in &imported.warnings {
                warn(format_args!("{shown}: {warning}"));
            }
            Ok(imported)
        }
        Err(problems) => Err(problems
            .iter()
            .map(|p| format!("{shown}: {p}").replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

pub fn validate(file: &Path, format: InFormat) -> Result<(), String> {
    let imported = read_file(file, format)?;
    let map = &imported.map;
    eprintln!(
        "{}: valid: \"{}\", {} stages, {} lanes, {} cards, {} personas",
        file.display(),
        map.title,
        map.stages.len(),
        map.lanes.len(),
        map.cards.len(),
        map.personas.len()
    );
    Ok(())
}

/// Imports files as new maps, all or none: every file is read and checked before the library
/// is even opened.
pub fn import(db: Option<PathBuf>, files: &[PathBuf], format: InFormat) -> Result<(), String> {
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for file in files {
        match read_file(file, format) {
            Ok(imported) => read.push((
                waymark_library::ReadFile {
                    path: file.clone(),
                    outcome: Ok(imported),
                },
                None,
            )),
            Err(problems) => refused.push(problems),
        }
    }
    if !refused.is_empty() {
        refused.push("nothing was imported".to_owned());
        return Err(refused.join("\n"));
    }
    let mut store = open_store(db)?;
    let ids = waymark_library::import(&mut store, read).map_err(|e| e.to_string())?;
    for id in ids {
        say(id);
    }
    Ok(())
}

/// Writes a map to a file, or to standard output with `--out -`. PDF options are checked
/// before any work; what the format leaves out goes to standard error.
pub fn export(
    db: Option<PathBuf>,
    map_id: &str,
    format: OutFormat,
    out: &Path,
    (page, orientation, layout, changes_since): (String, String, String, Option<String>),
) -> Result<(), String> {
    let mut choices = None;
    let target = match format {
        OutFormat::Json => Target::Text(ExportFormat::Json),
        OutFormat::Csv => Target::Text(ExportFormat::Csv),
        OutFormat::Mermaid => Target::Text(ExportFormat::Mermaid),
        OutFormat::Pdf => {
            let pdf = PdfChoices {
                page,
                orientation,
                layout,
                lanes: None,
                personas: None,
                changes_since,
            };
            // Checked before the library is even opened.
            let options = pdf.options().map_err(|e| message(&e))?;
            choices = Some(pdf);
            Target::Pdf(options)
        }
    };
    let mut store = open_store(db)?;
    let map_id = MapId(map_id.to_owned());
    let (map, target) = match target {
        // A Waymark file says which version of the map it is, recorded once it is written.
        Target::Text(ExportFormat::Json) => {
            waymark_library::shared_export(&store, &map_id).map_err(|e| message(&e))?
        }
        Target::Pdf(_) if choices.is_some() => {
            let pdf = choices.as_ref().ok_or("no choices")?;
            let (map, options) = pdf.for_map(&store, &map_id).map_err(|e| message(&e))?;
            (map, Target::Pdf(options))
        }
        target => (store.read_map(&map_id).map_err(|e| e.to_string())?, target),
    };
    let warnings = if out.as_os_str() == "-" {
        let rendered = waymark_library::render(&map, &target, now()).map_err(|e| message(&e))?;
        write_out(&rendered.bytes);
        rendered.warnings
    } else {
        waymark_library::export_to(&map, &target, out, now())
            .map_err(|e| message(&e))?
            .warnings
    };
    waymark_library::remember_export(&mut store, &map, &target, out).map_err(|e| message(&e))?;
    for warning in warnings {
        warn(warning);
    }
    Ok(())
}
