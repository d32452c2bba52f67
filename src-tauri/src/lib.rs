//! The Waymark desktop app: a thin Tauri shell over the store.

pub mod commands;
pub mod error;
pub mod state;

pub use error::AppError;
pub use state::Library;

use std::path::PathBuf;
use tauri::{Builder, Runtime};

/// Adds the app's commands and state to a builder of any runtime (the mock one in tests).
pub fn builder<R: Runtime>(builder: Builder<R>, library: Library) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(library)
        .manage(commands::pdf::ExportedFiles::default())
        .invoke_handler(tauri::generate_handler![
            commands::library::library_status,
            commands::library::list_templates,
            commands::library::list_maps,
            commands::library::create_map,
            commands::library::open_map,
            commands::library::rename_map,
            commands::library::duplicate_map,
            commands::library::delete_map,
            commands::edits::apply_ops,
            commands::edits::undo,
            commands::edits::redo,
            commands::exchange::check_import,
            commands::exchange::import_files,
            commands::exchange::export_map,
            commands::pdf::preview_pdf,
            commands::pdf::export_pdf,
            commands::pdf::open_exported_pdf,
        ])
}

/// Opens the library (`WAYMARK_DB`, else the user's data folder) and adds the sample map the
/// first time. A library that cannot be opened is reported in the UI, not by crashing.
pub fn open_library() -> Library {
    let Some(path) = waymark_store::default_db_path() else {
        let error = AppError {
            code: "database_unavailable",
            message: "Waymark found no data folder for this user. Set WAYMARK_DB to the file to keep your maps in.".to_owned(),
        };
        return Library::unavailable(&PathBuf::from("(no data folder)"), error);
    };
    let library = Library::open(&path);
    if library.open_error().is_none() {
        let seeded =
            tauri::async_runtime::block_on(library.run(|store| store.seed_first_run_sample()));
        if let Err(error) = seeded {
            eprintln!(
                "warning: the sample map could not be added: {}",
                error.message
            );
        }
    }
    library
}

/// Runs the app.
pub fn run() {
    let result = builder(Builder::default(), open_library()).run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("error: Waymark could not start: {error}");
        std::process::exit(1);
    }
}
