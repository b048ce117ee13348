//! Liberal, precise access to the fields of one imported record.
//!
//! AWS tools spell the same member `AccountId` (CLI, boto3) or `accountId`
//! (API wire format, EventBridge); numbers sometimes arrive as strings and
//! timestamps in several forms. [`Obj`] accepts all of them and, when a value
//! cannot be used, says which field and why in one line.

use super::timestamp::timestamp;
use crate::model::Timestamp;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Why one field of a record could not be used (a one-line message).
pub(super) type Problem = String;

/// One JSON object with the path that led to it, for messages.
#[derive(Clone)]
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    /// Dotted path of this object inside the record (`""` at the top).
    path: String,
    /// True when the record is camelCase, so messages use its spelling.
    camel: bool,
}

impl<'a> Obj<'a> {
    /// The record itself; `None` when `value` is not an object.
    pub(super) fn root(value: &'a Value) -> Option<Obj<'a>> {
        let map = value.as_object()?;
        let camel = map
            .keys()
            .next()
            .is_some_and(|k| k.starts_with(|c: char| c.is_ascii_lowercase()));
        Some(Obj {
            map,
            path: String::new(),
            camel,
        })
    }

    /// Element `index` of the array field `name`, which must be an object.
    pub(super) fn item(&self, name: &str, index: usize, v: &'a Value) -> Result<Obj<'a>, Problem> {
        let path = format!("{}[{index}]", self.name(name));
        match v {
            Value::Object(map) => Ok(Obj {
                map,
                path,
                camel: self.camel,
            }),
            other => Err(format!(
                "field \"{path}\": expected an object, found {}",
                describe(other)
            )),
        }
    }

    /// A member by its PascalCase name, also found as camelCase or in any
    /// case. JSON `null` counts as absent.
    pub(super) fn get(&self, name: &str) -> Option<&'a Value> {
        let found = self
            .map
            .get(name)
            .or_else(|| self.map.get(&lower_first(name)))
            .or_else(|| {
                self.map
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            });
        found.filter(|v| !v.is_null())
    }

    /// The field's name as messages show it, e.g. `Severity.Label`.
    pub(super) fn name(&self, name: &str) -> String {
        let shown = if self.camel {
            lower_first(name)
        } else {
            name.to_string()
        };
        if self.path.is_empty() {
            shown
        } else {
            format!("{}.{shown}", self.path)
        }
    }

    fn wrong(&self, name: &str, expected: &str, v: &Value) -> Problem {
        format!(
            "field \"{}\": expected {expected}, found {}",
            self.name(name),
            describe(v)
        )
    }

    /// Error for a field that must be present.
    pub(super) fn missing(&self, name: &str) -> Problem {
        format!("missing required field \"{}\"", self.name(name))
    }

    pub(super) fn str(&self, name: &str) -> Result<Option<&'a str>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(v) => Err(self.wrong(name, "a string", v)),
        }
    }

    /// A string field, `None` when absent or empty.
    pub(super) fn text(&self, name: &str) -> Result<Option<String>, Problem> {
        Ok(self
            .str(name)?
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string))
    }

    /// A non-empty string field that must be present.
    pub(super) fn req_str(&self, name: &str) -> Result<&'a str, Problem> {
        match self.str(name)? {
            Some(s) if !s.trim().is_empty() => Ok(s),
            Some(_) => Err(format!("field \"{}\" is empty", self.name(name))),
            None => Err(self.missing(name)),
        }
    }

    /// A number, or a string holding one (`"5"`, `"8.0"`). Only finite values.
    pub(super) fn num(&self, name: &str) -> Result<Option<f64>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => number(v)
                .map(Some)
                .ok_or_else(|| self.wrong(name, "a number", v)),
        }
    }

    /// A boolean, or the strings `"true"` / `"false"`.
    pub(super) fn bool(&self, name: &str) -> Result<Option<bool>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(v) => Err(self.wrong(name, "true or false", v)),
        }
    }

    pub(super) fn time(&self, name: &str) -> Result<Option<Timestamp>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(v) => timestamp(v).map(Some).ok_or_else(|| {
                format!(
                    "field \"{}\": cannot read timestamp {}",
                    self.name(name),
                    short_json(v)
                )
            }),
        }
    }

    /// A nested object.
    pub(super) fn obj(&self, name: &str) -> Result<Option<Obj<'a>>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj {
                map,
                path: self.name(name),
                camel: self.camel,
            })),
            Some(v) => Err(self.wrong(name, "an object", v)),
        }
    }

    pub(super) fn arr(&self, name: &str) -> Result<&'a [Value], Problem> {
        match self.get(name) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items.as_slice()),
            Some(v) => Err(self.wrong(name, "an array", v)),
        }
    }

    /// An array of strings (a lone string is accepted as a one-item list).
    pub(super) fn str_list(&self, name: &str) -> Result<Vec<String>, Problem> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(vec![s.clone()]),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(self.wrong(name, "an array of strings", other)),
                })
                .collect(),
            Some(v) => Err(self.wrong(name, "an array of strings", v)),
        }
    }

    /// Tags as `{"k":"v"}` (ASFF) or `[{"Key":"k","Value":"v"}]` (GuardDuty,
    /// Macie, EC2), keys in any case.
    pub(super) fn tags(&self, name: &str) -> Result<BTreeMap<String, String>, Problem> {
        let mut tags = BTreeMap::new();
        match self.get(name) {
            None => {}
            Some(Value::Object(map)) => {
                for (k, v) in map {
                    tags.insert(k.clone(), scalar_text(v));
                }
            }
            Some(Value::Array(items)) => {
                for item in items {
                    let Some(tag) = Obj::root(item) else {
                        return Err(self.wrong(name, "a list of {Key, Value} tags", item));
                    };
                    let key = tag.get("Key").map(scalar_text).unwrap_or_default();
                    let value = tag.get("Value").map(scalar_text).unwrap_or_default();
                    if !key.is_empty() {
                        tags.insert(key, value);
                    }
                }
            }
            Some(v) => return Err(self.wrong(name, "tags", v)),
        }
        Ok(tags)
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A finite number from a JSON number or numeric string.
pub(super) fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    n.filter(|x| x.is_finite())
}

