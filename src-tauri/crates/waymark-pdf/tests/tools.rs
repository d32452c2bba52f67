//! The PDFs themselves, checked with qpdf and poppler's pdffonts, pdfinfo and pdftotext, for
//! both layouts and every page size, on a map in Latin, Polish, Greek and Cyrillic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

use std::path::Path;
use std::process::Command;
use waymark_core::{
    apply_batch, templates, Card, EmotionState, JourneyMap, Op, Persona, PersonaId,
};
use waymark_pdf::{export_pdf, page_size, LayoutMode, Orientation, PdfOptions};

fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test ({e}); scripts/setup.sh --e2e installs it")
    });
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

/// A map whose text needs Latin diacritics, Greek and Cyrillic, with long text that wraps.
fn multilingual_map() -> JourneyMap {
    let mut map = templates::find("five-stage")
        .unwrap()
        .build("Podróż klienta: Ελληνικά и русский", 0);
    let stage_names = ["Świadomość", "Εξέταση", "Решение", "Retention", "Advocacy"];
    let mut ops: Vec<Op> = map
        .stages
        .iter()
        .zip(stage_names)
        .map(|(s, name)| Op::UpdateStage {
            stage: waymark_core::Stage {
                name: name.to_owned(),
                ..s.clone()
            },
        })
        .collect();
    let persona = Persona {
        id: PersonaId::from("p1"),
        name: "Zofia Łukasiewicz".into(),
        role: "Студентка".into(),
        goals: "Szybko zamówić".into(),
        needs: String::new(),
        frustrations: "Ουρές".into(),
        quote: "Czy mogę zapłacić kartą?".into(),
        colour: "#d1495b".into(),
        initials: String::new(),
    };
    ops.push(Op::AddPersona { persona, index: 0 });
    let texts = [
        "Zażółć gęślą jaźń — czyta opinie w internecie",
        "Συγκρίνει τιμές σε τρία καταστήματα πριν αποφασίσει",
        "Звонит в поддержку, потому что не может найти статус заказа",
        "Reads https://example.com/an/extremely/long/address/without/any/spaces/in/it/at/all",
        "Ça coûte combien? Ñandú, Ørsted, Ævar, ß",
        // Text is data: markup is printed as written, never interpreted.
        "<script>alert('x')</script><b>not bold</b>",
    ];
    for (i, stage) in map.stages.iter().enumerate() {
        for (j, lane) in map.lanes.iter().enumerate() {
            let text = format!("{} ({}.{})", texts[(i + j) % texts.len()], i + 1, j + 1);
            ops.push(Op::AddCard {
                card: Card::new(stage.id.clone(), lane.id.clone(), 0, &text),
            });
        }
        ops.push(Op::SetEmotion {
            persona_id: PersonaId::from("p1"),
            stage_id: stage.id.clone(),
            state: EmotionState::Current,
            score: Some(i as i8 % 5 - 2),
            note: None,
        });
    }
    apply_batch(&mut map, &ops).unwrap();
    map
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check(map: &JourneyMap, page: &str, orientation: Orientation, layout: LayoutMode, dir: &Path) {
    let page_mm = page_size(page, orientation).unwrap();
    let options = PdfOptions {
        page_mm,
        layout,
        lanes: None,
        personas: None,
        changes: None,
    };
    let export = export_pdf(map, &options, 1_795_347_200_000).unwrap();
    let file = dir.join(format!("{page}-{layout:?}.pdf"));
    std::fs::write(&file, &export.bytes).unwrap();
    let path = file.to_str().unwrap();
    let case = format!("{page} {orientation:?} {layout:?}");

    let (ok, qpdf) = run("qpdf", &["--check", path]);
    assert!(
        ok && !qpdf.to_lowercase().contains("warning")
            && qpdf.contains("No syntax or stream encoding errors"),
        "{case}: qpdf: {qpdf}"
    );

    let (_, fonts) = run("pdffonts", &[path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{case}: no fonts");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let (emb, sub) = (columns[columns.len() - 5], columns[columns.len() - 4]);
        assert!(
            emb == "yes" && sub == "yes",
            "{case}: a font is not embedded and subset: {row}"
        );
    }

    let (_, info) = run("pdfinfo", &["-f", "1", "-l", "999", path]);
    let (w, h) = (page_mm.0 * 72.0 / 25.4, page_mm.1 * 72.0 / 25.4);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .collect();
    assert_eq!(sizes.len(), export.pages, "{case}: {info}");
    for line in sizes {
        let numbers: Vec<f32> = line
            .split_whitespace()
            .filter_map(|t| t.parse().ok())
            .collect();
        let (pw, ph) = (numbers[numbers.len() - 2], numbers[numbers.len() - 1]);
        assert!(
            (pw - w).abs() < 0.01 && (ph - h).abs() < 0.01,
            "{case}: page is {pw} x {ph}, wanted {w} x {h}"
        );
    }
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
            .unwrap_or_default()
    };
    assert_eq!(field("Producer:"), "Waymark", "{case}");
    assert_eq!(field("Title:"), map.title, "{case}");
    assert!(field("CreationDate:").contains("2026"), "{case}: {info}");
    assert!(
        !info.contains("PDF/X"),
        "{case}: the file must not claim PDF/X: {info}"
    );

    let (_, text) = run("pdftotext", &["-raw", "-enc", "UTF-8", path, "-"]);
    let text = squeeze(&text);
    let mut wanted: Vec<String> = map.cards.iter().map(|c| c.text.clone()).collect();
    wanted.extend(map.stages.iter().map(|s| s.name.clone()));
    wanted.extend(map.lanes.iter().map(|l| l.title.clone()));
    wanted.extend(map.personas.iter().map(|p| p.name.clone()));
    for item in wanted {
        assert!(
            text.contains(&squeeze(&item)),
            "{case}: pdftotext lost \"{item}\""
        );
    }
}

#[test]
fn every_page_size_and_layout_passes_the_pdf_tools() {
    let map = multilingual_map();
    let dir = tempfile::tempdir().unwrap();
    for page in ["a4", "a3", "letter", "tabloid", "500x300mm"] {
        for layout in [LayoutMode::Fit, LayoutMode::Tiles] {
            check(&map, page, Orientation::Landscape, layout, dir.path());
        }
    }
    check(
        &map,
        "a4",
        Orientation::Portrait,
        LayoutMode::Tiles,
        dir.path(),
    );
}

#[test]
fn the_outline_has_the_map_and_its_stages() {
    let map = multilingual_map();
    let dir = tempfile::tempdir().unwrap();
    let export = export_pdf(&map, &PdfOptions::default(), 0).unwrap();
    let file = dir.path().join("outline.pdf");
    std::fs::write(&file, &export.bytes).unwrap();
    let (ok, json) = run(
        "qpdf",
        &["--json", "--json-key=outlines", file.to_str().unwrap()],
    );
    assert!(ok, "{json}");
    for title in
        std::iter::once(map.title.as_str()).chain(map.stages.iter().map(|s| s.name.as_str()))
    {
        assert!(json.contains(title), "outline lacks \"{title}\": {json}");
    }
}

#[test]
fn other_scripts_use_a_system_font_and_unknown_characters_are_reported() {
    let mut map = templates::find("blank").unwrap().build("顾客旅程 map", 0);
    let stage = map.stages[0].id.clone();
    let lane = map.lanes[0].id.clone();
    let cards = [
        Card::new(stage.clone(), lane.clone(), 0, "在线比较价格"),
        Card::new(stage, lane, 1, "Hieroglyph 𓀀 here"),
    ];
    apply_batch(&mut map, &cards.map(|card| Op::AddCard { card })).unwrap();
    let export = export_pdf(&map, &PdfOptions::default(), 0).unwrap();
    assert_eq!(export.warnings.len(), 1, "{:?}", export.warnings);
    assert!(
        export.warnings[0].contains("\"𓀀\" (U+13000)"),
        "{:?}",
        export.warnings
    );
    // Several characters no font has make one warning that lists them all.
    let mut more = map.clone();
    let mut card = more.cards[1].clone();
    card.text = "𓀀 𓀁 𓀂 and 𓀃".to_owned();
    apply_batch(&mut more, &[Op::UpdateCard { card }]).unwrap();
    let warnings = export_pdf(&more, &PdfOptions::default(), 0)
        .unwrap()
        .warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    for code in ["U+13000", "U+13001", "U+13002", "U+13003"] {
        assert!(warnings[0].contains(code), "{code}: {warnings:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cjk.pdf");
    std::fs::write(&file, &export.bytes).unwrap();
    let path = file.to_str().unwrap();
    let (_, fonts) = run("pdffonts", &[path]);
    let fallback: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.contains("DejaVu"))
        .collect();
    assert_eq!(
        fallback.len(),
        1,
        "one system font for the Chinese text (install fonts-wqy-microhei): {fonts}"
    );
    assert!(
        fallback[0].contains(" yes yes "),
        "embedded and subset: {fonts}"
    );
    let (_, text) = run("pdftotext", &["-raw", "-enc", "UTF-8", path, "-"]);
    assert!(squeeze(&text).contains("在线比较价格"), "{text}");
    assert!(squeeze(&text).contains("顾客旅程map"), "{text}");
}
