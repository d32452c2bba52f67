//! Fuzzing: no input makes an importer panic or hang. FUZZ_CASES raises the count.

use super::*;

/// Fuzzing: no input makes an importer panic or hang. FUZZ_CASES raises the count.
fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000)
}

thread_local! {
    /// Valid files of each format, which the mutation fuzzer damages.
    static SEEDS: Vec<Vec<u8>> = [
        "json/small.journey.json",
        "mermaid/names-with-punctuation.mmd",
        "csv/long.csv",
        "csv/wide.tsv",
        "mermaid/in-readme.md",
        "enablement/ai-dev-org-standardization.yaml",
        "mermaid/demo-front-matter.mmd",
        "mermaid/onboarding-exemplar.md",
    ]
    .iter()
    .map(|name| std::fs::read(fixture(name)).unwrap())
    .collect();
}

const FORMATS: [FileFormat; 4] = [
    FileFormat::Json,
    FileFormat::Mermaid,
    FileFormat::Enablement,
    FileFormat::Csv,
];

fn mutated(seed: &[u8], edits: &[(u16, u8, u8)]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for &(at, byte, how) in edits {
        let at = usize::from(at) % (bytes.len() + 1);
        match how % 3 {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => {
                bytes.remove(at);
            }
            _ if at < bytes.len() => bytes[at] = byte,
            _ => bytes.push(byte),
        }
    }
    bytes
}

/// Pieces of YAML and of Enablement Map journeys, which the structure fuzzer strings together.
const YAML_PIECES: [&str; 28] = [
    "kind: cjm\n",
    "---\n",
    "- ",
    "  ",
    "\n",
    "{",
    "}",
    "[",
    "]",
    ": ",
    ", ",
    "&a ",
    "*a",
    "id: p",
    "phase: p",
    "name: x",
    "phases:",
    "actions:",
    "persona:",
    "touchpoints:",
    "'",
    "\"",
    "# c",
    "? ",
    "!!str ",
    "|\n",
    ">-\n",
    "emotion_score: 9",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in FORMATS {
            let _ = import_bytes(&bytes, "fuzz", Some(format), 0);
        }
    }

    #[test]
    fn fuzz_yaml_structure(pieces in prop::collection::vec(0usize..YAML_PIECES.len(), 0..80)) {
        let text: String = pieces.iter().map(|&i| YAML_PIECES[i]).collect();
        if let Ok(imported) = import_bytes(text.as_bytes(), "fuzz", Some(FileFormat::Enablement), 0) {
            prop_assert!(waymark_core::rebuild(&imported.map).is_ok(), "an accepted file always inserts");
        }
    }

    #[test]
    fn fuzz_mutated_fixtures(seed in 0usize..8, edits in prop::collection::vec((any::<u16>(), any::<u8>(), any::<u8>()), 1..12)) {
        let bytes = mutated(&SEEDS.with(|s| s[seed].clone()), &edits);
        for format in FORMATS.map(Some).into_iter().chain([None]) {
            if let Ok(imported) = import_bytes(&bytes, "fuzz", format, 0) {
                prop_assert!(waymark_core::rebuild(&imported.map).is_ok(), "an accepted file always inserts");
            }
        }
    }
}
