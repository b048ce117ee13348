//! Recognises a file by its content: zstd or not, snapshot or export, and
//! for exports which records it holds and which importer reads each.

use super::LoadError;
use super::classify::{Class, classify, object_keys};
use super::fields::describe;
use super::format::{Probe, read_snapshot};
use crate::model::Estate;
use serde_json::{Map, Value};
use std::borrow::Cow;

const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];
/// The most a compressed file may expand to (a guard against zstd bombs).
const MAX_INFLATED: u64 = 4 << 30;

/// The importer for one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Asff,
    GuardDuty,
    Macie,
}

/// One finding record found in an export.
pub(super) struct Record {
    pub kind: Kind,
    pub value: Value,
    /// 1-based line, for JSON-lines files.
    pub line: Option<usize>,
}

/// What a file turned out to be.
pub(super) enum Parsed {
    Snapshot(Box<Estate>),
    Export {
        records: Vec<Record>,
        /// The export ends with a `NextToken`: only its first page(s) were saved.
        truncated: bool,
    },
}

/// Decompresses (when the bytes are a zstd stream) and recognises the file.
pub(super) fn parse(name: &str, raw: &[u8]) -> Result<Parsed, LoadError> {
    let bytes = decompress(name, raw)?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Some(start) = text.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(LoadError::Empty {
            name: name.to_string(),
        });
    };
    if text[start] == b'{' {
        match serde_json::from_slice::<Probe>(text) {
            Ok(probe) if probe.is_snapshot() => {
                return read_snapshot(name, &probe, text).map(|e| Parsed::Snapshot(Box::new(e)));
            }
            Ok(_) => {}
            Err(e) if is_trailing(&e) => {
                return match json_lines(name, text)? {
                    Some(parsed) => Ok(parsed),
                    None => Err(LoadError::json(name, &e, 0)),
                };
            }
            Err(e) => return Err(LoadError::json(name, &e, 0)),
        }
    }
    let value: Value = serde_json::from_slice(text).map_err(|e| LoadError::json(name, &e, 0))?;
    let mut walk = Walk::new(name, None);
    walk.top(value)?;
    Ok(walk.finish())
}

fn decompress<'a>(name: &str, bytes: &'a [u8]) -> Result<Cow<'a, [u8]>, LoadError> {
    if bytes.starts_with(&ZSTD_MAGIC) {
        return inflate(bytes)
            .map(Cow::Owned)
            .map_err(|message| LoadError::CorruptZstd {
                name: name.to_string(),
                message,
            });
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zst") || lower.ends_with(".zstd") {
        let reason = if bytes.is_empty() {
            Some("empty file")
        } else if !bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| matches!(b, b'{' | b'[' | 0xEF))
        {
            Some("no zstd frame header")
        } else {
            None // plain JSON under a .zst name: read it as it is
        };
        if let Some(reason) = reason {
            return Err(LoadError::NotZstd {
                name: name.to_string(),
                reason: reason.to_string(),
            });
        }
    }
    Ok(Cow::Borrowed(bytes))
}

/// Decompresses a zstd stream, refusing to grow past [`MAX_INFLATED`].
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let decoder = zstd::stream::read::Decoder::new(bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    decoder
        .take(MAX_INFLATED + 1)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    if out.len() as u64 > MAX_INFLATED {
        return Err(format!(
            "decompresses to more than {} GiB",
            MAX_INFLATED >> 30
        ));
    }
    Ok(out)
}

fn is_trailing(e: &serde_json::Error) -> bool {
    e.is_syntax() && e.to_string().starts_with("trailing characters")
}

/// Reads one JSON value per line, when the first non-blank line is a whole
/// JSON object on its own; `None` otherwise.
fn json_lines(name: &str, text: &[u8]) -> Result<Option<Parsed>, LoadError> {
    // Lines are parsed untrimmed so that columns match the file.
    let lines = || {
        text.split(|b| *b == b'\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .filter(|(_, l)| !l.trim_ascii().is_empty())
    };
    let Some((_, first)) = lines().next() else {
        return Ok(None);
    };
    if !serde_json::from_slice::<Value>(first).is_ok_and(|v| v.is_object()) {
        return Ok(None);
    }
    let mut walk = Walk::new(name, None);
    for (number, line) in lines() {
        let value: Value =
            serde_json::from_slice(line).map_err(|e| LoadError::json(name, &e, number - 1))?;
        walk.line = Some(number);
        walk.top(value)?;
    }
    Ok(Some(walk.finish()))
}

/// Walks the containers of an export down to its records.
struct Walk<'n> {
    name: &'n str,
    line: Option<usize>,
    records: Vec<Record>,
    truncated: bool,
}

