//! PDF export time and file size for maps of 100 to 5,000 cards (A4 landscape, tiles), and
//! how the cost grows.

#![allow(clippy::expect_used)] // a benchmark that cannot set up should stop loudly

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::{Duration, Instant};
use waymark_core::sample;
use waymark_pdf::{export_pdf, page_size, LayoutMode, Orientation, PdfOptions};

fn options(layout: LayoutMode) -> PdfOptions {
    PdfOptions {
        page_mm: page_size("a4", Orientation::Landscape).expect("A4"),
        layout,
        lanes: None,
        personas: None,
        changes: None,
    }
}

fn pdf_benches(c: &mut Criterion) {
    let mut medians = Vec::new();
    for cards in [100, 200, 1_000, 5_000] {
        let map = sample::synthetic(cards, 1, 0);
        for layout in [LayoutMode::Tiles, LayoutMode::Fit] {
            let export = export_pdf(&map, &options(layout), 0).expect("exported");
            println!(
                "{cards} cards, {layout:?}: {} pages, {} KB",
                export.pages,
                export.bytes.len() / 1024
            );
        }
        let mut times = Vec::new();
        c.bench_function(&format!("export PDF, {cards} cards, tiles"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    let one = Instant::now();
                    export_pdf(&map, &options(LayoutMode::Tiles), 0).expect("exported");
                    times.push(one.elapsed());
                }
                start.elapsed()
            })
        });
        times.sort_unstable();
        medians.push((cards, times[times.len() / 2]));
    }
    for (cards, median) in &medians {
        println!(
            "median export of {cards} cards: {:.1} ms",
            median.as_secs_f64() * 1e3
        );
    }
    let of = |n: usize| {
        medians
            .iter()
            .find(|(c, _)| *c == n)
            .map(|(_, t)| t.as_secs_f64())
            .unwrap_or(0.0)
    };
    println!(
        "5,000 cards take {:.2} times as long as 1,000",
        of(5_000) / of(1_000)
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(6));
    targets = pdf_benches
}
criterion_main!(benches);
