//! The settings file (`config.toml` in the config directory):
//!
//! ```toml
//! # Allow the opt-in writes (as --allow-writes does); --read-only wins.
//! allow_writes = false
//! # The colour theme when --theme is not given.
//! theme = "high-contrast"
//! ```
//!
//! Unknown keys and wrong types are errors located by line and column: a
//! typo in a switch that decides whether rampart may write is never
//! silently ignored.

use super::FileError;
use serde::Deserialize;
use std::path::Path;

/// The settings file's name in the config directory.
pub const SETTINGS_FILE: &str = "config.toml";

/// What the settings file says; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub allow_writes: Option<bool>,
    pub theme: Option<String>,
}

/// Parses the text of a settings file named `path` (for errors).
pub fn parse(path: &Path, text: &str) -> Result<Settings, FileError> {
    toml::from_str(text).map_err(|e| FileError::from_toml(path, text, &e))
}

/// Reads `config.toml` from `dir`; a missing file is empty settings.
pub fn load(dir: &Path) -> Result<Settings, FileError> {
    let path = dir.join(SETTINGS_FILE);
    match super::read_optional(&path)? {
        Some(text) => parse(&path, &text),
        None => Ok(Settings::default()),
    }
}

/// The settings file of the config directory (empty without one).
pub fn load_default() -> Result<Settings, FileError> {
    match super::config_dir() {
        Some(dir) => load(&dir),
        None => Ok(Settings::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Settings, FileError> {
        parse(Path::new("config.toml"), text)
    }

    #[test]
    fn keys_are_read_and_may_be_left_out() {
        assert_eq!(p("").expect("empty"), Settings::default());
        let s = p("allow_writes = true\ntheme = \"mono\"\n").expect("parse");
        assert_eq!(s.allow_writes, Some(true));
        assert_eq!(s.theme.as_deref(), Some("mono"));
    }

    #[test]
    fn typos_and_wrong_types_are_located() {
        let e = p("theme = \"dark\"\nallow_write = true\n").expect_err("unknown key");
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("allow_write"), "{e}");
        let e = p("allow_writes = \"yes\"\n").expect_err("wrong type");
        assert_eq!(e.line, 1, "{e}");
        assert!(
            e.to_string().starts_with("config.toml: line 1, column "),
            "{e}"
        );
    }

    #[test]
    fn a_missing_file_is_empty_and_an_unreadable_one_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(load(dir.path()).expect("missing"), Settings::default());
        std::fs::create_dir(dir.path().join(SETTINGS_FILE)).expect("dir in the way");
        assert!(load(dir.path()).is_err());
    }
}
