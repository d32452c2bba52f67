//! The layout never clips, never loses text and never draws off the page.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

use proptest::prelude::*;
use waymark_core::{apply_batch, sample, templates, Card, JourneyMap, Op};
use waymark_pdf::{layout, page_size, FontSet, Item, Layout, LayoutMode, Orientation, PdfOptions};

const EPSILON: f32 = 0.5;

fn options(page: &str, orientation: Orientation, mode: LayoutMode) -> PdfOptions {
    PdfOptions {
        page_mm: page_size(page, orientation).unwrap(),
        layout: mode,
        lanes: None,
        personas: None,
        changes: None,
    }
}

fn lay_out(map: &JourneyMap, options: &PdfOptions) -> Layout {
    layout(map, options, &mut FontSet::new(), "22 Nov 2026")
}

/// Every text run inside the box it belongs to, and every item on its page.
fn assert_contained(layout: &Layout) {
    for (n, page) in layout.pages.iter().enumerate() {
        let on_page = |x: f32, y: f32| {
            x >= -EPSILON
                && y >= -EPSILON
                && x <= page.width + EPSILON
                && y <= page.height + EPSILON
        };
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    runs,
                    within,
                    ..
                } => {
                    let width: f32 = runs.iter().map(|r| r.width).sum();
                    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                    assert!(*x >= within.x - EPSILON && x + width <= within.x + within.w + EPSILON, "page {n}: \"{text}\" runs out of its box sideways: x {x} + {width} vs {within:?}");
                    assert!(
                        y - size * 0.8 >= within.y - EPSILON && *y <= within.y + within.h + EPSILON,
                        "page {n}: \"{text}\" runs out of its box vertically: y {y} vs {within:?}"
                    );
                    assert!(
                        on_page(*x, *y - size) && on_page(x + width, *y),
                        "page {n}: \"{text}\" is off the page"
                    );
                }
                Item::Rect { x, y, w, h, .. } => assert!(
                    on_page(*x, *y) && on_page(x + w, y + h),
                    "page {n}: a box is off the page: {x},{y} {w}x{h} on {}x{}",
                    page.width,
                    page.height
                ),
                Item::Path { points, .. } => assert!(
                    points.iter().all(|(x, y)| on_page(*x, *y)),
                    "page {n}: a line is off the page"
                ),
                Item::Dot { x, y, .. } => {
                    assert!(on_page(*x, *y), "page {n}: a point is off the page")
                }
            }
        }
    }
}

/// All the text of the layout, without white space, in drawing order.
fn all_text(layout: &Layout) -> String {
    let mut text = String::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text { runs, .. } = item {
                for run in runs {
                    text.extend(run.text.chars().filter(|c| !c.is_whitespace()));
                }
            }
        }
    }
    text
}

/// Whether `part` appears in `whole` in order, possibly interrupted (a card split over pages).
fn in_order(part: &str, whole: &str) -> bool {
    let mut rest = whole.chars();
    part.chars().all(|c| rest.any(|w| w == c))
}

fn assert_every_card_is_there(map: &JourneyMap, layout: &Layout) {
    let text = all_text(layout);
    for card in &map.cards {
        let wanted: String = card.text.chars().filter(|c| !c.is_whitespace()).collect();
        let short: String = card.text.chars().take(60).collect();
        assert!(
            text.contains(&wanted) || in_order(&wanted, &text),
            "card text lost: {short}"
        );
    }
}

fn with_card(mut map: JourneyMap, text: &str) -> JourneyMap {
    let card = Card::new(map.stages[1].id.clone(), map.lanes[0].id.clone(), 0, text);
    apply_batch(&mut map, &[Op::AddCard { card }]).unwrap();
    map
}

#[test]
fn long_words_break_and_stay_in_their_card() {
    let url = "https://example.com/a/very/long/path/that/never/stops/for/a/space/at/all?with=query&and=more-parameters-than-fit";
    let map = with_card(sample::first_run_sample(0), url);
    for mode in [LayoutMode::Fit, LayoutMode::Tiles] {
        let laid_out = lay_out(&map, &options("a4", Orientation::Landscape, mode));
        assert_contained(&laid_out);
        assert_every_card_is_there(&map, &laid_out);
    }
}

#[test]
fn a_card_taller_than_a_page_continues_on_the_next_in_tiles() {
    let essay = "Interview notes. ".repeat(280);
    let map = with_card(
        templates::find("five-stage")
            .unwrap()
            .build("Long notes", 0),
        &essay,
    );
    let laid_out = lay_out(
        &map,
        &options("a4", Orientation::Landscape, LayoutMode::Tiles),
    );
    assert!(laid_out.pages.len() >= 3, "{} pages", laid_out.pages.len());
    assert_contained(&laid_out);
    assert_every_card_is_there(&map, &laid_out);
}

#[test]
fn tiles_repeat_stage_headers_and_lane_labels_on_every_page() {
    let map = sample::synthetic(300, 5, 0);
    let laid_out = lay_out(
        &map,
        &options("a4", Orientation::Portrait, LayoutMode::Tiles),
    );
    assert!(laid_out.pages.len() > 2);
    for (n, page) in laid_out.pages.iter().enumerate() {
        let text: String = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { runs, .. } => {
                    Some(runs.iter().map(|r| r.text.clone()).collect::<String>() + "\n")
                }
                _ => None,
            })
            .collect();
        assert!(text.contains(". "), "page {n} has no stage header");
        assert!(
            map.lanes.iter().any(|l| text.contains(&l.title)),
            "page {n} has no lane label"
        );
        assert!(
            text.contains(&format!("Page {} of {}", n + 1, laid_out.pages.len())),
            "page {n} has no page number"
        );
    }
    assert_contained(&laid_out);
    assert_every_card_is_there(&map, &laid_out);
}

