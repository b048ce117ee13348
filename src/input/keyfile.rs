//! The key-map file (`keys.toml` in the config directory): replaces the
//! default keys of the commands it names. Help and footer hints read the
//! resulting map, so they follow it.
//!
//! ```toml
//! [keys]
//! quit = ["Q", "ctrl-c"]   # a list replaces every default key
//! filter = "f"             # one key
//! down = ["j", "down", "ctrl-n"]
//! copy = []                # no key (still `:copy`)
//! ```
//!
//! Commands are named by their `:` name (or an alias), or for commands
//! without one by [`config_name`]. A key taken from another command that
//! applies in the same view is removed from that command; a key given to
//! two commands of the same view in the file is an error.

use super::command::{CommandId, by_name, spec};
use super::key::Key;
use super::keymap::KeyMap;
use super::registry::COMMANDS;
use crate::local::FileError;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The key-map name of a command without a `:` name.
pub fn config_name(id: CommandId) -> Option<&'static str> {
    if let Some(s) = spec(id).filter(|s| !s.name.is_empty()) {
        return Some(s.name);
    }
    Some(match id {
        CommandId::Up => "up",
        CommandId::Down => "down",
        CommandId::PageUp => "page-up",
        CommandId::PageDown => "page-down",
        CommandId::Top => "top",
        CommandId::Bottom => "bottom",
        CommandId::Left => "left",
        CommandId::Right => "right",
        CommandId::NextPanel => "next-panel",
        CommandId::PrevPanel => "prev-panel",
        CommandId::SortNext => "sort-next",
        CommandId::SortPrev => "sort-prev",
        CommandId::SortReverse => "sort-reverse",
        CommandId::CommandPrompt => "command-prompt",
        _ => return None,
    })
}

/// The command a key-map name means.
pub fn by_config_name(name: &str) -> Option<CommandId> {
    by_name(name).map(|c| c.id).or_else(|| {
        COMMANDS
            .iter()
            .map(|c| c.id)
            .find(|id| config_name(*id) == Some(name))
    })
}

/// One line of the file: a command and its new keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub id: CommandId,
    pub keys: Vec<Key>,
    /// Byte offset of each key in the file (for conflict messages).
    pub at: Vec<usize>,
    /// Byte offset of the command name.
    pub name_at: usize,
}

/// Parses a key-map file.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Binding>, FileError> {
    let err = |at: usize, msg: String| FileError::at(path, text, at, msg);
    let doc = DeTable::parse(text).map_err(|e| FileError::from_toml(path, text, &e))?;
    let mut out = Vec::new();
    for (k, v) in doc.get_ref().iter() {
        if k.get_ref() != "keys" {
            return Err(err(
                k.span().start,
                format!("unknown key {:?} (expected a [keys] table)", k.get_ref()),
            ));
        }
        let DeValue::Table(table) = v.get_ref() else {
            return Err(err(v.span().start, "keys must be a table".to_string()));
        };
        for (name, value) in table.iter() {
            let Some(id) = by_config_name(name.get_ref()) else {
                return Err(err(
                    name.span().start,
                    format!("unknown command {:?} (see `?` for names)", name.get_ref()),
                ));
            };
            let mut b = Binding {
                id,
                keys: Vec::new(),
                at: Vec::new(),
                name_at: name.span().start,
            };
            for item in key_values(value) {
                let DeValue::String(s) = item.get_ref() else {
                    return Err(err(
                        item.span().start,
                        "a key must be a string such as \"ctrl-f\"".to_string(),
                    ));
                };
                let key = Key::parse(s).map_err(|e| err(item.span().start, e))?;
                b.keys.push(key);
                b.at.push(item.span().start);
            }
            out.push(b);
        }
    }
    // In file order, so a conflict is reported where it is made.
    out.sort_by_key(|b| b.name_at);
    check_conflicts(&out).map_err(|(at, msg)| err(at, msg))?;
    Ok(out)
}

fn key_values<'a, 'i>(v: &'a Spanned<DeValue<'i>>) -> Vec<&'a Spanned<DeValue<'i>>> {
    match v.get_ref() {
        DeValue::Array(items) => items.iter().collect(),
        _ => vec![v],
    }
}

