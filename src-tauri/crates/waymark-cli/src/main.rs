//! `waymark-cli`: the map library from the command line, on the same store as the app.
//!
//! Exit codes: 0 done, 1 failed (one `error: ...` line on stderr), 2 usage error.

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use waymark_core::{sample, templates, MapId, MapSummary};
use waymark_exchange::{ExportFormat, FileFormat, Imported};
use waymark_library::KnownLibraries;
use waymark_store::{default_db_path, Store};
use waymark_system::now;

/// Journey maps from the command line.
#[derive(Parser)]
#[command(name = "waymark-cli", version, about)]
struct Cli {
    /// The map library file (default: $WAYMARK_DB, else waymark.db in your data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lists the template names, one a line.
    Templates,
    /// Creates a map and prints its id.
    New {
        #[arg(long)]
        title: String,
        /// A name from `templates` (default: five-stage).
        #[arg(long)]
        template: Option<String>,
    },
    /// Lists the maps in the library.
    List {
        /// Prints a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Creates a realistic synthetic map of N cards and prints its id.
    Sample {
        #[arg(long, value_name = "N")]
        cards: usize,
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Imports files as new maps, all or none, and prints each new map id.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = InFormat::Auto)]
        format: InFormat,
    },
    /// Writes a map to a file, or to standard output with `--out -`.
    Export {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        #[arg(long, value_enum)]
        format: OutFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// PDF: a4, a3, letter, tabloid or WIDTHxHEIGHTmm.
        #[arg(long, default_value = "a4")]
        page: String,
        /// PDF: landscape or portrait.
        #[arg(long, default_value = "landscape")]
        orientation: String,
        /// PDF: fit (one page, scaled) or tiles (stages across pages).
        #[arg(long, default_value = "fit")]
        layout: String,
    },
    /// Creates an empty library at --db (or opens the one there), even where a library used
    /// before has vanished.
    Init,
    /// Writes a backup of the library: to FILE, or as today's in the backups folder beside it.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Lists the library's backups, newest first.
    Backups,
    /// Puts a backup in place of the library; the library it replaces is kept beside it.
    Restore {
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
    /// Checks a file without importing it: exit 0 when valid, 1 when not.
    Validate {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = InFormat::Auto)]
        format: InFormat,
    },
}

/// The format of a file to read.
#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Auto,
    Json,
    Mermaid,
    Csv,
}

impl InFormat {
    fn file_format(self) -> Option<FileFormat> {
        match self {
            InFormat::Auto => None,
            InFormat::Json => Some(FileFormat::Json),
            InFormat::Mermaid => Some(FileFormat::Mermaid),
            InFormat::Csv => Some(FileFormat::Csv),
        }
    }
}

/// The format of a file to write.
#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Json,
    Csv,
    Mermaid,
    Pdf,
}

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

/// The most cards `sample` makes: beyond this a map stops being realistic.
const MAX_SAMPLE_CARDS: usize = 50_000;

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

