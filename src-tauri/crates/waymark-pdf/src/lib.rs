//! Waymark's PDF export: a pure layout (map and options to boxes, paths and text runs in
//! points), rendered as a vector PDF with real, selectable text in embedded, subset fonts.

mod changes;
mod curve;
mod doc;
mod fonts;
mod grid;
mod header;
mod layout;
mod options;
mod page;
mod pieces;
mod preview;
mod render;
mod style;
mod wrap;

pub use fonts::FontSet;
pub use layout::layout;
pub use options::{
    page_size, ChangesPage, LayoutMode, Orientation, PdfOptions, PAGE_SIDE_MM, PT_PER_MM,
};
pub use page::{Bounds, Colour, Item, Layout, Page};
pub use preview::{preview, sketch, PageSketch, Preview, Shape, SKETCHED_PAGES};
pub use style::{lane_colour, MIN_READABLE_PT};
pub use wrap::wrap;

use waymark_core::{JourneyMap, Timestamp};

/// A finished export.
#[derive(Debug, Clone)]
pub struct PdfExport {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// What the user should know: text too small to read, characters no font can draw.
    pub warnings: Vec<String>,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("The PDF could not be made: {0}")]
    Render(String),
}

/// Lays out and renders a map.
pub fn export_pdf(
    map: &JourneyMap,
    options: &PdfOptions,
    now: Timestamp,
) -> Result<PdfExport, PdfError> {
    let mut fonts = FontSet::new();
    let exported = format_date(now);
    let laid_out = layout(map, options, &mut fonts, &exported);
    let bytes =
        render::render(&laid_out, &fonts, &map.title, now / 1000).map_err(PdfError::Render)?;
    Ok(PdfExport {
        bytes,
        pages: laid_out.pages.len(),
        warnings: laid_out.warnings,
    })
}

/// "22 Nov 2026".
fn format_date(millis: Timestamp) -> String {
    let format = time::macros::format_description!("[day padding:none] [month repr:short] [year]");
    time::OffsetDateTime::from_unix_timestamp(millis / 1000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}
