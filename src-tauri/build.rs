//! Generates the Tauri context and the permissions for Waymark's own commands.

/// The commands the UI may call; each gets an `allow-<name>` permission.
const COMMANDS: &[&str] = &[
    "library_status",
    "list_templates",
    "list_maps",
    "set_menu_state",
    "take_opened_files",
    "search_library",
    "map_previews",
    "create_map",
    "open_map",
    "rename_map",
    "duplicate_map",
    "delete_map",
    "list_trash",
    "restore_map",
    "delete_forever",
    "open_library",
    "list_backups",
    "restore_backup",
    "apply_ops",
    "undo",
    "redo",
    "check_import",
    "import_files",
    "export_map",
    "save_map_copy",
    "preview_pdf",
    "export_pdf",
    "open_exported_pdf",
    "list_versions",
    "save_version",
    "open_version",
    "rename_version",
    "delete_version",
    "restore_version",
    "compare_maps",
    "preview_merge",
    "apply_merge",
];

fn main() {
    // A changed capability file must rebuild the app, or the old permissions stay in it.
    println!("cargo::rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error={error:#}");
    }
}
