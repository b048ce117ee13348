//! The original JSON of a record, kept verbatim for the detail view.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;

/// Original JSON text of a record as its provider produced it.
///
/// Stored as text rather than a parsed tree: 100,000 findings keep their
/// originals at the cost of the bytes, not of a tree of allocations.
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// Wraps a parsed value (serialised compactly).
    pub fn from_value(value: &serde_json::Value) -> RawJson {
        RawJson(
            serde_json::value::to_raw_value(value).unwrap_or_else(|_| RawValue::NULL.to_owned()),
        )
    }

    /// Wraps JSON text. Text that is not JSON is kept as a JSON string saying so.
    pub fn from_text(text: String) -> RawJson {
        match RawValue::from_string(text) {
            Ok(raw) => RawJson(raw),
            Err(e) => RawJson(
                serde_json::value::to_raw_value(&format!("<not JSON: {e}>"))
                    .unwrap_or_else(|_| RawValue::NULL.to_owned()),
            ),
        }
    }

    /// An empty object.
    pub fn empty() -> RawJson {
        RawJson::from_text("{}".to_string())
    }

    /// The JSON text as stored.
    pub fn text(&self) -> &str {
        self.0.get()
    }

    /// Parses into a value (for pretty printing or field lookups).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::from_str(self.0.get()).unwrap_or(serde_json::Value::Null)
    }

    /// Pretty-printed form for display.
    pub fn pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_else(|_| self.text().to_string())
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.text();
        if t.len() > 80 {
            write!(f, "RawJson({}…)", &t[..t.floor_char_boundary(80)])
        } else {
            write!(f, "RawJson({t})")
        }
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(d).map(RawJson)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_verbatim_and_round_trips() {
        let raw = RawJson::from_text(r#"{"b":1,"a":[true]}"#.to_string());
        assert_eq!(raw.text(), r#"{"b":1,"a":[true]}"#);
        let json = serde_json::to_string(&raw).expect("serialise");
        let back: RawJson = serde_json::from_str(&json).expect("parse");
        assert_eq!(raw, back);
    }

    #[test]
    fn non_json_text_is_kept_as_a_string() {
        let raw = RawJson::from_text("{oops".to_string());
        assert!(
            raw.to_value()
                .as_str()
                .is_some_and(|s| s.starts_with("<not JSON"))
        );
    }
}
