//! Semantic styles. Render code asks for a role, never for a colour, so a
//! theme file (issue 5) only has to fill this table. Severity stays legible
//! without colour: badges carry a letter and a word.

use crate::model::Severity;
use ratatui::style::{Color, Modifier, Style};
use std::collections::HashMap;

/// A semantic role; `key()` is its name in theme files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Text,
    Dim,
    Accent,
    Border,
    BorderFocus,
    Title,
    Heading,
    Label,
    Header,
    HeaderSource,
    ReadOnly,
    Breadcrumb,
    Footer,
    FooterKey,
    StatusInfo,
    StatusError,
    TableHeader,
    TableSorted,
    TableSelected,
    SevCritical,
    SevHigh,
    SevMedium,
    SevLow,
    SevInfo,
    StatusPassed,
    StatusFailed,
    StatusWarning,
    StatusNotAssessed,
    LoadOk,
    LoadBusy,
    LoadFailed,
    LoadMissing,
    Prompt,
    PromptError,
    Overlay,
    Json,
}

impl Role {
    pub const ALL: [Role; 36] = [
        Role::Text,
        Role::Dim,
        Role::Accent,
        Role::Border,
        Role::BorderFocus,
        Role::Title,
        Role::Heading,
        Role::Label,
        Role::Header,
        Role::HeaderSource,
        Role::ReadOnly,
        Role::Breadcrumb,
        Role::Footer,
        Role::FooterKey,
        Role::StatusInfo,
        Role::StatusError,
        Role::TableHeader,
        Role::TableSorted,
        Role::TableSelected,
        Role::SevCritical,
        Role::SevHigh,
        Role::SevMedium,
        Role::SevLow,
        Role::SevInfo,
        Role::StatusPassed,
        Role::StatusFailed,
        Role::StatusWarning,
        Role::StatusNotAssessed,
        Role::LoadOk,
        Role::LoadBusy,
        Role::LoadFailed,
        Role::LoadMissing,
        Role::Prompt,
        Role::PromptError,
        Role::Overlay,
        Role::Json,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Dim => "dim",
            Role::Accent => "accent",
            Role::Border => "border",
            Role::BorderFocus => "border.focus",
            Role::Title => "title",
            Role::Heading => "heading",
            Role::Label => "label",
            Role::Header => "header",
            Role::HeaderSource => "header.source",
            Role::ReadOnly => "header.read_only",
            Role::Breadcrumb => "breadcrumb",
            Role::Footer => "footer",
            Role::FooterKey => "footer.key",
            Role::StatusInfo => "message.info",
            Role::StatusError => "message.error",
            Role::TableHeader => "table.header",
            Role::TableSorted => "table.sorted",
            Role::TableSelected => "table.selected",
            Role::SevCritical => "severity.critical",
            Role::SevHigh => "severity.high",
            Role::SevMedium => "severity.medium",
            Role::SevLow => "severity.low",
            Role::SevInfo => "severity.informational",
            Role::StatusPassed => "status.passed",
            Role::StatusFailed => "status.failed",
            Role::StatusWarning => "status.warning",
            Role::StatusNotAssessed => "status.not_assessed",
            Role::LoadOk => "load.ok",
            Role::LoadBusy => "load.busy",
            Role::LoadFailed => "load.failed",
            Role::LoadMissing => "load.missing",
            Role::Prompt => "prompt",
            Role::PromptError => "prompt.error",
            Role::Overlay => "overlay",
            Role::Json => "json",
        }
    }

    pub fn for_severity(s: Severity) -> Role {
        match s {
            Severity::Critical => Role::SevCritical,
            Severity::High => Role::SevHigh,
            Severity::Medium => Role::SevMedium,
            Severity::Low => Role::SevLow,
            Severity::Informational => Role::SevInfo,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: HashMap<Role, Style>,
    /// True when the theme uses no colour (NO_COLOR, mono).
    pub mono: bool,
}

/// Names of the themes built into this build.
pub const BUILT_IN: [&str; 2] = ["dark", "mono"];

impl Theme {
    /// A built-in theme by name; `no_color` forces mono.
    pub fn named(name: Option<&str>, no_color: bool) -> Result<Theme, String> {
        if no_color {
            return Ok(Theme::mono());
        }
        match name.unwrap_or("dark") {
            "dark" => Ok(Theme::dark()),
            "mono" => Ok(Theme::mono()),
            other => Err(format!(
                "unknown theme {other:?} (built in: {})",
                BUILT_IN.join(", ")
            )),
        }
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    pub fn severity(&self, s: Severity) -> Style {
        self.style(Role::for_severity(s))
    }

    /// Sets one role (theme files build on a base this way).
    pub fn set(&mut self, role: Role, style: Style) {
        self.styles.insert(role, style);
    }

    pub fn dark() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        let bold = Modifier::BOLD;
        let styles = HashMap::from([
            (Role::Text, Style::new()),
            (Role::Dim, fg(Color::DarkGray)),
            (Role::Accent, fg(Color::Cyan)),
            (Role::Border, fg(Color::DarkGray)),
            (Role::BorderFocus, fg(Color::Cyan)),
            (Role::Title, Style::new().add_modifier(bold)),
            (Role::Heading, fg(Color::Cyan).add_modifier(bold)),
            (Role::Label, fg(Color::Gray)),
            (
                Role::Header,
                Style::new().fg(Color::White).bg(Color::Indexed(236)),
            ),
            (
                Role::HeaderSource,
                fg(Color::LightCyan)
                    .bg(Color::Indexed(236))
                    .add_modifier(bold),
            ),
            (
                Role::ReadOnly,
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Green)
                    .add_modifier(bold),
            ),
            (Role::Breadcrumb, fg(Color::Cyan).add_modifier(bold)),
            (Role::Footer, fg(Color::Gray)),
            (Role::FooterKey, fg(Color::Yellow).add_modifier(bold)),
            (Role::StatusInfo, fg(Color::Green)),
            (Role::StatusError, fg(Color::LightRed).add_modifier(bold)),
            (Role::TableHeader, fg(Color::Gray).add_modifier(bold)),
            (Role::TableSorted, fg(Color::Cyan).add_modifier(bold)),
            (
                Role::TableSelected,
                Style::new().bg(Color::Indexed(238)).add_modifier(bold),
            ),
            (
                Role::SevCritical,
                Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(bold),
            ),
            (Role::SevHigh, fg(Color::LightRed).add_modifier(bold)),
            (Role::SevMedium, fg(Color::Yellow)),
            (Role::SevLow, fg(Color::LightBlue)),
            (Role::SevInfo, fg(Color::Gray)),
            (Role::StatusPassed, fg(Color::Green)),
            (Role::StatusFailed, fg(Color::LightRed)),
            (Role::StatusWarning, fg(Color::Yellow)),
            (Role::StatusNotAssessed, fg(Color::Magenta)),
            (Role::LoadOk, fg(Color::Green)),
            (Role::LoadBusy, fg(Color::Yellow)),
            (Role::LoadFailed, fg(Color::LightRed).add_modifier(bold)),
            (Role::LoadMissing, fg(Color::Magenta)),
            (Role::Prompt, fg(Color::Yellow).add_modifier(bold)),
            (Role::PromptError, fg(Color::LightRed)),
            (Role::Overlay, Style::new().bg(Color::Indexed(235))),
            (Role::Json, fg(Color::Gray)),
        ]);
        Theme {
            name: "dark".to_string(),
            styles,
            mono: false,
        }
    }

    /// No colour at all: modifiers only.
    pub fn mono() -> Theme {
        let m = |m: Modifier| Style::new().add_modifier(m);
        let bold = Modifier::BOLD;
        let rev = Modifier::REVERSED;
        let styles = HashMap::from([
            (Role::Title, m(bold)),
            (Role::Heading, m(bold | Modifier::UNDERLINED)),
            (Role::Header, m(rev)),
            (Role::HeaderSource, m(rev | bold)),
            (Role::ReadOnly, m(bold)),
            (Role::Breadcrumb, m(bold)),
            (Role::FooterKey, m(bold)),
            (Role::StatusError, m(bold)),
            (Role::TableHeader, m(bold | Modifier::UNDERLINED)),
            (Role::TableSorted, m(bold | Modifier::UNDERLINED)),
            (Role::TableSelected, m(rev)),
            (Role::SevCritical, m(bold | rev)),
            (Role::SevHigh, m(bold)),
            (Role::StatusFailed, m(bold)),
            (Role::LoadFailed, m(bold)),
            (Role::Prompt, m(bold)),
            (Role::PromptError, m(bold)),
            (Role::BorderFocus, m(bold)),
        ]);
        Theme {
            name: "mono".to_string(),
            styles,
            mono: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_are_unique_and_dark_fills_every_role() {
        let mut keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Role::ALL.len());
        let dark = Theme::dark();
        for r in Role::ALL {
            assert!(dark.styles.contains_key(&r), "dark misses {}", r.key());
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
    }
}
