//! The pages being written, and the primitives everything else draws with: measured blocks
//! of text, boxes, lines. The grid is drawn in `grid.rs`, the header in `header.rs`, the
//! emotion curve in `curve.rs`.

use crate::fonts::{FaceIndex, FontSet};
use crate::page::{Bounds, Colour, Item, Page};
use crate::wrap::wrap;

/// The pages being written.
pub(crate) struct Doc<'f> {
    pub(crate) fonts: &'f mut FontSet,
    pub(crate) pages: Vec<Page>,
    pub(crate) page_w: f32,
    pub(crate) page_h: f32,
    pub(crate) warnings: Vec<String>,
}

impl Doc<'_> {
    pub(crate) fn new_page(&mut self, bookmarks: Vec<String>) {
        self.pages.push(Page {
            width: self.page_w,
            height: self.page_h,
            items: Vec::new(),
            bookmarks,
            stages: Vec::new(),
        });
    }

    pub(crate) fn bookmark(&mut self, name: &str) {
        if let Some(page) = self.pages.last_mut() {
            page.bookmarks.push(name.to_owned());
        }
    }

    pub(crate) fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Draws a measured block from (x, top) inside `within`; returns its height.
    pub(crate) fn block(&mut self, block: &Block, x: f32, top: f32, within: Bounds) -> f32 {
        for (i, line) in block.lines.iter().enumerate() {
            let runs = self.fonts.runs(line, block.size, block.face);
            self.push(Item::Text {
                x,
                y: top + block.size + i as f32 * block.line_height(),
                size: block.size,
                colour: block.colour,
                runs,
                within,
            });
        }
        block.height()
    }
}

/// Text wrapped to a width once, then drawn from what was measured.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub lines: Vec<String>,
    pub size: f32,
    pub face: FaceIndex,
    pub colour: Colour,
}

impl Block {
    /// `text` at `size` in `face`, wrapped to `width`.
    pub(crate) fn measure(
        fonts: &mut FontSet,
        text: &str,
        (size, face, colour): (f32, FaceIndex, Colour),
        width: f32,
    ) -> Block {
        Block {
            lines: wrap(fonts, text, size, face, width),
            size,
            face,
            colour,
        }
    }

    fn line_height(&self) -> f32 {
        self.size * 1.25
    }

    /// The height the block takes.
    pub(crate) fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height()
    }
}
