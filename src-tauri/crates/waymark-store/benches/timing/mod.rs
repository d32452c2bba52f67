//! Timing single runs inside criterion's loops, for the percentiles criterion does not print.

use std::time::{Duration, Instant};

/// Runs `work` `iters` times, timing each run; keeps every timing for percentiles.
pub fn timed(iters: u64, timings: &mut Vec<Duration>, mut work: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        work();
        let elapsed = start.elapsed();
        timings.push(elapsed);
        total += elapsed;
    }
    total
}

/// Prints the median and p99 of the runs (nothing when a filter skipped the benchmark).
pub fn report(name: &str, timings: &mut [Duration]) {
    if timings.is_empty() {
        return;
    }
    timings.sort_unstable();
    let at = |q: f64| timings[((timings.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name}: runs {}, median {:.3} ms, p99 {:.3} ms",
        timings.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3
    );
}
