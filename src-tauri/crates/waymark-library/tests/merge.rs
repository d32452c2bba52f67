//! Merging a colleague's copy through the use cases: offered on import, applied as one
//! undoable step after a version, refused with a reason when it cannot be.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

use std::path::{Path, PathBuf};
use waymark_core::merge::{Choice, Choices};
use waymark_core::{apply_batch, sample, Card, JourneyMap, MapId, Op};
use waymark_library::{
    apply_merge, check_import, export_to, preview_merge, read_for_import, remember_export,
    shared_export,
};
use waymark_store::{Made, Store};
use waymark_system::now;

/// Exports the map as a Waymark file, as the app does.
fn export(store: &mut Store, id: &MapId, path: &Path) {
    let (map, target) = shared_export(store, id).unwrap();
    export_to(&map, &target, path, now()).unwrap();
    remember_export(store, &map, &target, path).unwrap();
}

/// The colleague's copy: the exported file with a change, written as their Waymark would
/// (same ids, a new version descending from the exported one).
fn colleague_copy(sent: &Path, out: &Path, change: impl FnOnce(&mut JourneyMap)) {
    let imported = read_for_import(sent, None).outcome.unwrap();
    let mut map = imported.map.into_inner();
    change(&mut map);
    let lineage = imported.lineage.unwrap();
    let mut ancestors = vec![lineage.version];
    ancestors.extend(lineage.ancestors);
    let target = waymark_library::Target::Shared(waymark_exchange::Lineage {
        version: waymark_core::new_id(),
        ancestors,
    });
    export_to(&map, &target, out, now()).unwrap();
}

/// Rewrites a card of the first-run sample: "Instagram ad" (0) or "Support chat" (1).
fn rewrite(map: &mut JourneyMap, which: usize, text: &str) {
    let original = ["Instagram ad", "Support chat"][which];
    let card = Card {
        text: text.to_owned(),
        ..map
            .cards
            .iter()
            .find(|c| c.text == original)
            .unwrap()
            .clone()
    };
    apply_batch(map, &[Op::UpdateCard { card }]).unwrap();
}

struct Setup {
    _dir: tempfile::TempDir,
    store: Store,
    id: MapId,
    sent: PathBuf,
    back: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("lib.db")).unwrap();
    let map = sample::first_run_sample(now());
    store.insert_map(&map).unwrap();
    let (sent, back) = (
        dir.path().join("sent.journey.json"),
        dir.path().join("back.journey.json"),
    );
    export(&mut store, &map.id, &sent);
    colleague_copy(&sent, &back, |m| rewrite(m, 0, "Theirs"));
    Setup {
        _dir: dir,
        store,
        id: map.id,
        sent,
        back,
    }
}

#[test]
fn the_import_check_offers_the_merge_and_applying_it_is_one_undo_step() {
    let mut s = setup();
    let checks = check_import(&s.store, vec![read_for_import(&s.back, None)]).unwrap();
    let offer = checks[0].merge.as_ref().expect("a merge is offered");
    assert_eq!(offer.map.id, s.id);
    assert!(
        offer.base_name.contains("sent.journey.json"),
        "{}",
        offer.base_name
    );
    let sent = check_import(&s.store, vec![read_for_import(&s.sent, None)]).unwrap();
    assert!(sent[0].merge.is_none());
    assert!(sent[0]
        .merge_refused
        .as_ref()
        .unwrap()
        .contains("nothing to merge"));

    let before = s.store.read_map(&s.id).unwrap();
    let mut mine = before.clone();
    rewrite(&mut mine, 1, "Mine");
    s.store
        .apply_ops(
            &s.id,
            before.revision,
            &waymark_core::diff::changes_to_ops(&before, &mine),
        )
        .unwrap();
    let edited = s.store.read_map(&s.id).unwrap();

    let preview = preview_merge(&s.store, &s.back, &s.id, &Choices::new()).unwrap();
    assert!(preview.base.is_some());
    assert_eq!((preview.applied, preview.conflicts.len()), (1, 0));
    assert_eq!(
        s.store.read_map(&s.id).unwrap(),
        edited,
        "a preview writes nothing"
    );

    // A merge made before the map changed is refused.
    let stale = apply_merge(
        &mut s.store,
        &s.back,
        &s.id,
        &Choices::new(),
        before.revision,
    );
    assert_eq!(stale.err().unwrap().code(), "conflict");

    apply_merge(
        &mut s.store,
        &s.back,
        &s.id,
        &Choices::new(),
        edited.revision,
    )
    .unwrap();
    let merged = s.store.read_map(&s.id).unwrap();
    let texts: Vec<&str> = merged.cards.iter().map(|c| c.text.as_str()).collect();
    assert!(
        texts.contains(&"Theirs") && texts.contains(&"Mine"),
        "{texts:?}"
    );
    let versions = s.store.list_versions(&s.id).unwrap();
    assert_eq!(versions[0].made, Made::Received);
    assert_eq!(versions[1].made, Made::Merge);
    assert_eq!(versions[1].name, "Before merging back.journey.json");

    s.store.undo(&s.id).unwrap();
    let undone = s.store.read_map(&s.id).unwrap();
    assert_eq!(
        undone.clone().normalized().cards,
        edited.clone().normalized().cards
    );
    assert_eq!(undone.title, edited.title);
}

#[test]
fn a_copy_of_a_map_in_the_trash_is_refused_with_the_way_out() {
    let mut s = setup();
    s.store.delete_map(&s.id).unwrap();
    let checks = check_import(&s.store, vec![read_for_import(&s.back, None)]).unwrap();
    let why = checks[0].merge_refused.as_ref().expect("refused");
    assert!(
        why.contains("in the Trash") && why.contains("import the file as a copy"),
        "{why}"
    );
    let error = preview_merge(&s.store, &s.back, &s.id, &Choices::new())
        .err()
        .unwrap();
    assert!(error.to_string().contains("no map"), "{error}");
}

#[test]
fn a_keep_both_that_breaks_a_rule_writes_nothing() {
    let mut s = setup();
    let before = s.store.read_map(&s.id).unwrap();
    let mut mine = before.clone();
    rewrite(&mut mine, 0, &"m".repeat(3_000));
    s.store
        .apply_ops(
            &s.id,
            before.revision,
            &waymark_core::diff::changes_to_ops(&before, &mine),
        )
        .unwrap();
    let back = s.back.with_file_name("long.journey.json");
    colleague_copy(&s.sent, &back, |m| rewrite(m, 0, &"t".repeat(3_000)));
    let preview = preview_merge(&s.store, &back, &s.id, &Choices::new()).unwrap();
    let key = preview.conflicts[0].key.clone();
    let both = Choices::from([(key, Choice::Both)]);
    let preview = preview_merge(&s.store, &back, &s.id, &both).unwrap();
    assert!(preview.problem.as_ref().unwrap().contains("too long"));
    let edited = s.store.read_map(&s.id).unwrap();
    let error = apply_merge(&mut s.store, &back, &s.id, &both, edited.revision)
        .err()
        .unwrap();
    assert!(error.to_string().contains("would break a rule"), "{error}");
    assert_eq!(s.store.read_map(&s.id).unwrap(), edited);
    assert!(s
        .store
        .list_versions(&s.id)
        .unwrap()
        .iter()
        .all(|v| v.made != Made::Merge));
}
