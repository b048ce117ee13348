//! `:export [FILE]`: the evidence report of what the console shows, written
//! by the runtime (off the event loop) and recorded in the session log.
//! The format follows the file's extension (`.md`, `.html`, `.json`,
//! `.csv`); without a file, `rampart-report-<time>.html` in the current
//! directory.

use super::{App, Effect};
use crate::model::{Estate, Timestamp};
use crate::posture::Posture;
use crate::report::Format;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the runtime needs to write a report: the estate as shown (shared,
/// not copied on the event loop) and its posture.
#[derive(Clone)]
pub struct ExportJob {
    pub path: PathBuf,
    pub format: Format,
    pub estate: Arc<Estate>,
    /// How many of `estate.findings` are the data's (the rest are
    /// rampart's checks, which the report takes from `posture`).
    pub file_findings: usize,
    pub posture: Arc<Posture>,
}

impl ExportJob {
    /// The estate as loaded (without rampart's appended check findings).
    pub fn loaded_estate(&self) -> Estate {
        let mut e = (*self.estate).clone();
        e.findings.truncate(self.file_findings);
        e
    }
}

impl std::fmt::Debug for ExportJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportJob")
            .field("path", &self.path)
            .field("format", &self.format)
            .field("findings", &self.estate.findings.len())
            .finish()
    }
}

impl PartialEq for ExportJob {
    fn eq(&self, other: &ExportJob) -> bool {
        self.path == other.path
            && self.format == other.format
            && self.file_findings == other.file_findings
            && Arc::ptr_eq(&self.estate, &other.estate)
            && Arc::ptr_eq(&self.posture, &other.posture)
    }
}

impl Eq for ExportJob {}

/// What the runtime answers when the report is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file as recorded in the session log (absolute).
    pub path: String,
    pub sha256: String,
    /// The session log it is recorded in.
    pub log: String,
}

/// The report format a file name asks for.
pub fn format_for(path: &Path) -> Result<Format, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown") => Ok(Format::Md),
        Some("html" | "htm") => Ok(Format::Html),
        Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        _ => Err(format!(
            "{}: name the format by the extension: .md, .html, .json or .csv",
            path.display()
        )),
    }
}

/// `rampart-report-<YYYYMMDDTHHMMSSZ>.html`.
pub fn default_name(at: Timestamp) -> PathBuf {
    PathBuf::from(format!(
        "rampart-report-{}.html",
        at.format("%Y%m%dT%H%M%SZ")
    ))
}

/// `~/x` is `$HOME/x`; anything else is taken as written.
fn expand_home(arg: &str, home: Option<&Path>) -> PathBuf {
    match (arg.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        _ => PathBuf::from(arg),
    }
}

/// Runs `:export [FILE]`.
pub(super) fn export(app: &mut App, arg: Option<&str>) -> Vec<Effect> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let path = match arg.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => expand_home(a, home.as_deref()),
        None => default_name(chrono::Utc::now()),
    };
    let format = match format_for(&path) {
        Ok(f) => f,
        Err(e) => {
            app.set_status(format!("export: {e}"), true);
            return Vec::new();
        }
    };
    let loading = app.is_busy();
    app.set_status(
        if loading {
            format!(
                "exporting {} while data still loads: unread datasets are reported not assessed…",
                path.display()
            )
        } else {
            format!("exporting {}…", path.display())
        },
        false,
    );
    vec![Effect::Export(ExportJob {
        path,
        format,
        estate: Arc::clone(&app.estate),
        file_findings: app.file_findings,
        posture: Arc::clone(&app.posture),
    })]
}

/// The runtime's answer.
pub(super) fn exported(app: &mut App, result: Result<Exported, String>) -> Vec<Effect> {
    match result {
        Ok(done) => {
            let short = done.sha256.get(..12).unwrap_or(&done.sha256);
            super::live::note(app, format!("export {} sha256 {short}…", done.path), true);
            app.set_status(
                format!(
                    "wrote {} (sha256 {short}…), recorded in {}",
                    done.path, done.log
                ),
                false,
            );
        }
        Err(e) => {
            super::live::note(app, format!("export failed: {e}"), false);
            app.set_status(format!("export: {e}"), true);
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format() {
        let f = |p: &str| format_for(Path::new(p));
        assert_eq!(f("a.md"), Ok(Format::Md));
        assert_eq!(f("dir/A.HTML"), Ok(Format::Html));
        assert_eq!(f("x.json"), Ok(Format::Json));
        assert_eq!(f("x.csv"), Ok(Format::Csv));
        assert!(f("x.pdf").is_err_and(|e| e.contains(".md, .html, .json or .csv")));
        assert!(f("noext").is_err());
    }

    #[test]
    fn home_is_expanded_and_the_default_name_carries_the_time() {
        let home = Path::new("/home/ada");
        assert_eq!(
            expand_home("~/r.md", Some(home)),
            PathBuf::from("/home/ada/r.md")
        );
        assert_eq!(expand_home("~x/r.md", Some(home)), PathBuf::from("~x/r.md"));
        assert_eq!(expand_home("r.md", None), PathBuf::from("r.md"));
        let name = default_name(crate::demo::now());
        let shown = name.display().to_string();
        assert!(shown.starts_with("rampart-report-2"), "{shown}");
        assert!(shown.ends_with("Z.html"), "{shown}");
    }
}
