//! Waymark's file formats: the versioned JSON map file, Mermaid `journey` diagrams and CSV
//! sheets. Importers check everything and say where each problem is. Nothing here writes
//! files: exports are text, written by the caller.

mod csv_sheet;
mod document;
mod enablement;
mod json;
mod mermaid;
mod personas;
mod problem;
mod timestamps;
mod yaml;

pub use csv_sheet::{export_csv, export_csv_warnings, lane_kind_for};
pub use document::{json_schema, Envelope, Lineage, MapDocument, EXTENSION, FORMAT, VERSION};
pub use json::{build_map, export_json, export_json_with, read_envelope};
pub use mermaid::{export_mermaid, export_mermaid_warnings};
pub use problem::{Location, Problem, Refused, MAX_PROBLEMS};
pub use timestamps::{format_rfc3339, parse_rfc3339};

use std::path::Path;
use waymark_core::{CheckedMap, JourneyMap, MapId, Timestamp};

/// The largest file Waymark imports.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A file format Waymark reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Json,
    Mermaid,
    Enablement,
    Csv,
}

impl FileFormat {
    /// The name the CLI and messages use.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Json => "Waymark JSON",
            FileFormat::Mermaid => "Mermaid journey",
            FileFormat::Enablement => "Enablement Map YAML",
            FileFormat::Csv => "CSV",
        }
    }
}

/// A map read from a file, ready to insert: fresh ids, every rule checked.
#[derive(Debug, Clone)]
pub struct Imported<Map = CheckedMap> {
    /// The map, checked against every rule (while a reader builds it, not yet).
    pub map: Map,
    /// Things that were read differently than written, or left out (unknown fields, clamped
    /// scores); the import still happens.
    pub warnings: Vec<String>,
    /// For Waymark JSON: the id of the map the file was exported from.
    pub source_map_id: Option<MapId>,
    /// For Waymark JSON: which version of that map the file is, when it says.
    pub lineage: Option<Lineage>,
}

/// The format of a file, from its content.
pub fn detect(text: &str) -> FileFormat {
    if text.trim_start().starts_with('[') && is_enablement_json(text) {
        FileFormat::Enablement
    } else if text.trim_start().starts_with('{') {
        FileFormat::Json
    } else if mermaid::looks_like_mermaid(text) {
        FileFormat::Mermaid
    } else if enablement::looks_like_enablement(text) {
        FileFormat::Enablement
    } else {
        FileFormat::Csv
    }
}

/// Reads a file of any supported format; `format: None` detects it.
pub fn import_file(
    path: &Path,
    format: Option<FileFormat>,
    now: Timestamp,
) -> Result<Imported, Refused> {
    let size = std::fs::metadata(path)
        .map_err(|e| Refused::one(Problem::file(format!("the file cannot be read: {e}"))))?
        .len();
    check_size(size)?;
    let bytes = std::fs::read(path)
        .map_err(|e| Refused::one(Problem::file(format!("the file cannot be read: {e}"))))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    import_bytes(&bytes, &name, format, now)
}

fn check_size(size: u64) -> Result<(), Refused> {
    if size > MAX_FILE_BYTES {
        return Err(Refused::one(Problem::file(format!(
            "the file is {:.1} MB; Waymark imports files up to {} MB",
            size as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ))));
    }
    Ok(())
}

/// Reads file content. `file_name` titles maps from formats without a title (CSV).
pub fn import_bytes(
    bytes: &[u8],
    file_name: &str,
    format: Option<FileFormat>,
    now: Timestamp,
) -> Result<Imported, Refused> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let utf16 = utf16_text(bytes)?;
    let text = match &utf16 {
        Some(text) => text.as_str(),
        None => std::str::from_utf8(bytes).map_err(|e| {
            Refused::one(Problem::file(format!(
                "the file is not UTF-8 text (the first bad byte is at offset {}); save it as UTF-8 (in Excel: \"CSV UTF-8\") and try again",
                e.valid_up_to()
            )))
        })?,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Refused::one(Problem::file("the file is empty")));
    }
    let imported = match format.unwrap_or_else(|| detect(text)) {
        FileFormat::Json => match json::import_json(text) {
            Ok(imported) => imported,
            // Enablement Map Studio journeys written as JSON (which is YAML too).
            Err(_) if format.is_none() && is_enablement_json(text) => {
                enablement::import_enablement(text, &title_from_file_name(file_name), now)?
            }
            Err(refused) => return Err(refused),
        },
        FileFormat::Mermaid => mermaid::import_mermaid(text, now)?,
        FileFormat::Enablement => {
            enablement::import_enablement(text, &title_from_file_name(file_name), now)?
        }
        FileFormat::Csv => csv_sheet::import_csv(text, &title_from_file_name(file_name), now)
            .map_err(|refused| match format {
                None if !looks_like_a_sheet(text) => no_reader_fits(text, &refused),
                _ => refused,
            })?,
    };
    // The same rules the store applies, so a file that validates here always inserts.
    let map = waymark_core::check(&imported.map)
        .map_err(|e| Refused::one(Problem::file(e.to_string())))?;
    let mut warnings = imported.warnings;
    if warnings.len() > MAX_PROBLEMS {
        let more = warnings.len() - MAX_PROBLEMS;
        warnings.truncate(MAX_PROBLEMS);
        warnings.push(format!("and {more} more warnings"));
    }
    Ok(Imported {
        map,
        warnings,
        source_map_id: imported.source_map_id,
        lineage: imported.lineage,
    })
}

