//! Versions stored in format 1 always read back.
use super::*;
use waymark_core::{Card, Lane, LaneId, LaneKind, Stage, StageId};

/// A map stored as a version in format 1, as an earlier Waymark wrote it: it must always
/// read back. When the map's types change, this fails until a migration re-encodes.
const STORED: &str = include_str!("versions_format1.hex");

fn small_map() -> JourneyMap {
    let mut map = JourneyMap::empty("Kept", 1);
    map.id = MapId::from("m1");
    map.stages.push(Stage {
        id: StageId::from("s1"),
        name: "Visit".into(),
        description: String::new(),
        colour: Some("#336699".into()),
        width: Some(320),
    });
    map.lanes.push(Lane {
        id: LaneId::from("l1"),
        kind: LaneKind::PainPoints,
        title: "Pains".into(),
        collapsed: false,
    });
    let mut card = Card::new(StageId::from("s1"), LaneId::from("l1"), 0, "Long queue");
    card.id = waymark_core::CardId::from("c1");
    card.order = "a0".into();
    card.severity = Some(4);
    card.tags = vec!["till".into()];
    map.cards.push(card);
    map
}

#[test]
fn a_version_stored_in_format_1_reads_back() {
    let bytes: Vec<u8> = (0..STORED.trim().len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&STORED.trim()[i..i + 2], 16).unwrap_or(0))
        .collect();
    let encoded = encode(&small_map()).ok().unwrap_or_default();
    let hex: String = encoded.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, STORED.trim(), "format 1 is what this Waymark writes");
    assert_eq!(decode(&bytes).ok(), Some(small_map()));
}