impl<'n> Walk<'n> {
    fn new(name: &'n str, line: Option<usize>) -> Walk<'n> {
        Walk {
            name,
            line,
            records: Vec::new(),
            truncated: false,
        }
    }

    fn finish(self) -> Parsed {
        Parsed::Export {
            records: self.records,
            truncated: self.truncated,
        }
    }

    fn top(&mut self, value: Value) -> Result<(), LoadError> {
        match value {
            Value::Object(map) => self.object(map),
            Value::Array(items) => self.list(items),
            other => Err(self.unrecognised(describe(&other))),
        }
    }

    fn object(&mut self, mut map: Map<String, Value>) -> Result<(), LoadError> {
        // cloud-custodian placebo recording of a boto3 response
        if map.contains_key("status_code")
            && map.get("data").is_some_and(Value::is_object)
            && let Some(Value::Object(data)) = map.remove("data")
        {
            return self.object(data);
        }
        if let Some(detail_type) = map.get("detail-type").and_then(Value::as_str) {
            let detail_type = detail_type.to_string();
            let detail = map.remove("detail").unwrap_or(Value::Null);
            return self.eventbridge(&detail_type, detail);
        }
        for key in ["Findings", "findings"] {
            if let Some(list) = map.remove(key) {
                self.truncated |= ["NextToken", "nextToken"].iter().any(|k| {
                    map.get(*k)
                        .and_then(Value::as_str)
                        .is_some_and(|t| !t.is_empty())
                });
                return match list {
                    Value::Array(items) => self.list(items),
                    other => Err(self.unrecognised(format!(
                        "an object whose \"{key}\" is {}",
                        describe(&other)
                    ))),
                };
            }
        }
        match classify(&map) {
            Some(class) => self.push(Some(class), Value::Object(map), true),
            None => Err(self.unrecognised(object_keys(&map))),
        }
    }

    fn eventbridge(&mut self, detail_type: &str, detail: Value) -> Result<(), LoadError> {
        let kind = match detail_type {
            "GuardDuty Finding" => Kind::GuardDuty,
            "Macie Finding" => Kind::Macie,
            t if t.starts_with("Security Hub Findings") => {
                let items = match detail {
                    Value::Object(mut d) => d.remove("findings").or_else(|| d.remove("Findings")),
                    _ => None,
                };
                return match items {
                    Some(Value::Array(items)) => {
                        for item in items {
                            self.push(Some(Class::Kind(Kind::Asff)), item, false)?;
                        }
                        Ok(())
                    }
                    _ => Err(self.unrecognised(format!(
                        "an EventBridge \"{t}\" event without a \"findings\" list in its detail"
                    ))),
                };
            }
            other => {
                return Err(self.unrecognised(format!(
                    "an EventBridge event of detail-type {}",
                    serde_json::Value::from(other)
                )));
            }
        };
        if !detail.is_object() {
            return Err(self.unrecognised(format!(
                "an EventBridge {detail_type:?} event whose detail is {}",
                describe(&detail)
            )));
        }
        self.records.push(Record {
            kind,
            value: detail,
            line: self.line,
        });
        Ok(())
    }

    fn list(&mut self, items: Vec<Value>) -> Result<(), LoadError> {
        for (i, item) in items.into_iter().enumerate() {
            let item = match item {
                // SOAR wrapper: [{"Entity": .., "EntityResult": {finding}}]
                Value::Object(mut map) if map.contains_key("EntityResult") => {
                    map.remove("EntityResult").unwrap_or(Value::Null)
                }
                other => other,
            };
            if let Value::Object(map) = &item
                && map.contains_key("detail-type")
            {
                self.top(item)?;
                continue;
            }
            let class = item.as_object().and_then(classify);
            self.push(class, item, i == 0)?;
        }
        Ok(())
    }

    /// Adds a record; `first` makes an unrecognised record an unrecognised
    /// file rather than one bad finding.
    fn push(&mut self, class: Option<Class>, value: Value, first: bool) -> Result<(), LoadError> {
        match class {
            Some(Class::Kind(kind)) => {
                self.records.push(Record {
                    kind,
                    value,
                    line: self.line,
                });
                Ok(())
            }
            Some(Class::Inspector) => Err(LoadError::Unsupported {
                name: self.located_name(),
                message: "Amazon Inspector findings in Inspector's own format (aws inspector2 \
                          list-findings) are not supported; export them through Security Hub \
                          (aws securityhub get-findings) instead"
                    .to_string(),
            }),
            None if first => Err(self.unrecognised(match &value {
                Value::Object(map) => format!("a list whose first item is {}", object_keys(map)),
                other => format!("a list whose first item is {}", describe(other)),
            })),
            None => Err(LoadError::Record {
                name: self.name.to_string(),
                line: self.line,
                index: self.records.len() + 1,
                id: None,
                problem: format!(
                    "not an ASFF, GuardDuty or Macie finding ({})",
                    match &value {
                        Value::Object(map) => object_keys(map),
                        other => describe(other),
                    }
                ),
            }),
        }
    }

    fn located_name(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.name),
            None => self.name.to_string(),
        }
    }

    fn unrecognised(&self, found: String) -> LoadError {
        LoadError::UnrecognisedShape {
            name: self.located_name(),
            found,
        }
    }
}
