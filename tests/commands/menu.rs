//! The native menu bar: every item is there with its label, sends its id to the UI, and is
//! enabled and ticked as the UI says.

use super::{app_before_window, invoke};
use serde_json::json;
use std::sync::{Arc, Mutex};
use tauri::menu::MenuItemKind;
use tauri::{Listener, Manager};
use waymark_app::{menu, Library};

#[test]
fn each_menu_item_sends_its_id_to_the_ui_and_follows_the_ui_state() {
    let app = app_before_window(Library::open, |app| menu::install(app.handle()).unwrap());
    let handle = app.window.app_handle().clone();
    let bar = handle.menu().expect("the menu bar is set");
    let titles: Vec<String> = bar
        .items()
        .unwrap()
        .iter()
        .filter_map(|item| item.as_submenu().map(|s| s.text().unwrap()))
        .collect();
    assert_eq!(titles, ["&File", "&Edit", "&View", "&Help"]);

    let item = |id: &str| match menu::find(&bar, id) {
        Some(found) => found,
        None => panic!("no menu item {id}"),
    };
    for id in menu::menu_ids() {
        item(id);
    }
    let MenuItemKind::MenuItem(undo) = item("undo") else {
        panic!("Undo is a plain item")
    };
    assert_eq!(undo.text().unwrap(), "Undo");

    let heard = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = heard.clone();
    handle.listen_any(menu::MENU_EVENT, move |event| {
        sink.lock().unwrap().push(event.payload().to_owned());
    });
    menu::chosen(&handle, "undo");
    assert_eq!(*heard.lock().unwrap(), ["\"undo\""]);

    invoke(
        &app,
        "set_menu_state",
        json!({"enabled": {"undo": false, "find": true}, "checked": {"theme-dark": true}}),
    )
    .unwrap();
    assert!(!undo.is_enabled().unwrap());
    let MenuItemKind::Check(dark) = item("theme-dark") else {
        panic!("Dark is a choice")
    };
    assert!(dark.is_checked().unwrap());
    invoke(
        &app,
        "set_menu_state",
        json!({"enabled": {"undo": true}, "checked": {}}),
    )
    .unwrap();
    assert!(undo.is_enabled().unwrap());
}
