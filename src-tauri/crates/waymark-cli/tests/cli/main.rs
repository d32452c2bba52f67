//! The `waymark-cli` contract, run as a real process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod files;
mod library;
mod merge;
mod versions;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs waymark-cli on the library `db`; the list of libraries it remembers is kept beside it.
fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WAYMARK_DB")
        .env("XDG_STATE_HOME", state_folder(db))
        .output()
        .expect("waymark-cli runs")
}

/// Where the CLI run by these tests keeps its list of known libraries.
fn state_folder(db: &Path) -> std::path::PathBuf {
    db.parent().unwrap().join("state")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn list_json(db: &Path) -> Vec<Value> {
    serde_json::from_str::<Value>(&stdout(&cli(db, &["list", "--json"])))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn templates_prints_one_name_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&cli(&dir.path().join("w.db"), &["templates"]));
    let names: Vec<&str> = out.lines().collect();
    assert!(names.len() >= 4);
    for expected in ["five-stage", "four-stage", "b2b-long", "value-journey"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
}

#[test]
fn new_prints_the_id_that_list_json_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let id = stdout(&cli(
        &db,
        &["new", "--title", "Café visit", "--template", "four-stage"],
    ));
    let id = id.trim();
    let maps = list_json(&db);
    assert_eq!(maps.len(), 1);
    let map = &maps[0];
    assert_eq!(map["id"], id);
    assert_eq!(map["title"], "Café visit");
    assert_eq!(map["stages"], 4);
    assert_eq!(map["lanes"], 6);
    assert_eq!(map["cards"], 0);
    assert_eq!(map["personas"], 0);
    let updated = map["updated_at"].as_str().unwrap();
    assert!(
        updated.ends_with('Z') && updated.contains('T'),
        "RFC 3339: {updated}"
    );
    let keys: Vec<&String> = map.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 7, "exactly the contract's fields: {keys:?}");
}

#[test]
fn sample_makes_a_map_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let id = stdout(&cli(&db, &["sample", "--cards", "300", "--seed", "4"]));
    let maps = list_json(&db);
    assert_eq!(maps[0]["id"], id.trim());
    assert_eq!(maps[0]["cards"], 300);
    assert_eq!(maps[0]["stages"], 6);
    assert_eq!(maps[0]["lanes"], 10);
    assert_eq!(maps[0]["personas"], 3);
}

#[test]
fn failures_exit_1_with_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let output = cli(&db, &["new", "--title", "x", "--template", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: There is no template called \"nope\""),
        "{stderr}"
    );

    let not_db = dir.path().join("notes.txt");
    std::fs::write(&not_db, "hello ".repeat(1000)).unwrap();
    let output = cli(&not_db, &["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: ") && stderr.contains("not an SQLite database"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&not_db).unwrap(),
        "hello ".repeat(1000)
    );
}

#[test]
fn a_newer_library_and_an_unwritable_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    stdout(&cli(&db, &["new", "--title", "x"]));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let output = cli(&db, &["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("newer version of Waymark"), "{stderr}");

    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let output = cli(&blocker.join("w.db"), &["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: Waymark cannot write"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert_eq!(cli(&db, &["new"]).status.code(), Some(2));
    assert_eq!(cli(&db, &["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        cli(&db, &["sample", "--cards", "many"]).status.code(),
        Some(2)
    );
    assert!(!db.exists(), "a usage error touches no library");
}

#[test]
fn waymark_db_is_the_default_and_db_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env.db");
    let from_flag = dir.path().join("flag.db");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_waymark-cli"))
            .args(args)
            .env("WAYMARK_DB", &from_env)
            .env("XDG_STATE_HOME", state_folder(&from_env))
            .output()
            .unwrap()
    };
    stdout(&run(&["new", "--title", "In env"]));
    let flag = from_flag.to_str().unwrap();
    stdout(&run(&["--db", flag, "new", "--title", "In flag"]));
    assert_eq!(list_json(&from_env).len(), 1);
    assert_eq!(list_json(&from_flag)[0]["title"], "In flag");
}
