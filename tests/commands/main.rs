//! The app's commands through Tauri's IPC, on the mock runtime and a temporary library.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod bindings;
mod library;
mod menu;
mod merge;

use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};
use waymark_app::Library;

struct App {
    dir: tempfile::TempDir,
    window: WebviewWindow<tauri::test::MockRuntime>,
    _app: tauri::App<tauri::test::MockRuntime>,
}

fn app_with(library: impl FnOnce(&std::path::Path) -> Library) -> App {
    app_before_window(library, |_| {})
}

/// An app whose `setup` (run before its window opens) is `setup`.
fn app_before_window(
    library: impl FnOnce(&std::path::Path) -> Library,
    setup: impl FnOnce(&tauri::App<tauri::test::MockRuntime>),
) -> App {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir.path().join("library.db"));
    let app = waymark_app::builder(mock_builder(), library)
        .build(mock_context(noop_assets()))
        .unwrap();
    setup(&app);
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App {
        dir,
        window,
        _app: app,
    }
}

impl App {
    /// The library file.
    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("library.db")
    }
}

fn app() -> App {
    app_with(Library::open)
}

/// Invokes a command as the UI does; `Err` holds the `{code, message}` the UI would get.
fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_map_is_created_edited_undone_and_redone() {
    let app = app();
    let created = invoke(
        &app,
        "create_map",
        json!({"template": "four-stage", "title": "Café"}),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["stages"], 4);

    let opened = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    let map = &opened["map"];
    let card = json!({
        "id": "card-1", "stage_id": map["stages"][1]["id"], "lane_id": map["lanes"][0]["id"],
        "position": 0, "text": "Reads the menu online", "tags": []
    });
    let applied = invoke(
        &app,
        "apply_ops",
        json!({"mapId": id, "baseRevision": map["revision"], "ops": [{"type": "AddCard", "card": card}]}),
    )
    .unwrap();
    assert_eq!(applied["revision"], map["revision"].as_i64().unwrap() + 1);
    assert_eq!(applied["can_undo"], true);

    let listed = invoke(&app, "list_maps", json!({})).unwrap();
    assert_eq!(listed[0]["cards"], 1);
    let found = invoke(&app, "search_library", json!({"query": "menu ONLINE"})).unwrap();
    assert_eq!(found["hits"][0]["item_id"], card["id"], "{found}");
    assert_eq!(found["hits"][0]["kind"], "card");
    assert_eq!(found["more"], false);
    let previews = invoke(&app, "map_previews", json!({})).unwrap();
    let cells = previews[0]["cards"].as_array().unwrap();
    assert_eq!(
        cells.iter().filter_map(Value::as_u64).sum::<u64>(),
        1,
        "{previews}"
    );

    invoke(&app, "undo", json!({"mapId": id})).unwrap();
    let after_undo = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(after_undo["map"]["cards"], json!([]));
    assert_eq!(after_undo["can_redo"], true);
    invoke(&app, "redo", json!({"mapId": id})).unwrap();
    let after_redo = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(
        after_redo["map"]["cards"][0]["text"],
        "Reads the menu online"
    );
}

#[test]
fn rename_duplicate_and_delete() {
    let app = app();
    let created = invoke(
        &app,
        "create_map",
        json!({"template": null, "title": "Draft"}),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap();
    invoke(&app, "rename_map", json!({"mapId": id, "title": "Final"})).unwrap();
    let copy = invoke(&app, "duplicate_map", json!({"mapId": id})).unwrap();
    assert_eq!(copy["title"], "Final (copy)");
    invoke(&app, "delete_map", json!({"mapId": id})).unwrap();
    let titles: Vec<Value> = invoke(&app, "list_maps", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].clone())
        .collect();
    assert_eq!(titles, [json!("Final (copy)")]);
    let templates = invoke(&app, "list_templates", json!({})).unwrap();
    assert!(templates.as_array().unwrap().len() >= 4);
}

#[test]
fn errors_reach_the_ui_as_code_and_message() {
    let app = app();
    let missing = invoke(&app, "open_map", json!({"mapId": "nope"})).unwrap_err();
    assert_eq!(missing["code"], "not_found");
    assert!(missing["message"]
        .as_str()
        .unwrap()
        .contains("There is no map with id nope"));

    let created = invoke(&app, "create_map", json!({"title": "x"})).unwrap();
    let id = created["id"].as_str().unwrap();
    let bad = json!({"type": "SetEmotion", "persona_id": "ghost", "stage_id": "s", "state": "current", "score": 9});
    let refused = invoke(
        &app,
        "apply_ops",
        json!({"mapId": id, "baseRevision": 0, "ops": [bad]}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "invalid_operation");
    let stale = invoke(
        &app,
        "apply_ops",
        json!({"mapId": id, "baseRevision": 7, "ops": []}),
    )
    .unwrap_err();
    assert_eq!(stale["code"], "conflict");
    let nothing = invoke(&app, "undo", json!({"mapId": id})).unwrap_err();
    assert_eq!(nothing["message"], "There is nothing to undo.");
}

#[test]
fn an_unusable_library_is_reported_by_every_command() {
    let app = app_with(|path| {
        std::fs::write(path, "not a database at all, just text".repeat(100)).unwrap();
        Library::open(path)
    });
    let status = invoke(&app, "library_status", json!({})).unwrap();
    assert_eq!(status["error"]["code"], "database_unavailable");
    assert!(status["path"].as_str().unwrap().ends_with("library.db"));
    let error = invoke(&app, "list_maps", json!({})).unwrap_err();
    assert_eq!(error["code"], "database_unavailable");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("not an SQLite database"));
}

