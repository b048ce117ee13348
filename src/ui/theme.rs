//! Semantic styles. Render code asks for a role, never for a colour, so a
//! theme only has to fill the role table. Severity stays legible without
//! colour: badges carry a letter and a word.
//!
//! Built-in themes are the TOML files in `themes/`, embedded at build time;
//! user themes live in `<config dir>/themes/*.toml` and may override them.

mod file;
mod role;
mod set;

pub use file::{ThemeFile, parse as parse_file};
pub use role::Role;
pub use set::Themes;

use crate::local::FileError;
use crate::model::Severity;
use ratatui::style::{Color, Style};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: HashMap<Role, Style>,
    /// True when the theme uses no colour (NO_COLOR, mono).
    pub mono: bool,
    /// The canvas (foreground, background) an SVG of this theme assumes;
    /// `None` is the dark default.
    pub screen: Option<(Color, Color)>,
}

/// The built-in themes: name and embedded file.
pub const BUILT_IN_FILES: [(&str, &str); 5] = [
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    (
        "colour-blind",
        include_str!("../../themes/colour-blind.toml"),
    ),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// Names of the themes built into this build.
pub const BUILT_IN: [&str; 5] = [
    BUILT_IN_FILES[0].0,
    BUILT_IN_FILES[1].0,
    BUILT_IN_FILES[2].0,
    BUILT_IN_FILES[3].0,
    BUILT_IN_FILES[4].0,
];

impl Theme {
    /// A built-in theme by name (default dark); `no_color` forces mono.
    pub fn named(name: Option<&str>, no_color: bool) -> Result<Theme, String> {
        Themes::built_in().pick(name, no_color)
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    pub fn severity(&self, s: Severity) -> Style {
        self.style(Role::for_severity(s))
    }

    /// Sets one role.
    pub fn set(&mut self, role: Role, style: Style) {
        self.styles.insert(role, style);
    }

    /// True when every role has a style of its own.
    pub fn is_complete(&self) -> bool {
        Role::ALL.iter().all(|r| self.styles.contains_key(r))
    }

    /// `file` laid over `base` (roles it does not name keep the base's).
    pub fn layered(base: &Theme, file: ThemeFile, name: String) -> Theme {
        let mut styles = base.styles.clone();
        styles.extend(file.roles);
        Theme {
            name,
            styles,
            mono: file.mono,
            screen: file.screen.or(base.screen),
        }
    }

    /// A theme from one file with nothing beneath it.
    pub fn from_file(file: ThemeFile, name: String) -> Theme {
        let empty = Theme {
            name: String::new(),
            styles: HashMap::new(),
            mono: file.mono,
            screen: None,
        };
        Theme::layered(&empty, file, name)
    }

    /// The dark default.
    pub fn dark() -> Theme {
        built_in("dark")
    }

    /// No colour at all: modifiers only.
    pub fn mono() -> Theme {
        built_in("mono")
    }
}

/// A built-in theme. The embedded files are checked by the tests; should
/// one ever fail to parse, a theme without styles stands in.
fn built_in(name: &str) -> Theme {
    BUILT_IN_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(n, text)| parse_built_in(n, text).ok())
        .unwrap_or_else(|| Theme {
            name: name.to_string(),
            styles: HashMap::new(),
            mono: name == "mono",
            screen: None,
        })
}

pub(crate) fn parse_built_in(name: &str, text: &str) -> Result<Theme, FileError> {
    let path = format!("themes/{name}.toml");
    let file = parse_file(Path::new(&path), text)?;
    Ok(Theme::from_file(file, name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_are_unique_and_every_built_in_fills_every_role() {
        let mut keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Role::ALL.len());
        for (name, text) in BUILT_IN_FILES {
            let t = parse_built_in(name, text).unwrap_or_else(|e| panic!("{e}"));
            for r in Role::ALL {
                assert!(t.styles.contains_key(&r), "{name} misses {}", r.key());
            }
            let file = parse_file(Path::new(name), text).expect("parses");
            assert_eq!(file.name.as_deref(), Some(name), "name inside {name}.toml");
            assert!(file.inherits.is_none(), "built-ins stand alone");
        }
    }

    #[test]
    fn mono_has_no_colour_and_no_color_forces_it() {
        let mono = Theme::named(Some("dark"), true).expect("mono");
        assert!(mono.mono);
        for r in Role::ALL {
            let s = mono.style(r);
            assert!(s.fg.is_none() && s.bg.is_none(), "{} has colour", r.key());
        }
        assert!(Theme::named(Some("neon"), false).is_err());
        assert_eq!(Theme::named(None, false).expect("dark").name, "dark");
    }
}
