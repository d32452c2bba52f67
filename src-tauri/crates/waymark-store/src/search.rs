//! Search across the library, through the full-text index that triggers keep in step with the
//! maps (see `migrations/0008_search.sql`).

use crate::error::Result;
use crate::Store;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;
use waymark_core::MapId;

/// What a search result is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// The map's title or description.
    Map,
    Card,
    Persona,
    Stage,
    Lane,
    /// A note on a persona's emotion curve.
    Note,
}

impl SearchKind {
    fn from_sql(value: &str) -> Option<SearchKind> {
        Some(match value {
            "map" => SearchKind::Map,
            "card" => SearchKind::Card,
            "persona" => SearchKind::Persona,
            "stage" => SearchKind::Stage,
            "lane" => SearchKind::Lane,
            "note" => SearchKind::Note,
            _ => return None,
        })
    }
}

/// One place in the library where every word of a search was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SearchHit {
    pub map_id: MapId,
    pub map_title: String,
    pub kind: SearchKind,
    /// The card, persona, stage or lane id; a note's is "persona/stage/state"; a map's is its id.
    pub item_id: String,
    /// The text that matched (a persona's or a stage's lines together).
    pub text: String,
    /// Where a card is: "Stage · Lane". Empty for the rest.
    pub place: String,
}

/// The first results of a search, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// There were more results than `hits` holds.
    pub more: bool,
}

/// The shortest part of a word the index can look up; shorter words are matched by scanning
/// the texts the longer ones found (or every text when all words are short).
const INDEXED_LEN: usize = 3;

/// How many results a search returns at most.
pub const SEARCH_LIMIT: usize = 50;

/// A search, split into words: those the index finds, as an FTS5 query of quoted strings, and
/// the short ones, as LIKE patterns.
struct Query {
    indexed: Option<String>,
    short: Vec<String>,
}

impl Query {
    fn parse(text: &str) -> Option<Query> {
        let mut indexed = Vec::new();
        let mut short = Vec::new();
        for word in text.split_whitespace() {
            if word.chars().count() >= INDEXED_LEN {
                indexed.push(format!("\"{}\"", word.replace('"', "\"\"")));
            } else {
                let escaped = word
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                short.push(format!("%{escaped}%"));
            }
        }
        if indexed.is_empty() && short.is_empty() {
            return None;
        }
        Some(Query {
            indexed: (!indexed.is_empty()).then(|| indexed.join(" ")),
            short,
        })
    }

    fn sql(&self) -> String {
        let mut filters = vec!["m.deleted_at IS NULL".to_owned()];
        let mut n = 1;
        // Without a word for the index, the stored texts (FTS5's content table) are scanned
        // directly, which is several times faster than scanning through the index.
        let (texts, text, id, order) = if self.indexed.is_some() {
            filters.push("search_text MATCH ?1".to_owned());
            n += 1;
            (
                "search_text",
                "search_text.text",
                "search_text.rowid",
                "rank, i.id",
            )
        } else {
            (
                "search_text_content",
                "search_text_content.c0",
                "search_text_content.id",
                "i.id",
            )
        };
        for _ in &self.short {
            filters.push(format!("{text} LIKE ?{n} ESCAPE '\\'"));
            n += 1;
        }
        format!(
            "SELECT i.map_id, m.title, i.kind, i.item_id, {text}
             FROM {texts}
             JOIN search_items i ON i.id = {id}
             JOIN maps m ON m.id = i.map_id
             WHERE {}
             ORDER BY {order}
             LIMIT ?{n}",
            filters.join(" AND ")
        )
    }
}

fn hit_from_row(row: &Row<'_>) -> rusqlite::Result<Option<SearchHit>> {
    let kind: String = row.get(2)?;
    let Some(kind) = SearchKind::from_sql(&kind) else {
        return Ok(None);
    };
    Ok(Some(SearchHit {
        map_id: MapId(row.get(0)?),
        map_title: row.get(1)?,
        kind,
        item_id: row.get(3)?,
        text: row.get(4)?,
        place: String::new(),
    }))
}

/// Finds `text` (every word of it, as parts of words, in any order) across the maps out of
/// the Trash.
pub(crate) fn search(conn: &Connection, text: &str, limit: usize) -> Result<SearchResults> {
    let Some(query) = Query::parse(text) else {
        return Ok(SearchResults {
            hits: Vec::new(),
            more: false,
        });
    };
    let mut params: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(indexed) = &query.indexed {
        params.push(indexed.clone().into());
    }
    for pattern in &query.short {
        params.push(pattern.clone().into());
    }
    params.push(i64::try_from(limit + 1).unwrap_or(i64::MAX).into());
    let mut statement = conn.prepare_cached(&query.sql())?;
    let rows = statement.query_map(rusqlite::params_from_iter(params), hit_from_row)?;
    let mut hits: Vec<SearchHit> = rows
        .filter_map(|row| row.transpose())
        .collect::<rusqlite::Result<_>>()?;
    let more = hits.len() > limit;
    hits.truncate(limit);
    let mut place = conn.prepare_cached(
        "SELECT s.name || ' · ' || l.title FROM cards c
         JOIN stages s ON s.map_id = c.map_id AND s.id = c.stage_id
         JOIN lanes l ON l.map_id = c.map_id AND l.id = c.lane_id
         WHERE c.map_id = ?1 AND c.id = ?2",
    )?;
    for hit in hits.iter_mut().filter(|hit| hit.kind == SearchKind::Card) {
        hit.place = place
            .query_row([hit.map_id.as_str(), &hit.item_id], |row| row.get(0))
            .optional()?
            .unwrap_or_default();
    }
    Ok(SearchResults { hits, more })
}

impl Store {
    /// Searches every map out of the Trash for `text`: each whitespace-separated word must
    /// appear (as a part of a word, whatever its case or accents) in the same title, card,
    /// persona, stage, lane or note. Returns the best `SEARCH_LIMIT` results.
    pub fn search(&self, text: &str) -> Result<SearchResults> {
        self.db.read(|conn| search(conn, text, SEARCH_LIMIT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_three_letters_or_more_go_to_the_index_and_shorter_ones_to_like() {
        let query = Query::parse("  check\tin \"out\" 50% a_ ").unwrap();
        assert_eq!(
            query.indexed.as_deref(),
            Some("\"check\" \"\"\"out\"\"\" \"50%\"")
        );
        assert_eq!(query.short, vec!["%in%", "%a\\_%"]);
        assert!(Query::parse(" \n ").is_none());
    }
}
