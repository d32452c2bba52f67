//! The native menu bar. Each item sends its id to the UI (the `menu` event), which runs the
//! action of that name: the same one its toolbar button and shortcut run. The UI says which
//! items can act now (`set_menu_state`).
//!
//! On Linux a menu accelerator takes its key before the web view sees it, so keys that mean
//! something while typing (Ctrl+Z, Ctrl+C, Ctrl+A, Delete, Shift+1...) are left to the UI,
//! which knows whether a text field has the focus. Those items show no accelerator here; the
//! keyboard shortcuts sheet lists every key.

use serde::Serialize;
use std::collections::HashMap;
use tauri::menu::{
    CheckMenuItemBuilder, IsMenuItem, Menu, MenuItemBuilder, MenuItemKind, PredefinedMenuItem,
    Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Runtime};

/// The event the UI receives when a menu item is chosen; its payload is the item's id.
pub const MENU_EVENT: &str = "menu";

/// One entry of a menu.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry {
    Item {
        id: &'static str,
        label: &'static str,
        /// Bound in the menu itself (see the module's note).
        accelerator: Option<&'static str>,
    },
    /// An item with a tick: one of a choice.
    Check {
        id: &'static str,
        label: &'static str,
    },
    Submenu {
        label: &'static str,
        entries: &'static [Entry],
    },
    Separator,
}

const fn item(id: &'static str, label: &'static str) -> Entry {
    Entry::Item {
        id,
        label,
        accelerator: None,
    }
}

const fn keyed(id: &'static str, label: &'static str, accelerator: &'static str) -> Entry {
    Entry::Item {
        id,
        label,
        accelerator: Some(accelerator),
    }
}

/// The menu bar: File, Edit, View and Help (Alt and the letter after `&` open each).
pub const MENUS: &[(&str, &[Entry])] = &[
    (
        "&File",
        &[
            keyed("new-map", "New map…", "CmdOrCtrl+N"),
            keyed("import", "Import…", "CmdOrCtrl+O"),
            Entry::Submenu {
                label: "Export",
                entries: &[
                    item("export-json", "Waymark JSON…"),
                    item("export-csv", "CSV…"),
                    item("export-mermaid", "Mermaid journey…"),
                    keyed("export-pdf", "PDF…", "CmdOrCtrl+P"),
                ],
            },
            Entry::Separator,
            keyed("save-version", "Save version…", "CmdOrCtrl+S"),
            keyed("close-map", "Close map", "CmdOrCtrl+W"),
            Entry::Separator,
            keyed("quit", "Quit", "CmdOrCtrl+Q"),
        ],
    ),
    (
        "&Edit",
        &[
            item("undo", "Undo"),
            item("redo", "Redo"),
            Entry::Separator,
            item("cut", "Cut"),
            item("copy", "Copy"),
            item("paste", "Paste"),
            item("duplicate", "Duplicate"),
            item("delete", "Delete"),
            Entry::Separator,
            item("select-all", "Select all cards"),
            keyed("find", "Find…", "CmdOrCtrl+F"),
        ],
    ),
    (
        "&View",
        &[
            keyed("zoom-in", "Zoom in", "CmdOrCtrl+="),
            keyed("zoom-out", "Zoom out", "CmdOrCtrl+-"),
            keyed("zoom-reset", "Actual size (100%)", "CmdOrCtrl+0"),
            item("zoom-fit", "Fit to window"),
            item("zoom-selection", "Zoom to selection"),
            Entry::Check {
                id: "minimap",
                label: "Minimap",
            },
            Entry::Separator,
            Entry::Submenu {
                label: "Theme",
                entries: &[
                    Entry::Check {
                        id: "theme-system",
                        label: "Follow the system",
                    },
                    Entry::Check {
                        id: "theme-light",
                        label: "Light",
                    },
                    Entry::Check {
                        id: "theme-dark",
                        label: "Dark",
                    },
                ],
            },
        ],
    ),
    (
        "&Help",
        &[
            keyed("shortcuts", "Keyboard shortcuts", "CmdOrCtrl+/"),
            item("file-format", "The file format"),
            Entry::Separator,
            item("about", "About Waymark"),
        ],
    ),
];

