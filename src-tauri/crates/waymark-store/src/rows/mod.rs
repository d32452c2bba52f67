//! Maps to rows and back. The only place that knows the table layout of a map.

mod read;
mod write;

pub(crate) use read::{list_maps, list_trash, load_map};
pub(crate) use write::{insert_map, write_changes};
