//! The page layout: a map and options in, pages of boxes, paths and text runs (in points, from
//! the top-left corner) out. Pure: the renderer only draws what this decides.
//!
//! Nothing is clipped: card text wraps, rows grow to fit their cards, and in tiles a row or a
//! card too tall for a page continues on the next one.

use crate::draw::Doc;
use crate::fonts::{FontSet, Run, BOLD_FACE, REGULAR_FACE};
use crate::options::{LayoutMode, PdfOptions, PT_PER_MM};
use crate::pieces::{marks, paginate, CardBox, Piece, Row};
use crate::wrap::wrap;
use waymark_core::{JourneyMap, Lane, LaneKind, Persona};

/// An RGB colour, each channel 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    /// `#rrggbb`, or grey when it is not one.
    pub fn hex(text: &str) -> Colour {
        let channel = |i: usize| {
            text.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .map_or(0.5, |v| f32::from(v) / 255.0)
        };
        Colour(channel(1), channel(3), channel(5))
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white.
    pub fn tint(self, amount: f32) -> Colour {
        let mix = |c: f32| c + (1.0 - c) * amount;
        Colour(mix(self.0), mix(self.1), mix(self.2))
    }
}

pub(crate) const INK: Colour = Colour(0.11, 0.13, 0.19);
pub(crate) const MUTED: Colour = Colour(0.42, 0.44, 0.52);
pub(crate) const RULE: Colour = Colour(0.86, 0.87, 0.9);

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A box, with rounded corners when `radius` > 0.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<Colour>,
        line: f32,
    },
    /// An open polyline.
    Path {
        points: Vec<(f32, f32)>,
        colour: Colour,
        width: f32,
        dashed: bool,
    },
    /// A filled circle with an outline (emotion points).
    Dot {
        x: f32,
        y: f32,
        r: f32,
        fill: Colour,
        stroke: Colour,
    },
    /// A line of text: `y` is the baseline. `within` is the box it must stay inside.
    Text {
        x: f32,
        y: f32,
        size: f32,
        colour: Colour,
        runs: Vec<Run>,
        within: Bounds,
    },
}

/// A box that content must stay inside: x, y, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
    /// Outline entries that start on this page.
    pub bookmarks: Vec<String>,
    /// The names of the stages this page shows.
    pub stages: Vec<String>,
}

/// The whole layout, and what the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub warnings: Vec<String>,
    /// Size of card text in points after fitting.
    pub card_text_size: f32,
}

// Sizes at scale 1, in points.
pub(crate) const MARGIN: f32 = 28.0;
pub(crate) const FOOTER: f32 = 18.0;
pub(crate) const LABEL_W: f32 = 100.0;
pub(crate) const STAGE_W: f32 = 160.0;
pub(crate) const HEADER_H: f32 = 24.0;
pub(crate) const CELL_PAD: f32 = 5.0;
pub(crate) const CARD_PAD: f32 = 4.0;
pub(crate) const CARD_GAP: f32 = 4.0;
pub(crate) const ACCENT: f32 = 2.5;
pub(crate) const TEXT: f32 = 8.0;
pub(crate) const LINE: f32 = 10.0;
pub(crate) const MARK: f32 = 6.5;
pub(crate) const MARK_LINE: f32 = 8.5;
pub(crate) const MIN_ROW: f32 = 30.0;
pub(crate) const CURVE_H: f32 = 86.0;
/// Below this size text stops being readable on paper.
pub const MIN_READABLE_PT: f32 = 6.0;

/// Lane colours, as in the editor.
pub fn lane_colour(kind: LaneKind) -> Colour {
    Colour::hex(kind.colour())
}

