//! The page layout: a map and options in, pages of boxes, paths and text runs (in points, from
//! the top-left corner) out. Pure: the renderer only draws what this decides.
//!
//! Nothing is clipped: card text wraps, rows grow to fit their cards, and in tiles a row or a
//! card too tall for a page continues on the next one.

use crate::doc::Doc;
use crate::fonts::{FontSet, BOLD_FACE, REGULAR_FACE};
use crate::header::Header;
use crate::options::{LayoutMode, PdfOptions, PT_PER_MM};
use crate::page::{Colour, Layout};
use crate::pieces::{marks, paginate, CardBox, Piece, Row};
use crate::style::{
    lane_colour, ACCENT, CARD_PAD, CELL_PAD, FOOTER, HEADER_H, LABEL_W, MARGIN, MARK,
    MIN_READABLE_PT, STAGE_W, TEXT,
};
use crate::wrap::wrap;
use waymark_core::{JourneyMap, Lane, LaneKind, Persona};

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
    let header = Header::measure(doc.fonts, map, &personas, content_w);
    let compact_h = header.height(true);
    // On a small page the persona summary would crowd out the map: the title alone, then (the
    // emotion lane's legend still names the personas).
    let full_h = header.height(false);
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
            doc.header(&header, !full_header);

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
                    let title_h = doc.header(&header, !(first && full_header));
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
    if let Some(changes) = &options.changes {
        doc.changes(changes);
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
