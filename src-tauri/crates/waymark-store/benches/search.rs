//! Searching a library of 200 maps with 100,000 cards in all, on a real file: a common phrase
//! (thousands of matches, ranked), a rare word, a word of two letters (scanned), and nothing
//! found. Prints the median and p99 of single runs besides criterion's estimates.

#![allow(clippy::expect_used)] // a benchmark that cannot set up should stop loudly

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::{Duration, Instant};
use waymark_core::sample;
use waymark_store::Store;

mod timing;
use timing::{report, timed};

const MAPS: usize = 200;
const CARDS_PER_MAP: usize = 500;

fn search_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("a new library");
    let maps: Vec<_> = (0..MAPS)
        .map(|n| sample::synthetic(CARDS_PER_MAP, n as u64, 0))
        .collect();
    let start = Instant::now();
    store.insert_maps(&maps).expect("the maps are stored");
    println!(
        "stored {MAPS} maps, {} cards, with their index, in {:.2} s",
        MAPS * CARDS_PER_MAP,
        start.elapsed().as_secs_f64()
    );
    for query in [
        "renewal quote",
        "(4711)",
        "zz",
        "whitepaper delivery nowhere",
    ] {
        let mut timings = Vec::new();
        c.bench_function(&format!("search {query:?} in 100,000 cards"), |b| {
            b.iter_custom(|iters| {
                timed(iters, &mut timings, || {
                    std::hint::black_box(store.search(query).expect("a search"));
                })
            });
        });
        report(&format!("search {query:?}"), &mut timings);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = search_benches
}
criterion_main!(benches);
