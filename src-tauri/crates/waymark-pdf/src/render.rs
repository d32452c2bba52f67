//! Draws a layout with printpdf: vector shapes, real text in embedded, subset fonts, an outline
//! and document metadata.

use crate::fonts::FontSet;
use crate::page::{Colour, Item, Layout};
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem,
    WindingOrder,
};
use std::collections::HashMap;

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Renders the pages into PDF bytes.
pub fn render(
    layout: &Layout,
    fonts: &FontSet,
    title: &str,
    created_unix: i64,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(title);
    let info = &mut doc.metadata.info;
    info.producer = "Waymark".to_owned();
    info.creator = concat!("Waymark ", env!("CARGO_PKG_VERSION")).to_owned();
    info.document_title = title.to_owned();
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(created_unix) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
    // Only the faces some text uses are embedded.
    let mut font_ids: HashMap<usize, FontId> = HashMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text { runs, .. } = item {
                for run in runs {
                    if font_ids.contains_key(&run.face) {
                        continue;
                    }
                    let face = &fonts.faces[run.face];
                    let parsed = ParsedFont::from_bytes(
                        &face.bytes,
                        usize::try_from(face.index).unwrap_or(0),
                        &mut Vec::new(),
                    )
                    .ok_or_else(|| format!("the font {} could not be read", face.name))?;
                    font_ids.insert(run.face, doc.add_font(&parsed));
                }
            }
        }
    }
    let mut pages = Vec::new();
    for (index, page) in layout.pages.iter().enumerate() {
        let height = page.height;
        let flip = |y: f32| Pt(height - y);
        let mut ops = Vec::new();
        for item in &page.items {
            match item {
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    radius,
                    fill,
                    stroke,
                    line,
                } => {
                    let mode = match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (Some(_), None) => PaintMode::Fill,
                        (None, Some(_)) => PaintMode::Stroke,
                        (None, None) => continue,
                    };
                    if let Some(fill) = fill {
                        ops.push(Op::SetFillColor { col: colour(*fill) });
                    }
                    if let Some(stroke) = stroke {
                        ops.push(Op::SetOutlineColor {
                            col: colour(*stroke),
                        });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*line) });
                    }
                    let points = rounded_rect(*x, *y, *w, *h, *radius)
                        .into_iter()
                        .map(|(px, py)| LinePoint {
                            p: Point {
                                x: Pt(px),
                                y: flip(py),
                            },
                            bezier: false,
                        })
                        .collect();
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing { points }],
                            mode,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                Item::Path {
                    points,
                    colour: c,
                    width,
                    dashed,
                } => {
                    ops.push(Op::SetOutlineColor { col: colour(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    if *dashed {
                        ops.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::new(0.0, &[width * 3.0, width * 2.0]),
                        });
                    }
                    let points = points
                        .iter()
                        .map(|(px, py)| LinePoint {
                            p: Point {
                                x: Pt(*px),
                                y: flip(*py),
                            },
                            bezier: false,
                        })
                        .collect();
                    ops.push(Op::DrawLine {
                        line: Line {
                            points,
                            is_closed: false,
                        },
                    });
                    if *dashed {
                        ops.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::new(0.0, &[]),
                        });
                    }
                }
                Item::Dot {
                    x,
                    y,
                    r,
                    fill,
                    stroke,
                } => {
                    ops.push(Op::SetFillColor { col: colour(*fill) });
                    ops.push(Op::SetOutlineColor {
                        col: colour(*stroke),
                    });
                    ops.push(Op::SetOutlineThickness { pt: Pt(r * 0.5) });
                    let points = (0..20)
                        .map(|i| {
                            let angle = i as f32 / 20.0 * std::f32::consts::TAU;
                            LinePoint {
                                p: Point {
                                    x: Pt(x + r * angle.cos()),
                                    y: flip(y + r * angle.sin()),
                                },
                                bezier: false,
                            }
                        })
                        .collect();
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing { points }],
                            mode: PaintMode::FillStroke,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                Item::Text {
                    x,
                    y,
                    size,
                    colour: c,
                    runs,
                    ..
                } => {
                    let mut cursor = *x;
                    for run in runs {
                        let Some(font) = font_ids.get(&run.face) else {
                            continue;
                        };
                        // One text section a run: the cursor move is relative to the start of
                        // the section's line, so a second move in one section would land elsewhere.
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFillColor { col: colour(*c) });
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font.clone()),
                            size: Pt(*size),
                        });
                        ops.push(Op::SetTextCursor {
                            pos: Point {
                                x: Pt(cursor),
                                y: flip(*y),
                            },
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(run.text.clone())],
                        });
                        ops.push(Op::EndTextSection);
                        cursor += run.width;
                    }
                }
            }
        }
        pages.push(PdfPage::new(
            printpdf::Mm(page.width / crate::options::PT_PER_MM),
            printpdf::Mm(height / crate::options::PT_PER_MM),
            ops,
        ));
        for name in &page.bookmarks {
            doc.add_bookmark(name, index + 1);
        }
    }
    doc.with_pages(pages);
    let options = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..PdfSaveOptions::default()
    };
    let mut pdf = doc.to_lopdf_document(&options, &mut Vec::new());
    tidy(&mut pdf);
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Two corrections to what printpdf writes: an empty `GTS_PDFXVersion`, which makes readers
/// take the file for PDF/X (it is not), and `PageMode` as a string where PDF wants a name.
fn tidy(pdf: &mut lopdf::Document) {
    let reference = |key: &[u8]| {
        pdf.trailer
            .get(key)
            .and_then(lopdf::Object::as_reference)
            .ok()
    };
    let (info, root) = (reference(b"Info"), reference(b"Root"));
    if let Some(dict) = info.and_then(|id| {
        pdf.get_object_mut(id)
            .and_then(lopdf::Object::as_dict_mut)
            .ok()
    }) {
        dict.remove(b"GTS_PDFXVersion");
    }
    if let Some(dict) = root.and_then(|id| {
        pdf.get_object_mut(id)
            .and_then(lopdf::Object::as_dict_mut)
            .ok()
    }) {
        dict.set("PageMode", lopdf::Object::Name(b"UseOutlines".to_vec()));
    }
}

/// The outline of a box with rounded corners, as points (corners approximated by short arcs).
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, radius: f32) -> Vec<(f32, f32)> {
    let r = radius.min(w / 2.0).min(h / 2.0).max(0.0);
    if r < 0.1 {
        return vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
    }
    let corners = [
        (x + w - r, y + r, -90.0_f32),
        (x + w - r, y + h - r, 0.0),
        (x + r, y + h - r, 90.0),
        (x + r, y + r, 180.0),
    ];
    let mut points = Vec::new();
    for (cx, cy, start) in corners {
        for step in 0..=4 {
            let angle = (start + step as f32 * 22.5).to_radians();
            points.push((cx + r * angle.cos(), cy + r * angle.sin()));
        }
    }
    points
}
