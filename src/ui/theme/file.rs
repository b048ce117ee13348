//! Theme files: TOML with a palette of named colours and a style per
//! semantic role. Every mistake (unknown key, unknown role, bad colour, a
//! colour in a mono theme) is reported with its file, line and column.
//!
//! ```toml
//! name = "dusk"
//! inherits = "dark"          # start from another theme (default: dark)
//! mono = false               # true: a theme without colour
//! [screen]                   # the canvas SVG screenshots assume
//! foreground = "#d0d4dc"
//! background = "#14161b"
//! [palette]
//! alert = "#e05561"
//! [roles]
//! text = {}
//! "severity.critical" = { fg = "white", bg = "alert", bold = true }
//! [roles.table]              # nested tables spell the same role keys
//! selected = { reversed = true }
//! ```

use super::role::Role;
use crate::local::FileError;
use ratatui::style::{Color, Modifier, Style};
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A parsed theme file, before it is laid over its base theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeFile {
    pub name: Option<String>,
    /// The base theme's name and the byte offset of the value.
    pub inherits: Option<(String, usize)>,
    pub mono: bool,
    pub screen: Option<(Color, Color)>,
    pub roles: HashMap<Role, Style>,
}

type Value<'a> = Spanned<DeValue<'a>>;

struct Ctx<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, offset: usize, msg: impl Into<String>) -> FileError {
        FileError::at(self.path, self.text, offset, msg)
    }
}

/// Parses a theme file. `path` is only used in error messages.
pub fn parse(path: &Path, text: &str) -> Result<ThemeFile, FileError> {
    let cx = Ctx { path, text };
    let doc = DeTable::parse(text).map_err(|e| FileError::from_toml(path, text, &e))?;
    let mut out = ThemeFile {
        name: None,
        inherits: None,
        mono: false,
        screen: None,
        roles: HashMap::new(),
    };
    let root = doc.get_ref();
    let mut palette: HashMap<String, Color> = HashMap::new();
    // The palette first: roles may name its colours wherever they appear.
    if let Some((_, v)) = root.iter().find(|(k, _)| k.get_ref() == "palette") {
        let table = as_table(&cx, v, "palette")?;
        for (k, v) in table.iter() {
            let name = k.get_ref().to_string();
            let c = colour(&cx, v, &HashMap::new())?;
            palette.insert(name, c);
        }
    }
    for (k, v) in root.iter() {
        match k.get_ref().as_ref() {
            "name" => out.name = Some(string(&cx, v)?),
            "inherits" => out.inherits = Some((string(&cx, v)?, v.span().start)),
            "description" => {
                string(&cx, v)?;
            }
            "mono" => match v.get_ref() {
                DeValue::Boolean(b) => out.mono = *b,
                _ => return Err(cx.err(v.span().start, "mono must be true or false")),
            },
            "palette" => {}
            "screen" => out.screen = Some(screen(&cx, v, &palette)?),
            "roles" => roles(&cx, v, "", &palette, &mut out.roles)?,
            other => {
                return Err(cx.err(
                    k.span().start,
                    format!(
                        "unknown key {other:?} (expected name, inherits, description, mono, screen, palette, roles)"
                    ),
                ));
            }
        }
    }
    if out.mono {
        check_mono(&cx, root)?;
    }
    Ok(out)
}

fn as_table<'a, 'i>(
    cx: &Ctx<'_>,
    v: &'a Value<'i>,
    what: &str,
) -> Result<&'a DeTable<'i>, FileError> {
    match v.get_ref() {
        DeValue::Table(t) => Ok(t),
        other => Err(cx.err(
            v.span().start,
            format!("{what} must be a table, found {}", other.type_str()),
        )),
    }
}

fn string(cx: &Ctx<'_>, v: &Value<'_>) -> Result<String, FileError> {
    match v.get_ref() {
        DeValue::String(s) => Ok(s.to_string()),
        other => Err(cx.err(
            v.span().start,
            format!("expected a string, found {}", other.type_str()),
        )),
    }
}

/// A colour: a palette name, a terminal colour name (`red`, `dark-gray`),
/// `#rrggbb` or a 0-255 palette index.
fn colour(
    cx: &Ctx<'_>,
    v: &Value<'_>,
    palette: &HashMap<String, Color>,
) -> Result<Color, FileError> {
    let text = match v.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) => i.as_str().to_string(),
        other => {
            return Err(cx.err(
                v.span().start,
                format!("expected a colour, found {}", other.type_str()),
            ));
        }
    };
    if let Some(c) = palette.get(text.as_str()) {
        return Ok(*c);
    }
    Color::from_str(text.trim()).map_err(|_| {
        cx.err(
            v.span().start,
            format!(
                "unknown colour {text:?} (use a palette name, a colour name such as \"light-red\", \"#rrggbb\" or 0-255)"
            ),
        )
    })
}

fn screen(
    cx: &Ctx<'_>,
    v: &Value<'_>,
    palette: &HashMap<String, Color>,
) -> Result<(Color, Color), FileError> {
    let table = as_table(cx, v, "screen")?;
    let (mut fg, mut bg) = (None, None);
    for (k, v) in table.iter() {
        match k.get_ref().as_ref() {
            "foreground" => fg = Some(colour(cx, v, palette)?),
            "background" => bg = Some(colour(cx, v, palette)?),
            other => {
                return Err(cx.err(
                    k.span().start,
                    format!("unknown key {other:?} in screen (expected foreground, background)"),
                ));
            }
        }
    }
    match (fg, bg) {
        (Some(f), Some(b)) => Ok((f, b)),
        _ => Err(cx.err(
            v.span().start,
            "screen needs both foreground and background",
        )),
    }
}

