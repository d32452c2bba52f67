//! Why the domain refuses an operation, in words a designer understands.

use thiserror::Error;

/// An operation broke a rule of the map; the map is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("There is no {what} with id {id} on this map; it may have been deleted.")]
    NotFound { what: &'static str, id: String },
    #[error("This map already has a {what} with id {id}.")]
    DuplicateId { what: &'static str, id: String },
    #[error("The {what} id \"{id}\" is not valid: use 1 to 64 letters, digits, '-' or '_'.")]
    InvalidId { what: &'static str, id: String },
    #[error("The {field} cannot be empty.")]
    Empty { field: &'static str },
    #[error("The {field} is too long: {len} characters, at most {max}.")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("The {field} must be from {min} to {max}, not {value}.")]
    OutOfRange {
        field: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("The {field} must be a colour written like #3366cc, not \"{value}\".")]
    InvalidColour { field: &'static str, value: String },
    #[error("A map keeps at least one {what}: add another one before deleting this one.")]
    LastOne { what: &'static str },
    #[error("A map holds at most {max} {what}.")]
    TooMany { what: &'static str, max: usize },
    #[error("The order key \"{key}\" of card {id} is not valid: use 1 to 64 letters and digits, not ending in 0.")]
    InvalidOrderKey { id: String, key: String },
}
