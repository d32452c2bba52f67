//! Merging a colleague's copy through the commands: the import check offers the merge, the
//! preview decides a conflict as chosen and writes nothing, and the merge is one undo step.

use super::{app, invoke};
use serde_json::{json, Value};

#[test]
fn a_colleagues_copy_is_previewed_merged_and_undone() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let ids = invoke(
        &app,
        "import_files",
        json!({"requests": [{"path": fixtures.join("json/small.journey.json"), "replace": null}]}),
    )
    .unwrap();
    let id = ids[0].as_str().unwrap().to_owned();
    let sent = dir.path().join("sent.journey.json");
    invoke(
        &app,
        "export_map",
        json!({"mapId": id, "format": "json", "path": sent}),
    )
    .unwrap();

    // The colleague's copy: one card reworded, a new version descending from the one sent.
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&sent).unwrap()).unwrap();
    let card = file["map"]["cards"][0]["id"].as_str().unwrap().to_owned();
    file["map"]["cards"][0]["text"] = json!("Theirs");
    let sent_version = file["lineage"]["version"].clone();
    file["lineage"] = json!({"version": "their-version-1", "ancestors": [sent_version]});
    let back = dir.path().join("back.journey.json");
    std::fs::write(&back, file.to_string()).unwrap();

    let checks = invoke(&app, "check_import", json!({"paths": [&back]})).unwrap();
    assert_eq!(checks[0]["merge"]["map"]["id"], id.as_str(), "{checks}");

    // Meanwhile the same card was reworded here.
    let opened = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    let mut mine = opened["map"]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == card.as_str())
        .unwrap()
        .clone();
    mine["text"] = json!("Mine");
    invoke(
        &app,
        "apply_ops",
        json!({"mapId": id, "baseRevision": opened["map"]["revision"],
               "ops": [{"type": "UpdateCard", "card": mine}]}),
    )
    .unwrap();

    let preview = invoke(
        &app,
        "preview_merge",
        json!({"mapId": id, "path": back, "choices": {}}),
    )
    .unwrap();
    assert_eq!(
        preview["conflicts"].as_array().unwrap().len(),
        1,
        "{preview}"
    );
    let key = preview["conflicts"][0]["key"].as_str().unwrap().to_owned();
    let choices = json!({ key: "theirs" });
    let decided = invoke(
        &app,
        "preview_merge",
        json!({"mapId": id, "path": back, "choices": choices}),
    )
    .unwrap();
    let text_of = |map: &Value| {
        map["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == card.as_str())
            .unwrap()["text"]
            .clone()
    };
    assert_eq!(text_of(&decided["after"]), "Theirs");
    let stored = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(text_of(&stored["map"]), "Mine", "a preview writes nothing");

    invoke(
        &app,
        "apply_merge",
        json!({"mapId": id, "path": back, "choices": choices, "revision": decided["revision"]}),
    )
    .unwrap();
    let merged = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(text_of(&merged["map"]), "Theirs");
    invoke(&app, "undo", json!({"mapId": id})).unwrap();
    let undone = invoke(&app, "open_map", json!({"mapId": id})).unwrap();
    assert_eq!(text_of(&undone["map"]), "Mine", "one undo step");

    let again = invoke(
        &app,
        "preview_merge",
        json!({"mapId": id, "path": back, "choices": {}}),
    )
    .unwrap_err();
    assert!(
        again["message"]
            .as_str()
            .unwrap()
            .contains("already merged"),
        "{again}"
    );
}
