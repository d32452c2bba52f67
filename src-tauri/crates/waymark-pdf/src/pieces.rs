//! Rows and cards measured for the page, and split over pages when they do not fit.

use crate::page::Colour;
use crate::style::{CARD_GAP, CARD_PAD, CELL_PAD, CURVE_H, LINE, MARK_LINE, MIN_ROW};
use waymark_core::{Card, Lane, LaneKind};

/// A card, or the part of it that fits on a page: its text lines and marks, wrapped.
#[derive(Debug, Clone)]
pub(crate) struct CardBox {
    pub(crate) lines: Vec<String>,
    pub(crate) marks: Vec<String>,
    pub(crate) colour: Colour,
}

impl CardBox {
    pub(crate) fn height(&self) -> f32 {
        2.0 * CARD_PAD + self.lines.len() as f32 * LINE + self.marks.len() as f32 * MARK_LINE
    }

    /// Splits off the lines that fit in `room`; at least one line, so pagination moves on.
    pub(crate) fn split(mut self, room: f32) -> (CardBox, Option<CardBox>) {
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
pub(crate) struct Row<'a> {
    pub(crate) lane: &'a Lane,
    pub(crate) label: Vec<String>,
    pub(crate) cells: Vec<Vec<CardBox>>,
    pub(crate) emotion: bool,
}

pub(crate) fn cell_height(cards: &[CardBox]) -> f32 {
    let content: f32 = cards.iter().map(CardBox::height).sum();
    2.0 * CELL_PAD + content + CARD_GAP * cards.len().saturating_sub(1) as f32
}

pub(crate) fn marks(card: &Card, kind: LaneKind) -> Vec<String> {
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

/// The part of a row on one page: which cards (or parts of cards) of each cell, and whether
/// the emotion curve is drawn in it.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub(crate) row: usize,
    pub(crate) cells: Vec<Vec<CardBox>>,
    pub(crate) curve: bool,
}

impl Piece {
    pub(crate) fn height(&self, rows: &[Row], stages: std::ops::Range<usize>) -> f32 {
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
pub(crate) fn paginate(
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
pub(crate) fn split_piece(
    piece: Piece,
    stages: std::ops::Range<usize>,
    room: f32,
) -> (Piece, Piece) {
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
