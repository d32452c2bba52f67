//! Looking at a sheet's text before reading it: its delimiter, and a quote never closed.

/// The delimiter of the header line: the most frequent of `,`, `;` and tab outside quotes.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Where a quoted cell that is never closed opens: (row, column), both from 1. A sheet with
/// one reads as if the rest of the file were that one cell, so it is refused instead.
pub(super) fn unclosed_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let delimiter = char::from(delimiter);
    let (mut row, mut column) = (1, 1);
    let mut opened: Option<(usize, usize)> = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if opened.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => opened = None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_cell_start => opened = Some((row, column)),
            c if c == delimiter => {
                column += 1;
                at_cell_start = true;
                continue;
            }
            '\n' => {
                row += 1;
                column = 1;
                at_cell_start = true;
                continue;
            }
            '\r' => continue,
            _ => {}
        }
        at_cell_start = false;
    }
    opened
}
