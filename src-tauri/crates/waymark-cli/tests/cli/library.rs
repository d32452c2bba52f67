//! The library's faults from the command line: a vanished library, backups and restore, and
//! another process's edits after this one's locks were dropped.

use super::{cli, list_json, stdout};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

fn fails_with(output: &std::process::Output, text: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(text), "expected \"{text}\" in: {stderr}");
}

#[test]
fn a_library_that_vanished_is_reported_and_only_recreated_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("w.db");
    let state = dir.path().join("state");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_waymark-cli"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_STATE_HOME", &state)
            .output()
            .unwrap()
    };
    stdout(&run(&["new", "--title", "On the stick"]));
    // The stick is unplugged: its folder goes with it.
    std::fs::remove_dir_all(&folder).unwrap();
    let listed = run(&["list"]);
    fails_with(&listed, "is not there any more");
    fails_with(&listed, "init");
    assert!(!folder.exists(), "no empty library was made in its place");
    stdout(&run(&["init"]));
    assert_eq!(stdout(&run(&["list", "--json"])).trim(), "[]");
}

#[test]
fn backup_and_restore_bring_back_a_damaged_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    stdout(&cli(&db, &["sample", "--cards", "800"]));
    let backup = stdout(&cli(&db, &["backup"]));
    let backup = Path::new(backup.trim());
    assert!(backup.starts_with(dir.path().join("backups")), "{backup:?}");
    let named = stdout(&cli(
        &db,
        &["backup", "--out", dir.path().join("b.db").to_str().unwrap()],
    ));
    assert!(named.trim().ends_with("b.db"));
    let listed = stdout(&cli(&db, &["backups"]));
    assert!(listed.contains("1 maps, 800 cards"), "{listed}");

    // A failing disk overwrites a page in the middle of the library.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&db)
        .unwrap();
    let pages = file.metadata().unwrap().len() / 4096;
    file.seek(SeekFrom::Start(pages / 2 * 4096)).unwrap();
    let mut page = vec![0u8; 4096];
    file.read_exact(&mut page).unwrap();
    page.iter_mut()
        .enumerate()
        .for_each(|(i, b)| *b ^= (i as u8).wrapping_mul(37) | 1);
    file.seek(SeekFrom::Start(pages / 2 * 4096)).unwrap();
    file.write_all(&page).unwrap();
    drop(file);
    let damaged = std::fs::read(&db).unwrap();
    fails_with(&cli(&db, &["list"]), "damaged");

    let restored = cli(&db, &["restore", backup.to_str().unwrap()]);
    let said = stdout(&restored);
    assert!(said.contains("restored 1 maps, 800 cards"), "{said}");
    let stderr = String::from_utf8_lossy(&restored.stderr);
    let aside = stderr
        .split("kept at ")
        .nth(1)
        .map(str::trim)
        .unwrap_or_else(|| panic!("where the damaged library went: {stderr}"));
    assert_eq!(
        std::fs::read(aside).unwrap(),
        damaged,
        "the damaged library is kept"
    );
    assert_eq!(list_json(&db)[0]["cards"], 800);
}

#[test]
fn an_edit_after_a_file_chooser_and_a_cli_run_is_kept() {
    use waymark_core::{MapId, Op};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let mut store = waymark_store::Store::open(&db).unwrap();
    let map = store.create_map(None, "Before").unwrap();
    // What a GTK file chooser listing the folder does: open, read and close every file.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let _ = std::fs::read(&path).unwrap();
        }
    }
    assert_eq!(list_json(&db).len(), 1);
    let revision = store.open_map(&map.id).unwrap().map.revision;
    let rename = Op::SetTitle {
        title: "Renamed after the chooser".to_owned(),
    };
    store.apply_ops(&map.id, revision, &[rename]).unwrap();
    let id: &MapId = &map.id;
    assert_eq!(
        list_json(&db)[0]["title"],
        "Renamed after the chooser",
        "{id} as the CLI reads it"
    );
    drop(store);
    assert_eq!(list_json(&db)[0]["title"], "Renamed after the chooser");
}

#[test]
fn apply_edits_a_map_with_the_operations_the_app_sends() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let id = stdout(&cli(&db, &["new", "--title", "Before"]));
    let id = id.trim();
    let ops = dir.path().join("ops.json");
    std::fs::write(
        &ops,
        r#"[{"type": "SetTitle", "title": "Renamed by a script"}]"#,
    )
    .unwrap();
    let revision = stdout(&cli(&db, &["apply", id, ops.to_str().unwrap()]));
    assert_eq!(revision.trim(), "1");
    assert_eq!(list_json(&db)[0]["title"], "Renamed by a script");

    // A refused batch writes nothing and says why.
    std::fs::write(
        &ops,
        r#"[{"type": "SetTitle", "title": "Half"}, {"type": "RemoveCard", "id": "no-such-card"}]"#,
    )
    .unwrap();
    let refused = cli(&db, &["apply", id, ops.to_str().unwrap()]);
    fails_with(&refused, "no-such-card");
    assert_eq!(list_json(&db)[0]["title"], "Renamed by a script");

    // A stale base revision is a conflict; bad JSON names its line and column.
    std::fs::write(&ops, r#"{"type": "SetTitle", "title": "Late"}"#).unwrap();
    fails_with(
        &cli(&db, &["apply", id, ops.to_str().unwrap(), "--base", "0"]),
        "changed elsewhere",
    );
    std::fs::write(&ops, "[{\"type\": \"SetTitle\",\n \"title\": }]").unwrap();
    fails_with(&cli(&db, &["apply", id, ops.to_str().unwrap()]), "line 2");
    assert_eq!(list_json(&db)[0]["title"], "Renamed by a script");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let mut store = waymark_store::Store::open(&db).unwrap();
    for n in 0..800 {
        store
            .create_map(Some("blank"), &format!("Map {n}"))
            .unwrap();
    }
    drop(store);
    for args in [&["list", "--json"][..], &["list"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_waymark-cli"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -1`: read a little, then close the pipe.
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{stderr}"
        );
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
