//! The top of the first page: title, description and a summary of each persona.

use crate::draw::Doc;
use crate::fonts::{FaceIndex, BOLD_FACE, REGULAR_FACE};
use crate::layout::{Bounds, Colour, Item, INK, MARGIN, MUTED};
use waymark_core::{JourneyMap, Persona};

impl Doc<'_> {
    /// The title, description and persona summary (`compact`: the title alone). Returns its
    /// height; draws only when `draw`.
    pub(crate) fn header(
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

    pub(crate) fn persona(
        &mut self,
        persona: &Persona,
        x: f32,
        y: f32,
        w: f32,
        dry_run: bool,
    ) -> f32 {
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
}
