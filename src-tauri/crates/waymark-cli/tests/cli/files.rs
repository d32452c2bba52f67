//! Import, export and validate: the CLI's file commands.

use super::*;

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

/// The app's import dialog shows what `waymark_library::read_for_import` says of a file;
/// `validate` prints the same warnings and problems, one a line.
#[test]
fn validate_prints_what_the_import_dialog_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never-created.db");
    let bad_yaml = dir.path().join("bad.yaml");
    std::fs::write(
        &bad_yaml,
        "kind: cjm\nphases: [{ id: p, name: P }]\nactions:\n  - { name: A, phase: q }\n",
    )
    .unwrap();
    let files = [
        fixture("enablement/sysdev-lifecycle.yaml"),
        fixture("mermaid/scores-out-of-range.mmd"),
        fixture("mermaid/bad-task.mmd"),
        fixture("csv/bad-values.csv"),
        bad_yaml.display().to_string(),
    ];
    for file in files {
        let read = waymark_library::read_for_import(Path::new(&file), None);
        let expected: Vec<String> = match &read.outcome {
            Ok(imported) => imported
                .warnings
                .iter()
                .map(|w| format!("warning: {file}: {w}"))
                .collect(),
            Err(problems) => problems
                .iter()
                .map(|p| format!("error: {file}: {p}"))
                .collect(),
        };
        assert!(!expected.is_empty(), "{file} has something to say");
        let out = cli(&db, &["validate", &file]);
        assert_eq!(
            out.status.code(),
            Some(if read.outcome.is_ok() { 0 } else { 1 })
        );
        let stderr = String::from_utf8(out.stderr).unwrap();
        let said: Vec<&str> = stderr
            .lines()
            .filter(|l| !l.contains(": valid: "))
            .collect();
        assert_eq!(said, expected, "{file}");
    }
}