#[test]
fn files_are_checked_imported_replaced_and_exported() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let good = fixtures.join("json/small.journey.json");
    let bad = fixtures.join("csv/bad-values.csv");
    let checks = invoke(&app, "check_import", json!({"paths": [good, bad]})).unwrap();
    assert_eq!(checks[0]["map"]["cards"], 4);
    assert_eq!(checks[0]["existing"], Value::Null);
    assert_eq!(checks[1]["map"], Value::Null);
    assert_eq!(checks[1]["problems"].as_array().unwrap().len(), 3);

    let refused = invoke(
        &app,
        "import_files",
        json!({"requests": [{"path": bad, "replace": null}]}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "invalid_file");
    assert_eq!(
        invoke(&app, "list_maps", json!({})).unwrap(),
        json!([]),
        "nothing was written"
    );

    let ids = invoke(
        &app,
        "import_files",
        json!({"requests": [{"path": good, "replace": null}]}),
    )
    .unwrap();
    let id = ids[0].as_str().unwrap().to_owned();
    let exported = dir.path().join("cafe.journey.json");
    invoke(
        &app,
        "export_map",
        json!({"mapId": id, "format": "json", "path": exported}),
    )
    .unwrap();

    let left_out = invoke(
        &app,
        "export_map",
        json!({"mapId": id, "format": "mermaid", "path": dir.path().join("cafe.mmd")}),
    )
    .unwrap();
    assert!(
        left_out[0].as_str().unwrap().contains("left out"),
        "Mermaid says what it leaves out: {left_out}"
    );

    // A file exported from a map in the library offers to replace it; replacing is undoable.
    let checks = invoke(&app, "check_import", json!({"paths": [&exported]})).unwrap();
    assert_eq!(checks[0]["existing"]["id"], id.as_str());
    let mermaid = fixtures.join("mermaid/simple.mmd");
    let replaced = invoke(
        &app,
        "import_files",
        json!({"requests": [{"path": mermaid, "replace": id}]}),
    )
    .unwrap();
    assert_eq!(replaced, json!([id]));
    let after = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(after["map"]["title"], "My working day");
    invoke(&app, "undo", json!({"mapId": id})).unwrap();
    let undone = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(undone["map"]["title"], "Kraków café: first visit");
    assert_eq!(undone["map"]["cards"].as_array().unwrap().len(), 4);

    let blocked = invoke(
        &app,
        "export_map",
        json!({"mapId": id, "format": "csv", "path": good.join("x.csv")}),
    )
    .unwrap_err();
    assert_eq!(blocked["code"], "storage_failed");
}

/// The import dialog shows a file's warnings and problems as `waymark-cli validate` prints
/// them: both come from `waymark_library::read_for_import`.
#[test]
fn the_import_check_says_what_validate_says() {
    let app = app();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = [
        fixtures.join("enablement/sysdev-lifecycle.yaml"),
        fixtures.join("mermaid/bad-task.mmd"),
    ];
    let checks = invoke(&app, "check_import", json!({ "paths": files })).unwrap();
    for (check, file) in checks.as_array().unwrap().iter().zip(&files) {
        let (warnings, problems) = match waymark_library::read_for_import(file, None).outcome {
            Ok(imported) => (imported.warnings, Vec::new()),
            Err(problems) => (Vec::new(), problems),
        };
        assert!(!warnings.is_empty() || !problems.is_empty());
        assert_eq!(check["warnings"], json!(warnings));
        assert_eq!(check["problems"], json!(problems));
    }
    assert_eq!(checks[0]["map"]["cards"], 34);
    assert_eq!(checks[0]["map"]["stages"], 5);
}

#[test]
fn pdf_preview_export_and_open_only_what_was_exported() {
    let app = app();
    let created = invoke(
        &app,
        "create_map",
        json!({"template": "b2b-long", "title": "Enterprise"}),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap();
    let choices = json!({"page": "a4", "orientation": "portrait", "layout": "tiles", "lanes": null, "personas": null});
    let preview = invoke(
        &app,
        "preview_pdf",
        json!({"mapId": id, "choices": choices}),
    )
    .unwrap();
    let pages = preview["pages"].as_u64().unwrap() as usize;
    assert!(
        pages >= 2,
        "seven stages need more than one portrait A4 page: {preview}"
    );
    let sketches = preview["sketches"].as_array().unwrap();
    assert_eq!(sketches.len(), pages.min(12));
    assert_eq!(sketches[0]["stages"][0], "Awareness");
    assert!(
        sketches[0]["shapes"].as_array().unwrap().len() > 20,
        "a page is drawn, not only named"
    );
    assert_eq!(preview["page_mm"], json!([210.0, 297.0]));

    let bad = json!({"page": "b5", "orientation": "landscape", "layout": "fit", "lanes": null, "personas": null});
    let refused = invoke(&app, "preview_pdf", json!({"mapId": id, "choices": bad})).unwrap_err();
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("Unknown page size \"b5\""),
        "{refused}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("enterprise.pdf");
    let exported = invoke(
        &app,
        "export_pdf",
        json!({"mapId": id, "choices": choices, "path": out}),
    )
    .unwrap();
    assert_eq!(exported["pages"].as_u64().unwrap() as usize, pages);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let elsewhere = invoke(&app, "open_exported_pdf", json!({"path": "/etc/passwd"})).unwrap_err();
    assert_eq!(
        elsewhere["message"],
        "Waymark only opens PDFs it has just exported."
    );
}
