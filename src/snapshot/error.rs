//! Load and save errors: each displays as one line naming the file and,
//! where it applies, the line and column.

use thiserror::Error;

/// The shapes rampart reads, as listed in the unrecognised-shape message.
pub const EXPECTED_SHAPES: &str = "a rampart snapshot, {\"Findings\":[ASFF]} (aws securityhub \
get-findings), a JSON array of ASFF findings, JSON-lines ASFF, {\"Findings\":[...]} (aws guardduty \
get-findings), {\"findings\":[...]} (aws macie2 get-findings)";

/// Why a file could not be loaded. Nothing is ever half-loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory")]
    IsDirectory { name: String },
    #[error("{name}: cannot read: {message}")]
    Io { name: String, message: String },
    #[error("{name}: empty file")]
    Empty { name: String },
    /// A `.zst` file without a zstd frame.
    #[error("{name}: not a zstd stream ({reason})")]
    NotZstd { name: String, reason: String },
    /// A zstd frame that does not decompress.
    #[error("{name}: corrupt zstd stream: {message}")]
    CorruptZstd { name: String, message: String },
    /// Not JSON, or JSON that does not fit the snapshot format.
    #[error("{name}:{line}:{column}: {message}")]
    Syntax {
        name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{name}: unsupported snapshot version {version} (this rampart reads version {supported}; upgrade rampart)"
    )]
    UnsupportedVersion {
        name: String,
        version: String,
        supported: u32,
    },
    #[error("{name}: {message}")]
    BadSnapshot { name: String, message: String },
    #[error("{name}: unrecognised shape: expected one of {EXPECTED_SHAPES}; found {found}")]
    UnrecognisedShape { name: String, found: String },
    /// A recognised but unsupported export (for example Inspector's own format).
    #[error("{name}: {message}")]
    Unsupported { name: String, message: String },
    /// One record that could not be read.
    #[error("{name}{}: finding {index}{}: {problem}", at_line(*line), with_id(id.as_deref()))]
    Record {
        name: String,
        /// 1-based line, for JSON-lines files.
        line: Option<usize>,
        /// 1-based position of the finding in the file.
        index: usize,
        id: Option<String>,
        problem: String,
    },
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

fn with_id(id: Option<&str>) -> String {
    id.map(|i| format!(" (Id {})", serde_json::Value::from(i)))
        .unwrap_or_default()
}

impl LoadError {
    /// A serde_json error as `name:line:col: message` (line offset for
    /// JSON-lines, where each line is parsed on its own).
    pub(crate) fn json(name: &str, e: &serde_json::Error, line_offset: usize) -> LoadError {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full
            .strip_suffix(&suffix)
            .unwrap_or(&full)
            .replace('`', "'");
        LoadError::Syntax {
            name: name.to_string(),
            line: e.line() + line_offset,
            column: e.column(),
            message,
        }
    }

    /// The file name the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::NotFound { name }
            | LoadError::IsDirectory { name }
            | LoadError::Io { name, .. }
            | LoadError::Empty { name }
            | LoadError::NotZstd { name, .. }
            | LoadError::CorruptZstd { name, .. }
            | LoadError::Syntax { name, .. }
            | LoadError::UnsupportedVersion { name, .. }
            | LoadError::BadSnapshot { name, .. }
            | LoadError::UnrecognisedShape { name, .. }
            | LoadError::Unsupported { name, .. }
            | LoadError::Record { name, .. } => name,
        }
    }
}

/// Why an estate could not be saved. The target file is left untouched.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{path}: cannot save: {message}")]
    Io { path: String, message: String },
}

impl SaveError {
    pub(crate) fn io(path: &std::path::Path, e: impl std::fmt::Display) -> SaveError {
        SaveError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_put_line_and_column_first() {
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": 1\n  \"b\": 2}")
            .expect_err("invalid");
        let err = LoadError::json("findings.json", &e, 0);
        assert_eq!(err.to_string(), "findings.json:3:3: expected ',' or '}'");
    }

    #[test]
    fn record_errors_name_the_finding() {
        let err = LoadError::Record {
            name: "x.json".into(),
            line: None,
            index: 3,
            id: Some("abc".into()),
            problem: "missing required field \"AwsAccountId\"".into(),
        };
        assert_eq!(
            err.to_string(),
            "x.json: finding 3 (Id \"abc\"): missing required field \"AwsAccountId\""
        );
        let err = LoadError::Record {
            name: "x.jsonl".into(),
            line: Some(7),
            index: 2,
            id: None,
            problem: "p".into(),
        };
        assert_eq!(err.to_string(), "x.jsonl:7: finding 2: p");
    }
}
