//! Waymark's edits and imports against SQLite's own floor, measured in the same run on the same
//! machine with the same pragmas (WAL, `synchronous=FULL`, foreign keys on), the two sides
//! alternating so that both see the same disk and caches:
//!
//! - one small edit: Waymark's batch (commit and history included) against one small UPDATE in
//!   its own transaction;
//! - an import: Waymark's whole insert of a new map against the same rows written with prepared
//!   plain INSERTs in one transaction.
//!
//! Prints each figure and its ratio to the floor. `FLOOR_RUNS` sets the runs of the edit
//! measures (default 400), `FLOOR_SIZES` the import sizes (default 1000,5000,20000,50000).

#![allow(clippy::expect_used, clippy::unwrap_used)] // a benchmark that cannot set up should stop

use rusqlite::{params, Connection};
use std::path::Path;
use std::time::{Duration, Instant};
use waymark_core::{apply_batch, sample, Card, CardId, JourneyMap, LaneId, Op, StageId};
use waymark_store::Store;

const MAP_CARDS: usize = 5_000;

fn runs() -> usize {
    std::env::var("FLOOR_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400)
}

fn sizes() -> Vec<usize> {
    std::env::var("FLOOR_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 5_000, 20_000, 50_000])
}

struct Figures(Vec<Duration>);

impl Figures {
    fn at(&self, q: f64) -> Duration {
        let mut sorted = self.0.clone();
        sorted.sort_unstable();
        sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
    }
    fn median(&self) -> Duration {
        self.at(0.5)
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn time(work: impl FnOnce()) -> Duration {
    let start = Instant::now();
    work();
    start.elapsed()
}

fn print_edit(name: &str, waymark: &Figures, floor: &Figures, with_history: &Figures) {
    let ratio = |floor: &Figures| waymark.median().as_secs_f64() / floor.median().as_secs_f64();
    println!(
        "{name}: median {:.3} ms, p99 {:.3} ms | one-UPDATE floor median {:.3} ms, p99 {:.3} ms, \
         ratio {:.2}x | same-writes floor median {:.3} ms, ratio {:.2}x",
        ms(waymark.median()),
        ms(waymark.at(0.99)),
        ms(floor.median()),
        ms(floor.at(0.99)),
        ratio(floor),
        ms(with_history.median()),
        ratio(with_history)
    );
}

/// A plain connection to a library file, set up as the store sets up its own.
fn plain(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("the floor's file opens");
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn
}

/// The floor of an edit: one small UPDATE in its own transaction.
fn floor_update(conn: &mut Connection, map: &JourneyMap, n: usize) {
    let tx = conn.transaction().unwrap();
    let card = &map.cards[n % map.cards.len()];
    tx.prepare_cached("UPDATE cards SET text = ?3 WHERE map_id = ?1 AND id = ?2")
        .unwrap()
        .execute(params![
            map.id.as_str(),
            card.id.as_str(),
            format!("edit {n}")
        ])
        .unwrap();
    tx.commit().unwrap();
}

/// The floor of an edit with what makes it undoable after a restart: the UPDATE, a history row
/// as long as the edit's, and the map's revision, in one transaction.
fn floor_update_with_history(conn: &mut Connection, map: &JourneyMap, n: usize, history: usize) {
    let tx = conn.transaction().unwrap();
    let card = &map.cards[n % map.cards.len()];
    tx.prepare_cached("UPDATE cards SET text = ?3 WHERE map_id = ?1 AND id = ?2")
        .unwrap()
        .execute(params![
            map.id.as_str(),
            card.id.as_str(),
            format!("edit {n}")
        ])
        .unwrap();
    tx.prepare_cached(
        "INSERT INTO history (map_id, forward, inverse, created_at) VALUES (?1, ?2, ?2, 0)",
    )
    .unwrap()
    .execute(params![map.id.as_str(), "x".repeat(history / 2)])
    .unwrap();
    tx.prepare_cached("UPDATE maps SET revision = revision + 1 WHERE id = ?1")
        .unwrap()
        .execute(params![map.id.as_str()])
        .unwrap();
    tx.commit().unwrap();
}

/// The floor of an import: the map's rows as prepared plain INSERTs in one transaction. The
/// card columns are the store's own, read from its schema, so the two sides write alike rows.
fn floor_insert(conn: &mut Connection, map: &JourneyMap) {
    let card_columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('cards')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute(
        "INSERT INTO maps (id, title, description, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![map.id.as_str(), map.title, map.description, 0, 0, 0],
    )
    .unwrap();
    {
        let mut stage = tx
            .prepare(
                "INSERT INTO stages (map_id, id, position, name, description, colour, width)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .unwrap();
        for (i, s) in map.stages.iter().enumerate() {
            let row = params![
                map.id.as_str(),
                s.id.as_str(),
                i as i64,
                s.name,
                s.description,
                s.colour,
                s.width
            ];
            stage.execute(row).unwrap();
        }
        let mut lane = tx
            .prepare(
                "INSERT INTO lanes (map_id, id, position, kind, title, collapsed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        for (i, l) in map.lanes.iter().enumerate() {
            let row = params![
                map.id.as_str(),
                l.id.as_str(),
                i as i64,
                l.kind.as_str(),
                l.title,
                l.collapsed
            ];
            lane.execute(row).unwrap();
        }
        let mut persona = tx
            .prepare(
                "INSERT INTO personas (map_id, id, position, name, role, goals, needs, frustrations,
                 quote, colour, initials) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .unwrap();
        for (i, p) in map.personas.iter().enumerate() {
            persona
                .execute(params![
                    map.id.as_str(),
                    p.id.as_str(),
                    i as i64,
                    p.name,
                    p.role,
                    p.goals,
                    p.needs,
                    p.frustrations,
                    p.quote,
                    p.colour,
                    p.initials
                ])
                .unwrap();
        }
        let order = if card_columns.iter().any(|c| c == "order_key") {
            "order_key"
        } else {
            "position"
        };
        let mut card = tx
            .prepare(&format!(
                "INSERT INTO cards (map_id, id, stage_id, lane_id, {order}, text, channel, severity,
                 impact, effort, metric_value, metric_target, colour, tags)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ))
            .unwrap();
        let mut cards: Vec<&Card> = map.cards.iter().collect();
        cards.sort_by_key(|c| (c.stage_id.as_str(), c.lane_id.as_str(), c.position));
        for (i, c) in cards.into_iter().enumerate() {
            let key = format!("{i:08}V");
            let order: &dyn rusqlite::ToSql = if order == "order_key" {
                &key
            } else {
                &c.position
            };
            card.execute(params![
                map.id.as_str(),
                c.id.as_str(),
                c.stage_id.as_str(),
                c.lane_id.as_str(),
                order,
                c.text,
                c.channel,
                c.severity,
                c.impact,
                c.effort,
                c.metric_value,
                c.metric_target,
                c.colour,
                serde_json::to_string(&c.tags).unwrap()
            ])
            .unwrap();
        }
        let mut emotion = tx
            .prepare(
                "INSERT INTO emotions (map_id, persona_id, stage_id, state, score, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        for e in &map.emotions {
            emotion
                .execute(params![
                    map.id.as_str(),
                    e.persona_id.as_str(),
                    e.stage_id.as_str(),
                    e.state.as_str(),
                    e.score,
                    e.note
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// A move, written as the app sends it.
fn move_card(id: &CardId, stage: &StageId, lane: &LaneId, position: usize) -> Op {
    serde_json::from_value(serde_json::json!({
        "type": "MoveCard", "id": id, "stage_id": stage, "lane_id": lane, "position": position
    }))
    .unwrap()
}

fn card_op(map: &JourneyMap, n: usize) -> Op {
    let card = &map.cards[n % map.cards.len()];
    let stage = &map.stages[n % map.stages.len()].id;
    move_card(
        &card.id,
        stage,
        &map.lanes[(n / 3) % map.lanes.len()].id,
        n % 7,
    )
}

/// The longest order key of a map's cards, when cards have keys.
fn longest_key(map: &JourneyMap) -> Option<usize> {
    map.cards
        .iter()
        .filter_map(|c| {
            serde_json::to_value(c).ok()?["order"]
                .as_str()
                .map(str::len)
        })
        .max()
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (a filter) is not used here.
    // On the disk the build is on: a temporary folder in memory would make commits free.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary folder");
    let runs = runs();

    // Two libraries with the same 5,000-card map: one edited by Waymark, one by plain SQL.
    let map = sample::synthetic(MAP_CARDS, 1, 0);
    let mut store = Store::open(&dir.path().join("waymark.db")).unwrap();
    store.insert_map(&map).unwrap();
    let floor_path = dir.path().join("floor.db");
    drop(Store::open(&floor_path).unwrap());
    let mut floor = plain(&floor_path);
    floor_insert(&mut floor, &map);
    let mut map_now = store.open_map(&map.id).unwrap().map;
    // Both write-ahead logs first grow to their working size, as they stay in a library used
    // for a while (the store keeps its log): measured from then on.
    for n in 0..1_500 {
        let card = &map_now.cards[n % map_now.cards.len()];
        let mut edited = card.clone();
        edited.text = format!("Warm {n}");
        let revision = map_now.revision;
        let applied = store.apply_ops(&map.id, revision, &[Op::UpdateCard { card: edited }]);
        map_now.revision = applied.unwrap().revision;
        floor_update(&mut floor, &map, n);
    }
    map_now = store.open_map(&map.id).unwrap().map;

    // The cell the same-slot moves go to.
    let target = (map_now.stages[2].id.clone(), map_now.lanes[1].id.clone());
    // Each side edits its own library; the map is followed in memory as the app follows it.
    type Batch<'a> = &'a mut dyn FnMut(&JourneyMap, usize) -> Vec<Op>;
    let mut edit = |name: &str, count: usize, ops: Batch| {
        let (mut waymark, mut plain_update, mut with_history) =
            (Vec::new(), Vec::new(), Vec::new());
        for n in 0..count {
            let batch = ops(&map_now, n);
            let revision = map_now.revision;
            let history = serde_json::to_string(&batch).unwrap().len() * 2;
            let mut applied = None;
            waymark.push(time(|| {
                applied = Some(store.apply_ops(&map.id, revision, &batch).unwrap());
            }));
            apply_batch(&mut map_now, &batch).unwrap();
            map_now.revision = applied.unwrap().revision;
            plain_update.push(time(|| floor_update(&mut floor, &map, n)));
            with_history.push(time(|| {
                floor_update_with_history(&mut floor, &map, n, history)
            }));
        }
        let figures = (
            Figures(waymark),
            Figures(plain_update),
            Figures(with_history),
        );
        print_edit(name, &figures.0, &figures.1, &figures.2);
        figures
    };

    edit("move one card on a 5,000-card map", runs, &mut |m, n| {
        vec![card_op(m, n)]
    });
    edit("add one card", runs, &mut |m, n| {
        let mut card = Card::new(
            m.stages[n % m.stages.len()].id.clone(),
            m.lanes[0].id.clone(),
            1,
            "New",
        );
        card.id = CardId::random();
        vec![Op::AddCard { card }]
    });
    edit("edit one card", runs, &mut |m, n| {
        let mut card = m.cards[(n * 13) % m.cards.len()].clone();
        card.text = format!("Edited {n}");
        vec![Op::UpdateCard { card }]
    });
    edit("delete one card", runs, &mut |m, n| {
        vec![Op::RemoveCard {
            id: m.cards[(n * 17) % m.cards.len()].id.clone(),
        }]
    });

    // 10,000 moves into the same slot: the last card of a cell, again and again, to its
    // second place.
    let moves = 10_000.min(runs * 25);
    let (waymark, plain_update, _) = edit(
        &format!("{moves} moves into the same slot"),
        moves,
        &mut |m, _| {
            let cell = m.cell_cards(&target.0, &target.1);
            let card = &cell.last().expect("the cell has cards").id;
            vec![move_card(card, &target.0, &target.1, 1)]
        },
    );
    map_now = store.open_map(&map.id).unwrap().map;
    println!(
        "  slowest move {:.3} ms ({:.2}x the floor's median; the floor's slowest {:.3} ms); longest key {}",
        ms(waymark.at(1.0)),
        waymark.at(1.0).as_secs_f64() / plain_update.median().as_secs_f64(),
        ms(plain_update.at(1.0)),
        longest_key(&map_now).map_or("(no keys)".to_owned(), |n| format!("{n} bytes"))
    );

    // Imports: a fresh map of each size, alternating with the floor's plain inserts.
    for size in sizes() {
        let rounds = if size >= 20_000 { 3 } else { 7 };
        let (mut waymark, mut plain_insert) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            let imported = sample::synthetic(size, round as u64, 0);
            let copy = imported.with_fresh_ids(&imported.title, 0);
            let path = dir.path().join(format!("import-{size}-{round}.db"));
            let mut target = Store::open(&path).unwrap();
            waymark.push(time(|| target.insert_map(&imported).unwrap()));
            drop(target);
            let floor_path = dir.path().join(format!("floor-{size}-{round}.db"));
            drop(Store::open(&floor_path).unwrap());
            let mut conn = plain(&floor_path);
            plain_insert.push(time(|| floor_insert(&mut conn, &copy)));
        }
        let (waymark, plain_insert) = (Figures(waymark), Figures(plain_insert));
        println!(
            "import {size} cards: median {:.1} ms | floor {:.1} ms | ratio {:.2}x",
            ms(waymark.median()),
            ms(plain_insert.median()),
            waymark.median().as_secs_f64() / plain_insert.median().as_secs_f64()
        );
    }
}
