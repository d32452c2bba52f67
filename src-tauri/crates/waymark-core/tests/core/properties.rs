//! Random operations keep every rule, and undo always returns the map it started from.

use super::*;

/// Turns random numbers into an operation that fits the map (or deliberately does not).
pub(crate) fn op_from(map: &JourneyMap, kind: u8, a: u32, b: u32, score: i8) -> Op {
    let pick = |len: usize, n: u32| (n as usize) % len.max(1);
    let stage = |n: u32| {
        map.stages
            .get(pick(map.stages.len(), n))
            .map(|s| s.id.clone())
            .unwrap_or_else(|| StageId::from("missing"))
    };
    let lane = |n: u32| {
        map.lanes
            .get(pick(map.lanes.len(), n))
            .map(|l| l.id.clone())
            .unwrap_or_else(|| LaneId::from("missing"))
    };
    let card = |n: u32| {
        map.cards
            .get(pick(map.cards.len(), n))
            .map(|c| c.id.clone())
            .unwrap_or_else(|| CardId::from("missing"))
    };
    match kind % 13 {
        0 | 1 => Op::AddCard {
            card: Card::new(stage(a), lane(b), a % 4, &format!("card {a}")),
        },
        2 | 3 => Op::MoveCard {
            id: card(a),
            stage_id: stage(b),
            lane_id: lane(a ^ b),
            position: b % 5,
            // Sometimes an explicit key, as an inverse or a merge sends one.
            order: (kind % 13 == 2).then(|| {
                let digit = |n: u32| char::from(order::DIGITS[(n % 61 + 1) as usize]);
                format!("{}{}", digit(a), digit(b))
            }),
        },
        4 => Op::RemoveCard { id: card(a) },
        5 => {
            let mut updated = Card::new(stage(0), lane(0), 0, &format!("edited {b}"));
            updated.id = card(a);
            updated.severity = Some((b % 7) as u8);
            Op::UpdateCard { card: updated }
        }
        6 => Op::MoveStage {
            id: stage(a),
            index: b % 7,
        },
        7 => Op::RemoveStage { id: stage(a) },
        8 => Op::AddStage {
            stage: Stage {
                id: StageId::from(format!("s{a}").as_str()),
                name: format!("Stage {a}"),
                description: String::new(),
                colour: None,
                width: None,
            },
            index: b % 8,
        },
        9 => Op::RemoveLane { id: lane(a) },
        10 => Op::AddLane {
            lane: Lane {
                id: LaneId::from(format!("l{a}").as_str()),
                kind: LaneKind::ALL[(b as usize) % LaneKind::ALL.len()],
                title: format!("Lane {a}"),
                collapsed: false,
            },
            index: b % 8,
        },
        11 => Op::SetEmotion {
            persona_id: PersonaId::from("p1"),
            stage_id: stage(a),
            state: if b.is_multiple_of(2) {
                EmotionState::Current
            } else {
                EmotionState::Future
            },
            score: if b.is_multiple_of(5) {
                None
            } else {
                Some(score)
            },
            note: b.is_multiple_of(3).then(|| "note".to_owned()),
        },
        _ => Op::MoveLane {
            id: lane(a),
            index: b % 6,
        },
    }
}

/// Positions in each cell are 0, 1, 2... and follow the cards' order keys, which are valid.
fn assert_cells_are_contiguous(map: &JourneyMap) {
    let mut cells: HashMap<(&StageId, &LaneId), Vec<&Card>> = HashMap::new();
    for card in &map.cards {
        cells
            .entry((&card.stage_id, &card.lane_id))
            .or_default()
            .push(card);
    }
    for cards in cells.values_mut() {
        cards.sort_unstable_by_key(|c| c.position);
        let positions: Vec<u32> = cards.iter().map(|c| c.position).collect();
        let expected: Vec<u32> = (0..positions.len() as u32).collect();
        assert_eq!(
            positions, expected,
            "card positions in a cell have gaps or repeats"
        );
        for pair in cards.windows(2) {
            let rank = |c: &Card| (c.order.clone(), c.id.clone());
            assert!(
                rank(pair[0]) < rank(pair[1]),
                "positions and order keys disagree"
            );
        }
        assert!(cards.iter().all(|c| order::is_valid(&c.order)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_operation_is_undone_exactly_by_its_inverse(
        steps in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -3i8..4), 1..40)
    ) {
        let mut map = five_stage();
        apply_batch(&mut map, &[Op::AddPersona { persona: persona("p1"), index: 0 }]).unwrap();
        let start = map.clone().normalized();
        let mut history = Vec::new();
        for (kind, a, b, score) in steps {
            let op = op_from(&map, kind, a, b, score);
            let before = map.clone().normalized();
            match apply_batch(&mut map, std::slice::from_ref(&op)) {
                Ok((inverse, _)) => {
                    let mut undone = map.clone();
                    apply_batch(&mut undone, &inverse).unwrap();
                    prop_assert_eq!(undone.normalized(), before, "inverse of {:?}", op);
                    history.push(inverse);
                }
                Err(_) => prop_assert_eq!(map.clone().normalized(), before, "failed {:?} changed the map", op),
            }
            assert_cells_are_contiguous(&map);
        }
        for inverse in history.iter().rev() {
            apply_batch(&mut map, inverse).unwrap();
        }
        prop_assert_eq!(map.normalized(), start);
    }

    #[test]
    fn a_batch_is_undone_by_its_inverse_batch(
        steps in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -2i8..3), 1..12)
    ) {
        let mut map = sample::first_run_sample(0);
        let start = map.clone().normalized();
        let ops: Vec<Op> = steps.iter().map(|&(k, a, b, s)| op_from(&map, k, a, b, s)).collect();
        if let Ok((inverse, _)) = apply_batch(&mut map, &ops) {
            apply_batch(&mut map, &inverse).unwrap();
        }
        prop_assert_eq!(map.normalized(), start);
    }
}

#[test]
fn operations_use_a_tagged_json_shape() {
    let op = Op::MoveStage {
        id: StageId::from("s1"),
        index: 2,
    };
    let json = serde_json::to_value(&op).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "MoveStage", "id": "s1", "index": 2})
    );
    let back: Op = serde_json::from_value(json).unwrap();
    assert_eq!(back, op);
}
