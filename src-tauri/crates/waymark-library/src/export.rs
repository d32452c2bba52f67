//! Writing a map to a file: Waymark JSON, CSV, Mermaid or a PDF, for the app's Export menu
//! and `waymark-cli export` alike.

use crate::error::{LibraryError, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use waymark_core::{JourneyMap, LaneId, MapId, PersonaId, Timestamp};
use waymark_exchange::{ExportFormat, Lineage, GENERATOR};
use waymark_pdf::{ChangesPage, LayoutMode, Orientation, PdfOptions};
use waymark_store::{Made, Received, Store};

/// The PDF choices of the export dialog and of `waymark-cli export --format pdf`.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct PdfChoices {
    /// `a4`, `a3`, `letter`, `tabloid` or `WIDTHxHEIGHTmm`.
    pub page: String,
    /// `landscape` or `portrait`.
    pub orientation: String,
    /// `fit` (one page, scaled) or `tiles` (stages across pages, full size).
    pub layout: String,
    /// The lanes to show (all when absent).
    #[serde(default)]
    pub lanes: Option<Vec<LaneId>>,
    /// The personas whose curves to show (all when absent).
    #[serde(default)]
    pub personas: Option<Vec<PersonaId>>,
    /// A version of the map: a page at the end lists what changed since.
    #[serde(default)]
    #[ts(optional)]
    pub changes_since: Option<String>,
}

impl PdfChoices {
    /// The map as stored and the layout options these choices stand for, with the page of
    /// changes since the version chosen.
    pub fn for_map(&self, store: &Store, map_id: &MapId) -> Result<(JourneyMap, PdfOptions)> {
        let mut options = self.options()?;
        let map = store.read_map(map_id)?;
        if let Some(version_id) = &self.changes_since {
            let (version, before) = store.read_version(map_id, version_id)?;
            options.changes = Some(changes_page(&version.name, &before, &map));
        }
        Ok((map, options))
    }

    /// The layout options these choices stand for; a bad choice is refused with its fix.
    pub fn options(&self) -> Result<PdfOptions> {
        let invalid = |message: String| LibraryError::InvalidChoice { message };
        let orientation = match self.orientation.as_str() {
            "landscape" => Orientation::Landscape,
            "portrait" => Orientation::Portrait,
            other => {
                return Err(invalid(format!(
                    "Unknown orientation \"{other}\": use landscape or portrait."
                )))
            }
        };
        let layout = match self.layout.as_str() {
            "fit" => LayoutMode::Fit,
            "tiles" => LayoutMode::Tiles,
            other => {
                return Err(invalid(format!(
                    "Unknown layout \"{other}\": use fit or tiles."
                )))
            }
        };
        let page_mm = waymark_pdf::page_size(&self.page, orientation)
            .map_err(|message| invalid(format!("{}.", capitalise(&message))))?;
        Ok(PdfOptions {
            page_mm,
            layout,
            lanes: self.lanes.clone(),
            personas: self.personas.clone(),
            changes: None,
        })
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What to write a map as.
#[derive(Debug, Clone)]
pub enum Target {
    Text(ExportFormat),
    /// A Waymark file that says which version of its map it is (see `shared_export`).
    Shared(Lineage),
    Pdf(PdfOptions),
}

/// A map made into a file's bytes, and what the user should know about it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// The PDF's pages.
    pub pages: Option<usize>,
    /// What the format left out, text too small to read, characters no font has.
    pub warnings: Vec<String>,
}

/// An export on disk.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub path: PathBuf,
    pub bytes: usize,
    pub pages: Option<usize>,
    pub warnings: Vec<String>,
}

