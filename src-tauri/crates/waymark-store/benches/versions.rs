//! Versions of a 5,000-card map: saving one, listing 200, reading one back (against opening
//! the map itself), and comparing two that differ by 500 changes. Prints medians.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a benchmark that cannot set up should stop

use std::time::{Duration, Instant};
use waymark_core::{apply_batch, sample, Op};
use waymark_store::{Made, Store};

fn median(mut runs: Vec<Duration>) -> f64 {
    runs.sort_unstable();
    runs[runs.len() / 2].as_secs_f64() * 1e3
}

fn timed<T>(runs: usize, mut work: impl FnMut() -> T) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut store = Store::open(&dir.path().join("versions.db")).unwrap();
    let map = sample::synthetic(5_000, 2, 0);
    store.insert_map(&map).unwrap();

    let mut n = 0;
    let save = timed(30, || {
        n += 1;
        store
            .save_version(&map.id, &format!("Version {n}"), "", Made::Hand)
            .unwrap()
    });
    while n < 200 {
        n += 1;
        store
            .save_version(&map.id, &format!("Version {n}"), "", Made::Hand)
            .unwrap();
    }
    let list = timed(50, || store.list_versions(&map.id).unwrap());
    let version = store.list_versions(&map.id).unwrap()[0].id.clone();
    let read = timed(30, || store.read_version(&map.id, &version).unwrap());
    let open = timed(30, || store.read_map(&map.id).unwrap());

    // Two versions 500 changes apart: 250 texts edited, 250 cards moved.
    let (_, before) = store.read_version(&map.id, &version).unwrap();
    let mut after = before.clone();
    let ops: Vec<Op> = (0..500)
        .map(|i| {
            let card = &before.cards[i * 7 % before.cards.len()];
            if i % 2 == 0 {
                let mut edited = card.clone();
                edited.text = format!("Edited {i}");
                Op::UpdateCard { card: edited }
            } else {
                Op::MoveCard {
                    id: card.id.clone(),
                    stage_id: before.stages[i % before.stages.len()].id.clone(),
                    lane_id: card.lane_id.clone(),
                    position: 0,
                    order: None,
                }
            }
        })
        .collect();
    apply_batch(&mut after, &ops).unwrap();
    let changes = waymark_core::diff::compare(&before, &after)
        .differences
        .len();
    let diff = timed(20, || waymark_core::diff::compare(&before, &after));

    println!("save a version of a 5,000-card map: median {save:.2} ms");
    println!("list 200 versions: median {list:.2} ms");
    println!("read a version back: median {read:.2} ms (opening the map itself: {open:.2} ms)");
    println!("compare two versions {changes} changes apart: median {diff:.2} ms");
}
