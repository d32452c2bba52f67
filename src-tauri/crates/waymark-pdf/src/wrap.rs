//! Wrapping text to a width: at word boundaries, breaking words longer than a line (URLs).

use crate::fonts::{FaceIndex, FontSet};

/// The lines of `text` that fit in `width` points at `size`. Never loses a character: every
/// character of the input (but line-break white space) is on some line.
pub fn wrap(
    fonts: &mut FontSet,
    text: &str,
    size: f32,
    face: FaceIndex,
    width: f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.trim_end_matches('\r');
        let mut line = String::new();
        let mut line_width = 0.0;
        let space = fonts.width(" ", size, face);
        for word in paragraph.split_whitespace() {
            let word_width = fonts.width(word, size, face);
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                // Too long for any line: break it between characters.
                for c in word.chars() {
                    let c_width = fonts.width(&c.to_string(), size, face);
                    if line_width + c_width > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += c_width;
                }
            }
        }
        lines.push(line);
    }
    // Trailing empty lines add height but no text.
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}
