//! What the export dialog shows before anything is written: each page drawn small, from the
//! same layout the PDF is rendered from, with text as bars where its lines are.

use crate::fonts::FontSet;
use crate::layout::layout;
use crate::options::PdfOptions;
use crate::page::{Colour, Item, Layout};
use serde::Serialize;
use waymark_core::JourneyMap;

/// How many pages the preview draws; the rest are counted.
pub const SKETCHED_PAGES: usize = 12;

/// A preview of an export.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Preview {
    /// The page size in millimetres.
    pub page_mm: (f32, f32),
    pub pages: usize,
    /// The first `SKETCHED_PAGES` pages, drawn small.
    pub sketches: Vec<PageSketch>,
    /// Size of card text in points after fitting.
    pub card_text_size: f32,
    pub warnings: Vec<String>,
}

/// One page as shapes in points, from the top-left corner.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PageSketch {
    pub width: f32,
    pub height: f32,
    /// The stages the page shows.
    pub stages: Vec<String>,
    pub shapes: Vec<Shape>,
}

/// A shape of a page sketch; colours are `#rrggbb`.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
        fill: Option<String>,
        stroke: Option<String>,
    },
    Line {
        points: Vec<(f32, f32)>,
        colour: String,
        width: f32,
        dashed: bool,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        fill: String,
        stroke: String,
    },
    /// Where a line of text is: a bar as long as the text and as tall as its letters.
    Text {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: String,
    },
}

fn hex(colour: Colour) -> String {
    let byte = |c: f32| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        byte(colour.0),
        byte(colour.1),
        byte(colour.2)
    )
}

/// Lays out the map and sketches its first pages, without rendering a PDF.
pub fn preview(map: &JourneyMap, options: &PdfOptions) -> Preview {
    let laid_out = layout(map, options, &mut FontSet::new(), "");
    Preview {
        page_mm: options.page_mm,
        pages: laid_out.pages.len(),
        sketches: sketch(&laid_out, SKETCHED_PAGES),
        card_text_size: laid_out.card_text_size,
        warnings: laid_out.warnings,
    }
}

/// The first `limit` pages of a layout as sketches.
pub fn sketch(laid_out: &Layout, limit: usize) -> Vec<PageSketch> {
    laid_out
        .pages
        .iter()
        .take(limit)
        .map(|page| PageSketch {
            width: page.width,
            height: page.height,
            stages: page.stages.clone(),
            shapes: page.items.iter().map(shape).collect(),
        })
        .collect()
}

fn shape(item: &Item) -> Shape {
    match item {
        Item::Rect {
            x,
            y,
            w,
            h,
            radius,
            fill,
            stroke,
            ..
        } => Shape::Rect {
            x: *x,
            y: *y,
            w: *w,
            h: *h,
            radius: *radius,
            fill: fill.map(hex),
            stroke: stroke.map(hex),
        },
        Item::Path {
            points,
            colour,
            width,
            dashed,
        } => Shape::Line {
            points: points.clone(),
            colour: hex(*colour),
            width: *width,
            dashed: *dashed,
        },
        Item::Dot {
            x,
            y,
            r,
            fill,
            stroke,
        } => Shape::Dot {
            x: *x,
            y: *y,
            r: *r,
            fill: hex(*fill),
            stroke: hex(*stroke),
        },
        Item::Text {
            x,
            y,
            size,
            colour,
            runs,
            ..
        } => Shape::Text {
            x: *x,
            // From the baseline up to the top of the letters.
            y: y - size * 0.72,
            w: runs.iter().map(|run| run.width).sum(),
            h: size * 0.72,
            colour: hex(*colour),
        },
    }
}
