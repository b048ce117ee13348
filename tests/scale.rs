//! 100,000 findings scroll as fast as 100: only visible rows are built and
//! the sorted index is cached.

#[path = "fixtures/estate.rs"]
mod fixtures;

use rampart::app::{Action, App, update};
use rampart::input::CommandId;
use rampart::model::{Estate, Severity};
use rampart::ui::{self, Options};
use std::time::{Duration, Instant};

fn estate_of(n: usize) -> Estate {
    let mut e = fixtures::estate();
    let base = fixtures::findings();
    let sevs = Severity::ALL;
    e.findings = (0..n)
        .map(|i| {
            let mut f = base[i % base.len()].clone();
            f.id = format!("f-{i:06}");
            f.title = format!("{} #{}", f.title, (i * 7919) % n);
            f.severity = sevs[i % sevs.len()];
            f
        })
        .collect();
    e
}

/// Median time of one page-down plus one 160x48 frame.
fn frame_time(app: &mut App, opts: &Options) -> Duration {
    let mut times: Vec<Duration> = (0..60)
        .map(|_| {
            let t = Instant::now();
            update(app, Action::Command(CommandId::PageDown));
            let buf = ui::render_to_buffer(app, opts, 160, 48);
            std::hint::black_box(buf);
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

#[test]
fn scrolling_cost_does_not_grow_with_the_number_of_findings() {
    let opts = Options::new(None, false)
        .expect("theme")
        .with_clock(Some(fixtures::now()));
    let mut results = Vec::new();
    for n in [100usize, 100_000] {
        let estate = estate_of(n);
        let t = Instant::now();
        let mut app = App::with_estate(estate, opts.settings());
        let load = t.elapsed();
        let t = Instant::now();
        update(&mut app, Action::Run("findings".into()));
        let open = t.elapsed();
        let t = Instant::now();
        update(&mut app, Action::Run("sort title".into()));
        let sort = t.elapsed();
        let t = Instant::now();
        update(&mut app, Action::Run("filter sev>=high".into()));
        let filter = t.elapsed();
        let frame = frame_time(&mut app, &opts);
        eprintln!(
            "{n:>7} findings: load {load:?}, open {open:?}, sort by title {sort:?}, filter {filter:?}, page+frame {frame:?}"
        );
        results.push(frame);
    }
    // Generous bound: a frame at 100k costs at most a few times one at 100
    // (allocator and cache noise), never the 1000x of building every row.
    assert!(
        results[1] < results[0] * 5 + Duration::from_millis(2),
        "{results:?}"
    );
}
