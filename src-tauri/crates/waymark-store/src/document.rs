//! How a version's map is stored in its row.

use crate::error::{Result, StoreError};
use waymark_core::JourneyMap;

/// How a version's map is stored: this byte, then the map encoded with postcard (compact and
/// about three times quicker to read back than JSON, so a version opens as fast as the map).
/// postcard does not describe its fields: a change to the map's types must come with a
/// migration that encodes the stored versions again, under a new format byte.
const DOCUMENT_FORMAT: u8 = 1;

pub(crate) fn encode(map: &JourneyMap) -> Result<Vec<u8>> {
    let document = vec![DOCUMENT_FORMAT];
    postcard::to_extend(map, document).map_err(|e| StoreError::BadRow {
        what: "version",
        detail: e.to_string(),
    })
}

pub(crate) fn decode(document: &[u8]) -> Result<JourneyMap> {
    let bad = |detail: String| StoreError::BadRow {
        what: "version",
        detail,
    };
    match document.split_first() {
        Some((&DOCUMENT_FORMAT, encoded)) => {
            postcard::from_bytes(encoded).map_err(|e| bad(e.to_string()))
        }
        Some((format, _)) => Err(bad(format!("unknown document format {format}"))),
        None => Err(bad("empty document".to_owned())),
    }
}
