//! The themes a session can switch between: the built-ins, then the user's
//! from `<config dir>/themes/*.toml` (a user theme with a built-in's name
//! replaces it).

use super::{BUILT_IN_FILES, Theme, parse_built_in, parse_file};
use crate::local::FileError;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Themes {
    themes: Vec<Theme>,
}

impl Default for Themes {
    fn default() -> Self {
        Themes::built_in()
    }
}

impl Themes {
    /// The built-in themes only.
    pub fn built_in() -> Themes {
        let themes = BUILT_IN_FILES
            .iter()
            .filter_map(|(n, text)| parse_built_in(n, text).ok())
            .collect();
        Themes { themes }
    }

    /// The built-ins plus every `*.toml` in `dir` (a missing directory
    /// adds nothing). The first bad file is the error.
    pub fn with_user_dir(dir: &Path) -> Result<Themes, FileError> {
        let mut set = Themes::built_in();
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(set),
            Err(e) => return Err(FileError::whole(dir, format!("cannot read: {e}"))),
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| FileError::whole(&path, format!("cannot read: {e}")))?;
            set.add_user(&path, &text)?;
        }
        Ok(set)
    }

    /// Adds one user theme file (its name: `name = ...`, else the file stem).
    pub fn add_user(&mut self, path: &Path, text: &str) -> Result<(), FileError> {
        let file = parse_file(path, text)?;
        let name = file.name.clone().unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let (base_name, at) = file
            .inherits
            .clone()
            .unwrap_or_else(|| ("dark".to_string(), 0));
        let Some(base) = self.get(&base_name) else {
            return Err(FileError::at(
                path,
                text,
                at,
                format!(
                    "inherits unknown theme {base_name:?} (known: {})",
                    self.names().join(", ")
                ),
            ));
        };
        let theme = Theme::layered(base, file, name);
        match self.themes.iter_mut().find(|t| t.name == theme.name) {
            Some(slot) => *slot = theme,
            None => self.themes.push(theme),
        }
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.name == name)
    }

    pub fn names(&self) -> Vec<String> {
        self.themes.iter().map(|t| t.name.clone()).collect()
    }

    /// The theme to start with: `name` (default dark); `no_color` forces
    /// mono whatever was asked.
    pub fn pick(&self, name: Option<&str>, no_color: bool) -> Result<Theme, String> {
        let name = if no_color {
            "mono"
        } else {
            name.unwrap_or("dark")
        };
        self.get(name).cloned().ok_or_else(|| {
            format!(
                "unknown theme {name:?} (available: {})",
                self.names().join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Role;
    use ratatui::style::Color;

    #[test]
    fn user_themes_layer_over_a_base_and_may_replace_built_ins() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("dusk.toml"),
            "inherits = \"light\"\n[roles]\ntext = { fg = \"#010203\" }\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("x.toml"),
            "name = \"dark\"\n[roles]\ndim = { fg = \"red\" }\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("notes.txt"), "ignored").expect("write");
        let set = Themes::with_user_dir(dir.path()).expect("loads");
        let dusk = set.get("dusk").expect("dusk");
        assert_eq!(dusk.style(Role::Text).fg, Some(Color::Rgb(1, 2, 3)));
        let light = set.get("light").expect("light");
        assert_eq!(dusk.style(Role::Accent), light.style(Role::Accent));
        assert_eq!(
            set.get("dark").expect("dark").style(Role::Dim).fg,
            Some(Color::Red)
        );
        assert_eq!(set.names().len(), 6);
        assert!(Themes::with_user_dir(&dir.path().join("missing")).is_ok());
    }

    #[test]
    fn a_bad_user_theme_is_an_error_with_its_position() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("bad.toml"), "inherits = \"neon\"\n").expect("write");
        let e = Themes::with_user_dir(dir.path()).expect_err("unknown base");
        assert_eq!((e.line, e.column), (1, 12), "{e}");
        assert!(e.path.ends_with("bad.toml"), "{e}");
    }
}