/// True when two commands can receive keys in a common view.
fn overlap(a: CommandId, b: CommandId) -> bool {
    match (spec(a), spec(b)) {
        (Some(a), Some(b)) => {
            a.is_global() || b.is_global() || a.views.iter().any(|v| b.views.contains(v))
        }
        _ => false,
    }
}

fn check_conflicts(bindings: &[Binding]) -> Result<(), (usize, String)> {
    for (i, b) in bindings.iter().enumerate() {
        for earlier in &bindings[..i] {
            if earlier.id == b.id || !overlap(earlier.id, b.id) {
                continue;
            }
            for (k, at) in b.keys.iter().zip(&b.at) {
                if earlier.keys.contains(k) {
                    return Err((
                        *at,
                        format!(
                            "{k} is given to both {} and {}",
                            config_name(earlier.id).unwrap_or("?"),
                            config_name(b.id).unwrap_or("?")
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Applies the bindings over `map`: each named command gets exactly its
/// keys; the same key is taken from other commands of the same views.
pub fn apply(map: &mut KeyMap, bindings: &[Binding]) {
    for b in bindings {
        for k in &b.keys {
            map.unbind_where(*k, |other| other != b.id && overlap(other, b.id));
        }
        map.rebind(b.id, &b.keys);
    }
}

/// Reads `keys.toml` from `dir` over the defaults; a missing file leaves
/// the defaults.
pub fn load(dir: &Path) -> Result<KeyMap, FileError> {
    let path = dir.join(crate::local::KEYS_FILE);
    let mut map = KeyMap::defaults();
    if let Some(text) = crate::local::read_optional(&path)? {
        apply(&mut map, &parse(&path, &text)?);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ViewKind;

    fn p(text: &str) -> Result<Vec<Binding>, FileError> {
        parse(Path::new("keys.toml"), text)
    }

    #[test]
    fn every_command_with_a_key_has_a_config_name() {
        for c in COMMANDS {
            let name = config_name(c.id).unwrap_or_else(|| panic!("{:?} has no name", c.id));
            assert_eq!(by_config_name(name), Some(c.id), "{name}");
        }
    }

    #[test]
    fn bindings_replace_defaults_and_take_keys_from_others() {
        let b = p("[keys]\nquit = [\"Q\"]\ndown = [\"j\", \"down\", \"q\"]\n").expect("parses");
        let mut map = KeyMap::defaults();
        apply(&mut map, &b);
        assert_eq!(
            map.lookup(Key::char('Q'), ViewKind::Findings),
            Some(CommandId::Quit)
        );
        assert_eq!(
            map.lookup(Key::char('q'), ViewKind::Findings),
            Some(CommandId::Down)
        );
        assert_eq!(map.first_key(CommandId::Quit).as_deref(), Some("Q"));
        // A view-scoped key taken by a global command leaves the view too.
        let b = p("[keys]\nhelp = \"/\"\n").expect("parses");
        let mut map = KeyMap::defaults();
        apply(&mut map, &b);
        assert_eq!(
            map.lookup(Key::char('/'), ViewKind::Findings),
            Some(CommandId::Help)
        );
        assert!(map.keys_for(CommandId::Filter).is_empty());
    }

    #[test]
    fn mistakes_name_line_and_column() {
        let e = p("[keys]\nquit = \"Q\"\n  jump = \"x\"\n").expect_err("unknown command");
        assert_eq!((e.line, e.column), (3, 3), "{e}");
        let e = p("[keys]\nquit = [\"Q\", \"hyper-x\"]\n").expect_err("bad key");
        assert_eq!((e.line, e.column), (2, 14), "{e}");
        let e = p("[keys]\nquit = \"x\"\nhelp = \"x\"\n").expect_err("conflict");
        assert_eq!((e.line, e.column), (3, 8), "{e}");
        assert!(e.message.contains("both"), "{e}");
        let e = p("quit = \"x\"\n").expect_err("no table");
        assert_eq!((e.line, e.column), (1, 1), "{e}");
        let e = p("[keys]\nquit = 5\n").expect_err("not a string");
        assert_eq!((e.line, e.column), (2, 8), "{e}");
    }
}
