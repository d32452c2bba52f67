//! The emotion curve: its shape, a monotone cubic through the points (it never overshoots a
//! score) flattened into short straight segments, and its drawing with a legend.

use crate::doc::Doc;
use crate::fonts::REGULAR_FACE;
use crate::page::{Bounds, Colour, Item};
use crate::style::{CELL_PAD, CURVE_H, INK, LABEL_W, LINE, MUTED, STAGE_W};
use crate::wrap::wrap;
use waymark_core::{EmotionState, JourneyMap, Persona};

/// Points along a smooth curve through `points` (sorted by x), `steps` segments between each
/// pair. Same tangents as the editor's curve, so paper and screen match.
pub fn monotone_points(points: &[(f32, f32)], steps: usize) -> Vec<(f32, f32)> {
    let n = points.len();
    if n < 2 {
        return points.to_vec();
    }
    let slopes: Vec<f32> = points
        .windows(2)
        .map(|w| (w[1].1 - w[0].1) / (w[1].0 - w[0].0))
        .collect();
    let tangents: Vec<f32> = (0..n)
        .map(|i| {
            if i == 0 {
                return slopes[0];
            }
            if i == n - 1 {
                return slopes[n - 2];
            }
            let (before, after) = (slopes[i - 1], slopes[i]);
            if before * after <= 0.0 {
                return 0.0;
            }
            let dx_before = points[i].0 - points[i - 1].0;
            let dx_after = points[i + 1].0 - points[i].0;
            3.0 * (dx_before + dx_after)
                / ((2.0 * dx_after + dx_before) / before + (dx_after + 2.0 * dx_before) / after)
        })
        .collect();
    let mut out = vec![points[0]];
    for i in 0..n - 1 {
        let (x0, y0) = points[i];
        let (x1, y1) = points[i + 1];
        let h = x1 - x0;
        for step in 1..=steps {
            let t = step as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let y = (2.0 * t3 - 3.0 * t2 + 1.0) * y0
                + (t3 - 2.0 * t2 + t) * h * tangents[i]
                + (-2.0 * t3 + 3.0 * t2) * y1
                + (t3 - t2) * h * tangents[i + 1];
            out.push((x0 + t * h, y));
        }
    }
    out
}

impl Doc<'_> {
    /// The emotion curves of the personas across the stages in `range`, with a legend.
    pub(crate) fn curve(
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
}
