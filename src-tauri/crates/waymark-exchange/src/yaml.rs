//! YAML read into a plain tree, within limits: no deeper than [`MAX_DEPTH`], and aliases that
//! repeat no more than [`MAX_ALIASED_NODES`] nodes in all, so an alias bomb ("billion laughs")
//! is refused after a bounded amount of work instead of filling the memory.

use crate::problem::{Location, Problem, Refused};
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// The deepest nesting of lists and maps a file may have.
pub(crate) const MAX_DEPTH: usize = 64;
/// How many nodes all of a file's aliases may repeat, together.
pub(crate) const MAX_ALIASED_NODES: usize = 100_000;

/// A value with the place it starts at (line and column from 1).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub line: usize,
    pub column: usize,
    pub value: Value,
}

#[derive(Debug, Clone)]
pub(crate) enum Value {
    /// A scalar as written, and whether it was plain (unquoted, so `~` or `null` is nothing
    /// and `2` is a number).
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    /// Keys in file order.
    Map(Vec<(String, Node)>),
}

impl Node {
    pub fn at(&self) -> Location {
        Location::Text {
            line: self.line,
            column: self.column,
        }
    }

    /// The text of a scalar; None for nothing (`~`, `null`, empty) and for lists and maps.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL") =>
            {
                None
            }
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A scalar read as a number (quoted too: some tools write `"1"`).
    pub fn number(&self) -> Option<f64> {
        match &self.value {
            Value::Scalar { text, .. } => text.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        }
    }

    pub fn entries(&self) -> Option<&[(String, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The value of `key`, when this is a map that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, node)| node)
    }

    /// "a list", "a map", "nothing" or "a value": what the node is, for messages.
    pub fn shape(&self) -> &'static str {
        match &self.value {
            Value::List(_) => "a list",
            Value::Map(_) => "a map",
            Value::Scalar { .. } if self.text().is_none() => "nothing",
            Value::Scalar { .. } => "a value",
        }
    }

    fn size(&self) -> usize {
        match &self.value {
            Value::Scalar { .. } => 1,
            Value::List(items) => 1 + items.iter().map(Node::size).sum::<usize>(),
            Value::Map(entries) => 1 + entries.iter().map(|(_, n)| 1 + n.size()).sum::<usize>(),
        }
    }
}

/// One document of a stream, with the line it starts on.
pub(crate) struct Document {
    pub line: usize,
    pub root: Node,
}

enum Open {
    List(Node, usize),
    /// The map, the key waiting for its value, and the anchor to record when it closes.
    Map(Node, Option<String>, usize),
}

/// Every document of a YAML stream (empty documents left out).
pub(crate) fn documents(text: &str) -> Result<Vec<Document>, Refused> {
    read(text, None)
}

/// Every document of a YAML stream, but of a document whose top-level `kind` is not `kind`
/// only its keys up to that one are kept: the rest is read for its syntax and limits, and
/// dropped, so a large document of another kind costs no memory.
pub(crate) fn documents_of_kind(text: &str, kind: &str) -> Result<Vec<Document>, Refused> {
    read(text, Some(kind))
}

