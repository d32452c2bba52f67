//! The page layout: a map and options in, pages of boxes, paths and text runs (in points, from
//! the top-left corner) out. Pure: the renderer only draws what this decides.
//!
//! Nothing is clipped: card text wraps, rows grow to fit their cards, and in tiles a row or a
//! card too tall for a page continues on the next one.

use crate::curve::monotone_points;
use crate::fonts::{FaceIndex, FontSet, Run, BOLD_FACE, REGULAR_FACE};
use crate::options::{LayoutMode, PdfOptions, PT_PER_MM};
use crate::wrap::wrap;
use waymark_core::{Card, EmotionState, JourneyMap, Lane, LaneKind, Persona, Stage};

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

const INK: Colour = Colour(0.11, 0.13, 0.19);
const MUTED: Colour = Colour(0.42, 0.44, 0.52);
const RULE: Colour = Colour(0.86, 0.87, 0.9);

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
const MARGIN: f32 = 28.0;
const FOOTER: f32 = 18.0;
const LABEL_W: f32 = 100.0;
const STAGE_W: f32 = 160.0;
const HEADER_H: f32 = 24.0;
const CELL_PAD: f32 = 5.0;
const CARD_PAD: f32 = 4.0;
const CARD_GAP: f32 = 4.0;
const ACCENT: f32 = 2.5;
const TEXT: f32 = 8.0;
const LINE: f32 = 10.0;
const MARK: f32 = 6.5;
const MARK_LINE: f32 = 8.5;
const MIN_ROW: f32 = 30.0;
const CURVE_H: f32 = 86.0;
/// Below this size text stops being readable on paper.
pub const MIN_READABLE_PT: f32 = 6.0;

/// Lane colours, as in the editor.
pub fn lane_colour(kind: LaneKind) -> Colour {
    Colour::hex(match kind {
        LaneKind::Actions => "#4f7cac",
        LaneKind::Thoughts => "#7a6bb0",
        LaneKind::Touchpoints => "#2f8f83",
        LaneKind::Emotions => "#c0587e",
        LaneKind::PainPoints => "#c8553d",
        LaneKind::Opportunities => "#4a8f4b",
        LaneKind::Kpis => "#b0862b",
        LaneKind::Backstage => "#6b7280",
        LaneKind::Notes => "#8a7a5c",
        LaneKind::Custom => "#5b6b8c",
    })
}

/// A card, or the part of it that fits on a page: its text lines and marks, wrapped.
#[derive(Debug, Clone)]
struct CardBox {
    lines: Vec<String>,
    marks: Vec<String>,
    colour: Colour,
}

impl CardBox {
    fn height(&self) -> f32 {
        2.0 * CARD_PAD + self.lines.len() as f32 * LINE + self.marks.len() as f32 * MARK_LINE
    }

    /// Splits off the lines that fit in `room`; at least one line, so pagination moves on.
    fn split(mut self, room: f32) -> (CardBox, Option<CardBox>) {
        let fit =
            (((room - 2.0 * CARD_PAD) / LINE).floor().max(1.0) as usize).min(self.lines.len());
        if fit >= self.lines.len() && self.height() <= room {
            return (self, None);
        }
        let rest_lines = self.lines.split_off(fit.min(self.lines.len()));
        let rest = CardBox {
            lines: rest_lines,
            marks: std::mem::take(&mut self.marks),
            colour: self.colour,
        };
        (self, Some(rest))
    }
}

/// A lane's row: its label and, per stage, its cards.
struct Row<'a> {
    lane: &'a Lane,
    label: Vec<String>,
    cells: Vec<Vec<CardBox>>,
    emotion: bool,
}

fn cell_height(cards: &[CardBox]) -> f32 {
    let content: f32 = cards.iter().map(CardBox::height).sum();
    2.0 * CELL_PAD + content + CARD_GAP * cards.len().saturating_sub(1) as f32
}

