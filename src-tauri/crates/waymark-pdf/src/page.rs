//! What a layout is made of: pages of boxes, paths, dots and text runs, in points from the
//! top-left corner of each page. The renderer and the preview only read these.

use crate::fonts::Run;

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
