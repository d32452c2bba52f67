//! Fonts: DejaVu Sans bundled (Latin with diacritics, Greek, Cyrillic), and system fonts found
//! on demand for other scripts. Text is measured with the fonts' own glyph advances.

use std::borrow::Cow;
use std::collections::HashMap;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Which font a run of text is drawn with: an index into [`FontSet::faces`].
pub type FaceIndex = usize;
/// The bundled regular face.
pub const REGULAR_FACE: FaceIndex = 0;
/// The bundled bold face.
pub const BOLD_FACE: FaceIndex = 1;

/// A font's bytes and what is needed to measure it.
pub struct Face {
    pub name: String,
    /// The bundled fonts are borrowed, so an export does not copy them.
    pub bytes: Cow<'static, [u8]>,
    pub index: u32,
    units_per_em: f32,
    /// Advance width in em of each character met so far; `None` when the font has no glyph.
    advances: HashMap<char, Option<f32>>,
}

impl Face {
    fn load(name: &str, bytes: Cow<'static, [u8]>, index: u32) -> Option<Face> {
        let units_per_em = f32::from(ttf_parser::Face::parse(&bytes, index).ok()?.units_per_em());
        Some(Face {
            name: name.to_owned(),
            bytes,
            index,
            units_per_em,
            advances: HashMap::new(),
        })
    }

    /// The advance of `c` in em, or `None` when this font cannot draw it.
    fn advance(&mut self, c: char) -> Option<f32> {
        if let Some(known) = self.advances.get(&c) {
            return *known;
        }
        let advance = ttf_parser::Face::parse(&self.bytes, self.index)
            .ok()
            .and_then(|face| {
                let glyph = face.glyph_index(c)?;
                Some(f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em)
            });
        self.advances.insert(c, advance);
        advance
    }
}

/// A run of text drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceIndex,
    pub text: String,
    /// Width in points at the size it was measured at.
    pub width: f32,
}

/// The fonts of one export.
pub struct FontSet {
    pub faces: Vec<Face>,
    /// System fonts, listed the first time a character needs one.
    system: Option<fontdb::Database>,
    /// Which face draws a character the bundled fonts lack (`None`: no font can).
    fallback_for: HashMap<char, Option<FaceIndex>>,
    /// Characters no font could draw, in the order met.
    pub missing: Vec<char>,
}

impl FontSet {
    /// The bundled fonts.
    pub fn new() -> FontSet {
        let faces = [("DejaVu Sans", REGULAR), ("DejaVu Sans Bold", BOLD)]
            .into_iter()
            .filter_map(|(name, bytes)| Face::load(name, Cow::Borrowed(bytes), 0))
            .collect();
        FontSet {
            faces,
            system: None,
            fallback_for: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// The face that draws `c`: the preferred one, else a system font that has it.
    fn face_for(&mut self, c: char, preferred: FaceIndex) -> (FaceIndex, f32) {
        if c.is_control() {
            return (preferred, 0.0);
        }
        if let Some(advance) = self.faces.get_mut(preferred).and_then(|f| f.advance(c)) {
            return (preferred, advance);
        }
        if let Some(advance) = self.faces.get_mut(REGULAR_FACE).and_then(|f| f.advance(c)) {
            return (REGULAR_FACE, advance);
        }
        let face = match self.fallback_for.get(&c) {
            Some(known) => *known,
            None => {
                // A fallback font already loaded for another character usually has this one
                // too (the rest of the script); only otherwise are the system fonts searched.
                let loaded = (BOLD_FACE + 1..self.faces.len())
                    .find(|&index| self.faces[index].advance(c).is_some());
                let found = loaded.or_else(|| self.find_system_face(c));
                self.fallback_for.insert(c, found);
                if found.is_none() {
                    self.missing.push(c);
                }
                found
            }
        };
        match face {
            Some(index) => {
                let advance = self.faces[index].advance(c).unwrap_or(0.5);
                (index, advance)
            }
            // Drawn as the font's "missing glyph" box; the export reports it.
            None => (preferred, 0.6),
        }
    }

    fn find_system_face(&mut self, c: char) -> Option<FaceIndex> {
        let database = self.system.get_or_insert_with(|| {
            let mut database = fontdb::Database::new();
            database.load_system_fonts();
            database
        });
        let mut found = None;
        for info in database.faces() {
            let has = database
                .with_face_data(info.id, |data, index| {
                    ttf_parser::Face::parse(data, index)
                        .ok()
                        .and_then(|face| face.glyph_index(c))
                        .is_some()
                })
                .unwrap_or(false);
            if has {
                let name = info
                    .families
                    .first()
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default();
                let data = database.with_face_data(info.id, |data, index| (data.to_vec(), index));
                found = data.map(|(bytes, index)| (name, bytes, index));
                break;
            }
        }
        let (name, bytes, index) = found?;
        if let Some(existing) = self
            .faces
            .iter()
            .position(|f| f.name == name && f.index == index)
        {
            return Some(existing);
        }
        let face = Face::load(&name, Cow::Owned(bytes), index)?;
        self.faces.push(face);
        Some(self.faces.len() - 1)
    }

    /// The text split into runs by the face that draws each character, measured at `size`.
    pub fn runs(&mut self, text: &str, size: f32, preferred: FaceIndex) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let (face, advance) = self.face_for(c, preferred);
            match runs.last_mut() {
                Some(run) if run.face == face => {
                    run.text.push(c);
                    run.width += advance * size;
                }
                _ => runs.push(Run {
                    face,
                    text: c.to_string(),
                    width: advance * size,
                }),
            }
        }
        runs
    }

    /// The width of `text` at `size`, in points.
    pub fn width(&mut self, text: &str, size: f32, preferred: FaceIndex) -> f32 {
        text.chars()
            .map(|c| self.face_for(c, preferred).1 * size)
            .sum()
    }
}

impl Default for FontSet {
    fn default() -> Self {
        FontSet::new()
    }
}
