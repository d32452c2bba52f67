//! Search across the library: what it finds, and an index that stays in step with every
//! write, undo, trash and upgrade.

use super::temp_db;
use proptest::prelude::*;
use rusqlite::Connection;
use std::collections::BTreeSet;
use waymark_core::{apply_batch, sample, Card, EmotionState, JourneyMap, Op};
use waymark_store::{SearchKind, Store, MIGRATIONS};

fn found(store: &Store, text: &str) -> Vec<(SearchKind, String)> {
    store
        .search(text)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| (hit.kind, hit.text))
        .collect()
}

/// Every text the index holds, as (map, kind, item, text).
fn indexed(store: &Store) -> BTreeSet<(String, String, String, String)> {
    let conn = Connection::open(store.path()).unwrap();
    let mut statement = conn
        .prepare(
            "SELECT i.map_id, i.kind, i.item_id, t.text
             FROM search_items i JOIN search_text t ON t.rowid = i.id",
        )
        .unwrap();
    let rows = statement
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// What the index should hold for these maps.
fn expected(maps: &[&JourneyMap]) -> BTreeSet<(String, String, String, String)> {
    let mut all = BTreeSet::new();
    for map in maps {
        let id = map.id.as_str().to_owned();
        let mut add = |kind: &str, item: &str, text: String| {
            all.insert((id.clone(), kind.to_owned(), item.to_owned(), text));
        };
        add(
            "map",
            map.id.as_str(),
            format!("{}\n{}", map.title, map.description),
        );
        for card in &map.cards {
            add("card", card.id.as_str(), card.text.clone());
        }
        for p in &map.personas {
            let lines = [
                &p.name,
                &p.role,
                &p.goals,
                &p.needs,
                &p.frustrations,
                &p.quote,
            ];
            let text = lines.map(String::as_str).join("\n");
            add("persona", p.id.as_str(), text);
        }
        for stage in &map.stages {
            add(
                "stage",
                stage.id.as_str(),
                format!("{}\n{}", stage.name, stage.description),
            );
        }
        for lane in &map.lanes {
            add("lane", lane.id.as_str(), lane.title.clone());
        }
        for e in &map.emotions {
            if let Some(note) = e.note.as_ref().filter(|n| !n.is_empty()) {
                let item = format!("{}/{}/{}", e.persona_id, e.stage_id, e.state.as_str());
                add("note", &item, note.clone());
            }
        }
    }
    all
}

#[test]
fn search_finds_every_kind_of_text_in_any_map_whatever_the_case_or_accents() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let sample_id = store.seed_first_run_sample().unwrap().unwrap();
    let mut other = sample::synthetic(40, 2, 0);
    other.title = "Café onboarding".into();
    other.cards[3].text = "Les clients hésitent devant le formulaire".into();
    other.cards[4].text = "申込書を郵送する".into();
    other.stages[1].name = "Renewal".into();
    other.lanes[0].title = "Backstage systems".into();
    other.personas[0].name = "Noor the nurse".into();
    other.emotions[0].note = Some("Relieved once the kit arrives".into());
    store.insert_map(&other).unwrap();

    let hits = store.search("HESITENT formul").unwrap().hits;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].map_id, other.id);
    assert_eq!(hits[0].map_title, "Café onboarding");
    assert_eq!(hits[0].kind, SearchKind::Card);
    assert_eq!(hits[0].item_id, other.cards[3].id.as_str());
    let stage = other
        .stages
        .iter()
        .find(|s| s.id == other.cards[3].stage_id)
        .unwrap();
    assert!(hits[0].place.starts_with(&format!("{} · ", stage.name)));

    assert_eq!(
        found(&store, "郵送"),
        [(SearchKind::Card, "申込書を郵送する".to_owned())],
        "two characters are found too, by scanning"
    );
    assert_eq!(found(&store, "cafe")[0].0, SearchKind::Map);
    assert!(found(&store, "renewal").contains(&(SearchKind::Stage, "Renewal\n".to_owned())));
    assert_eq!(
        found(&store, "backstage sys"),
        [(SearchKind::Lane, "Backstage systems".to_owned())]
    );
    assert_eq!(found(&store, "noor")[0].0, SearchKind::Persona);
    assert_eq!(found(&store, "kit arrives")[0].0, SearchKind::Note);
    assert!(found(&store, "no such words anywhere").is_empty());
    assert!(found(&store, "   ").is_empty());
    for odd in [
        "\"",
        "a\"b\"c",
        "NEAR(",
        "*",
        "^ca",
        "%",
        "_",
        "\\",
        "AND OR NOT",
    ] {
        store.search(odd).unwrap();
    }

    // Only maps out of the Trash are searched.
    store.delete_map(&other.id).unwrap();
    assert!(found(&store, "formulaire").is_empty());
    store.restore_map(&other.id).unwrap();
    assert_eq!(found(&store, "formulaire").len(), 1);
    assert!(store
        .search("sample")
        .unwrap()
        .hits
        .iter()
        .all(|h| h.map_id == sample_id || h.map_id == other.id));
}

#[test]
fn a_search_with_many_results_says_there_are_more() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_map(&sample::synthetic(500, 1, 0)).unwrap();
    let results = store.search("e").unwrap();
    assert_eq!(results.hits.len(), waymark_store::SEARCH_LIMIT);
    assert!(results.more);
}

