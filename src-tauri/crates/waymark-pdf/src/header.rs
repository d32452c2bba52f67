//! The top of a page: the title, and on the first page the description and a summary of each
//! persona. Measured once per export, then drawn from what was measured.

use crate::doc::{Block, Doc};
use crate::fonts::{FontSet, BOLD_FACE, REGULAR_FACE};
use crate::page::{Bounds, Colour, Item};
use crate::style::{INK, MARGIN, MUTED};
use waymark_core::{JourneyMap, Persona};

/// The widest a persona's summary box is.
const PERSONA_BOX_W: f32 = 230.0;
const PERSONA_GAP: f32 = 8.0;
/// Space around a persona's lines in its box, and where its lines start.
const PERSONA_PAD: f32 = 6.0;
const PERSONA_TEXT_X: f32 = 14.0;

/// A persona's summary box, measured.
struct PersonaBox {
    colour: Colour,
    lines: Vec<Block>,
    height: f32,
}

/// The header of every page, measured for the width of the page's content.
pub(crate) struct Header {
    width: f32,
    /// The title of the first page (large) and of the pages after it (small).
    title: Block,
    compact_title: Block,
    description: Option<Block>,
    /// The persona boxes, row by row.
    personas: Vec<Vec<PersonaBox>>,
}

impl Header {
    /// Wraps and measures every line the header can show.
    pub(crate) fn measure(
        fonts: &mut FontSet,
        map: &JourneyMap,
        personas: &[&Persona],
        width: f32,
    ) -> Header {
        let box_w = PERSONA_BOX_W.min(width);
        let per_row = ((width + PERSONA_GAP) / (box_w + PERSONA_GAP))
            .floor()
            .max(1.0) as usize;
        Header {
            width,
            title: Block::measure(fonts, &map.title, (16.0, BOLD_FACE, INK), width),
            compact_title: Block::measure(fonts, &map.title, (11.0, BOLD_FACE, INK), width),
            description: (!map.description.trim().is_empty()).then(|| {
                Block::measure(fonts, &map.description, (9.0, REGULAR_FACE, MUTED), width)
            }),
            personas: personas
                .chunks(per_row)
                .map(|row| {
                    row.iter()
                        .map(|persona| persona_box(fonts, persona, box_w))
                        .collect()
                })
                .collect(),
        }
    }

    /// The height of the header: the title alone (`compact`), or with the description and the
    /// personas.
    pub(crate) fn height(&self, compact: bool) -> f32 {
        if compact {
            return self.compact_title.height() + 8.0;
        }
        let description = self.description.as_ref().map_or(0.0, |d| d.height() + 6.0);
        let personas: f32 = self
            .personas
            .iter()
            .map(|row| row.iter().map(|b| b.height).fold(0.0, f32::max) + PERSONA_GAP)
            .sum();
        self.title.height() + 4.0 + description + personas + 4.0
    }
}

/// A persona's name, role, goals, needs, frustrations and quote, wrapped to the box.
fn persona_box(fonts: &mut FontSet, persona: &Persona, w: f32) -> PersonaBox {
    let inner = w - 20.0;
    let mut texts = vec![(persona.name.clone(), 9.0, BOLD_FACE, INK)];
    if !persona.role.is_empty() {
        texts.push((persona.role.clone(), 7.5, REGULAR_FACE, MUTED));
    }
    for (label, text) in [
        ("Goals", &persona.goals),
        ("Needs", &persona.needs),
        ("Frustrations", &persona.frustrations),
    ] {
        if !text.is_empty() {
            texts.push((format!("{label}: {text}"), 7.0, REGULAR_FACE, INK));
        }
    }
    if !persona.quote.is_empty() {
        texts.push((format!("“{}”", persona.quote), 7.0, REGULAR_FACE, MUTED));
    }
    let lines: Vec<Block> = texts
        .iter()
        .map(|(text, size, face, ink)| Block::measure(fonts, text, (*size, *face, *ink), inner))
        .collect();
    let height = 2.0 * PERSONA_PAD + lines.iter().map(Block::height).sum::<f32>();
    PersonaBox {
        colour: Colour::hex(&persona.colour),
        lines,
        height,
    }
}

impl Doc<'_> {
    /// Draws the header at the top of the current page; returns its height.
    pub(crate) fn header(&mut self, header: &Header, compact: bool) -> f32 {
        let page = Bounds {
            x: MARGIN,
            y: MARGIN,
            w: header.width,
            h: self.page_h - 2.0 * MARGIN,
        };
        let title = if compact {
            &header.compact_title
        } else {
            &header.title
        };
        let mut y = MARGIN + self.block(title, MARGIN, MARGIN, page) + 4.0;
        if !compact {
            if let Some(description) = &header.description {
                y += self.block(description, MARGIN, y, page) + 6.0;
            }
            for row in &header.personas {
                let box_w = PERSONA_BOX_W.min(header.width);
                for (i, persona) in row.iter().enumerate() {
                    let x = MARGIN + i as f32 * (box_w + PERSONA_GAP);
                    self.persona(persona, x, y, box_w);
                }
                y += row.iter().map(|b| b.height).fold(0.0, f32::max) + PERSONA_GAP;
            }
        }
        header.height(compact)
    }

    fn persona(&mut self, persona: &PersonaBox, x: f32, y: f32, w: f32) {
        let h = persona.height;
        self.push(Item::Rect {
            x,
            y,
            w,
            h,
            radius: 4.0,
            fill: Some(persona.colour.tint(0.92)),
            stroke: Some(persona.colour.tint(0.5)),
            line: 0.6,
        });
        self.push(Item::Rect {
            x: x + 5.0,
            y: y + PERSONA_PAD,
            w: 4.0,
            h: h - 2.0 * PERSONA_PAD,
            radius: 2.0,
            fill: Some(persona.colour),
            stroke: None,
            line: 0.0,
        });
        let bounds = Bounds { x, y, w, h };
        let mut top = y + PERSONA_PAD;
        for line in &persona.lines {
            top += self.block(line, x + PERSONA_TEXT_X, top, bounds);
        }
    }
}
