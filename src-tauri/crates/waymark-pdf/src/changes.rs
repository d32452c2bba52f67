//! The page of changes at the end of an export: what changed since a version, under headings,
//! flowing onto more pages when it is long.

use crate::doc::{Block, Doc};
use crate::fonts::{BOLD_FACE, REGULAR_FACE};
use crate::options::ChangesPage;
use crate::page::{Bounds, Item};
use crate::style::{FOOTER, INK, MARGIN, MUTED, RULE};

const TITLE: f32 = 16.0;
const HEADING: f32 = 9.5;
const LINE: f32 = 8.5;
const BULLET_INDENT: f32 = 10.0;

impl Doc<'_> {
    /// Adds the page (or pages) of changes.
    pub(crate) fn changes(&mut self, changes: &ChangesPage) {
        let width = self.page_w - 2.0 * MARGIN;
        let bottom = self.page_h - MARGIN - FOOTER;
        let page = Bounds {
            x: MARGIN,
            y: MARGIN,
            w: width,
            h: bottom - MARGIN,
        };
        self.new_page(vec![changes.title.clone()]);
        let title = Block::measure(self.fonts, &changes.title, (TITLE, BOLD_FACE, INK), width);
        let mut y = MARGIN + self.block(&title, MARGIN, MARGIN, page) + 10.0;
        if changes.groups.is_empty() {
            let none = Block::measure(
                self.fonts,
                "Nothing changed.",
                (LINE, REGULAR_FACE, MUTED),
                width,
            );
            self.block(&none, MARGIN, y, page);
            return;
        }
        for (heading, lines) in &changes.groups {
            let heading = Block::measure(self.fonts, heading, (HEADING, BOLD_FACE, INK), width);
            // A heading does not end a page: it goes with its first line.
            if y + heading.height() + LINE * 1.25 > bottom {
                self.new_page(Vec::new());
                y = MARGIN;
            }
            self.push(Item::Rect {
                x: MARGIN,
                y: y - 3.0,
                w: width,
                h: 0.6,
                radius: 0.0,
                fill: Some(RULE),
                stroke: None,
                line: 0.0,
            });
            y += self.block(&heading, MARGIN, y, page) + 3.0;
            for line in lines {
                let block = Block::measure(
                    self.fonts,
                    line,
                    (LINE, REGULAR_FACE, INK),
                    width - BULLET_INDENT,
                );
                if y + block.height() > bottom {
                    self.new_page(Vec::new());
                    y = MARGIN;
                }
                let bullet =
                    Block::measure(self.fonts, "•", (LINE, REGULAR_FACE, MUTED), BULLET_INDENT);
                self.block(&bullet, MARGIN, y, page);
                y += self.block(&block, MARGIN + BULLET_INDENT, y, page) + 2.0;
            }
            y += 8.0;
        }
    }
}