fn marks(card: &Card, kind: LaneKind) -> Vec<String> {
    let mut marks = Vec::new();
    match kind {
        LaneKind::Touchpoints => {
            marks.extend(card.channel.as_ref().map(|c| format!("Channel: {c}")))
        }
        LaneKind::PainPoints => marks.extend(card.severity.map(|s| {
            format!(
                "Severity {} {s}/5",
                "●".repeat(usize::from(s)) + &"○".repeat(5 - usize::from(s.min(5)))
            )
        })),
        LaneKind::Opportunities if card.impact.is_some() || card.effort.is_some() => {
            let show = |v: Option<u8>| v.map_or("–".to_owned(), |v| v.to_string());
            marks.push(format!(
                "Impact {}/5 · Effort {}/5",
                show(card.impact),
                show(card.effort)
            ));
        }
        LaneKind::Kpis if card.metric_value.is_some() || card.metric_target.is_some() => {
            let value = card.metric_value.as_deref().unwrap_or("–");
            marks.push(match &card.metric_target {
                Some(target) => format!("Value {value} · target {target}"),
                None => format!("Value {value}"),
            });
        }
        _ => {}
    }
    if !card.tags.is_empty() {
        marks.push(
            card.tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    marks
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
    for c in doc.fonts.missing.clone() {
        doc.warnings.push(format!(
            "No font on this computer can draw \"{c}\" (U+{:04X}); it shows as an empty box. Install a font for that script and export again.",
            u32::from(c)
        ));
    }
    Layout {
        pages: doc.pages,
        warnings: doc.warnings,
        card_text_size,
    }
}

/// The part of a row on one page: which cards (or parts of cards) of each cell, and whether
/// the emotion curve is drawn in it.
#[derive(Debug, Clone)]
struct Piece {
    row: usize,
    cells: Vec<Vec<CardBox>>,
    curve: bool,
}

impl Piece {
    fn height(&self, rows: &[Row], stages: std::ops::Range<usize>) -> f32 {
        let row = &rows[self.row];
        let cells = self.cells[stages]
            .iter()
            .map(|c| cell_height(c))
            .fold(0.0, f32::max);
        let label = 2.0 * CELL_PAD + row.label.len() as f32 * LINE;
        let curve = if self.curve { CURVE_H } else { 0.0 };
        curve + cells.max(label).max(MIN_ROW - curve).max(0.0)
    }
}

/// Splits rows over pages with `first_room`, then `room`, points for rows (at scale 1): whole
/// rows while they fit, and rows taller than a page split between cards, or inside a card
/// between lines.
fn paginate(
    rows: &[Row],
    stages: std::ops::Range<usize>,
    first_room: f32,
    room: f32,
) -> Vec<Vec<Piece>> {
    let mut pages: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut used = room - first_room;
    for (r, row) in rows.iter().enumerate() {
        let mut piece = Piece {
            row: r,
            cells: row.cells.clone(),
            curve: row.emotion,
        };
        loop {
            let height = piece.height(rows, stages.clone());
            if used + height <= room {
                used += height;
                if let Some(page) = pages.last_mut() {
                    page.push(piece);
                }
                break;
            }
            let page_has_rows = pages.last().is_some_and(|p| !p.is_empty());
            if page_has_rows && height <= room {
                pages.push(Vec::new());
                used = 0.0;
                continue;
            }
            // Taller than what is left: fill the rest of this page, continue on the next.
            let available = room - used - if piece.curve { CURVE_H } else { 0.0 };
            if available < 2.0 * CELL_PAD + 2.0 * CARD_PAD + LINE && page_has_rows {
                pages.push(Vec::new());
                used = 0.0;
                continue;
            }
            let (head, rest) = split_piece(piece, stages.clone(), available - 2.0 * CELL_PAD);
            if let Some(page) = pages.last_mut() {
                page.push(head);
            }
            pages.push(Vec::new());
            used = 0.0;
            piece = rest;
        }
    }
    pages.retain(|p| !p.is_empty());
    pages
}

/// The cards of each cell that fit in `room`, and the rest.
fn split_piece(piece: Piece, stages: std::ops::Range<usize>, room: f32) -> (Piece, Piece) {
    let mut head = Piece {
        row: piece.row,
        cells: vec![Vec::new(); piece.cells.len()],
        curve: piece.curve,
    };
    let mut rest = Piece {
        row: piece.row,
        cells: vec![Vec::new(); piece.cells.len()],
        curve: false,
    };
    for (index, cards) in piece.cells.into_iter().enumerate() {
        if !stages.contains(&index) {
            continue;
        }
        let mut used = 0.0;
        let mut cards = cards.into_iter();
        while let Some(card) = cards.next() {
            let gap = if head.cells[index].is_empty() {
                0.0
            } else {
                CARD_GAP
            };
            if used + gap + card.height() <= room {
                used += gap + card.height();
                head.cells[index].push(card);
                continue;
            }
            let left = room - used - gap;
            if left >= 2.0 * CARD_PAD + LINE {
                let (part, remainder) = card.split(left);
                head.cells[index].push(part);
                rest.cells[index].extend(remainder);
            } else {
                rest.cells[index].push(card);
            }
            rest.cells[index].extend(cards.by_ref());
        }
    }
    (head, rest)
}

/// The pages being written.
struct Doc<'f> {
    fonts: &'f mut FontSet,
    pages: Vec<Page>,
    page_w: f32,
    page_h: f32,
    warnings: Vec<String>,
}

impl Doc<'_> {
    fn new_page(&mut self, bookmarks: Vec<String>) {
        self.pages.push(Page {
            width: self.page_w,
            height: self.page_h,
            items: Vec::new(),
            bookmarks,
            stages: Vec::new(),
        });
    }

    fn bookmark(&mut self, name: &str) {
        if let Some(page) = self.pages.last_mut() {
            page.bookmarks.push(name.to_owned());
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Draws wrapped text from (x, top) inside `within`; returns the height used.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        text: &str,
        x: f32,
        top: f32,
        size: f32,
        face: FaceIndex,
        colour: Colour,
        width: f32,
        within: Bounds,
        dry_run: bool,
    ) -> f32 {
        let lines = wrap(self.fonts, text, size, face, width);
        let line_h = size * 1.25;
        if !dry_run {
            for (i, line) in lines.iter().enumerate() {
                let runs = self.fonts.runs(line, size, face);
                let y = top + size + i as f32 * line_h;
                self.push(Item::Text {
                    x,
                    y,
                    size,
                    colour,
                    runs,
                    within,
                });
            }
        }
        lines.len() as f32 * line_h
    }

    /// The title, description and persona summary (`compact`: the title alone). Returns its
    /// height; draws only when `draw`.
    fn header(
        &mut self,
        map: &JourneyMap,
        personas: &[&Persona],
        width: f32,
        compact: bool,
        draw: bool,
    ) -> f32 {
        let dry_run = !draw;
        let page = Bounds {
            x: MARGIN,
            y: MARGIN,
            w: width,
            h: self.page_h - 2.0 * MARGIN,
        };
        let mut y = MARGIN;
        let title_size = if compact { 11.0 } else { 16.0 };
        y += self.text(
            &map.title, MARGIN, y, title_size, BOLD_FACE, INK, width, page, dry_run,
        ) + 4.0;
        if compact {
            return y - MARGIN + 4.0;
        }
        if !map.description.trim().is_empty() {
            y += self.text(
                &map.description,
                MARGIN,
                y,
                9.0,
                REGULAR_FACE,
                MUTED,
                width,
                page,
                dry_run,
            ) + 6.0;
        }
        let box_w = 230.0_f32.min(width);
        let per_row = ((width + 8.0) / (box_w + 8.0)).floor().max(1.0) as usize;
        for chunk in personas.chunks(per_row) {
            let mut tallest: f32 = 0.0;
            for (i, persona) in chunk.iter().enumerate() {
                let x = MARGIN + i as f32 * (box_w + 8.0);
                tallest = tallest.max(self.persona(persona, x, y, box_w, dry_run));
            }
            y += tallest + 8.0;
        }
        y - MARGIN + 4.0
    }

    fn persona(&mut self, persona: &Persona, x: f32, y: f32, w: f32, dry_run: bool) -> f32 {
        let colour = Colour::hex(&persona.colour);
        let inner = w - 20.0;
        let mut lines: Vec<(String, f32, FaceIndex, Colour)> =
            vec![(persona.name.clone(), 9.0, BOLD_FACE, INK)];
        if !persona.role.is_empty() {
            lines.push((persona.role.clone(), 7.5, REGULAR_FACE, MUTED));
        }
        for (label, text) in [
            ("Goals", &persona.goals),
            ("Needs", &persona.needs),
            ("Frustrations", &persona.frustrations),
        ] {
            if !text.is_empty() {
                lines.push((format!("{label}: {text}"), 7.0, REGULAR_FACE, INK));
            }
        }
        if !persona.quote.is_empty() {
            lines.push((format!("“{}”", persona.quote), 7.0, REGULAR_FACE, MUTED));
        }
        let bounds = Bounds {
            x,
            y,
            w,
            h: f32::MAX,
        };
        let mut height = 6.0;
        for (text, size, face, ink) in &lines {
            height += self.text(
                text,
                x + 14.0,
                y + height,
                *size,
                *face,
                *ink,
                inner,
                bounds,
                true,
            );
        }
        height += 6.0;
        if !dry_run {
            let bounds = Bounds { x, y, w, h: height };
            self.push(Item::Rect {
                x,
                y,
                w,
                h: height,
                radius: 4.0,
                fill: Some(colour.tint(0.92)),
                stroke: Some(colour.tint(0.5)),
                line: 0.6,
            });
            self.push(Item::Rect {
                x: x + 5.0,
                y: y + 6.0,
                w: 4.0,
                h: height - 12.0,
                radius: 2.0,
                fill: Some(colour),
                stroke: None,
                line: 0.0,
            });
            let mut top = y + 6.0;
            for (text, size, face, ink) in &lines {
                top += self.text(
                    text,
                    x + 14.0,
                    top,
                    *size,
                    *face,
                    *ink,
                    inner,
                    bounds,
                    false,
                );
            }
        }
        height
    }

    /// Draws the grid of `pieces` for the stages in `range`, from `origin`, scaled.
    #[allow(clippy::too_many_arguments)]
    fn grid(
        &mut self,
        map: &JourneyMap,
        personas: &[&Persona],
        rows: &[Row],
        pieces: &[Piece],
        range: std::ops::Range<usize>,
        origin: (f32, f32),
        s: f32,
    ) {
        let (ox, oy) = origin;
        let stages: Vec<&Stage> = map.stages[range.clone()].iter().collect();
        if let Some(page) = self.pages.last_mut() {
            page.stages = stages.iter().map(|s| s.name.clone()).collect();
        }
        let grid_w = (LABEL_W + stages.len() as f32 * STAGE_W) * s;
        let grid_h = (HEADER_H
            + pieces
                .iter()
                .map(|p| p.height(rows, range.clone()))
                .sum::<f32>())
            * s;
        // The outline is drawn last, over the header fills, so its corners stay round.
        // Stage headers.
        for (i, stage) in stages.iter().enumerate() {
            let x = ox + (LABEL_W + i as f32 * STAGE_W) * s;
            let colour = stage
                .colour
                .as_deref()
                .map_or(Colour::hex("#3b5bdb"), Colour::hex);
            self.push(Item::Rect {
                x,
                y: oy,
                w: STAGE_W * s,
                h: HEADER_H * s,
                radius: 0.0,
                fill: Some(colour.tint(0.85)),
                stroke: None,
                line: 0.0,
            });
            self.push(Item::Rect {
                x,
                y: oy + (HEADER_H - 2.5) * s,
                w: STAGE_W * s,
                h: 2.5 * s,
                radius: 0.0,
                fill: Some(colour),
                stroke: None,
                line: 0.0,
            });
            let label = format!("{}. {}", range.start + i + 1, stage.name);
            let within = Bounds {
                x,
                y: oy,
                w: STAGE_W * s,
                h: HEADER_H * s,
            };
            let lines = wrap(
                self.fonts,
                &label,
                9.0 * s,
                BOLD_FACE,
                (STAGE_W - 2.0 * CELL_PAD) * s,
            );
            // Long stage names shrink to stay in the header.
            let size = if lines.len() > 1 { 7.0 * s } else { 9.0 * s };
            let lines = wrap(
                self.fonts,
                &label,
                size,
                BOLD_FACE,
                (STAGE_W - 2.0 * CELL_PAD) * s,
            );
            for (n, line) in lines.iter().take(2).enumerate() {
                let runs = self.fonts.runs(line, size, BOLD_FACE);
                let y = oy + (if lines.len() > 1 { 9.0 } else { 15.0 } + n as f32 * 8.0) * s;
                self.push(Item::Text {
                    x: x + CELL_PAD * s,
                    y,
                    size,
                    colour: INK,
                    runs,
                    within,
                });
            }
        }
        let mut y = oy + HEADER_H * s;
        for piece in pieces {
            let row = &rows[piece.row];
            let height = piece.height(rows, range.clone()) * s;
            let colour = lane_colour(row.lane.kind);
            self.push(Item::Rect {
                x: ox,
                y,
                w: grid_w,
                h: 0.0,
                radius: 0.0,
                fill: None,
                stroke: Some(RULE),
                line: 0.6 * s,
            });
            self.push(Item::Rect {
                x: ox,
                y,
                w: 3.0 * s,
                h: height,
                radius: 0.0,
                fill: Some(colour),
                stroke: None,
                line: 0.0,
            });
            let label_bounds = Bounds {
                x: ox,
                y,
                w: LABEL_W * s,
                h: height,
            };
            for (n, line) in row.label.iter().enumerate() {
                let runs = self.fonts.runs(line, (TEXT + 0.5) * s, BOLD_FACE);
                let baseline = y + (CELL_PAD + TEXT + n as f32 * LINE) * s;
                self.push(Item::Text {
                    x: ox + (CELL_PAD + 2.0) * s,
                    y: baseline,
                    size: (TEXT + 0.5) * s,
                    colour,
                    runs,
                    within: label_bounds,
                });
            }
            let mut cards_top = y;
            if piece.curve {
                self.curve(map, personas, range.clone(), (ox, y), s, label_bounds);
                cards_top += CURVE_H * s;
            }
            for (i, index) in range.clone().enumerate() {
                let x = ox + (LABEL_W + i as f32 * STAGE_W) * s;
                self.push(Item::Rect {
                    x,
                    y,
                    w: 0.0,
                    h: height,
                    radius: 0.0,
                    fill: None,
                    stroke: Some(RULE),
                    line: 0.6 * s,
                });
                let mut top = cards_top + CELL_PAD * s;
                for card in &piece.cells[index] {
                    self.card(
                        card,
                        x + CELL_PAD * s,
                        top,
                        (STAGE_W - 2.0 * CELL_PAD) * s,
                        s,
                    );
                    top += (card.height() + CARD_GAP) * s;
                }
            }
            y += height;
        }
        self.push(Item::Rect {
            x: ox,
            y: oy,
            w: grid_w,
            h: grid_h,
            radius: 5.0 * s,
            fill: None,
            stroke: Some(RULE),
            line: 0.8 * s,
        });
    }

    fn card(&mut self, card: &CardBox, x: f32, y: f32, w: f32, s: f32) {
        let h = card.height() * s;
        self.push(Item::Rect {
            x,
            y,
            w,
            h,
            radius: 3.0 * s,
            fill: Some(card.colour.tint(0.9)),
            stroke: Some(card.colour.tint(0.55)),
            line: 0.5 * s,
        });
        self.push(Item::Rect {
            x,
            y,
            w: ACCENT * s,
            h,
            radius: 0.0,
            fill: Some(card.colour),
            stroke: None,
            line: 0.0,
        });
        let within = Bounds { x, y, w, h };
        let text_x = x + (ACCENT + CARD_PAD) * s;
        let mut baseline = y + (CARD_PAD + TEXT) * s;
        for line in &card.lines {
            let runs = self.fonts.runs(line, TEXT * s, REGULAR_FACE);
            self.push(Item::Text {
                x: text_x,
                y: baseline,
                size: TEXT * s,
                colour: INK,
                runs,
                within,
            });
            baseline += LINE * s;
        }
        let ink = Colour(
            card.colour.0 * 0.7,
            card.colour.1 * 0.7,
            card.colour.2 * 0.7,
        );
        for mark in &card.marks {
            baseline += (MARK_LINE - LINE) * s;
            let runs = self.fonts.runs(mark, MARK * s, REGULAR_FACE);
            self.push(Item::Text {
                x: text_x,
                y: baseline,
                size: MARK * s,
                colour: ink,
                runs,
                within,
            });
            baseline += LINE * s;
        }
    }

    /// The emotion curves of the personas across the stages in `range`, with a legend.
    fn curve(
        &mut self,
        map: &JourneyMap,
        personas: &[&Persona],
        range: std::ops::Range<usize>,
        origin: (f32, f32),
        s: f32,
        legend: Bounds,
    ) {
        let (ox, oy) = origin;
        let pad = 12.0;
        let score_y =
            |score: i8| oy + (pad + (2.0 - f32::from(score)) / 4.0 * (CURVE_H - 2.0 * pad)) * s;
        let left = ox + LABEL_W * s;
        let width = (range.len() as f32 * STAGE_W) * s;
        for score in -2..=2 {
            let y = score_y(score);
            let colour = if score == 0 {
                Colour(0.75, 0.77, 0.82)
            } else {
                Colour(0.9, 0.91, 0.93)
            };
            self.push(Item::Path {
                points: vec![(left, y), (left + width, y)],
                colour,
                width: 0.5 * s,
                dashed: score == 0,
            });
            let label = match score {
                2 => "+2",
                1 => "+1",
                0 => "0",
                -1 => "−1",
                _ => "−2",
            };
            let runs = self.fonts.runs(label, 6.0 * s, REGULAR_FACE);
            self.push(Item::Text {
                x: left + 2.0 * s,
                y: y - 1.5 * s,
                size: 6.0 * s,
                colour: MUTED,
                runs,
                within: Bounds {
                    x: left,
                    y: oy,
                    w: width,
                    h: CURVE_H * s,
                },
            });
        }
        for persona in personas {
            let colour = Colour::hex(&persona.colour);
            for state in [EmotionState::Future, EmotionState::Current] {
                let points: Vec<(f32, f32)> = map.stages[range.clone()]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, stage)| {
                        map.emotions
                            .iter()
                            .find(|e| e.is_for(&persona.id, &stage.id, state))
                            .map(|e| (left + (i as f32 + 0.5) * STAGE_W * s, score_y(e.score)))
                    })
                    .collect();
                let current = state == EmotionState::Current;
                if points.len() > 1 {
                    self.push(Item::Path {
                        points: monotone_points(&points, 12),
                        colour,
                        width: if current { 1.8 } else { 1.2 } * s,
                        dashed: !current,
                    });
                }
                for (x, y) in points {
                    let fill = if current {
                        colour
                    } else {
                        Colour(1.0, 1.0, 1.0)
                    };
                    self.push(Item::Dot {
                        x,
                        y,
                        r: if current { 2.6 } else { 2.0 } * s,
                        fill,
                        stroke: colour,
                    });
                }
            }
        }
        // Legend under the lane label: a line sample and a name for each persona.
        let mut y = legend.y + (CELL_PAD + 2.0 * LINE + 4.0) * s;
        let entries: Vec<(String, Colour, bool)> = personas
            .iter()
            .map(|p| (p.name.clone(), Colour::hex(&p.colour), false))
            .chain([
                ("current".to_owned(), MUTED, false),
                ("future".to_owned(), MUTED, true),
            ])
            .collect();
        for (name, colour, dashed) in entries {
            if y + 8.0 * s > legend.y + CURVE_H * s {
                break;
            }
            let x = legend.x + (CELL_PAD + 2.0) * s;
            self.push(Item::Path {
                points: vec![(x, y - 2.0 * s), (x + 10.0 * s, y - 2.0 * s)],
                colour,
                width: 1.4 * s,
                dashed,
            });
            let text_w = legend.w - 16.0 * s - CELL_PAD * s;
            let lines = wrap(self.fonts, &name, 6.5 * s, REGULAR_FACE, text_w);
            if let Some(line) = lines.first() {
                let runs = self.fonts.runs(line, 6.5 * s, REGULAR_FACE);
                self.push(Item::Text {
                    x: x + 13.0 * s,
                    y,
                    size: 6.5 * s,
                    colour: INK,
                    runs,
                    within: legend,
                });
            }
            y += 9.0 * s;
        }
    }

    /// "Exported <date> · Page N of M" on every page.
    fn footers(&mut self, exported: &str) {
        let count = self.pages.len();
        for index in 0..count {
            let text = format!("Exported {exported} · Page {} of {count}", index + 1);
            let runs = self.fonts.runs(&text, 7.0, REGULAR_FACE);
            let right_runs = self.fonts.runs("Waymark", 7.0, BOLD_FACE);
            let right_w: f32 = right_runs.iter().map(|r| r.width).sum();
            let page = &mut self.pages[index];
            let y = page.height - MARGIN + 4.0;
            let within = Bounds {
                x: MARGIN,
                y: page.height - MARGIN - 6.0,
                w: page.width - 2.0 * MARGIN,
                h: MARGIN + 6.0 - 8.0,
            };
            page.items.push(Item::Text {
                x: MARGIN,
                y,
                size: 7.0,
                colour: MUTED,
                runs,
                within,
            });
            page.items.push(Item::Text {
                x: page.width - MARGIN - right_w,
                y,
                size: 7.0,
                colour: MUTED,
                runs: right_runs,
                within,
            });
        }
    }
}
