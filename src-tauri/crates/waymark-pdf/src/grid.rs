//! The grid of stages and lanes, its cards, and the footers.

use crate::doc::Doc;
use crate::fonts::{BOLD_FACE, REGULAR_FACE};
use crate::page::{Bounds, Colour, Item};
use crate::pieces::{CardBox, Piece, Row};
use crate::style::{
    lane_colour, ACCENT, CARD_GAP, CARD_PAD, CELL_PAD, CURVE_H, HEADER_H, INK, LABEL_W, LINE,
    MARGIN, MARK, MARK_LINE, MUTED, RULE, STAGE_W, TEXT,
};
use crate::wrap::wrap;
use waymark_core::{JourneyMap, Persona, Stage};

impl Doc<'_> {
    /// Draws the grid of `pieces` for the stages in `range`, from `origin`, scaled.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn grid(
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

    pub(crate) fn card(&mut self, card: &CardBox, x: f32, y: f32, w: f32, s: f32) {
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
        let ink = Colour(
            card.colour.0 * 0.7,
            card.colour.1 * 0.7,
            card.colour.2 * 0.7,
        );
        // Text lines, then the smaller lane marks, each mark a little further down.
        let text = card.lines.iter().map(|line| (line, TEXT, INK, 0.0));
        let marks = card
            .marks
            .iter()
            .map(|mark| (mark, MARK, ink, MARK_LINE - LINE));
        for (line, size, colour, lead) in text.chain(marks) {
            baseline += lead * s;
            let runs = self.fonts.runs(line, size * s, REGULAR_FACE);
            self.push(Item::Text {
                x: text_x,
                y: baseline,
                size: size * s,
                colour,
                runs,
                within,
            });
            baseline += LINE * s;
        }
    }

    /// "Exported <date> · Page N of M" on every page.
    pub(crate) fn footers(&mut self, exported: &str) {
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