/// The text of a file that starts with a UTF-16 byte order mark (Excel's "Unicode Text"
/// sheets); None for any other file.
fn utf16_text(bytes: &[u8]) -> Result<Option<String>, Refused> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return Ok(None),
    };
    let broken = || {
        Refused::one(Problem::file(
            "the file says it is UTF-16 text but holds a broken character; save it as UTF-8 and try again",
        ))
    };
    if !bytes.len().is_multiple_of(2) {
        return Err(broken());
    }
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(Some)
        .map_err(|_| broken())
}

/// Whether JSON text is an Enablement Map document: an object with `"kind": "cjm"`, or a
/// list of such objects.
fn is_enablement_json(text: &str) -> bool {
    let kind = |v: &serde_json::Value| v.get("kind").and_then(|k| k.as_str()) == Some("cjm");
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => items.iter().any(kind),
        Ok(value) => kind(&value),
        Err(_) => false,
    }
}

/// Whether the first line reads as a sheet's header: cells split by commas, semicolons or tabs.
fn looks_like_a_sheet(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|line| line.contains([',', ';', '\t']))
}

/// One message for a file no reader fits: what it looked like to each of them.
fn no_reader_fits(text: &str, sheet: &Refused) -> Refused {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let shown: String = first.chars().take(40).collect();
    let sheet_reason = sheet
        .problems
        .first()
        .map_or_else(String::new, |p| format!(" ({})", p.message));
    Refused::one(Problem::file(format!(
        "this is not a file Waymark can read: not a Waymark map (it is not JSON), not a Mermaid journey (no \"journey\" line), not an Enablement Map (no \"kind: cjm\" line), not a journey sheet{sheet_reason}. Its first line is \"{shown}\". Waymark reads Waymark JSON, Mermaid journey diagrams (raw, or in a Markdown, HTML or reStructuredText page), Enablement Map Studio YAML and CSV sheets with a stage column"
    )))
}

/// "customer-journey.csv" → "customer-journey".
fn title_from_file_name(name: &str) -> String {
    let stem = name.split('.').next().unwrap_or_default().trim();
    if stem.is_empty() {
        "Imported sheet".to_owned()
    } else {
        stem.chars().take(200).collect()
    }
}

/// What wrote an exported file, as its `generator` says.
pub const GENERATOR: &str = concat!("Waymark ", env!("CARGO_PKG_VERSION"));

/// A text format Waymark writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Mermaid,
}

impl ExportFormat {
    /// `json`, `csv` or `mermaid`.
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "mermaid" => Some(ExportFormat::Mermaid),
            _ => None,
        }
    }
}

/// The map in a text format; `now` is the JSON file's export time.
pub fn export(map: &JourneyMap, format: ExportFormat, now: Timestamp) -> String {
    match format {
        ExportFormat::Json => export_json(map, now, GENERATOR),
        ExportFormat::Csv => export_csv(map),
        ExportFormat::Mermaid => export_mermaid(map),
    }
}

/// What an export of the map in `format` leaves out, for the user to be told.
pub fn export_warnings(map: &JourneyMap, format: ExportFormat) -> Vec<String> {
    match format {
        ExportFormat::Json => Vec::new(),
        ExportFormat::Csv => export_csv_warnings(map),
        ExportFormat::Mermaid => export_mermaid_warnings(map),
    }
}
