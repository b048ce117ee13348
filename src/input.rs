//! Input: keys, the command registry that names every command once, the key
//! map built from it, and the line editor of the prompts.

mod command;
mod key;
pub mod keyfile;
mod keymap;
mod line;
mod registry;

pub use command::{ArgKind, CommandId, CommandSpec, ViewKind, by_name, spec};
pub use key::Key;
pub use keymap::KeyMap;
pub use line::LineInput;
pub use registry::COMMANDS;
