//! Merging two 5,000-card copies of a map that each made 500 changes since they parted:
//! the merge itself, the whole preview the merge view opens with (reading the file, finding
//! the common version, merging, listing the changes), and applying it. Prints medians.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a benchmark that cannot set up should stop

use std::time::{Duration, Instant};
use waymark_core::merge::{merge, Choices};
use waymark_core::{apply_batch, sample, JourneyMap, Op};
use waymark_library::{apply_merge, export_to, preview_merge, remember_export, shared_export};
use waymark_system::now;

/// The median and the fastest run, in milliseconds.
fn median(mut runs: Vec<Duration>) -> (f64, f64) {
    runs.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(runs[runs.len() / 2]), ms(runs[0]))
}

fn timed<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, f64) {
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

/// 500 changes to `map`: texts edited, cards moved to another stage, cards added and removed,
/// starting at card `from` (so two sides touch different cards, a few the same).
fn changed(map: &JourneyMap, from: usize, words: &str) -> JourneyMap {
    let mut map = map.clone();
    let n = map.cards.len();
    let ops: Vec<Op> = (0..500)
        .map(|i| {
            let card = map.cards[(from + i * 9) % n].clone();
            match i % 4 {
                0 | 1 => Op::UpdateCard {
                    card: waymark_core::Card {
                        text: format!("{words} {i}"),
                        ..card
                    },
                },
                2 => Op::MoveCard {
                    id: card.id,
                    stage_id: map.stages[(i / 4) % map.stages.len()].id.clone(),
                    lane_id: card.lane_id,
                    position: 0,
                    order: None,
                },
                _ => Op::AddCard {
                    card: waymark_core::Card::new(
                        card.stage_id,
                        card.lane_id,
                        u32::MAX,
                        &format!("{words} added {i}"),
                    ),
                },
            }
        })
        .collect();
    for op in ops {
        let _ = apply_batch(&mut map, &[op]);
    }
    map
}

fn main() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut store = waymark_store::Store::open(&dir.path().join("merge.db")).unwrap();
    let base = sample::synthetic(5_000, 4, now());
    store.insert_map(&base).unwrap();
    let sent = dir.path().join("sent.journey.json");
    let (exported, target) = shared_export(&store, &base.id).unwrap();
    export_to(&exported, &target, &sent, now()).unwrap();
    remember_export(&mut store, &exported, &target, &sent).unwrap();

    let mine = changed(&base, 0, "Mine");
    let theirs = changed(&base, 2_000, "Theirs");
    let merged = merge(&base, &mine, &theirs);
    let core = timed(40, || merge(&base, &mine, &theirs));
    let parts = (
        timed(20, || waymark_core::diff::diff_by_id(&mine, &merged.map)).0,
        timed(20, || waymark_core::check(&merged.map)).0,
    );

    // The colleague's file, descending from the exported version.
    let waymark_library::Target::Shared(lineage) = target else {
        unreachable!()
    };
    let mut ancestors = vec![lineage.version];
    ancestors.extend(lineage.ancestors);
    let file = dir.path().join("back.journey.json");
    let back = waymark_library::Target::Shared(waymark_exchange::Lineage {
        version: waymark_core::new_id(),
        ancestors,
    });
    export_to(&theirs, &back, &file, now()).unwrap();
    let stored = store.read_map(&base.id).unwrap();
    store
        .apply_ops(
            &base.id,
            stored.revision,
            &waymark_core::diff::changes_to_ops(&stored, &mine),
        )
        .unwrap();

    let choices = Choices::new();
    let preview = timed(15, || {
        preview_merge(&store, &file, &base.id, &choices).unwrap()
    });
    let shown = preview_merge(&store, &file, &base.id, &choices).unwrap();
    let start = Instant::now();
    apply_merge(&mut store, &file, &base.id, &choices, shown.revision).unwrap();
    let apply = start.elapsed().as_secs_f64() * 1e3;

    println!(
        "merge of two 5,000-card copies, 500 changes each ({} applied, {} conflicts):",
        merged.applied.len(),
        merged.conflicts.len()
    );
    println!(
        "  merge itself          {:8.1} ms median, fastest {:.1} (target 100 ms)",
        core.0, core.1
    );
    println!(
        "    of which listing what it changes {:.1} ms, checking the rules {:.1} ms",
        parts.0, parts.1
    );
    println!(
        "  merge view's preview  {:8.1} ms median, fastest {:.1} (file, common version, merge, changes)",
        preview.0, preview.1
    );
    println!("  apply, one undo step  {apply:8.1} ms");
}
