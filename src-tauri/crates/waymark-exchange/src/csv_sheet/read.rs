//! Reading CSV sheets, in the long or the wide layout (see `mod.rs`).

use super::records;
use super::scan::{sniff_delimiter, unclosed_quote};
use super::{column_of, lane_kind_for, normalise, Column};
use crate::personas::persona_named;
use crate::problem::{Location, Problems, Refused};
use crate::Imported;
use std::collections::HashMap;
use waymark_core::{
    templates, Card, EmotionScore, EmotionState, JourneyMap, Lane, LaneId, LaneKind, PersonaId,
    Stage, StageId, Timestamp, EMOTION_MAX, EMOTION_MIN,
};

/// The map being built: stages and lanes in order of first appearance.
pub(super) struct Builder {
    pub(super) map: JourneyMap,
    /// How many cards each (stage, lane) cell has so far.
    cell_sizes: HashMap<(StageId, LaneId), u32>,
}

impl Builder {
    pub(super) fn stage(&mut self, name: &str) -> StageId {
        if let Some(stage) = self.map.stages.iter().find(|s| s.name == name) {
            return stage.id.clone();
        }
        let mut stage: Stage = templates::stages_named(&[name]).remove(0);
        let colours = templates::STAGE_COLOURS;
        stage.colour = Some(colours[self.map.stages.len() % colours.len()].to_owned());
        let id = stage.id.clone();
        self.map.stages.push(stage);
        id
    }

    /// The lane with this title, added (of `kind`, else the kind its title suggests) the
    /// first time it appears.
    pub(super) fn lane(&mut self, title: &str, kind: Option<LaneKind>) -> LaneId {
        if let Some(lane) = self.map.lanes.iter().find(|l| l.title == title) {
            return lane.id.clone();
        }
        let lane = Lane {
            id: LaneId::random(),
            kind: kind.unwrap_or_else(|| lane_kind_for(title)),
            title: title.to_owned(),
            collapsed: false,
        };
        let id = lane.id.clone();
        self.map.lanes.push(lane);
        id
    }

    pub(super) fn persona(&mut self, name: &str) -> PersonaId {
        persona_named(&mut self.map.personas, name)
    }

    fn card(&mut self, stage: StageId, lane: LaneId, text: &str) -> &mut Card {
        let size = self
            .cell_sizes
            .entry((stage.clone(), lane.clone()))
            .or_insert(0);
        let position = *size;
        *size += 1;
        self.map.cards.push(Card::new(stage, lane, position, text));
        let last = self.map.cards.len() - 1;
        &mut self.map.cards[last]
    }

    fn emotion(&mut self, persona: PersonaId, stage: StageId, score: EmotionScore) {
        self.map
            .emotions
            .retain(|e| !e.is_for(&persona, &stage, score.state));
        self.map.emotions.push(EmotionScore {
            persona_id: persona,
            stage_id: stage,
            ..score
        });
    }
}

/// One data row, read through the header's columns.
pub(super) struct RowView<'a> {
    row: usize,
    record: &'a csv::StringRecord,
    headers: &'a [String],
    columns: &'a [Option<Column>],
}

impl<'a> RowView<'a> {
    fn index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    /// The trimmed cell of a column; empty when the sheet has no such column.
    pub(super) fn get(&self, column: Column) -> &'a str {
        self.index(column)
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .unwrap_or_default()
    }

    pub(super) fn optional(&self, column: Column) -> Option<String> {
        Some(self.get(column).to_owned()).filter(|v| !v.is_empty())
    }

    pub(super) fn at(&self, column: Column) -> Location {
        let header = self
            .index(column)
            .map(|i| self.headers[i].clone())
            .unwrap_or_default();
        Location::Csv {
            row: self.row,
            column: header,
        }
    }
}

/// Reads a CSV sheet in the long or the wide layout.
/// The delimiter an Excel `sep=X` line names.
fn excel_separator(line: &str) -> Option<u8> {
    let line = line.trim_end_matches('\r');
    line.get(..4).filter(|h| h.eq_ignore_ascii_case("sep="))?;
    match line.as_bytes().get(4..) {
        Some([c]) if c.is_ascii_punctuation() || *c == b'\t' => Some(*c),
        _ => None,
    }
}