/// Lays the map out on pages.
pub fn layout(
    map: &JourneyMap,
    options: &PdfOptions,
    fonts: &mut FontSet,
    exported: &str,
) -> Layout {
    let page_w = options.page_mm.0 * PT_PER_MM;
    let page_h = options.page_mm.1 * PT_PER_MM;
    let lanes: Vec<&Lane> = map
        .lanes
        .iter()
        .filter(|l| {
            options
                .lanes
                .as_ref()
                .is_none_or(|keep| keep.contains(&l.id))
        })
        .collect();
    let personas: Vec<&Persona> = map
        .personas
        .iter()
        .filter(|p| {
            options
                .personas
                .as_ref()
                .is_none_or(|keep| keep.contains(&p.id))
        })
        .collect();
    let card_width = STAGE_W - 2.0 * CELL_PAD - 2.0 * CARD_PAD - ACCENT;
    let rows: Vec<Row> = lanes
        .iter()
        .map(|lane| Row {
            lane,
            label: wrap(
                fonts,
                &lane.title,
                TEXT + 0.5,
                BOLD_FACE,
                LABEL_W - 2.0 * CELL_PAD,
            ),
            cells: map
                .stages
                .iter()
                .map(|stage| {
                    map.cell_cards(&stage.id, &lane.id)
                        .into_iter()
                        .map(|card| CardBox {
                            lines: wrap(fonts, &card.text, TEXT, REGULAR_FACE, card_width),
                            marks: marks(card, lane.kind)
                                .iter()
                                .flat_map(|m| wrap(fonts, m, MARK, REGULAR_FACE, card_width))
                                .collect(),
                            colour: card
                                .colour
                                .as_deref()
                                .map_or(lane_colour(lane.kind), Colour::hex),
                        })
                        .collect()
                })
                .collect(),
            emotion: lane.kind == LaneKind::Emotions,
        })
        .collect();
    let mut doc = Doc {
        fonts,
        pages: Vec::new(),
        page_w,
        page_h,
        warnings: Vec::new(),
    };
    let content_w = page_w - 2.0 * MARGIN;
    let compact_h = doc.header(map, &personas, content_w, true, false);
    // On a small page the persona summary would crowd out the map: the title alone, then (the
    // emotion lane's legend still names the personas).
    let full_h = doc.header(map, &personas, content_w, false, false);
    let full_header = full_h <= 0.45 * (page_h - 2.0 * MARGIN - FOOTER);
    let header_h = if full_header { full_h } else { compact_h };
    let stage_count = map.stages.len();
    let mut card_text_size = TEXT;
    match options.layout {
        LayoutMode::Fit => {
            let pieces: Vec<Piece> = (0..rows.len())
                .map(|r| Piece {
                    row: r,
                    cells: rows[r].cells.clone(),
                    curve: rows[r].emotion,
                })
                .collect();
            let natural_w = LABEL_W + stage_count as f32 * STAGE_W;
            let natural_h = HEADER_H
                + pieces
                    .iter()
                    .map(|p| p.height(&rows, 0..stage_count))
                    .sum::<f32>();
            let room_h = page_h - 2.0 * MARGIN - FOOTER - header_h;
            let scale = (content_w / natural_w).min(room_h / natural_h).min(1.6);
            card_text_size = TEXT * scale;
            if card_text_size < MIN_READABLE_PT {
                doc.warnings.push(format!(
                    "On one page the card text would be {card_text_size:.1} pt, below {MIN_READABLE_PT} pt and hard to read: choose the tiles layout or a larger page."
                ));
            }
            doc.new_page(vec![map.title.clone()]);
            doc.header(map, &personas, content_w, !full_header, true);

            let origin = (MARGIN, MARGIN + header_h);
            doc.grid(
                map,
                &personas,
                &rows,
                &pieces,
                0..stage_count,
                origin,
                scale,
            );
            for stage in &map.stages {
                doc.bookmark(&stage.name);
            }
        }
        LayoutMode::Tiles => {
            let scale = (content_w / (LABEL_W + STAGE_W)).min(1.0);
            let per_page = (((content_w / scale - LABEL_W) / STAGE_W).floor() as usize).max(1);
            let room = |title_h: f32| (page_h - 2.0 * MARGIN - FOOTER - title_h) / scale - HEADER_H;
            let mut first = true;
            for start in (0..stage_count).step_by(per_page) {
                let stages = start..(start + per_page).min(stage_count);
                let mut bookmarks = if first {
                    vec![map.title.clone()]
                } else {
                    Vec::new()
                };
                bookmarks.extend(map.stages[stages.clone()].iter().map(|s| s.name.clone()));
                let first_room = room(if first { header_h } else { compact_h });
                for (page_index, pieces) in
                    paginate(&rows, stages.clone(), first_room, room(compact_h))
                        .into_iter()
                        .enumerate()
                {
                    doc.new_page(if page_index == 0 {
                        std::mem::take(&mut bookmarks)
                    } else {
                        Vec::new()
                    });
                    let title_h =
                        doc.header(map, &personas, content_w, !(first && full_header), true);
                    doc.grid(
                        map,
                        &personas,
                        &rows,
                        &pieces,
                        stages.clone(),
                        (MARGIN, MARGIN + title_h),
                        scale,
                    );
                    first = false;
                }
            }
        }
    }
    doc.footers(exported);
    if !doc.fonts.missing.is_empty() {
        let listed: Vec<String> = doc
            .fonts
            .missing
            .iter()
            .map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c)))
            .collect();
        let (these, shown) = if listed.len() == 1 {
            ("this character", "it shows as an empty box")
        } else {
            ("these characters", "they show as empty boxes")
        };
        doc.warnings.push(format!(
            "No font on this computer can draw {these}: {}; {shown}. Install a font for that script and export again.",
            listed.join(", ")
        ));
    }
    Layout {
        pages: doc.pages,
        warnings: doc.warnings,
        card_text_size,
    }
}
