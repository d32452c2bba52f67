//! The library's faults through the commands: a damaged library restored from a backup, and a
//! map saved as a copy when its library was moved away.

use super::{app_with, invoke};
use serde_json::json;
use std::io::{Seek, SeekFrom, Write};
use waymark_app::Library;
use waymark_core::sample;
use waymark_store::Store;
use waymark_system::now;

#[test]
fn a_damaged_library_is_restored_from_a_backup() {
    let app = app_with(|path| {
        let mut store = Store::open(path).unwrap();
        store.insert_map(&sample::synthetic(1_500, 1, 1)).unwrap();
        store.seed_first_run_sample().unwrap();
        drop(store);
        waymark_library::backup_now(path, None, now()).unwrap();
        // A page of the cards table, in the middle of it.
        let page: i64 = rusqlite::Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT pageno FROM dbstat WHERE name = 'cards' AND pagetype = 'leaf'
                 ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat
                 WHERE name = 'cards' AND pagetype = 'leaf')",
                [],
                |row| row.get(0),
            )
            .unwrap();
        let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        file.seek(SeekFrom::Start((page as u64 - 1) * 4096))
            .unwrap();
        file.write_all(&[0x5a; 4096]).unwrap();
        Library::open(path)
    });
    let status = invoke(&app, "library_status", json!({})).unwrap();
    assert_eq!(status["error"]["code"], "library_damaged", "{status}");
    assert!(invoke(&app, "list_maps", json!({})).is_err());

    let backups = invoke(&app, "list_backups", json!({})).unwrap();
    assert_eq!(backups.as_array().unwrap().len(), 1, "{backups}");
    assert_eq!(backups[0]["contents"]["maps"], 2);
    assert_eq!(backups[0]["contents"]["cards"], 1_534);

    let outcome = invoke(
        &app,
        "restore_backup",
        json!({"backup": backups[0]["path"]}),
    )
    .unwrap();
    assert!(outcome["status"]["error"].is_null(), "{outcome}");
    let aside = outcome["restored"]["kept_aside"].as_str().unwrap();
    assert!(
        std::path::Path::new(aside).exists(),
        "the damaged file is kept"
    );
    let maps = invoke(&app, "list_maps", json!({})).unwrap();
    assert_eq!(maps.as_array().unwrap().len(), 2);
}

#[test]
fn a_map_is_saved_as_a_copy_when_its_library_was_moved_away() {
    let app = app_with(Library::open);
    let created = invoke(&app, "create_map", json!({"title": "On the share"})).unwrap();
    let id = created["id"].as_str().unwrap();
    let mut map = invoke(&app, "open_map", json!({"mapId": id})).unwrap()["map"].clone();
    let path = app.path().to_owned();
    std::fs::rename(&path, path.with_extension("moved")).unwrap();

    let card = json!({
        "id": "card-typed", "stage_id": map["stages"][0]["id"], "lane_id": map["lanes"][0]["id"],
        "position": 0, "text": "Typed after the move", "tags": []
    });
    let refused = invoke(
        &app,
        "apply_ops",
        json!({"mapId": id, "baseRevision": map["revision"], "ops": [{"type": "AddCard", "card": card}]}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "library_moved", "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("Save a copy"));

    // The UI keeps the refused edit on screen and sends the map as it shows it.
    map["cards"].as_array_mut().unwrap().push(card);
    let copy = path.with_file_name("copy.journey.json");
    invoke(
        &app,
        "save_map_copy",
        json!({"map": map, "path": copy.to_str().unwrap()}),
    )
    .unwrap();
    let imported = waymark_exchange::import_file(&copy, None, now()).unwrap();
    assert_eq!(imported.map.title, "On the share");
    assert_eq!(imported.map.cards.len(), 1);
    assert_eq!(imported.map.cards[0].text, "Typed after the move");
    assert_eq!(imported.map.stages.len(), 5);
}