fn read(text: &str, kind: Option<&str>) -> Result<Vec<Document>, Refused> {
    let mut parser = Parser::new_from_str(text);
    // Inside a document of another kind: how many lists and maps deeper than its root.
    let mut skipping: Option<usize> = None;
    let mut documents = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut aliased = 0usize;
    let mut start = 1;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            if e.info().contains("recursion limit") {
                return too_deep(*e.marker());
            }
            let mark = e.marker();
            refuse(
                mark.line(),
                mark.col() + 1,
                format!("the YAML cannot be read: {}", e.info()),
            )
        })?;
        if let Some(deeper) = skipping.as_mut() {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    *deeper += 1;
                    if open.len() + *deeper > MAX_DEPTH {
                        return Err(too_deep(mark));
                    }
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd if *deeper > 0 => {
                    *deeper -= 1;
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => skipping = None,
                Event::Scalar(..) | Event::Alias(_) => continue,
                _ => {}
            }
        }
        let here = |value| Node {
            line: mark.line(),
            column: mark.col() + 1,
            value,
        };
        let done = match event {
            Event::StreamEnd => return Ok(documents),
            Event::DocumentStart => {
                start = mark.line();
                anchors.clear();
                None
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() >= MAX_DEPTH {
                    return Err(too_deep(mark));
                }
                let is_list = matches!(event, Event::SequenceStart(..));
                open.push(if is_list {
                    Open::List(here(Value::List(Vec::new())), anchor)
                } else {
                    Open::Map(here(Value::Map(Vec::new())), None, anchor)
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match open.pop() {
                Some(Open::List(node, anchor) | Open::Map(node, _, anchor)) => {
                    remember(&mut anchors, anchor, &node);
                    Some(node)
                }
                None => None,
            },
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == TScalarStyle::Plain && tag.is_none();
                let node = here(Value::Scalar { text, plain });
                remember(&mut anchors, anchor, &node);
                Some(node)
            }
            Event::Alias(anchor) => {
                let (node, size) = anchors.get(&anchor).ok_or_else(|| {
                    refuse(
                        mark.line(),
                        mark.col() + 1,
                        "an alias names no anchor before it",
                    )
                })?;
                aliased += size;
                if aliased > MAX_ALIASED_NODES {
                    return Err(refuse(
                        mark.line(),
                        mark.col() + 1,
                        format!(
                            "the file's aliases repeat more than {MAX_ALIASED_NODES} values; a journey never needs that many (is this an alias bomb?)"
                        ),
                    ));
                }
                Some(Node {
                    line: mark.line(),
                    column: mark.col() + 1,
                    ..node.clone()
                })
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => None,
        };
        let Some(node) = done else { continue };
        let depth = open.len();
        match open.last_mut() {
            None => documents.push(Document {
                line: start,
                root: node,
            }),
            Some(Open::List(list, _)) => {
                if let Value::List(items) = &mut list.value {
                    items.push(node);
                }
            }
            Some(Open::Map(map, key, _)) => match key.take() {
                Some(key) => {
                    let other_kind = depth == 1
                        && key == "kind"
                        && kind.is_some_and(|kind| node.text() != Some(kind));
                    if let Value::Map(entries) = &mut map.value {
                        entries.push((key, node));
                    }
                    if other_kind {
                        skipping = Some(0);
                    }
                }
                None => match node.value {
                    Value::Scalar { text, .. } => *key = Some(text),
                    _ => {
                        return Err(refuse(
                            node.line,
                            node.column,
                            "a key is a list or a map; keys here are names",
                        ))
                    }
                },
            },
        }
    }
}

fn remember(anchors: &mut HashMap<usize, (Node, usize)>, anchor: usize, node: &Node) {
    if anchor > 0 {
        anchors.insert(anchor, (node.clone(), node.size()));
    }
}

fn too_deep(mark: Marker) -> Refused {
    refuse(
        mark.line(),
        mark.col() + 1,
        format!("the file is nested more than {MAX_DEPTH} levels deep; a journey never is"),
    )
}

fn refuse(line: usize, column: usize, message: impl Into<String>) -> Refused {
    Refused::one(Problem::new(Location::Text { line, column }, message))
}

#[cfg(test)]
mod tests {
    use super::documents_of_kind;

    #[test]
    fn a_document_of_another_kind_keeps_only_its_kind_and_is_still_checked() {
        let text = "kind: sbp\nlanes: [{ id: a, deep: [[1]] }]\nafter: 1\n---\nkind: cjm\nphases: [1, 2]\n";
        let documents = documents_of_kind(text, "cjm").unwrap();
        assert_eq!(documents.len(), 2);
        let kept: Vec<&str> = documents[0]
            .root
            .entries()
            .unwrap_or_default()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(kept, ["kind"]);
        assert_eq!(
            documents[1]
                .root
                .get("phases")
                .and_then(|p| p.items())
                .map(<[_]>::len),
            Some(2)
        );
        let deep = format!("kind: sbp\nx: {}{}\n", "[".repeat(70), "]".repeat(70));
        let message = documents_of_kind(&deep, "cjm").err().map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.contains("nested more than 64")));
    }
}
