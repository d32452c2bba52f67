//! Maps created, listed, duplicated, trashed, replaced and imported together.

use super::*;
use waymark_core::check;

#[test]
fn maps_are_created_listed_duplicated_and_deleted() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store
        .create_map(Some("b2b-long"), "  Enterprise onboarding ")
        .unwrap();
    assert_eq!(created.title, "Enterprise onboarding");
    assert_eq!((created.stages, created.lanes, created.cards), (7, 8, 0));
    let error = store.create_map(Some("nope"), "x").unwrap_err();
    assert!(
        error.to_string().contains("five-stage"),
        "lists the known templates: {error}"
    );

    let sample = store.seed_first_run_sample().unwrap().unwrap();
    assert!(
        store.seed_first_run_sample().unwrap().is_none(),
        "the sample is added once"
    );
    let copy = store.duplicate_map(&sample).unwrap();
    assert!(copy.title.ends_with("(copy)"));
    let original = store.open_map(&sample).unwrap().map;
    let duplicated = store.open_map(&copy.id).unwrap().map;
    assert_eq!(duplicated.cards.len(), original.cards.len());
    assert_eq!(duplicated.emotions.len(), original.emotions.len());
    assert!(duplicated
        .stages
        .iter()
        .all(|s| original.stages.iter().all(|o| o.id != s.id)));

    assert_eq!(store.list_maps().unwrap().len(), 3);
    store.delete_map(&sample).unwrap();
    assert_eq!(store.list_maps().unwrap().len(), 2);
    assert_eq!(store.delete_map(&sample).unwrap_err().code(), "not_found");
    assert_eq!(store.open_map(&sample).unwrap_err().code(), "not_found");
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_deleted_map_waits_in_the_trash_until_it_is_restored_or_deleted_for_good() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let sample = store.seed_first_run_sample().unwrap().unwrap();
    let other = store.create_map(Some("blank"), "Other").unwrap().id;
    store.delete_map(&sample).unwrap();
    store.delete_map(&other).unwrap();
    assert!(store.list_maps().unwrap().is_empty());
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 2);
    assert_eq!(trash[1].map.cards, 34, "{trash:?}");
    assert!(
        store.apply_ops(&sample, 0, &[]).is_err(),
        "a map in the Trash is not edited"
    );

    drop(store);
    let mut store = Store::open(&path).unwrap();
    store.restore_map(&sample).unwrap();
    let restored = store.open_map(&sample).unwrap();
    assert_eq!(
        restored.map.cards.len(),
        34,
        "restored whole, after a restart"
    );
    assert_eq!(
        store.delete_map_forever(&sample).unwrap_err().code(),
        "not_found"
    );
    store.delete_map_forever(&other).unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    store.delete_map(&sample).unwrap();
    assert_eq!(
        store.empty_old_trash().unwrap(),
        0,
        "deleted just now: kept"
    );
    assert_eq!(store.empty_trash(None).unwrap(), 1);
    assert!(store.list_maps().unwrap().is_empty() && store.list_trash().unwrap().is_empty());
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn replacing_a_map_is_one_undoable_step() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let before = store.open_map(&id).unwrap().map;
    let mut other = sample::synthetic(12, 9, 0);
    other.title = "Replacement".into();
    store.replace_map(&id, &other).unwrap();
    let replaced = store.open_map(&id).unwrap().map;
    assert_eq!(replaced.title, "Replacement");
    assert_eq!((replaced.cards.len(), replaced.stages.len()), (12, 6));
    assert_eq!(replaced.personas.len(), 3);
    store.undo(&id).unwrap();
    assert_eq!(normal(store.open_map(&id).unwrap().map), normal(before));
}

#[test]
fn several_maps_are_inserted_all_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let good = sample::synthetic(5, 1, 0);
    let mut bad = sample::synthetic(5, 2, 0);
    bad.cards[0].severity = Some(9);
    assert!(store.insert_maps(&[good.clone(), bad]).is_err());
    assert!(store.list_maps().unwrap().is_empty(), "nothing was written");
    store
        .insert_maps(&[good.clone(), sample::synthetic(3, 3, 0)])
        .unwrap();
    assert_eq!(store.list_maps().unwrap().len(), 2);
    assert!(store.has_map(&good.id).unwrap());
}

#[test]
fn new_maps_and_replacements_of_one_import_land_all_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let existing = sample::synthetic(6, 1, 0);
    store.insert_map(&existing).unwrap();
    // Imported maps get fresh element ids, as the importers give them.
    let changed = check(&existing.with_fresh_ids("Changed by a colleague", 2)).unwrap();
    let new = check(&sample::synthetic(4, 2, 0)).unwrap();
    let gone = MapId("deleted-meanwhile".to_owned());

    // The second replacement fails after the new map and the first replacement were written.
    let error = store
        .import_maps(
            std::slice::from_ref(&new),
            &[
                (existing.id.clone(), changed.clone()),
                (gone, changed.clone()),
            ],
        )
        .unwrap_err();
    assert_eq!(error.code(), "not_found", "{error}");
    assert_eq!(
        store.list_maps().unwrap().len(),
        1,
        "the new map is not there"
    );
    let stored = store.open_map(&existing.id).unwrap();
    assert_eq!(
        stored.map.title, existing.title,
        "the replacement is not there"
    );
    assert!(!stored.can_undo, "no history entry was left");

    let applied = store
        .import_maps(
            std::slice::from_ref(&new),
            &[(existing.id.clone(), changed)],
        )
        .unwrap();
    assert_eq!(applied.len(), 1);
    assert!(applied[0].can_undo);
    assert_eq!(store.list_maps().unwrap().len(), 2);
    store.undo(&existing.id).unwrap();
    assert_eq!(
        store.open_map(&existing.id).unwrap().map.title,
        existing.title
    );
}