/// Every item's id, in menu order.
pub fn menu_ids() -> Vec<&'static str> {
    fn collect(entries: &[Entry], ids: &mut Vec<&'static str>) {
        for entry in entries {
            match entry {
                Entry::Item { id, .. } | Entry::Check { id, .. } => ids.push(id),
                Entry::Submenu { entries, .. } => collect(entries, ids),
                Entry::Separator => {}
            }
        }
    }
    let mut ids = Vec::new();
    for (_, entries) in MENUS {
        collect(entries, &mut ids);
    }
    ids
}

fn submenu<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    entries: &[Entry],
) -> tauri::Result<Submenu<R>> {
    let mut builder = SubmenuBuilder::new(app, label);
    for entry in entries {
        builder = match *entry {
            Entry::Item {
                id,
                label,
                accelerator,
            } => {
                let mut item = MenuItemBuilder::with_id(id, label);
                if let Some(accelerator) = accelerator {
                    item = item.accelerator(accelerator);
                }
                builder.item(&item.build(app)?)
            }
            Entry::Check { id, label } => {
                builder.item(&CheckMenuItemBuilder::with_id(id, label).build(app)?)
            }
            Entry::Submenu { label, entries } => builder.item(&submenu(app, label, entries)?),
            Entry::Separator => builder.item(&PredefinedMenuItem::separator(app)?),
        };
    }
    builder.build()
}

/// The menu bar, every item enabled until the UI says otherwise.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let menus = MENUS
        .iter()
        .map(|(label, entries)| submenu(app, label, entries))
        .collect::<tauri::Result<Vec<_>>>()?;
    let items: Vec<&dyn IsMenuItem<R>> = menus.iter().map(|m| m as &dyn IsMenuItem<R>).collect();
    Menu::with_items(app, &items)
}

/// Passes a chosen item to the UI.
pub fn chosen<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Err(error) = app.emit_to("main", MENU_EVENT, id) {
        eprintln!("warning: the menu item {id} could not reach the window: {error}");
    }
}

/// Finds an item anywhere in the menu bar, inside submenus too (`Menu::get` looks only at the
/// top level).
pub fn find<R: Runtime>(menu: &Menu<R>, id: &str) -> Option<MenuItemKind<R>> {
    fn within<R: Runtime>(items: Vec<MenuItemKind<R>>, id: &str) -> Option<MenuItemKind<R>> {
        for item in items {
            if item.id() == id {
                return Some(item);
            }
            if let MenuItemKind::Submenu(sub) = &item {
                if let Some(found) = sub.items().ok().and_then(|items| within(items, id)) {
                    return Some(found);
                }
            }
        }
        None
    }
    within(menu.items().ok()?, id)
}

/// Enables, disables, ticks and unticks menu items, by id; unknown ids are ignored.
#[tauri::command]
pub fn set_menu_state<R: Runtime>(
    app: AppHandle<R>,
    enabled: HashMap<String, bool>,
    checked: HashMap<String, bool>,
) {
    let Some(menu) = app.menu() else { return };
    for (id, on) in enabled {
        let result = match find(&menu, &id) {
            Some(MenuItemKind::MenuItem(item)) => item.set_enabled(on),
            Some(MenuItemKind::Check(item)) => item.set_enabled(on),
            _ => Ok(()),
        };
        if let Err(error) = result {
            eprintln!("warning: the menu item {id} could not be changed: {error}");
        }
    }
    for (id, on) in checked {
        if let Some(MenuItemKind::Check(item)) = find(&menu, &id) {
            if let Err(error) = item.set_checked(on) {
                eprintln!("warning: the menu item {id} could not be ticked: {error}");
            }
        }
    }
}

/// Sets the menu bar up on the app: built, and each choice passed to the UI.
pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let menu = build(app)?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| chosen(app, event.id().as_ref()));
    Ok(())
}
