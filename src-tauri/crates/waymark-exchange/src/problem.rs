//! Why a file was refused, and where: every problem names its place in the file.

use std::fmt;

/// A place in an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (its size, its encoding, its kind).
    File,
    /// A line and column of a text file, from 1.
    Text { line: usize, column: usize },
    /// A JSON path such as `map.cards[12].stage`.
    Json { path: String },
    /// A CSV row (the header is row 1) and column header.
    Csv { row: usize, column: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("file"),
            Location::Text { line, column } => write!(f, "line {line}, column {column}"),
            Location::Json { path } => f.write_str(path),
            Location::Csv { row, column } if column.is_empty() => write!(f, "row {row}"),
            Location::Csv { row, column } => write!(f, "row {row}, column \"{column}\""),
        }
    }
}

/// One thing wrong with a file: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            message: message.into(),
        }
    }

    pub fn file(message: impl Into<String>) -> Problem {
        Problem::new(Location::File, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Location::File => f.write_str(&self.message),
            _ => write!(f, "{}: {}", self.location, self.message),
        }
    }
}

/// A refused file: every problem found, in file order (at most [`MAX_PROBLEMS`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", summary(.problems))]
pub struct Refused {
    pub problems: Vec<Problem>,
}

/// Beyond this many, more problems in one file are not listed.
pub const MAX_PROBLEMS: usize = 50;

fn summary(problems: &[Problem]) -> String {
    match problems {
        [only] => only.to_string(),
        _ => format!(
            "{} problems, the first: {}",
            problems.len(),
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
    }
}

impl Refused {
    pub fn one(problem: Problem) -> Refused {
        Refused {
            problems: vec![problem],
        }
    }
}

/// Collects problems; refuses when there is any.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<Problem>);

impl Problems {
    pub fn push(&mut self, location: Location, message: impl Into<String>) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(Problem::new(location, message));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result<T>(self, value: T) -> Result<T, Refused> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Refused { problems: self.0 })
        }
    }
}
