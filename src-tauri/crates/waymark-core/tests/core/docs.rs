//! `docs/operations/`: the reference of every operation a batch can hold, and the JSON Schema of
//! a batch, generated from the Rust types, their doc comments, the domain's limits and the
//! shared fixtures' examples. A stale file fails this test; `UPDATE_DOCS=1` writes them again.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use waymark_core::Op;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

const INTRO: &str = "# Operations

Generated from `waymark-core`'s `Op` type by `src-tauri/crates/waymark-core/tests/core/docs.rs`:
do not edit. `UPDATE_DOCS=1 cargo test -p waymark-core docs` writes it again.

Every edit of a map is a **batch**: a JSON list of operations, applied in order, all or nothing,
and undone as one step. The app sends exactly these batches to the store, and
`waymark-cli apply MAP_ID FILE|- [--base REVISION]` applies one from a file or standard input:

```sh
echo '[{\"type\": \"SetTitle\", \"title\": \"Checkout, second pass\"}]' | waymark-cli apply \"$MAP\" -
```

It prints the map's new revision. With `--base`, the batch is refused (exit 1, a `conflict`
error) when the map has changed since that revision. A batch that breaks a rule is refused
whole: exit 1, the store's message on standard error, nothing written. A batch can be undone
in the app like any other edit. `batch.schema.json` is the JSON Schema of a batch.

Ids are any non-empty text unique within the map; the app uses UUIDs. `index` and `position`
count from 0, and past the end of their list append.
";

/// The schema of a part a property refers to, by its `$ref`.
fn ref_name(schema: &Value) -> Option<&str> {
    schema["$ref"].as_str()?.strip_prefix("#/$defs/")
}

/// A property's type as a reader says it: "[Card](#card)", "integer or null", "list of text".
fn type_of(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        return format!("[{name}](#{})", name.to_lowercase());
    }
    if let Some(options) = schema["anyOf"].as_array() {
        let named: Vec<String> = options.iter().map(type_of).collect();
        return named.join(" or ");
    }
    if let Some(value) = schema.get("const") {
        return format!("`{value}`");
    }
    let one = |kind: &str| match kind {
        "string" => "text".to_owned(),
        "integer" if schema["minimum"] == 0 => "whole number ≥ 0".to_owned(),
        "integer" => "whole number".to_owned(),
        "array" => format!("list of {}", type_of(&schema["items"])),
        other => other.to_owned(),
    };
    match &schema["type"] {
        Value::String(kind) => one(kind),
        Value::Array(kinds) => {
            let named: Vec<String> = kinds.iter().filter_map(Value::as_str).map(one).collect();
            named.join(" or ")
        }
        _ => "any".to_owned(),
    }
}

/// A table of an object's properties, leaving out the `type` tag.
fn fields(out: &mut String, object: &Value) {
    let Some(properties) = object["properties"].as_object() else {
        return;
    };
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    out.push_str("| field | type | required | meaning |\n| --- | --- | --- | --- |\n");
    for (name, schema) in properties.iter().filter(|(name, _)| *name != "type") {
        let meaning = schema["description"]
            .as_str()
            .unwrap_or("")
            .replace('\n', " ");
        let needed = if required.contains(&name.as_str()) {
            "yes"
        } else {
            "no"
        };
        out.push_str(&format!(
            "| `{name}` | {} | {needed} | {meaning} |\n",
            type_of(schema)
        ));
    }
    out.push('\n');
}

/// The first operation of each type in the shared fixtures, as an example.
fn examples() -> BTreeMap<String, Value> {
    let folder = repository().join("tests/fixtures/ops");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let mut found = BTreeMap::new();
    for path in files {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if fixture["expected"].get("error").is_some() {
            continue;
        }
        for op in fixture["ops"].as_array().unwrap() {
            let kind = op["type"].as_str().unwrap().to_owned();
            found.entry(kind).or_insert_with(|| op.clone());
        }
    }
    found
}

/// An operation as pretty JSON with its `type` first, as a reader expects it.
fn type_first(op: &Value) -> String {
    let mut rest = op.clone();
    let kind = rest.as_object_mut().unwrap().remove("type").unwrap();
    let body = serde_json::to_string_pretty(&rest).unwrap();
    body.replacen("{\n", &format!("{{\n  \"type\": {kind},\n"), 1)
}

fn reference(schema: &Value) -> String {
    let mut out = String::from(INTRO);
    let examples = examples();
    out.push_str("\n## The operations\n\n");
    for variant in schema["oneOf"].as_array().unwrap() {
        let name = variant["properties"]["type"]["const"].as_str().unwrap();
        out.push_str(&format!("### {name}\n\n"));
        if let Some(text) = variant["description"].as_str() {
            out.push_str(&format!("{text}\n\n"));
        }
        fields(&mut out, variant);
        let example = examples
            .get(name)
            .unwrap_or_else(|| panic!("no fixture uses {name}"));
        out.push_str(&format!("```json\n{}\n```\n\n", type_first(example)));
    }
    out.push_str("## The parts\n\n");
    for (name, part) in schema["$defs"].as_object().unwrap() {
        out.push_str(&format!("### {name}\n\n"));
        if let Some(text) = part["description"].as_str() {
            out.push_str(&format!("{text}\n\n"));
        }
        if let Some(values) = part["enum"].as_array() {
            let values: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            out.push_str(&format!("One of {}.\n\n", values.join(", ")));
        } else if let Some(values) = part["oneOf"].as_array() {
            out.push_str("One of:\n\n");
            for value in values {
                let text = value["description"]
                    .as_str()
                    .unwrap_or("")
                    .replace('\n', " ");
                out.push_str(&format!("- `{}`: {text}\n", value["const"]));
            }
            out.push('\n');
        } else if part["type"] == "string" {
            out.push_str("Text.\n\n");
        }
        fields(&mut out, part);
    }
    let limits = serde_json::to_string_pretty(&waymark_core::domain::domain().limits).unwrap();
    out.push_str(
        "## Limits\n\nLengths count characters; the other limits are ranges and counts. A batch \
         that goes past one is refused.\n\n",
    );
    out.push_str(&format!("```json\n{limits}\n```\n"));
    out
}

fn check(path: &Path, text: &str) {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: run UPDATE_DOCS=1 cargo test -p waymark-core docs",
        path.display()
    );
}

#[test]
fn docs_of_the_operations_are_generated_from_the_types() {
    let batch = schemars::schema_for!(Vec<Op>);
    let one = schemars::schema_for!(Op);
    let schema = serde_json::to_value(&one).unwrap();
    let folder = repository().join("docs/operations");
    check(&folder.join("README.md"), &reference(&schema));
    let batch = serde_json::to_string_pretty(&batch).unwrap() + "\n";
    check(&folder.join("batch.schema.json"), &batch);
    // Every operation is documented, each with its example.
    let variants = schema["oneOf"].as_array().unwrap().len();
    assert_eq!(variants, 18);
}