/// Text of a scalar (numbers and booleans as written).
pub(super) fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A short, one-line description of a value for messages.
pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => format!("the string {}", short_json(v)),
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Object(_) => "an object".to_string(),
    }
}

/// JSON text of a value cut to 60 characters (always one line).
pub(super) fn short_json(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_are_found_in_either_case_and_typed_precisely() {
        let v = json!({"accountId": "1", "severity": "8.0", "Archived": "true", "n": null});
        let o = Obj::root(&v).expect("object");
        assert_eq!(o.name("AccountId"), "accountId");
        assert_eq!(o.req_str("AccountId"), Ok("1"));
        assert_eq!(o.num("Severity"), Ok(Some(8.0)));
        assert_eq!(o.bool("Archived"), Ok(Some(true)));
        assert_eq!(o.str("N"), Ok(None));
        assert_eq!(
            o.req_str("Id"),
            Err("missing required field \"id\"".to_string())
        );
        let bad = json!({"Severity": {"Normalized": "abc"}});
        let o = Obj::root(&bad).expect("object");
        let sev = o.obj("Severity").expect("ok").expect("some");
        assert_eq!(
            sev.num("Normalized"),
            Err(
                "field \"Severity.Normalized\": expected a number, found the string \"abc\"".into()
            )
        );
    }

    #[test]
    fn tags_as_maps_or_key_value_lists() {
        let v = json!({"A": {"Name": "x"}, "B": [{"key": "Env", "value": "prod"}], "C": 5});
        let o = Obj::root(&v).expect("object");
        assert_eq!(o.tags("A").expect("map")["Name"], "x");
        assert_eq!(o.tags("B").expect("list")["Env"], "prod");
        assert!(o.tags("C").is_err());
    }
}
