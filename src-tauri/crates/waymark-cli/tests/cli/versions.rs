//! Versions and diff from the command line: `diff` agrees with what was edited, and exits as
//! diff(1) does.

use super::*;

fn sample_map(db: &Path) -> String {
    stdout(&cli(db, &["sample", "--cards", "40", "--seed", "3"]))
        .trim()
        .to_owned()
}

#[test]
fn a_saved_version_lists_diffs_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    let map = sample_map(&db);
    let version = stdout(&cli(
        &db,
        &["version", "save", &map, "--name", "Shown to the board"],
    ));
    let version = version.trim();
    let listed = stdout(&cli(&db, &["versions", &map, "--json"]));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["id"], version);
    assert_eq!(listed[0]["made"], "hand");

    let same = cli(&db, &["diff", &map, &format!("{map}@{version}")]);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());

    // One edit through `apply`: the card's text.
    let exported = dir.path().join("map.journey.json");
    stdout(&cli(
        &db,
        &[
            "export",
            &map,
            "--format",
            "json",
            "--out",
            exported.to_str().unwrap(),
        ],
    ));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert!(
        file["lineage"]["version"].is_string(),
        "an export says which version it is"
    );
    let mut card = file["map"]["cards"][0].clone();
    let id = card["id"].as_str().unwrap().to_owned();
    let ops = serde_json::json!([{"type": "UpdateCard", "card": {
        "id": id, "stage_id": card["stage"], "lane_id": card["lane"], "position": 0,
        "text": "Rewritten", "channel": card["channel"], "severity": card["severity"],
        "impact": card["impact"], "effort": card["effort"], "metric_value": card["value"],
        "metric_target": card["target"], "colour": card["colour"],
        "tags": card.get("tags").cloned().unwrap_or(serde_json::json!([]))
    }}]);
    card["text"] = "Rewritten".into();
    let batch = dir.path().join("ops.json");
    std::fs::write(&batch, ops.to_string()).unwrap();
    stdout(&cli(&db, &["apply", &map, batch.to_str().unwrap()]));

    let differ = cli(&db, &["diff", &format!("{map}@{version}"), &map]);
    assert_eq!(
        differ.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&differ.stderr)
    );
    let said = String::from_utf8(differ.stdout).unwrap();
    assert!(said.contains("now reads “Rewritten”"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    let json = cli(&db, &["diff", &format!("{map}@{version}"), &map, "--json"]);
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json[0]["change"]["type"], "CardChanged");

    // Against the file exported before the edit: the same difference.
    let from_file = cli(&db, &["diff", exported.to_str().unwrap(), &map]);
    assert_eq!(String::from_utf8(from_file.stdout).unwrap(), said);

    let revision = stdout(&cli(&db, &["version", "restore", &map, version]));
    assert!(revision.trim().parse::<i64>().is_ok());
    assert_eq!(
        cli(&db, &["diff", &map, &format!("{map}@{version}")])
            .status
            .code(),
        Some(0)
    );
    let missing = cli(&db, &["version", "restore", &map, "no-such-version"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no version with id"));
}