/// The map as a file's bytes in the format of `target`.
pub fn render(map: &JourneyMap, target: &Target, now: Timestamp) -> Result<Rendered> {
    match target {
        Target::Text(format) => Ok(Rendered {
            bytes: waymark_exchange::export(map, *format, now).into_bytes(),
            pages: None,
            warnings: waymark_exchange::export_warnings(map, *format),
        }),
        Target::Shared(lineage) => Ok(Rendered {
            bytes: waymark_exchange::export_json_with(map, now, GENERATOR, Some(lineage))
                .into_bytes(),
            pages: None,
            warnings: Vec::new(),
        }),
        Target::Pdf(options) => {
            let pdf = waymark_pdf::export_pdf(map, options, now).map_err(|e| LibraryError::Io {
                action: "make the PDF".to_owned(),
                reason: e.to_string(),
            })?;
            Ok(Rendered {
                bytes: pdf.bytes,
                pages: Some(pdf.pages),
                warnings: pdf.warnings,
            })
        }
    }
}

/// Writes the map to `path`, whole or not at all: an old file there stays as it was when
/// anything fails. A folder that does not exist is refused before any work.
pub fn export_to(
    map: &JourneyMap,
    target: &Target,
    path: &Path,
    now: Timestamp,
) -> Result<Exported> {
    let cannot_write = |reason: String| LibraryError::CannotWrite {
        path: path.to_owned(),
        reason,
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            return Err(cannot_write(format!(
                "the folder {} does not exist",
                folder.display()
            )));
        }
    }
    let rendered = render(map, target, now)?;
    waymark_system::write_file_atomically(path, &rendered.bytes)
        .map_err(|e| cannot_write(e.to_string()))?;
    Ok(Exported {
        path: path.to_owned(),
        bytes: rendered.bytes.len(),
        pages: rendered.pages,
        warnings: rendered.warnings,
    })
}

/// A Waymark file of a map from the library: the map as stored and the version the file will
/// be. Once the file is written, `remember_export` records that version, so a copy that comes
/// back can be merged against it.
pub fn shared_export(store: &Store, map_id: &MapId) -> Result<(JourneyMap, Target)> {
    let map = store.read_map(map_id)?;
    let lineage = Lineage {
        version: waymark_core::new_id(),
        ancestors: store.lineage(map_id)?,
    };
    Ok((map, Target::Shared(lineage)))
}

/// Records the version a Waymark file written by `shared_export` is.
pub fn remember_export(
    store: &mut Store,
    map: &JourneyMap,
    target: &Target,
    path: &Path,
) -> Result<()> {
    let Target::Shared(lineage) = target else {
        return Ok(());
    };
    let name = if path.as_os_str() == "-" {
        "Exported to standard output".to_owned()
    } else {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        format!("Exported as {file}").chars().take(120).collect()
    };
    let version = Received {
        id: &lineage.version,
        name: &name,
        parents: &lineage.ancestors,
        map,
    };
    store.record_version(&map.id, &version, Made::Export)?;
    Ok(())
}

/// "Changes since “…”": what changed from `before` to `after`, under the stage and lane each
/// change is in.
pub fn changes_page(version: &str, before: &JourneyMap, after: &JourneyMap) -> ChangesPage {
    let after = waymark_core::diff::align(before, after);
    let comparison = waymark_core::diff::compare(before, &after);
    // A part's name in the later map, or in the earlier one when it was removed.
    let in_either = |of: &dyn Fn(&JourneyMap) -> Option<String>| of(&after).or_else(|| of(before));
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for difference in comparison.differences {
        let stage = difference.stage_id.as_ref().and_then(|id| {
            in_either(&|m: &JourneyMap| {
                m.stages
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| s.name.clone())
            })
        });
        let lane = difference.lane_id.as_ref().and_then(|id| {
            in_either(&|m: &JourneyMap| {
                m.lanes
                    .iter()
                    .find(|l| &l.id == id)
                    .map(|l| l.title.clone())
            })
        });
        let heading = match (stage, lane) {
            (Some(stage), Some(lane)) => format!("{stage} · {lane}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => "The map and its personas".to_owned(),
        };
        match groups.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, lines)) => lines.extend(difference.said),
            None => groups.push((heading, difference.said)),
        }
    }
    ChangesPage {
        title: format!("Changes since “{version}”"),
        groups,
    }
}
