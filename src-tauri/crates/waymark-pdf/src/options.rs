//! What the user chooses: paper, orientation, layout, and which lanes and personas to show.

use waymark_core::{LaneId, PersonaId};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Landscape (wider than tall) or portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Landscape,
    Portrait,
}

/// `Fit`: the whole map on one page, scaled. `Tiles`: stages split across pages at full size,
/// with stage headers and lane labels repeated on every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutMode {
    Fit,
    Tiles,
}

/// Everything an export needs to know besides the map.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// Page width and height in millimetres, orientation applied.
    pub page_mm: (f32, f32),
    pub layout: LayoutMode,
    /// Lanes to include, in map order; `None` for all.
    pub lanes: Option<Vec<LaneId>>,
    /// Personas to include; `None` for all.
    pub personas: Option<Vec<PersonaId>>,
    /// A page (or more) of changes at the end: "Changes since …".
    pub changes: Option<ChangesPage>,
}

/// What changed since a version, for the stakeholders who saw it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChangesPage {
    /// "Changes since “Shown to the steering group”".
    pub title: String,
    /// The changes under their headings (a stage and lane, or the map).
    pub groups: Vec<(String, Vec<String>)>,
}

impl Default for PdfOptions {
    /// A4 landscape, fit, everything.
    fn default() -> Self {
        PdfOptions {
            page_mm: (297.0, 210.0),
            layout: LayoutMode::Fit,
            lanes: None,
            personas: None,
            changes: None,
        }
    }
}

/// The named paper sizes, portrait, in millimetres.
const PAPER: [(&str, f32, f32); 4] = [
    ("a4", 210.0, 297.0),
    ("a3", 297.0, 420.0),
    ("letter", 215.9, 279.4),
    ("tabloid", 279.4, 431.8),
];

/// The smallest and largest page side Waymark lays out, in millimetres.
pub const PAGE_SIDE_MM: (f32, f32) = (50.0, 5000.0);

/// A page size from `a4`, `a3`, `letter`, `tabloid` or `WIDTHxHEIGHTmm`, turned to the
/// orientation (a custom size is turned only when it does not already have it).
pub fn page_size(name: &str, orientation: Orientation) -> Result<(f32, f32), String> {
    let lower = name.trim().to_ascii_lowercase();
    let (width, height) = match PAPER.iter().find(|(n, _, _)| *n == lower) {
        Some((_, w, h)) => (*w, *h),
        None => custom_size(&lower).ok_or_else(|| {
            format!("unknown page size \"{name}\": use a4, a3, letter, tabloid or WIDTHxHEIGHTmm such as 500x300mm")
        })??,
    };
    let (short, long) = if width <= height {
        (width, height)
    } else {
        (height, width)
    };
    Ok(match orientation {
        Orientation::Landscape => (long, short),
        Orientation::Portrait => (short, long),
    })
}

/// `WIDTHxHEIGHTmm`: `None` when it is not of that form, an error when a side is out of range.
fn custom_size(text: &str) -> Option<Result<(f32, f32), String>> {
    let (width, height) = text.strip_suffix("mm")?.split_once('x')?;
    let width: f32 = width.trim().parse().ok()?;
    let height: f32 = height.trim().parse().ok()?;
    let (min, max) = PAGE_SIDE_MM;
    let fits = |side: f32| side.is_finite() && (min..=max).contains(&side);
    Some(if fits(width) && fits(height) {
        Ok((width, height))
    } else {
        Err(format!(
            "a page side must be from {min} to {max} mm, not {width} x {height} mm"
        ))
    })
}
