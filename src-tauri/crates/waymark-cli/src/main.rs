//! `waymark-cli`: the map library from the command line, on the same store as the app.
//!
//! Exit codes: 0 done, 1 failed (one `error: ...` line on stderr), 2 usage error.

use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use waymark_core::{sample, templates, MapSummary};
use waymark_store::{default_db_path, now, Store};

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
        Err(message) => {
            eprintln!("error: {}", message.replace('\n', " "));
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    if let Command::Templates = cli.command {
        for template in templates::TEMPLATES {
            println!("{}", template.name);
        }
        return Ok(());
    }
    let path = cli
        .db
        .or_else(default_db_path)
        .ok_or("no data folder is known for this user: pass --db PATH or set WAYMARK_DB")?;
    let mut store = Store::open(&path).map_err(|e| e.to_string())?;
    match cli.command {
        Command::Templates => {}
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
