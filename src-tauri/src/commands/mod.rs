//! The commands the UI calls: thin wrappers over the store, run off the main thread.

pub mod edits;
pub mod exchange;
pub mod library;
pub mod pdf;
