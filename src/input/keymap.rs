//! Keys to commands, per view. Built from the registry's defaults; the
//! user's key-map file (`keyfile`) replaces the keys of individual commands.

use super::command::{CommandId, ViewKind, spec};
use super::key::Key;
use super::registry::COMMANDS;

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<(Key, CommandId)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap::defaults()
    }
}

impl KeyMap {
    /// The registry's default keys.
    pub fn defaults() -> KeyMap {
        let bindings = COMMANDS
            .iter()
            .flat_map(|c| {
                c.keys
                    .iter()
                    .filter_map(move |k| Key::parse(k).ok().map(|key| (key, c.id)))
            })
            .collect();
        KeyMap { bindings }
    }

    /// Replaces every key of `id` with `keys`.
    pub fn rebind(&mut self, id: CommandId, keys: &[Key]) {
        self.bindings.retain(|(_, c)| *c != id);
        self.bindings.extend(keys.iter().map(|k| (*k, id)));
    }

    /// Removes `key` from every command for which `pred` holds.
    pub fn unbind_where(&mut self, key: Key, pred: impl Fn(CommandId) -> bool) {
        self.bindings.retain(|(k, id)| *k != key || !pred(*id));
    }

    /// The command `key` runs in `view`: a view's own binding wins over a
    /// global one.
    pub fn lookup(&self, key: Key, view: ViewKind) -> Option<CommandId> {
        let scoped = |global: bool| {
            self.bindings.iter().find_map(|(k, id)| {
                let s = spec(*id)?;
                (*k == key && s.applies_to(view) && s.is_global() == global).then_some(*id)
            })
        };
        scoped(false).or_else(|| scoped(true))
    }

    /// Keys bound to `id`, in binding order.
    pub fn keys_for(&self, id: CommandId) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == id)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The first key of `id`, as text (for hints).
    pub fn first_key(&self, id: CommandId) -> Option<String> {
        self.keys_for(id).first().map(Key::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn no_key_runs_two_commands_in_one_view() {
        let km = KeyMap::defaults();
        for view in ViewKind::ALL {
            let mut seen: Vec<(Key, CommandId)> = Vec::new();
            for (k, id) in &km.bindings {
                let Some(s) = spec(*id) else { continue };
                if !s.applies_to(view) {
                    continue;
                }
                if let Some((_, other)) = seen.iter().find(|(sk, _)| sk == k) {
                    panic!("{k} runs both {other:?} and {id:?} in {view:?}");
                }
                seen.push((*k, *id));
            }
        }
    }

    #[test]
    fn view_bindings_and_globals_resolve() {
        let km = KeyMap::defaults();
        assert_eq!(
            km.lookup(Key::char('/'), ViewKind::Findings),
            Some(CommandId::Filter)
        );
        assert_eq!(km.lookup(Key::char('/'), ViewKind::Overview), None);
        assert_eq!(
            km.lookup(Key::char('q'), ViewKind::Detail),
            Some(CommandId::Quit)
        );
        assert_eq!(
            km.lookup(Key::plain(KeyCode::Esc), ViewKind::Findings),
            Some(CommandId::Back)
        );
    }

    #[test]
    fn rebinding_replaces_the_defaults() {
        let mut km = KeyMap::defaults();
        km.rebind(CommandId::Quit, &[Key::char('Q')]);
        assert_eq!(km.lookup(Key::char('q'), ViewKind::Overview), None);
        assert_eq!(
            km.lookup(Key::char('Q'), ViewKind::Overview),
            Some(CommandId::Quit)
        );
        assert_eq!(km.first_key(CommandId::Quit).as_deref(), Some("Q"));
    }
}
