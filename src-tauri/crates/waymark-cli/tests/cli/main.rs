//! The `waymark-cli` contract, run as a real process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod library;

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

fn fixture(name: &str) -> String {
    format!(
        "{}/../../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn import_prints_one_id_a_file_and_export_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let json = fixture("json/small.journey.json");
    let mermaid = fixture("mermaid/simple.mmd");
    let csv = fixture("csv/long.csv");
    let output = cli(&db, &["import", &json, &mermaid, &csv]);
    let ids: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(ids.len(), 3);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: ") && stderr.contains("map.personas[0].mood"),
        "{stderr}"
    );
    let titles: Vec<Value> = list_json(&db).iter().map(|m| m["title"].clone()).collect();
    assert!(
        titles.contains(&Value::from("My working day")),
        "{titles:?}"
    );

    let out = dir.path().join("cafe.journey.json");
    stdout(&cli(
        &db,
        &[
            "export",
            &ids[0],
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported["format"], "waymark.journey-map");
    assert_eq!(exported["map"]["title"], "Kraków café: first visit");
    let sample = stdout(&cli(&db, &["sample", "--cards", "40"]));
    let exported = cli(
        &db,
        &["export", sample.trim(), "--format", "mermaid", "--out", "-"],
    );
    let stderr = String::from_utf8_lossy(&exported.stderr);
    assert!(
        stderr.starts_with("warning: A Mermaid journey holds") && stderr.contains("left out"),
        "{stderr}"
    );
    let mermaid_out = stdout(&cli(
        &db,
        &["export", &ids[1], "--format", "mermaid", "--out", "-"],
    ));
    assert!(
        mermaid_out.starts_with("journey\n    title My working day\n"),
        "{mermaid_out}"
    );
    let csv_out = stdout(&cli(
        &db,
        &["export", &ids[2], "--format", "csv", "--out", "-"],
    ));
    assert!(
        csv_out.starts_with("stage,lane,text,persona,emotion,"),
        "{csv_out}"
    );

    let again = stdout(&cli(&db, &["import", out.to_str().unwrap()]));
    assert_ne!(again.trim(), ids[0], "a re-import is a new map");
}

#[test]
fn a_refused_file_leaves_the_library_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    stdout(&cli(&db, &["sample", "--cards", "50"]));
    let before = std::fs::read(&db).unwrap();
    let good = fixture("json/small.journey.json");
    let bad = fixture("json/broken-rules.journey.json");
    let output = cli(&db, &["import", &good, &bad]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 5, "four problems and the summary: {stderr}");
    assert!(
        errors[1]
            .contains("broken-rules.journey.json: map.cards[1].stage: expected the id of a stage"),
        "{stderr}"
    );
    assert_eq!(errors[4], "error: nothing was imported");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the library file changed"
    );
    assert!(!dir.path().join("w.db-wal").exists());
}

#[test]
fn validate_says_valid_or_lists_the_problems() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never-created.db");
    let ok = cli(&db, &["validate", &fixture("csv/wide.tsv")]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8(ok.stderr)
        .unwrap()
        .contains("valid: \"wide\""));
    let bad = cli(
        &db,
        &[
            "validate",
            &fixture("mermaid/bad-task.mmd"),
            "--format",
            "mermaid",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr
            .lines()
            .all(|l| l.starts_with("error: ") && l.contains("bad-task.mmd: line ")),
        "{stderr}"
    );
    let newer = cli(
        &db,
        &["validate", &fixture("json/newer-version.journey.json")],
    );
    assert!(String::from_utf8(newer.stderr)
        .unwrap()
        .contains("made by a newer Waymark (format v2)"));
    assert!(!db.exists(), "validate does not touch a library");
}

#[test]
fn export_refuses_unknown_maps_and_unwritable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let id = stdout(&cli(&db, &["new", "--title", "x"]));
    let missing = cli(&db, &["export", "nope", "--format", "json", "--out", "-"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .starts_with("error: There is no map with id nope"));
    let blocked = dir.path().join("a-file").join("out.json");
    std::fs::write(dir.path().join("a-file"), "x").unwrap();
    let output = cli(
        &db,
        &[
            "export",
            id.trim(),
            "--format",
            "json",
            "--out",
            blocked.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .starts_with("error: cannot write "));
    assert_eq!(
        cli(
            &db,
            &["export", id.trim(), "--format", "pdfx", "--out", "-"]
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn export_pdf_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let id = stdout(&cli(&db, &["sample", "--cards", "40"]));
    let id = id.trim();
    let out = dir.path().join("map.pdf");
    let out_arg = out.to_str().unwrap();
    stdout(&cli(
        &db,
        &["export", id, "--format", "pdf", "--out", out_arg],
    ));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let tiles = dir.path().join("tiles.pdf");
    let args = [
        "export",
        id,
        "--format",
        "pdf",
        "--out",
        tiles.to_str().unwrap(),
        "--page",
        "a3",
        "--orientation",
        "portrait",
        "--layout",
        "tiles",
    ];
    stdout(&cli(&db, &args));
    assert!(std::fs::metadata(&tiles).unwrap().len() > 1000);

    let fails = |args: &[&str], expected: &str| {
        let output = cli(&db, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("error: ") && stderr.contains(expected),
            "{args:?}: {stderr}"
        );
    };
    fails(
        &["export", "nope", "--format", "pdf", "--out", out_arg],
        "There is no map with id nope",
    );
    fails(
        &[
            "export",
            id,
            "--format",
            "pdf",
            "--out",
            "/proc/no/such/dir/map.pdf",
        ],
        "cannot write",
    );
    fails(
        &[
            "export", id, "--format", "pdf", "--out", out_arg, "--page", "b5",
        ],
        "unknown page size \"b5\"",
    );
    fails(
        &[
            "export", id, "--format", "pdf", "--out", out_arg, "--page", "10x10mm",
        ],
        "from 50 to 5000 mm",
    );
    fails(
        &[
            "export",
            id,
            "--format",
            "pdf",
            "--out",
            out_arg,
            "--orientation",
            "sideways",
        ],
        "unknown orientation",
    );
    fails(
        &[
            "export", id, "--format", "pdf", "--out", out_arg, "--layout", "poster",
        ],
        "unknown layout",
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        bytes,
        "a failed export leaves the old file alone"
    );
}
