//! Versions: saved by hand or when something happens, kept across restarts, gone with their
//! map, restored as one undoable step, pruned by a rule that spares what matters.

use super::*;
use waymark_store::{Made, Received, AUTOMATIC_KEPT};

fn edit_three(store: &mut Store, id: &MapId) {
    let map = store.open_map(id).unwrap().map;
    let mut changed = map.cards[0].clone();
    changed.text = "Changed after the version".to_owned();
    let moved = &map.cards[1];
    let ops = [
        Op::UpdateCard { card: changed },
        Op::MoveCard {
            id: moved.id.clone(),
            stage_id: map.stages[map.stages.len() - 1].id.clone(),
            lane_id: moved.lane_id.clone(),
            position: 0,
            order: None,
        },
        Op::RemoveCard {
            id: map.cards[2].id.clone(),
        },
    ];
    for op in ops {
        let revision = store.open_map(id).unwrap().map.revision;
        store.apply_ops(id, revision, &[op]).unwrap();
    }
}

#[test]
fn versions_survive_a_restart_and_go_with_their_map() {
    let (_dir, path) = temp_db();
    let map = sample::first_run_sample(0);
    {
        let mut store = Store::open(&path).unwrap();
        store.insert_map(&map).unwrap();
        let saved = store
            .save_version(
                &map.id,
                "Shown to the steering group",
                "Before the pricing work",
                Made::Hand,
            )
            .unwrap();
        assert_eq!(saved.cards as usize, map.cards.len());
        store
            .save_version(&map.id, "Exported", "", Made::Export)
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let versions = store.list_versions(&map.id).unwrap();
    let names: Vec<&str> = versions.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["Exported", "Shown to the steering group"],
        "newest first"
    );
    assert_eq!(versions[0].parents, [versions[1].id.clone()], "the lineage");
    let (_, held) = store.read_version(&map.id, &versions[1].id).unwrap();
    assert_eq!(held.cards.len(), map.cards.len());

    // In the Trash the versions wait with the map; deleted for good, they go too.
    store.delete_map(&map.id).unwrap();
    assert_eq!(store.list_versions(&map.id).unwrap().len(), 2);
    store.delete_map_forever(&map.id).unwrap();
    assert!(store.list_versions(&map.id).unwrap().is_empty());
    let left: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM versions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_restore_is_one_undoable_step_after_a_version_of_now() {
    let mut store = Store::open_in_memory().unwrap();
    let map = sample::first_run_sample(0);
    store.insert_map(&map).unwrap();
    let version = store
        .save_version(&map.id, "Before", "", Made::Hand)
        .unwrap();
    edit_three(&mut store, &map.id);
    let edited = store.open_map(&map.id).unwrap().map;

    store.restore_version(&map.id, &version.id).unwrap();
    let restored = store.open_map(&map.id).unwrap();
    let (_, held) = store.read_version(&map.id, &version.id).unwrap();
    let content = |mut m: JourneyMap| {
        m.revision = 0;
        m.updated_at = 0;
        m.normalized()
    };
    assert_eq!(content(restored.map.clone()), content(held));
    let versions = store.list_versions(&map.id).unwrap();
    assert_eq!(versions[0].name, "Before restoring “Before”");
    assert_eq!(versions[0].made, Made::Restore);

    store.undo(&map.id).unwrap();
    assert_eq!(
        content(store.open_map(&map.id).unwrap().map),
        content(edited),
        "one step"
    );
}

#[test]
fn automatic_versions_are_pruned_but_named_and_shared_ones_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let map = sample::first_run_sample(0);
    store.insert_map(&map).unwrap();
    store
        .save_version(&map.id, "Named", "", Made::Hand)
        .unwrap();
    store
        .save_version(&map.id, "Sent to Ana", "", Made::Export)
        .unwrap();
    for n in 0..AUTOMATIC_KEPT + 10 {
        store
            .save_version(&map.id, &format!("Before restore {n}"), "", Made::Restore)
            .unwrap();
    }
    let versions = store.list_versions(&map.id).unwrap();
    let automatic = versions.iter().filter(|v| v.made == Made::Restore).count();
    assert_eq!(automatic, AUTOMATIC_KEPT, "the newest automatic ones");
    assert!(versions.iter().any(|v| v.name == "Named"));
    assert!(
        versions.iter().any(|v| v.name == "Sent to Ana"),
        "a file's base is kept a year"
    );
    // The lineage names every version before, pruned or not, up to its length.
    assert_eq!(versions[0].parents.len(), AUTOMATIC_KEPT + 11);
    assert!(versions[0].parents.len() <= waymark_store::LINEAGE_LEN);
}

#[test]
fn a_received_version_keeps_the_files_id_once() {
    let mut store = Store::open_in_memory().unwrap();
    let map = sample::first_run_sample(0);
    let copy = map.with_fresh_ids(&map.title, 0);
    store.insert_maps(&[map.clone(), copy.clone()]).unwrap();
    let parents = vec!["older".to_owned()];
    fn received<'a>(map: &'a JourneyMap, parents: &'a [String]) -> Received<'a> {
        Received {
            id: "v-from-ana",
            name: "Received from Ana",
            parents,
            map,
        }
    }
    let first = store
        .record_version(&map.id, &received(&map, &parents), Made::Received)
        .unwrap();
    assert_eq!(
        (first.id.as_str(), first.parents.clone()),
        ("v-from-ana", parents.clone())
    );
    let second = store
        .record_version(&copy.id, &received(&copy, &parents), Made::Received)
        .unwrap();
    assert_ne!(second.id, "v-from-ana");
    assert_eq!(second.parents, ["v-from-ana", "older"]);
    let error = store
        .save_version(&map.id, "  ", "", Made::Hand)
        .unwrap_err();
    assert_eq!(error.code(), "invalid_operation", "{error}");
}