#[test]
fn fit_puts_everything_on_one_page_and_warns_when_text_gets_too_small() {
    let small = lay_out(
        &sample::first_run_sample(0),
        &options("a3", Orientation::Landscape, LayoutMode::Fit),
    );
    assert_eq!(small.pages.len(), 1);
    assert!(small.warnings.is_empty(), "{:?}", small.warnings);
    assert!(small.card_text_size >= 6.0);
    let big_map = sample::synthetic(600, 2, 0);
    let big = lay_out(
        &big_map,
        &options("a4", Orientation::Landscape, LayoutMode::Fit),
    );
    assert_eq!(big.pages.len(), 1);
    assert!(big.card_text_size < 6.0);
    assert!(
        big.warnings[0].contains("choose the tiles layout"),
        "{:?}",
        big.warnings
    );
    assert_contained(&big);
    assert_every_card_is_there(&big_map, &big);
}

#[test]
fn only_the_chosen_lanes_and_personas_are_drawn() {
    let map = sample::first_run_sample(0);
    let mut chosen = options("a4", Orientation::Landscape, LayoutMode::Fit);
    chosen.lanes = Some(vec![map.lanes[0].id.clone()]);
    chosen.personas = Some(Vec::new());
    let text = all_text(&lay_out(&map, &chosen));
    assert!(text.contains("Customeractions"));
    assert!(!text.contains("Painpoints"));
    assert!(!text.contains("MayaOkafor"), "the persona was left out");
}

#[test]
fn page_sizes_and_orientations() {
    assert_eq!(
        page_size("A4", Orientation::Landscape).unwrap(),
        (297.0, 210.0)
    );
    assert_eq!(
        page_size("letter", Orientation::Portrait).unwrap(),
        (215.9, 279.4)
    );
    assert_eq!(
        page_size("500x300mm", Orientation::Landscape).unwrap(),
        (500.0, 300.0)
    );
    assert_eq!(
        page_size("500x300mm", Orientation::Portrait).unwrap(),
        (300.0, 500.0)
    );
    assert!(page_size("b5", Orientation::Landscape)
        .unwrap_err()
        .contains("unknown page size"));
    assert!(page_size("10x300mm", Orientation::Landscape)
        .unwrap_err()
        .contains("from 50 to 5000 mm"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_layout_clips_or_loses_text(cards in 0usize..150, seed in any::<u64>(), page in 0usize..5, portrait in any::<bool>(), tiles in any::<bool>()) {
        let map = sample::synthetic(cards, seed, 0);
        let page = ["a4", "a3", "letter", "tabloid", "120x90mm"][page];
        let orientation = if portrait { Orientation::Portrait } else { Orientation::Landscape };
        let mode = if tiles { LayoutMode::Tiles } else { LayoutMode::Fit };
        let laid_out = lay_out(&map, &options(page, orientation, mode));
        assert_contained(&laid_out);
        assert_every_card_is_there(&map, &laid_out);
    }
}

#[test]
fn the_preview_draws_the_first_pages_as_the_pdf_lays_them_out() {
    let map = sample::synthetic(1_000, 5, 0);
    let options = PdfOptions {
        layout: LayoutMode::Tiles,
        ..PdfOptions::default()
    };
    let preview = waymark_pdf::preview(&map, &options);
    assert!(
        preview.pages > waymark_pdf::SKETCHED_PAGES,
        "{}",
        preview.pages
    );
    assert_eq!(preview.sketches.len(), waymark_pdf::SKETCHED_PAGES);
    for page in &preview.sketches {
        assert!(!page.stages.is_empty());
        let texts = page
            .shapes
            .iter()
            .filter(|s| matches!(s, waymark_pdf::Shape::Text { .. }))
            .count();
        assert!(texts > 10, "the page's text is drawn: {texts} bars");
        for shape in &page.shapes {
            if let waymark_pdf::Shape::Text { x, y, w, h, .. } = shape {
                assert!(*x >= 0.0 && *y >= 0.0, "{shape:?}");
                assert!(
                    x + w <= page.width + 0.5 && y + h <= page.height + 0.5,
                    "{shape:?}"
                );
            }
        }
    }
}

#[test]
fn a_long_list_of_changes_flows_onto_pages_of_its_own_inside_their_margins() {
    let map = sample::first_run_sample(0);
    let lines: Vec<String> = (0..180)
        .map(|i| format!("Card “Idea {i}” moved from Awareness to Consideration, with a note long enough to wrap across the width of the page"))
        .collect();
    let with = PdfOptions {
        changes: Some(waymark_pdf::ChangesPage {
            title: "Changes since “Shown to the board”".to_owned(),
            groups: vec![("Awareness · Customer actions".to_owned(), lines)],
        }),
        ..options("a4", Orientation::Portrait, LayoutMode::Fit)
    };
    let plain = lay_out(&map, &options("a4", Orientation::Portrait, LayoutMode::Fit));
    let with_changes = lay_out(&map, &with);
    assert!(
        with_changes.pages.len() > plain.pages.len() + 1,
        "the list needs more than a page"
    );
    assert_contained(&with_changes);
    let last = &with_changes.pages[plain.pages.len()];
    assert_eq!(last.bookmarks, ["Changes since “Shown to the board”"]);
    let text = all_text(&with_changes);
    assert!(
        text.contains("“Idea0”") && text.contains("“Idea179”"),
        "no line is lost"
    );
}
