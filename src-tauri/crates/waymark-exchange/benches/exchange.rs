//! Import and export of a 5,000-card map: export, parse, validate and insert timed apart.

#![allow(clippy::expect_used)] // a benchmark that cannot set up should stop loudly

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::time::Duration;
use waymark_core::sample;
use waymark_exchange::{
    build_map, export_csv, export_json, export_mermaid, import_bytes, read_envelope, FileFormat,
};
use waymark_store::Store;

fn exchange_benches(c: &mut Criterion) {
    let map = sample::synthetic(5_000, 1, 0);
    let json = export_json(&map, 0, "Waymark bench");
    let csv = export_csv(&map);
    println!(
        "5,000-card map: JSON {} KB, CSV {} KB",
        json.len() / 1024,
        csv.len() / 1024
    );

    c.bench_function("export JSON (5,000 cards)", |b| {
        b.iter(|| export_json(&map, 0, "Waymark bench"))
    });
    c.bench_function("export CSV (5,000 cards)", |b| b.iter(|| export_csv(&map)));
    c.bench_function("export Mermaid (5,000 cards)", |b| {
        b.iter(|| export_mermaid(&map))
    });
    c.bench_function("import JSON: parse (5,000 cards)", |b| {
        b.iter(|| read_envelope(&json).expect("parses"))
    });
    let (envelope, _) = read_envelope(&json).expect("parses");
    c.bench_function("import JSON: validate (5,000 cards)", |b| {
        b.iter_batched(
            || envelope.map.clone(),
            |doc| waymark_core::rebuild(&build_map(doc).expect("valid")).expect("valid"),
            BatchSize::LargeInput,
        )
    });
    c.bench_function("import CSV: parse and validate (5,000 cards)", |b| {
        b.iter(|| {
            import_bytes(csv.as_bytes(), "bench.csv", Some(FileFormat::Csv), 0).expect("valid")
        })
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("a new library");
    let imported = build_map(envelope.map.clone()).expect("valid");
    c.bench_function("import JSON: insert (5,000 cards, one transaction)", |b| {
        b.iter_batched(
            || imported.with_fresh_ids(&imported.title, 0),
            |copy| store.insert_map(&copy).expect("inserted"),
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(4));
    targets = exchange_benches
}
criterion_main!(benches);