pub fn import_csv(
    text: &str,
    title: &str,
    now: Timestamp,
) -> Result<Imported<JourneyMap>, Refused> {
    // Excel writes `sep=;` on the first line to name the delimiter; it is no row.
    let (text, delimiter) = match text.split_once('\n') {
        Some((first, rest)) if excel_separator(first).is_some() => {
            (rest, excel_separator(first).unwrap_or(b','))
        }
        _ => (text, sniff_delimiter(text)),
    };
    if let Some((row, column)) = unclosed_quote(text, delimiter) {
        return Err(Refused::one(crate::Problem::new(
            Location::Csv {
                row,
                column: String::new(),
            },
            format!(
                "the quote opened in column {column} is never closed, so everything after it would be read as one cell: close it with another \" or remove it"
            ),
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Refused::one(crate::Problem::new(
                Location::Csv {
                    row: 1,
                    column: String::new(),
                },
                e.to_string(),
            ))
        })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let columns: Vec<Option<Column>> = headers.iter().map(|h| column_of(h)).collect();
    let find = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    if find(Column::Stage).is_none() {
        return Err(Refused::one(crate::Problem::new(
            Location::Csv { row: 1, column: String::new() },
            format!(
                "no stage column: the header row needs a \"stage\" column (or \"phase\"); it has {}",
                headers.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
            ),
        )));
    }
    let long = find(Column::Lane).is_some();
    let mut problems = Problems::default();
    if long && find(Column::Text).is_none() {
        problems.push(Location::Csv { row: 1, column: String::new() }, "the long layout needs a \"text\" column (or \"card\", \"content\") next to \"stage\" and \"lane\"");
        return problems.into_result(Imported {
            map: JourneyMap::empty(title, now),
            warnings: Vec::new(),
            source_map_id: None,
            lineage: None,
        });
    }
    let mut builder = Builder {
        map: JourneyMap::empty(title, now),
        cell_sizes: HashMap::new(),
    };
    let mut warnings = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(
                    Location::Csv {
                        row,
                        column: String::new(),
                    },
                    format!("this row cannot be read: {error}"),
                );
                continue;
            }
        };
        if record.len() > headers.len() {
            problems.push(
                Location::Csv {
                    row,
                    column: String::new(),
                },
                format!(
                    "the row has {} cells but the header has {} columns",
                    record.len(),
                    headers.len()
                ),
            );
            continue;
        }
        let view = RowView {
            row,
            record: &record,
            headers: &headers,
            columns: &columns,
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if !view.get(Column::Record).is_empty() {
            records::import_record_row(&mut builder, &view, &mut problems);
            continue;
        }
        let stage_name = view.get(Column::Stage);
        if stage_name.is_empty() {
            problems.push(view.at(Column::Stage), "expected a stage name");
            continue;
        }
        let stage = builder.stage(stage_name);
        if long {
            import_long_row(&mut builder, &stage, &view, &mut problems);
        } else {
            for (i, header) in headers.iter().enumerate() {
                let special = matches!(
                    columns[i],
                    Some(Column::Stage | Column::Persona | Column::Emotion)
                );
                if special || header.is_empty() {
                    continue;
                }
                let cell = record.get(i).unwrap_or_default();
                for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let lane = builder.lane(header, None);
                    builder.card(stage.clone(), lane, line);
                }
            }
        }
        let persona = view.get(Column::Persona);
        let emotion = view.get(Column::Emotion);
        match (persona.is_empty(), emotion.is_empty()) {
            (false, false) => match (parse_score(emotion), parse_state(view.get(Column::State))) {
                (Some(score), Some(state)) => {
                    // In the long layout, the notes of a row without a card annotate the score.
                    let note = view.optional(Column::Notes).filter(|_| long && view.get(Column::Text).is_empty());
                    let persona = builder.persona(persona);
                    let score = EmotionScore { persona_id: persona.clone(), stage_id: stage.clone(), state, score, note };
                    builder.emotion(persona, stage, score);
                }
                (None, _) => problems.push(
                    view.at(Column::Emotion),
                    format!("expected a whole number from {EMOTION_MIN} to {EMOTION_MAX}, not \"{emotion}\""),
                ),
                (_, None) => problems.push(
                    view.at(Column::State),
                    format!("expected \"current\" or \"future\", not \"{}\"", view.get(Column::State)),
                ),
            },
            (true, false) => warnings.push(format!("row {row}: the emotion \"{emotion}\" has no persona, so it was left out")),
            // A persona named without a score (a "Step Persona" column) is still one of the map's.
            (false, true) => {
                builder.persona(persona);
            }
            (true, true) => {}
        }
    }
    if builder.map.lanes.is_empty() {
        builder.lane("Customer actions", None);
    }
    problems.into_result(Imported {
        map: builder.map,
        warnings,
        source_map_id: None,
        lineage: None,
    })
}

/// An emotion row's state: current when not given; "as is" and "to be" are understood too.
fn parse_state(text: &str) -> Option<EmotionState> {
    match normalise(text).as_str() {
        "" | "current" | "asis" | "currentstate" => Some(EmotionState::Current),
        "future" | "tobe" | "futurestate" | "target" => Some(EmotionState::Future),
        _ => None,
    }
}

fn parse_score(text: &str) -> Option<i8> {
    let score: i8 = text.trim_start_matches('+').parse().ok()?;
    (EMOTION_MIN..=EMOTION_MAX)
        .contains(&score)
        .then_some(score)
}

fn import_long_row(
    builder: &mut Builder,
    stage: &StageId,
    view: &RowView<'_>,
    problems: &mut Problems,
) {
    let text = view.get(Column::Text);
    if text.is_empty() {
        // A row with only notes is a note card; with a score, the notes belong to the score.
        if let Some(notes) = view
            .optional(Column::Notes)
            .filter(|_| view.get(Column::Emotion).is_empty())
        {
            let lane = builder.lane("Notes", None);
            builder.card(stage.clone(), lane, &notes);
        }
        return;
    }
    let lane_name = view.get(Column::Lane);
    if lane_name.is_empty() {
        problems.push(view.at(Column::Lane), "expected a lane name for this card");
        return;
    }
    let mut ratings = [None; 3];
    for (slot, column) in ratings
        .iter_mut()
        .zip([Column::Severity, Column::Impact, Column::Effort])
    {
        let value = view.get(column);
        if value.is_empty() {
            continue;
        }
        match value.parse::<u8>() {
            Ok(n) if (1..=5).contains(&n) => *slot = Some(n),
            _ => problems.push(
                view.at(column),
                format!("expected a whole number from 1 to 5, not \"{value}\""),
            ),
        }
    }
    let colour = records::colour(view, problems);
    let kind = records::lane_kind(view, problems);
    let lane = builder.lane(lane_name, kind);
    let card = builder.card(stage.clone(), lane, text);
    card.channel = view.optional(Column::Channel);
    [card.severity, card.impact, card.effort] = ratings;
    card.metric_value = view.optional(Column::Value);
    card.metric_target = view.optional(Column::Target);
    card.colour = colour;
    card.tags = records::tags(view.get(Column::Tags));
    if let Some(notes) = view.optional(Column::Notes) {
        let lane = builder.lane("Notes", None);
        builder.card(stage.clone(), lane, &notes);
    }
}