#[test]
fn a_map_deleted_for_good_leaves_nothing_in_the_index() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let kept = store.seed_first_run_sample().unwrap().unwrap();
    let gone = sample::synthetic(300, 2, 0);
    store.insert_map(&gone).unwrap();
    store.delete_map(&gone.id).unwrap();
    store.delete_map_forever(&gone.id).unwrap();
    let kept = store.read_map(&kept).unwrap();
    assert_eq!(indexed(&store), expected(&[&kept]));
}

#[test]
fn upgrading_a_library_indexes_the_maps_it_holds() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let map = store.read_map(&id).unwrap();
    drop(store);
    // Back to the schema before search, as an older Waymark left it.
    let mut conn = Connection::open(&path).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for trigger in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap();
    }
    conn.execute_batch("DROP TABLE search_items; DROP TABLE search_text; PRAGMA user_version = 7")
        .unwrap();
    MIGRATIONS.to_version(&mut conn, 7).unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(indexed(&store), expected(&[&map]));
    assert!(!found(&store, "checkout").is_empty() || !found(&store, "sign").is_empty());
}

/// Random edits that change, add and remove every kind of text the index holds.
fn op_for_search(map: &JourneyMap, kind: u8, a: usize, b: usize) -> Op {
    let card = &map.cards[a % map.cards.len()];
    let stage = &map.stages[b % map.stages.len()];
    let lane = &map.lanes[a % map.lanes.len()];
    let words = ["Kiosk", "ÉTÉ", "申込", "", "wait time", "x"];
    let word = words[b % words.len()].to_owned();
    match kind % 11 {
        0 => Op::UpdateCard {
            card: Card {
                text: format!("{word} {a}"),
                ..card.clone()
            },
        },
        1 => Op::AddCard {
            card: Card::new(stage.id.clone(), lane.id.clone(), 0, &word),
        },
        2 => Op::RemoveCard {
            id: card.id.clone(),
        },
        3 => Op::SetTitle {
            title: format!("Map {word}"),
        },
        4 => Op::SetDescription { description: word },
        5 => {
            let mut persona = map.personas[a % map.personas.len()].clone();
            persona.name = format!("Persona {word}");
            persona.goals = word;
            Op::UpdatePersona { persona }
        }
        6 => {
            let mut stage = stage.clone();
            stage.name = format!("Stage {word}");
            Op::UpdateStage { stage }
        }
        7 => {
            let mut lane = lane.clone();
            lane.title = format!("Lane {word}");
            Op::UpdateLane { lane }
        }
        8 => Op::SetEmotion {
            persona_id: map.personas[a % map.personas.len()].id.clone(),
            stage_id: stage.id.clone(),
            state: if a.is_multiple_of(2) {
                EmotionState::Current
            } else {
                EmotionState::Future
            },
            score: (!a.is_multiple_of(3)).then_some(1),
            note: (!b.is_multiple_of(3)).then_some(word),
        },
        9 => Op::RemoveStage {
            id: stage.id.clone(),
        },
        _ => Op::RemoveLane {
            id: lane.id.clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// After any edits, undos and redos, the index holds exactly the texts of the map.
    #[test]
    fn the_index_always_holds_the_texts_of_the_maps(
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..20),
        undos in 0usize..6,
    ) {
        let (_dir, path) = temp_db();
        let mut store = Store::open(&path).unwrap();
        let id = store.seed_first_run_sample().unwrap().unwrap();
        let mut map = store.open_map(&id).unwrap().map;
        for (kind, a, b) in steps {
            let op: Op = op_for_search(&map, kind, a, b);
            let mut next = map.clone();
            if apply_batch(&mut next, std::slice::from_ref(&op)).is_ok() {
                next.revision = store.apply_ops(&id, map.revision, &[op]).unwrap().revision;
                map = next;
            }
            if map.cards.is_empty() { break; }
        }
        prop_assert_eq!(indexed(&store), expected(&[&map]));
        for _ in 0..undos {
            if store.undo(&id).is_err() { break; }
        }
        let map = store.read_map(&id).unwrap();
        prop_assert_eq!(indexed(&store), expected(&[&map]));
    }
}

#[test]
fn previews_count_the_cards_of_each_cell_of_the_maps_out_of_the_trash() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let map = store.read_map(&id).unwrap();
    let trashed = sample::synthetic(50, 1, 0);
    store.insert_map(&trashed).unwrap();
    store.delete_map(&trashed.id).unwrap();

    let previews = store.map_previews().unwrap();
    assert_eq!(previews.len(), 1);
    let preview = &previews[0];
    assert_eq!(preview.map_id, id);
    assert_eq!(preview.stages as usize, map.stages.len());
    let kinds: Vec<_> = map.lanes.iter().map(|l| l.kind).collect();
    assert_eq!(preview.lanes, kinds);
    for (l, lane) in map.lanes.iter().enumerate() {
        for (s, stage) in map.stages.iter().enumerate() {
            let cell = map.cell_cards(&stage.id, &lane.id).len() as u32;
            assert_eq!(preview.cards[l * map.stages.len() + s], cell);
        }
    }
    assert_eq!(preview.cards.iter().sum::<u32>() as usize, map.cards.len());
}
