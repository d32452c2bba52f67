//! CSV sheets. Long layout: one card a row (`stage`, `lane`, `text`, ...). Wide layout: a
//! `stage` column and one column a lane, each non-empty cell a card (one a line).

use crate::personas::persona_named;
use crate::problem::{Location, Problems, Refused};
use crate::Imported;
use std::collections::HashMap;
use waymark_core::{
    templates, Card, EmotionScore, EmotionState, JourneyMap, Lane, LaneId, LaneKind, PersonaId,
    Stage, StageId, Timestamp, EMOTION_MAX, EMOTION_MIN,
};

/// The columns Waymark knows, with the header names it accepts for each.
const COLUMNS: &[(Column, &[&str])] = &[
    (Column::Stage, &["stage", "phase", "stagename"]),
    (Column::Lane, &["lane", "row", "type", "category"]),
    (Column::Text, &["text", "card", "content"]),
    (Column::Persona, &["persona", "actor", "steppersona"]),
    (Column::Emotion, &["emotion", "score"]),
    (Column::Channel, &["channel"]),
    (Column::Severity, &["severity"]),
    (Column::Impact, &["impact"]),
    (Column::Effort, &["effort"]),
    (Column::Value, &["value"]),
    (Column::Target, &["target"]),
    (Column::Notes, &["notes"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Stage,
    Lane,
    Text,
    Persona,
    Emotion,
    Channel,
    Severity,
    Impact,
    Effort,
    Value,
    Target,
    Notes,
}

/// "Step Persona" → "steppersona": headers match ignoring case, spaces, `_` and `-`.
fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn column_of(header: &str) -> Option<Column> {
    let name = normalise(header);
    COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(c, _)| *c)
}

/// The lane kind a lane name suggests; an unknown name gives a custom lane.
pub fn lane_kind_for(name: &str) -> LaneKind {
    let name = normalise(name);
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["pain", "frustration"]) {
        LaneKind::PainPoints
    } else if has(&["touchpoint", "channel"]) {
        LaneKind::Touchpoints
    } else if has(&["emotion", "feeling"]) {
        LaneKind::Emotions
    } else if has(&["opportunit", "idea"]) {
        LaneKind::Opportunities
    } else if has(&["kpi", "metric", "measure"]) {
        LaneKind::Kpis
    } else if has(&["backstage", "owner", "team", "system"]) {
        LaneKind::Backstage
    } else if has(&["thought", "question", "thinking"]) {
        LaneKind::Thoughts
    } else if has(&["action", "doing", "does", "step"]) {
        LaneKind::Actions
    } else if has(&["note", "quote", "evidence"]) {
        LaneKind::Notes
    } else {
        LaneKind::Custom
    }
}

/// The delimiter of the header line: the most frequent of `,`, `;` and tab outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The map being built: stages and lanes in order of first appearance.
struct Builder {
    map: JourneyMap,
    /// How many cards each (stage, lane) cell has so far.
    cell_sizes: HashMap<(StageId, LaneId), u32>,
}

impl Builder {
    fn stage(&mut self, name: &str) -> StageId {
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

    fn lane(&mut self, title: &str) -> LaneId {
        if let Some(lane) = self.map.lanes.iter().find(|l| l.title == title) {
            return lane.id.clone();
        }
        let lane = Lane {
            id: LaneId::random(),
            kind: lane_kind_for(title),
            title: title.to_owned(),
            collapsed: false,
        };
        let id = lane.id.clone();
        self.map.lanes.push(lane);
        id
    }

    fn persona(&mut self, name: &str) -> PersonaId {
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

    fn emotion(&mut self, persona: PersonaId, stage: StageId, score: i8, note: Option<String>) {
        self.map
            .emotions
            .retain(|e| !e.is_for(&persona, &stage, EmotionState::Current));
        self.map.emotions.push(EmotionScore {
            persona_id: persona,
            stage_id: stage,
            state: EmotionState::Current,
            score,
            note,
        });
    }
}

/// One data row, read through the header's columns.
struct RowView<'a> {
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
    fn get(&self, column: Column) -> &'a str {
        self.index(column)
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .unwrap_or_default()
    }

    fn optional(&self, column: Column) -> Option<String> {
        Some(self.get(column).to_owned()).filter(|v| !v.is_empty())
    }

    fn at(&self, column: Column) -> Location {
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
pub fn import_csv(text: &str, title: &str, now: Timestamp) -> Result<Imported, Refused> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
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
                    let lane = builder.lane(header);
                    builder.card(stage.clone(), lane, line);
                }
            }
        }
        let persona = view.get(Column::Persona);
        let emotion = view.get(Column::Emotion);
        match (persona.is_empty(), emotion.is_empty()) {
            (false, false) => match parse_score(emotion) {
                Some(score) => {
                    // In the long layout, the notes of a row without a card annotate the score.
                    let note = view.optional(Column::Notes).filter(|_| long && view.get(Column::Text).is_empty());
                    let persona = builder.persona(persona);
                    builder.emotion(persona, stage, score, note);
                }
                None => problems.push(
                    view.at(Column::Emotion),
                    format!("expected a whole number from {EMOTION_MIN} to {EMOTION_MAX}, not \"{emotion}\""),
                ),
            },
            (true, false) => warnings.push(format!("row {row}: the emotion \"{emotion}\" has no persona, so it was left out")),
            _ => {}
        }
    }
    if builder.map.lanes.is_empty() {
        builder.lane("Customer actions");
    }
    problems.into_result(Imported {
        map: builder.map,
        warnings,
        source_map_id: None,
    })
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
            let lane = builder.lane("Notes");
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
    let lane = builder.lane(lane_name);
    let card = builder.card(stage.clone(), lane, text);
    card.channel = view.optional(Column::Channel);
    [card.severity, card.impact, card.effort] = ratings;
    card.metric_value = view.optional(Column::Value);
    card.metric_target = view.optional(Column::Target);
    if let Some(notes) = view.optional(Column::Notes) {
        let lane = builder.lane("Notes");
        builder.card(stage.clone(), lane, &notes);
    }
}

/// The map as a long-layout CSV: one row a card, then one row a current-state emotion score.
pub fn export_csv(map: &JourneyMap) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "stage", "lane", "text", "persona", "emotion", "channel", "severity", "impact", "effort",
        "value", "target", "notes",
    ];
    let _ = writer.write_record(header);
    let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cell_cards(&stage.id, &lane.id) {
                let _ = writer.write_record([
                    stage.name.as_str(),
                    lane.title.as_str(),
                    card.text.as_str(),
                    "",
                    "",
                    card.channel.as_deref().unwrap_or_default(),
                    &number(card.severity),
                    &number(card.impact),
                    &number(card.effort),
                    card.metric_value.as_deref().unwrap_or_default(),
                    card.metric_target.as_deref().unwrap_or_default(),
                    "",
                ]);
            }
        }
        for persona in &map.personas {
            if let Some(e) = map
                .emotions
                .iter()
                .find(|e| e.is_for(&persona.id, &stage.id, EmotionState::Current))
            {
                let _ = writer.write_record([
                    stage.name.as_str(),
                    "",
                    "",
                    persona.name.as_str(),
                    &e.score.to_string(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    e.note.as_deref().unwrap_or_default(),
                ]);
            }
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
