//! The command line: its commands and options.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use waymark_exchange::FileFormat;

/// Journey maps from the command line.
#[derive(Parser)]
#[command(name = "waymark-cli", version, about)]
pub struct Cli {
    /// The map library file (default: $WAYMARK_DB, else waymark.db in your data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// A side of a merge.
#[derive(Clone, Copy, ValueEnum)]
pub enum Side {
    /// The map in the library.
    Mine,
    /// The file.
    Theirs,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// PDF: a page at the end lists what changed since this version of the map.
        #[arg(long, value_name = "VERSION_ID")]
        changes_since: Option<String>,
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
    /// Applies one batch of operations (the JSON the app sends: an array of operations) to a
    /// map, all or nothing, and prints the map's new revision.
    Apply {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        /// A file of operations, or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The revision the operations were made against (default: the map's current one).
        #[arg(long, value_name = "REVISION")]
        base: Option<i64>,
    },
    /// Lists a map's versions, newest first.
    Versions {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        /// Prints a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Saves or restores a version of a map.
    Version {
        #[command(subcommand)]
        action: VersionAction,
    },
    /// Lists what changed from A to B, each a map id, MAP_ID@VERSION_ID or a file: exit 0
    /// when they are the same, 1 when they differ.
    Diff {
        #[arg(value_name = "A")]
        a: String,
        #[arg(value_name = "B")]
        b: String,
        /// Prints the differences as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merges a colleague's copy of a map (a file) into the map, from the version both
    /// share; prints the changes and the conflicts. With conflicts and no --prefer it exits 1
    /// and writes nothing.
    Merge {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Decides every conflict for this side.
        #[arg(long, value_enum)]
        prefer: Option<Side>,
        /// Shows what the merge would do and writes nothing.
        #[arg(long)]
        dry_run: bool,
        /// Prints the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Checks a file without importing it: exit 0 when valid, 1 when not.
    Validate {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = InFormat::Auto)]
        format: InFormat,
    },
}

#[derive(Subcommand)]
pub enum VersionAction {
    /// Saves the map as it is now as a version; prints the version's id.
    Save {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Makes the map what the version holds, as one undoable step (the map as it is now is
    /// saved as a version first); prints the map's new revision.
    Restore {
        #[arg(value_name = "MAP_ID")]
        map_id: String,
        #[arg(value_name = "VERSION_ID")]
        version_id: String,
    },
}

/// The format of a file to read.
#[derive(Clone, Copy, ValueEnum)]
pub enum InFormat {
    Auto,
    Json,
    Mermaid,
    /// Enablement Map Studio YAML (its `kind: cjm` journey).
    #[value(alias = "cjm")]
    Yaml,
    Csv,
}

impl InFormat {
    pub fn file_format(self) -> Option<FileFormat> {
        match self {
            InFormat::Auto => None,
            InFormat::Json => Some(FileFormat::Json),
            InFormat::Mermaid => Some(FileFormat::Mermaid),
            InFormat::Yaml => Some(FileFormat::Enablement),
            InFormat::Csv => Some(FileFormat::Csv),
        }
    }
}

/// The format of a file to write.
#[derive(Clone, Copy, ValueEnum)]
pub enum OutFormat {
    Json,
    Csv,
    Mermaid,
    Pdf,
}
