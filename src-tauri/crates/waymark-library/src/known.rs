//! The libraries Waymark has opened, so that a library that vanished (its folder moved, its
//! drive unplugged) is reported, never silently replaced by a new empty one.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use waymark_core::Timestamp;

/// How many libraries are remembered; the least recently opened are forgotten first.
const REMEMBERED: usize = 50;

/// The list of libraries opened before, kept in a small JSON file.
#[derive(Debug, Clone)]
pub struct KnownLibraries {
    file: Option<PathBuf>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Listing {
    libraries: Vec<Known>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Known {
    path: PathBuf,
    last_opened: Timestamp,
}

impl KnownLibraries {
    /// The user's list: `libraries.json` in Waymark's state folder (`$XDG_STATE_HOME/waymark`,
    /// else `~/.local/state/waymark`).
    pub fn for_user() -> KnownLibraries {
        KnownLibraries {
            file: dirs::state_dir().map(|dir| dir.join("waymark").join("libraries.json")),
        }
    }

    /// A list kept in `file`.
    pub fn at(file: &Path) -> KnownLibraries {
        KnownLibraries {
            file: Some(file.to_owned()),
        }
    }

    /// A list that remembers nothing.
    pub fn none() -> KnownLibraries {
        KnownLibraries { file: None }
    }

    fn read(&self) -> Listing {
        self.file
            .as_ref()
            .and_then(|file| std::fs::read(file).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// When the library at `path` was last opened, if Waymark opened it before.
    pub fn last_opened(&self, path: &Path) -> Option<Timestamp> {
        let path = std::path::absolute(path).ok()?;
        self.read()
            .libraries
            .into_iter()
            .find(|known| known.path == path)
            .map(|known| known.last_opened)
    }

    /// Notes that the library at `path` was opened `now`. A list that cannot be written is
    /// not worth failing for: the library itself opened.
    pub fn remember(&self, path: &Path, now: Timestamp) {
        let (Some(file), Ok(path)) = (&self.file, std::path::absolute(path)) else {
            return;
        };
        let mut listing = self.read();
        listing.libraries.retain(|known| known.path != path);
        listing.libraries.insert(
            0,
            Known {
                path,
                last_opened: now,
            },
        );
        listing.libraries.truncate(REMEMBERED);
        if let (Some(folder), Ok(text)) = (file.parent(), serde_json::to_vec_pretty(&listing)) {
            let _ = std::fs::create_dir_all(folder);
            let _ = waymark_system::write_file_atomically(file, &text);
        }
    }
}
