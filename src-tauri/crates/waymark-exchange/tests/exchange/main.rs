//! Every format, layout and kind of error, from fixture files in tests/fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod csv;
mod enablement;
mod formats;
mod fuzz;
mod json;
mod mermaid;

use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use waymark_core::{sample, templates, EmotionState, Lane, LaneId, LaneKind, Op, Stage};
use waymark_exchange::{
    detect, export_csv, export_json, export_mermaid, export_warnings, import_bytes, import_file,
    json_schema, ExportFormat, FileFormat, Imported, Location, Refused, MAX_PROBLEMS,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures")
        .join(name)
}

fn import(name: &str) -> Result<Imported, Refused> {
    import_file(&fixture(name), None, 0)
}

fn refused(name: &str) -> Vec<String> {
    match import(name) {
        Ok(_) => panic!("{name} was accepted"),
        Err(refused) => refused.problems.iter().map(ToString::to_string).collect(),
    }
}

fn card_texts(imported: &Imported) -> Vec<String> {
    let map = &imported.map;
    let mut texts = Vec::new();
    for stage in &map.stages {
        for lane in &map.lanes {
            texts.extend(
                map.cell_cards(&stage.id, &lane.id)
                    .iter()
                    .map(|c| c.text.clone()),
            );
        }
    }
    texts
}

/// The map object of an export with every id replaced by its order of first appearance.
fn without_ids(json: &str) -> Value {
    let mut envelope: Value = serde_json::from_str(json).unwrap();
    let map = envelope["map"].take();
    let mut names: HashMap<String, String> = HashMap::new();
    fn walk(value: &mut Value, names: &mut HashMap<String, String>) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    if matches!(key.as_str(), "id" | "stage" | "lane" | "persona") {
                        if let Value::String(id) = field {
                            let next = format!("#{}", names.len());
                            *id = names.entry(id.clone()).or_insert(next).clone();
                        }
                    } else {
                        walk(field, names);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, names)),
            _ => {}
        }
    }
    let mut map = map;
    walk(&mut map, &mut names);
    map
}
