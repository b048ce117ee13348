//! `diff::diff` on the demo estate and on 100,000 findings (the console
//! compares with `--baseline` once per estate change, not per frame), and
//! the whole estate change (`App::set_estate`) with and without a baseline.
//!
//! Run with `cargo bench --bench diff`.

use criterion::{Criterion, criterion_group, criterion_main};
use rampart::app::{App, Settings};
use rampart::model::{Estate, Severity};
use std::hint::black_box;
use std::sync::Arc;

/// The demo with its findings repeated to `n` (unique ids).
fn big(n: usize) -> Estate {
    let mut e = rampart::demo::estate();
    let base = std::mem::take(&mut e.findings);
    e.findings = (0..n)
        .map(|i| {
            let mut f = base[i % base.len()].clone();
            f.id = format!("{}-{i:06}", f.id);
            f
        })
        .collect();
    e
}

/// `old` a week on: 1% of the findings gone, 1% new, 1% with another
/// severity.
fn later(old: &Estate) -> Estate {
    let mut e = old.clone();
    let n = e.findings.len();
    let step = 100.min(n.max(1));
    for (i, f) in e.findings.iter_mut().enumerate() {
        if i % step == 1 {
            f.severity = if f.severity == Severity::High {
                Severity::Low
            } else {
                Severity::High
            };
        }
        if i % step == 2 {
            f.id.push_str("-new");
        }
    }
    let mut i = 0;
    e.findings.retain(|_| {
        i += 1;
        i % step != 3
    });
    e
}

fn settings(baseline: Option<&Estate>) -> Settings {
    Settings {
        clock: Some(rampart::demo::now()),
        baseline: baseline.map(|b| Arc::new(b.clone())),
        ..Settings::default()
    }
}

fn bench(c: &mut Criterion) {
    let demo_old = rampart::demo::earlier();
    let demo_new = rampart::demo::estate();
    c.bench_function("diff demo", |b| {
        b.iter(|| black_box(rampart::diff::diff(&demo_old, &demo_new)))
    });
    let old = big(100_000);
    let new = later(&old);
    let mut g = c.benchmark_group("100k findings");
    g.sample_size(10);
    g.bench_function("diff", |b| {
        b.iter(|| black_box(rampart::diff::diff(&old, &new)))
    });
    // What the console does: the baseline's posture is assessed once.
    let po = rampart::diff::assess_baseline(&old);
    g.bench_function("diff_with", |b| {
        b.iter(|| black_box(rampart::diff::diff_with(&old, &po, &new)))
    });
    for (name, baseline) in [
        ("set_estate", None),
        ("set_estate with baseline", Some(&old)),
    ] {
        let mut app = App::new(settings(baseline));
        g.bench_function(name, |b| b.iter(|| app.set_estate(new.clone())));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
