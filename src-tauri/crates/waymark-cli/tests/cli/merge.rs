//! Merging a colleague's copy from the command line: two libraries, as two people's
//! Waymarks, swap files and merge them; conflicts without `--prefer` write nothing.

use super::*;
use serde_json::json;
use std::path::PathBuf;

/// Two people's libraries in one folder.
struct Round {
    dir: tempfile::TempDir,
    home: PathBuf,
    ana: PathBuf,
    map: String,
    /// The map in Ana's library, once she imported the file.
    ana_map: std::cell::RefCell<String>,
}

impl Round {
    fn new() -> Round {
        let dir = tempfile::tempdir().unwrap();
        let (home, ana) = (dir.path().join("home.db"), dir.path().join("ana.db"));
        let map = stdout(&cli(&home, &["sample", "--cards", "40", "--seed", "5"]))
            .trim()
            .to_owned();
        Round {
            dir,
            home,
            ana,
            map,
            ana_map: std::cell::RefCell::new(String::new()),
        }
    }

    /// Ana's Waymark imports a file sent to her.
    fn ana_imports(&self, name: &str) {
        let id = stdout(&cli(&self.ana, &["import", &self.file(name)]));
        *self.ana_map.borrow_mut() = id.trim().to_owned();
    }

    fn map_in(&self, db: &Path) -> String {
        if db == self.ana {
            self.ana_map.borrow().clone()
        } else {
            self.map.clone()
        }
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_owned()
    }

    fn export(&self, db: &Path, name: &str) -> Value {
        let out = self.file(name);
        let map = self.map_in(db);
        stdout(&cli(
            db,
            &["export", &map, "--format", "json", "--out", &out],
        ));
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
    }

    fn apply(&self, db: &Path, ops: Value) {
        let batch = self.file("ops.json");
        std::fs::write(&batch, ops.to_string()).unwrap();
        stdout(&cli(db, &["apply", &self.map_in(db), &batch]));
    }

    fn merge(&self, file: &str, options: &[&str]) -> Output {
        let path = self.file(file);
        let mut args = vec!["merge", &self.map, &path];
        args.extend(options);
        cli(&self.home, &args)
    }

