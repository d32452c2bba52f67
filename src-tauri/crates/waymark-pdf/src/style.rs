//! The PDF's sizes and colours, in points at scale 1.

use crate::page::Colour;
use waymark_core::LaneKind;

pub(crate) const INK: Colour = Colour(0.11, 0.13, 0.19);
pub(crate) const MUTED: Colour = Colour(0.42, 0.44, 0.52);
pub(crate) const RULE: Colour = Colour(0.86, 0.87, 0.9);

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
