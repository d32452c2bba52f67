//! The Waymark desktop app: a thin Tauri shell over the store.

pub mod commands;
pub mod error;
pub mod files;
pub mod menu;
pub mod state;

pub use error::AppError;
pub use state::Library;

use std::path::PathBuf;
use tauri::{Builder, Manager, Runtime};

/// Adds the app's commands and state to a builder of any runtime (the mock one in tests).
pub fn builder<R: Runtime>(builder: Builder<R>, library: Library) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(library)
        .manage(commands::pdf::ExportedFiles::default())
        .manage(files::OpenedFiles::default())
        .invoke_handler(tauri::generate_handler![
            commands::library::library_status,
            commands::library::list_templates,
            commands::library::list_maps,
            commands::library::search_library,
            commands::library::map_previews,
            commands::library::create_map,
            commands::library::open_map,
            commands::library::rename_map,
            commands::library::duplicate_map,
            commands::library::delete_map,
            commands::library::list_trash,
            commands::library::restore_map,
            commands::library::delete_forever,
            commands::library::open_library,
            commands::library::list_backups,
            commands::library::restore_backup,
            commands::edits::apply_ops,
            commands::edits::undo,
            commands::edits::redo,
            commands::exchange::check_import,
            commands::exchange::import_files,
            commands::exchange::export_map,
            commands::exchange::save_map_copy,
            commands::pdf::preview_pdf,
            commands::pdf::export_pdf,
            commands::pdf::open_exported_pdf,
            commands::versions::list_versions,
            commands::versions::save_version,
            commands::versions::open_version,
            commands::versions::rename_version,
            commands::versions::delete_version,
            commands::versions::restore_version,
            commands::versions::compare_maps,
            commands::merge::preview_merge,
            commands::merge::apply_merge,
            menu::set_menu_state,
            files::take_opened_files,
        ])
}

/// Opens the library (`WAYMARK_DB`, else the user's data folder) and adds the sample map the
/// first time. A library that cannot be opened is reported in the UI, not by crashing.
pub fn open_library() -> Library {
    let Some(path) = waymark_store::default_db_path() else {
        let error = AppError {
            code: crate::error::ErrorCode::DatabaseUnavailable,
            message: "Waymark found no data folder for this user. Set WAYMARK_DB to the file to keep your maps in.".to_owned(),
        };
        return Library::unavailable(&PathBuf::from("(no data folder)"), error);
    };
    let library = Library::open_known(&path, waymark_library::KnownLibraries::for_user());
    if library.status().error.is_none() {
        let seeded =
            tauri::async_runtime::block_on(library.run(|store| store.seed_first_run_sample()));
        if let Err(error) = seeded {
            eprintln!(
                "warning: the sample map could not be added: {}",
                error.message
            );
        }
        let emptied = tauri::async_runtime::block_on(library.run(|store| store.empty_old_trash()));
        if let Err(error) = emptied {
            eprintln!("warning: the Trash could not be emptied: {}", error.message);
        }
    }
    library
}

/// Makes the day's backup of the library in use, once a day while the app runs, on a thread
/// of its own: it reads through its own connection, so edits go on meanwhile.
fn keep_daily_backups<R: Runtime>(app: tauri::AppHandle<R>) {
    use std::time::Duration;
    let spawned = std::thread::Builder::new()
        .name("daily backups".to_owned())
        .spawn(move || {
            // Not while the first screen is being drawn.
            std::thread::sleep(Duration::from_secs(20));
            loop {
                let library = app.state::<Library>();
                if library.status().error.is_none() {
                    let made =
                        waymark_library::backup_if_due(&library.path(), waymark_system::now());
                    if let Err(error) = made {
                        eprintln!("warning: today's backup could not be made: {error}");
                    }
                }
                std::thread::sleep(Duration::from_secs(60 * 60));
            }
        });
    if let Err(error) = spawned {
        eprintln!("warning: daily backups could not be started: {error}");
    }
}

/// Runs the app.
pub fn run() {
    let mut app = Builder::default();
    // One window per user on the default library: a second start (a file opened from the file
    // manager) hands its files to the running app. A library named by WAYMARK_DB runs in its
    // own process, so separate libraries can be open side by side.
    if std::env::var_os("WAYMARK_DB").is_none() {
        app = app.plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            files::second_start(app, args, cwd)
        }));
    }
    let app = app.plugin(tauri_plugin_window_state::Builder::default().build());
    let result = builder(app, open_library())
        .setup(|app| {
            let cwd = std::env::current_dir().unwrap_or_default();
            let named = files::files_in_args(std::env::args_os().skip(1), &cwd);
            app.state::<files::OpenedFiles>().add(named);
            menu::install(app.handle())?;
            keep_daily_backups(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("error: Waymark could not start: {error}");
        std::process::exit(1);
    }
}