/// Reads and checks a file; prints its warnings. The error holds one line a problem.
fn read_file(file: &std::path::Path, format: InFormat) -> Result<Imported, String> {
    let shown = file.display();
    match waymark_library::read_for_import(file, format.file_format()).outcome {
        Ok(imported) => {
            for warning in &imported.warnings {
                eprintln!("warning: {shown}: {warning}");
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

fn run(cli: Cli) -> Result<(), String> {
    match &cli.command {
        Command::Templates => {
            for template in templates::TEMPLATES {
                println!("{}", template.name);
            }
            return Ok(());
        }
        Command::Validate { file, format } => {
            let imported = read_file(file, *format)?;
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
            return Ok(());
        }
        Command::Import { files, format } => {
            // Every file is read and checked before the library is even opened.
            let mut maps = Vec::new();
            let mut refused = Vec::new();
            for file in files {
                match read_file(file, *format) {
                    Ok(imported) => maps.push(imported.map),
                    Err(problems) => refused.push(problems),
                }
            }
            if !refused.is_empty() {
                refused.push("nothing was imported".to_owned());
                return Err(refused.join("\n"));
            }
            let mut store = open_store(cli.db.clone())?;
            store.insert_maps(&maps).map_err(|e| e.to_string())?;
            for map in &maps {
                println!("{}", map.id);
            }
            return Ok(());
        }
        Command::Init => {
            let path = library_path(cli.db.clone())?;
            let store = waymark_library::create_library(&path, &KnownLibraries::for_user())
                .map_err(|e| e.to_string())?;
            println!("{}", store.path().display());
            return Ok(());
        }
        Command::Backups => {
            let path = library_path(cli.db.clone())?;
            for backup in waymark_library::list_backups(&path) {
                let what = match (&backup.contents, &backup.problem) {
                    (Some(c), _) => format!("{} maps, {} cards", c.maps, c.cards),
                    (None, Some(problem)) => format!("unusable: {problem}"),
                    (None, None) => String::new(),
                };
                println!("{}  {}  ({what})", backup.day, backup.path.display());
            }
            return Ok(());
        }
        Command::Restore { backup } => {
            let path = library_path(cli.db.clone())?;
            let restored =
                waymark_library::restore(&path, backup, now()).map_err(|e| e.to_string())?;
            if let Some(aside) = &restored.kept_aside {
                eprintln!("the library it replaced is kept at {}", aside.display());
            }
            println!(
                "restored {} maps, {} cards to {}",
                restored.contents.maps,
                restored.contents.cards,
                path.display()
            );
            return Ok(());
        }
        _ => {}
    }
    let mut store = open_store(cli.db)?;
    match cli.command {
        Command::New { title, template } => {
            let summary = store
                .create_map(template.as_deref(), &title)
                .map_err(|e| e.to_string())?;
            println!("{}", summary.id);
        }
        Command::List { json } => {
            let maps = store.list_maps().map_err(|e| e.to_string())?;
            if json {
                let listed: Vec<ListedMap> = maps.iter().map(listed).collect();
                let text = serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                for map in &maps {
                    println!(
                        "{}  {}  ({} stages, {} lanes, {} cards)",
                        map.id, map.title, map.stages, map.lanes, map.cards
                    );
                }
            }
        }
        Command::Sample { cards, seed } => {
            if cards > MAX_SAMPLE_CARDS {
                return Err(format!(
                    "--cards {cards} is too many: a sample has at most {MAX_SAMPLE_CARDS} cards"
                ));
            }
            let map = sample::synthetic(cards, seed, now());
            store.insert_map(&map).map_err(|e| e.to_string())?;
            println!("{}", map.id);
        }
        Command::Export {
            map_id,
            format,
            out,
            page,
            orientation,
            layout,
        } => {
            if out.as_os_str() != "-" {
                let folder = out.parent().filter(|p| !p.as_os_str().is_empty());
                if let Some(folder) = folder.filter(|f| !f.is_dir()) {
                    return Err(format!(
                        "cannot write {}: the folder {} does not exist",
                        out.display(),
                        folder.display()
                    ));
                }
            }
            let pdf_options = match format {
                OutFormat::Pdf => Some(pdf_options(&page, &orientation, &layout)?),
                _ => None,
            };
            let map = store
                .open_map(&MapId(map_id))
                .map_err(|e| e.to_string())?
                .map;
            let bytes = match (format, pdf_options) {
                (OutFormat::Json, _) => export(&map, ExportFormat::Json),
                (OutFormat::Csv, _) => export(&map, ExportFormat::Csv),
                (OutFormat::Mermaid, _) => export(&map, ExportFormat::Mermaid),
                (OutFormat::Pdf, options) => {
                    let export = waymark_pdf::export_pdf(&map, &options.unwrap_or_default(), now())
                        .map_err(|e| e.to_string())?;
                    for warning in &export.warnings {
                        eprintln!("warning: {warning}");
                    }
                    export.bytes
                }
            };
            if out.as_os_str() == "-" {
                use std::io::Write;
                std::io::stdout()
                    .write_all(&bytes)
                    .map_err(|e| format!("cannot write to standard output: {e}"))?;
            } else {
                waymark_system::write_file_atomically(&out, &bytes)
                    .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            }
        }
        Command::Backup { out } => {
            let path = store.path().to_owned();
            drop(store);
            let backup = waymark_library::backup_now(&path, out.as_deref(), now())
                .map_err(|e| e.to_string())?;
            if let Some(contents) = &backup.contents {
                eprintln!("{} maps, {} cards", contents.maps, contents.cards);
            }
            println!("{}", backup.path.display());
        }
        Command::Templates
        | Command::Validate { .. }
        | Command::Import { .. }
        | Command::Init
        | Command::Backups
        | Command::Restore { .. } => {}
    }
    Ok(())
}

/// The map as a text file's bytes; what the format leaves out goes to standard error.
fn export(map: &waymark_core::JourneyMap, format: ExportFormat) -> Vec<u8> {
    for warning in waymark_exchange::export_warnings(map, format) {
        eprintln!("warning: {warning}");
    }
    waymark_exchange::export(map, format, now()).into_bytes()
}

/// The PDF options of the command line, checked before any work. A bad option is an error
/// (exit 1) like any other, as the export contract says.
fn pdf_options(
    page: &str,
    orientation: &str,
    layout: &str,
) -> Result<waymark_pdf::PdfOptions, String> {
    let orientation = match orientation {
        "landscape" => waymark_pdf::Orientation::Landscape,
        "portrait" => waymark_pdf::Orientation::Portrait,
        other => {
            return Err(format!(
                "unknown orientation \"{other}\": use landscape or portrait"
            ))
        }
    };
    let layout = match layout {
        "fit" => waymark_pdf::LayoutMode::Fit,
        "tiles" => waymark_pdf::LayoutMode::Tiles,
        other => return Err(format!("unknown layout \"{other}\": use fit or tiles")),
    };
    Ok(waymark_pdf::PdfOptions {
        page_mm: waymark_pdf::page_size(page, orientation)?,
        layout,
        lanes: None,
        personas: None,
    })
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
        waymark_library::LibraryError::Vanished { .. } => format!(
            "{error} To start a new, empty library there, run: waymark-cli --db \"{}\" init",
            path.display()
        ),
        other => other.to_string(),
    })
}

fn listed(map: &MapSummary) -> ListedMap {
    ListedMap {
        id: map.id.to_string(),
        title: map.title.clone(),
        stages: map.stages,
        lanes: map.lanes,
        cards: map.cards,
        personas: map.personas,
        updated_at: rfc3339(map.updated_at),
    }
}

/// Milliseconds since the epoch as an RFC 3339 UTC time.
fn rfc3339(millis: i64) -> String {
    let nanos = i128::from(millis) * 1_000_000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}
