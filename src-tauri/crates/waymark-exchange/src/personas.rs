//! Personas that foreign formats only name (Mermaid actors, CSV persona columns).

use waymark_core::{Persona, PersonaId};

/// Persona colours, in order of first appearance.
const PERSONA_COLOURS: [&str; 6] = [
    "#d1495b", "#00798c", "#edae49", "#66a182", "#8d5a97", "#2e4057",
];

/// The persona called `name`, added with the next colour the first time it appears.
pub(crate) fn persona_named(personas: &mut Vec<Persona>, name: &str) -> PersonaId {
    let name: String = name.chars().take(80).collect();
    if let Some(existing) = personas.iter().find(|p| p.name == name) {
        return existing.id.clone();
    }
    let persona = Persona {
        id: PersonaId::random(),
        name,
        role: String::new(),
        goals: String::new(),
        needs: String::new(),
        frustrations: String::new(),
        quote: String::new(),
        colour: PERSONA_COLOURS[personas.len() % PERSONA_COLOURS.len()].to_owned(),
        initials: String::new(),
    };
    let id = persona.id.clone();
    personas.push(persona);
    id
}