/// Walks `[roles]`: a key is a role key (`text`, `severity.critical`) or,
/// nested, the first part of one (`[roles.severity]`).
fn roles(
    cx: &Ctx<'_>,
    v: &Value<'_>,
    prefix: &str,
    palette: &HashMap<String, Color>,
    out: &mut HashMap<Role, Style>,
) -> Result<(), FileError> {
    let table = as_table(cx, v, "roles")?;
    for (k, v) in table.iter() {
        let key = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        if let Some(role) = Role::from_key(&key) {
            out.insert(role, style(cx, v, palette)?);
        } else if Role::ALL
            .iter()
            .any(|r| r.key().starts_with(&format!("{key}.")))
            && matches!(v.get_ref(), DeValue::Table(_))
        {
            roles(cx, v, &key, palette, out)?;
        } else {
            return Err(cx.err(k.span().start, format!("unknown role {key:?}")));
        }
    }
    Ok(())
}

const MODIFIERS: [(&str, Modifier); 5] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

/// `{ fg = "red", bg = "#000000", bold = true }`.
fn style(
    cx: &Ctx<'_>,
    v: &Value<'_>,
    palette: &HashMap<String, Color>,
) -> Result<Style, FileError> {
    let table = as_table(cx, v, "a role's style")?;
    let mut s = Style::new();
    for (k, v) in table.iter() {
        let key = k.get_ref().as_ref();
        match key {
            "fg" => s = s.fg(colour(cx, v, palette)?),
            "bg" => s = s.bg(colour(cx, v, palette)?),
            _ => {
                let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| *n == key) else {
                    return Err(cx.err(
                        k.span().start,
                        format!(
                            "unknown style key {key:?} (expected fg, bg, bold, dim, italic, underlined, reversed)"
                        ),
                    ));
                };
                match v.get_ref() {
                    DeValue::Boolean(true) => s = s.add_modifier(*m),
                    DeValue::Boolean(false) => {}
                    _ => return Err(cx.err(v.span().start, format!("{key} must be true or false"))),
                }
            }
        }
    }
    Ok(s)
}

/// A mono theme may use modifiers only: any `fg`/`bg` is an error.
fn check_mono(cx: &Ctx<'_>, root: &DeTable<'_>) -> Result<(), FileError> {
    fn walk(cx: &Ctx<'_>, t: &DeTable<'_>) -> Result<(), FileError> {
        for (k, v) in t.iter() {
            if matches!(k.get_ref().as_ref(), "fg" | "bg") {
                return Err(cx.err(k.span().start, "a mono theme cannot set colours"));
            }
            if let DeValue::Table(inner) = v.get_ref() {
                walk(cx, inner)?;
            }
        }
        Ok(())
    }
    match root.iter().find(|(k, _)| k.get_ref() == "roles") {
        Some((_, v)) => match v.get_ref() {
            DeValue::Table(t) => walk(cx, t),
            _ => Ok(()),
        },
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<ThemeFile, FileError> {
        parse(Path::new("t.toml"), text)
    }

    #[test]
    fn flat_and_nested_role_keys_and_palette_names() {
        let t = p(r##"
name = "x"
[palette]
alert = "#ff0000"
[roles]
text = {}
"severity.critical" = { fg = "alert", bold = true }
[roles.table]
selected = { bg = 238, reversed = true }
"##)
        .expect("parses");
        assert_eq!(t.name.as_deref(), Some("x"));
        assert_eq!(
            t.roles[&Role::SevCritical],
            Style::new()
                .fg(Color::Rgb(255, 0, 0))
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            t.roles[&Role::TableSelected],
            Style::new()
                .bg(Color::Indexed(238))
                .add_modifier(Modifier::REVERSED)
        );
        assert_eq!(t.roles[&Role::Text], Style::new());
    }

    #[test]
    fn mistakes_name_line_and_column() {
        let e = p("[roles]\ntext = {}\n  nope = { fg = \"red\" }\n").expect_err("role");
        assert_eq!((e.line, e.column), (3, 3), "{e}");
        assert!(e.message.contains("unknown role \"nope\""), "{e}");
        let e = p("[roles]\ndim = { fg = \"reddish\" }\n").expect_err("colour");
        assert_eq!((e.line, e.column), (2, 14), "{e}");
        let e = p("[roles]\ndim = { colour = \"red\" }\n").expect_err("key");
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        let e = p("mono = true\n[roles]\ndim = { fg = \"red\" }\n").expect_err("mono");
        assert_eq!((e.line, e.column), (3, 9), "{e}");
        let e = p("titel = \"x\"\n").expect_err("top key");
        assert_eq!((e.line, e.column), (1, 1), "{e}");
        let e = p("[roles\n").expect_err("syntax");
        assert_eq!(e.line, 1, "{e}");
        assert!(e.to_string().starts_with("t.toml: line 1, column "), "{e}");
    }
}
