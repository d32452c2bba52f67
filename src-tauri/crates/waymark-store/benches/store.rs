//! Opening a 5,000-card map, applying one card move to it with its commit, opening the whole
//! library and backing it up, on real files.
//!
//! Besides criterion's estimates, prints the median and p99 of single runs.

#![allow(clippy::expect_used)] // a benchmark that cannot set up should stop loudly

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use waymark_core::{sample, JourneyMap, Op};
use waymark_store::Store;

mod timing;
use timing::{report, timed};

const CARDS: usize = 5_000;

fn move_op(map: &JourneyMap, n: usize) -> Op {
    let card = &map.cards[0];
    Op::MoveCard {
        id: card.id.clone(),
        stage_id: map.stages[n % map.stages.len()].id.clone(),
        lane_id: map.lanes[n % map.lanes.len()].id.clone(),
        position: 0,
        order: None,
    }
}

fn store_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("a new library");
    let map = sample::synthetic(CARDS, 1, 0);
    store.insert_map(&map).expect("the sample map is stored");
    let id = map.id.clone();

    let mut open_timings = Vec::new();
    c.bench_function("open a 5,000-card map", |b| {
        b.iter_custom(|iters| {
            timed(iters, &mut open_timings, || {
                store.open_map(&id).expect("the map opens");
            })
        })
    });

    let mut revision = store.open_map(&id).expect("the map opens").map.revision;
    let mut n = 0;
    let mut move_timings = Vec::new();
    c.bench_function("move one card in a 5,000-card map (with commit)", |b| {
        b.iter_custom(|iters| {
            timed(iters, &mut move_timings, || {
                n += 1;
                let op = move_op(&map, n);
                revision = store
                    .apply_ops(&id, revision, &[op])
                    .expect("the move is applied")
                    .revision;
            })
        })
    });

    // A second library, so the first stays open: opening checks every page of the file.
    let library = dir.path().join("closed.db");
    let mut closed = Store::open(&library).expect("a new library");
    closed.insert_map(&map).expect("the sample map is stored");
    drop(closed);
    let mut library_timings = Vec::new();
    c.bench_function("open a library of 5,000 cards", |b| {
        b.iter_custom(|iters| {
            timed(iters, &mut library_timings, || {
                drop(Store::open(&library).expect("the library opens"));
            })
        })
    });

    let dest = dir.path().join("backup.db");
    let mut backup_timings = Vec::new();
    c.bench_function("back up a library of 5,000 cards", |b| {
        b.iter_custom(|iters| {
            timed(iters, &mut backup_timings, || {
                waymark_store::write_backup(&library, &dest).expect("the backup is written");
            })
        })
    });

    report("open a 5,000-card map", &mut open_timings);
    report("move one card (commit included)", &mut move_timings);
    report("open a library of 5,000 cards", &mut library_timings);
    report("back up a library of 5,000 cards", &mut backup_timings);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = store_benches
}
criterion_main!(benches);