    fn texts(&self) -> Vec<String> {
        let map = self.export(&self.home, "check.journey.json");
        map["map"]["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// An operation that rewrites a card of an exported file.
fn rewrite(card: &Value, text: &str) -> Value {
    json!({"type": "UpdateCard", "card": {
        "id": card["id"], "stage_id": card["stage"], "lane_id": card["lane"], "position": 0,
        "text": text, "channel": card["channel"], "severity": card["severity"],
        "impact": card["impact"], "effort": card["effort"], "metric_value": card["value"],
        "metric_target": card["target"], "colour": card["colour"],
        "tags": card.get("tags").cloned().unwrap_or(json!([]))
    }})
}

#[test]
fn a_colleagues_copy_is_merged_and_the_second_round_starts_from_the_first() {
    let round = Round::new();
    let sent = round.export(&round.home, "to-ana.journey.json");
    let cards = sent["map"]["cards"].as_array().unwrap().clone();
    let stages = sent["map"]["stages"].as_array().unwrap().clone();

    // Ana's Waymark imports the file, and she changes it.
    round.ana_imports("to-ana.journey.json");
    let added = json!({"id": "card-by-ana", "stage_id": stages[1]["id"], "lane_id": cards[0]["lane"],
        "position": 0, "text": "Added by Ana", "tags": []});
    round.apply(
        &round.ana,
        json!([
            rewrite(&cards[0], "Ana's words"),
            rewrite(&cards[2], "Only Ana changed this"),
            {"type": "AddCard", "card": added},
            {"type": "RemoveCard", "id": cards[3]["id"]},
            {"type": "MoveCard", "id": cards[4]["id"], "stage_id": stages[2]["id"],
             "lane_id": cards[4]["lane"], "position": 0},
        ]),
    );
    let back = round.export(&round.ana, "from-ana.journey.json");
    let lineage = &back["lineage"];
    assert_eq!(lineage["ancestors"][0], sent["lineage"]["version"]);

    // Meanwhile at home: the same card reworded differently, and another card.
    round.apply(
        &round.home,
        json!([
            rewrite(&cards[0], "My words"),
            rewrite(&cards[1], "Only I changed this")
        ]),
    );
    let before = round.texts();

    let refused = round.merge("from-ana.journey.json", &[]);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(said.contains("1 conflict:"), "{said}");
    assert!(
        said.contains("\"My words\"") && said.contains("\"Ana's words\""),
        "{said}"
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nothing was merged"));
    assert_eq!(round.texts(), before, "nothing written");

    let dry = round.merge(
        "from-ana.journey.json",
        &["--prefer", "theirs", "--dry-run", "--json"],
    );
    let report: Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(report["merged"], false);
    assert_eq!(report["conflicts"][0]["choice"], "theirs");
    assert_eq!(round.texts(), before, "a dry run writes nothing");

    let merged = round.merge("from-ana.journey.json", &["--prefer", "theirs"]);
    assert_eq!(
        merged.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let texts = round.texts();
    for kept in [
        "Ana's words",
        "Only Ana changed this",
        "Added by Ana",
        "Only I changed this",
    ] {
        assert!(texts.iter().any(|t| t == kept), "{kept} missing: {texts:?}");
    }
    assert!(!texts
        .iter()
        .any(|t| t == cards[3]["text"].as_str().unwrap()));

    // The same file again: refused, nothing written.
    let again = round.merge("from-ana.journey.json", &["--prefer", "theirs"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already merged"));

    // Round two: Ana changes one more card. The common version is the one merged, so the
    // text decided in round one is no conflict.
    round.apply(&round.ana, json!([rewrite(&cards[5], "Second round")]));
    round.export(&round.ana, "from-ana-2.journey.json");
    let second = round.merge("from-ana-2.journey.json", &["--json"]);
    let report: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(second.status.code(), Some(0), "{report}");
    assert_eq!(report["conflicts"], json!([]));
    assert_eq!(report["applied"], 1, "{report}");
    assert!(round.texts().iter().any(|t| t == "Second round"));
}

#[test]
fn files_that_cannot_be_merged_say_why_and_write_nothing() {
    let round = Round::new();
    let sent = round.export(&round.home, "sent.journey.json");
    let before = round.texts();

    // The file is the version the map was exported as.
    let itself = round.merge("sent.journey.json", &[]);
    assert_eq!(itself.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&itself.stderr).contains("nothing to merge"));

    // A copy whose merge would break a rule: tags of both sides together are too many.
    round.ana_imports("sent.journey.json");
    let card = &sent["map"]["cards"][0];
    let tagged = |prefix: &str| {
        let mut op = rewrite(card, card["text"].as_str().unwrap());
        op["card"]["tags"] = (0..12).map(|i| json!(format!("{prefix}{i}"))).collect();
        json!([op])
    };
    round.apply(&round.ana, tagged("ana-"));
    round.export(&round.ana, "tags.journey.json");
    round.apply(&round.home, tagged("home-"));
    let broken = round.merge("tags.journey.json", &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("would break a rule"));
    let versions = stdout(&cli(&round.home, &["versions", &round.map]));
    assert!(!versions.contains("before-merge"), "{versions}");
    assert_eq!(round.texts(), before);

    // Merged into a map it does not descend from: a two-way compare, where every
    // difference is a conflict.
    let other = stdout(&cli(&round.home, &["new", "--title", "Another"]));
    let path = round.file("tags.journey.json");
    let two_way = cli(&round.home, &["merge", other.trim(), &path, "--dry-run"]);
    assert_eq!(two_way.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&two_way.stdout).contains("two-way"));
}
