//! The committed screenshots are what `rampart render` draws today: each
//! file in screenshots/list is rendered afresh and compared byte for byte.
//! When this fails, run `scripts/screenshots` and review the new SVGs.

use rampart::cli::{RenderArgs, RenderFormat};
use rampart::ui::{self, Options};
use std::path::Path;

#[test]
fn screenshots_are_not_stale() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    let list = std::fs::read_to_string(dir.join("list")).expect("screenshots/list");
    let estate = rampart::demo::estate();
    let mut stale = Vec::new();
    let mut checked = 0;
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [file, view, theme] = parts.as_slice() else {
            panic!("bad line in screenshots/list: {line:?}");
        };
        let opts = Options::new(Some(theme), false)
            .expect("built-in theme")
            .with_clock(Some(rampart::demo::now()))
            .with_source("demo");
        let args = RenderArgs {
            view: view.to_string(),
            size: (160, 48),
            format: RenderFormat::Svg,
            filter: None,
        };
        let fresh = ui::render_command(&estate, &args, &opts).expect("renders");
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        if committed != fresh {
            stale.push(*file);
        }
        checked += 1;
    }
    assert!(checked >= 13, "every view and every theme is listed");
    assert!(
        stale.is_empty(),
        "stale screenshots (run scripts/screenshots): {stale:?}"
    );
}
