//! What Mermaid does to a diagram's text before its journey grammar reads it: YAML front
//! matter (`---` … `---`, whose `title` titles the diagram) is taken off, `%%{…}%%` directives
//! (on one line or several) and `%%` comment lines are dropped. A Markdown file's diagram is
//! its first ```` ```mermaid ```` block that is a journey; an HTML page's, its first
//! `<pre class="mermaid">`; a reStructuredText page's, its first `.. mermaid::` directive. Entities (`#35;`, `#quot;`) are how a
//! diagram writes characters its grammar cannot hold.

use crate::problem::{Location, Problem, Refused};
use crate::yaml;

/// A journey's statements, with the line each is on (from 1, in the whole file).
pub(super) struct Source {
    /// The front matter's `title`.
    pub title: Option<String>,
    /// Every line after the `journey` line that is not a comment or directive.
    pub lines: Vec<(usize, String)>,
}

/// Whether the text is a Mermaid journey, raw or in a Markdown block.
pub(crate) fn looks_like_mermaid(text: &str) -> bool {
    matches!(source(text), Ok(Some(_)) | Err(_))
        || text.contains("```mermaid")
        || text.contains("~~~mermaid")
}

/// The journey of a raw diagram or, failing that, of the first Markdown block that is one.
/// `Ok(None)` when there is none; an error when its front matter cannot be read.
pub(super) fn source(text: &str) -> Result<Option<Source>, Refused> {
    // Most files that are no journey (a large sheet, say) say so without being read in lines.
    let journey = b"journey";
    if !text
        .as_bytes()
        .windows(journey.len())
        .any(|w| w.eq_ignore_ascii_case(journey))
    {
        return Ok(None);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    if let Some(found) = diagram(&lines)? {
        return Ok(Some(found));
    }
    let mut rest = lines.as_slice();
    while let Some(open) = rest.iter().position(|(_, l)| is_fence(l, true)) {
        let block = &rest[open + 1..];
        let close = block
            .iter()
            .position(|(_, l)| is_fence(l, false))
            .unwrap_or(block.len());
        if let Some(found) = diagram(&block[..close])? {
            return Ok(Some(found));
        }
        rest = block.get(close + 1..).unwrap_or_default();
    }
    for block in html_blocks(&lines).into_iter().chain(rst_blocks(&lines)) {
        let borrowed: Vec<(usize, &str)> = block.iter().map(|(n, l)| (*n, l.as_str())).collect();
        if let Some(found) = diagram(&borrowed)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// A Markdown fence (three or more backticks or tildes) opening a `mermaid` block, or any
/// fence closing one.
fn is_fence(line: &str, opening: bool) -> bool {
    let line = line.trim_start();
    let Some(mark) = line.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return false;
    };
    let after = line.trim_start_matches(mark);
    if line.len() - after.len() < 3 {
        return false;
    }
    !opening || after.trim_start().starts_with("mermaid")
}

/// The blocks of an HTML page Mermaid draws: `<pre class="mermaid">` and `<div class="mermaid">`,
/// with HTML's escapes undone.
fn html_blocks(lines: &[(usize, &str)]) -> Vec<Vec<(usize, String)>> {
    let mut blocks = Vec::new();
    let mut open: Option<(&str, Vec<(usize, String)>)> = None;
    for &(number, line) in lines {
        if let Some((tag, block)) = open.as_mut() {
            let end = format!("</{tag}>");
            match line.find(&end) {
                Some(at) => {
                    block.push((number, unescape_html(&line[..at])));
                    blocks.push(std::mem::take(block));
                    open = None;
                }
                None => block.push((number, unescape_html(line))),
            }
            continue;
        }
        for tag in ["pre", "div"] {
            let Some(start) = line.find(&format!("<{tag}")) else {
                continue;
            };
            let Some(close) = line[start..].find('>').map(|i| i + start) else {
                continue;
            };
            let attributes = &line[start..close];
            let mermaid = attributes.contains("class=\"mermaid")
                || attributes.contains("class='mermaid")
                || attributes.contains(" mermaid\"");
            if mermaid {
                let rest = &line[close + 1..];
                open = Some((tag, vec![(number, unescape_html(rest))]));
                break;
            }
        }
    }
    blocks
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The blocks of a reStructuredText page: `.. mermaid::`, `.. code:: mermaid` and
/// `.. code-block:: mermaid`, their options left out.
fn rst_blocks(lines: &[(usize, &str)]) -> Vec<Vec<(usize, String)>> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let (_, line) = lines[index];
        let directive = line.trim();
        index += 1;
        let is_mermaid = directive == ".. mermaid::"
            || [".. code::", ".. code-block::", ".. sourcecode::"]
                .iter()
                .any(|d| {
                    directive
                        .strip_prefix(d)
                        .is_some_and(|r| r.trim() == "mermaid")
                });
        if !is_mermaid {
            continue;
        }
        let level = indent(line);
        let mut block = Vec::new();
        while let Some(&(number, body)) = lines.get(index) {
            if !body.trim().is_empty() && indent(body) <= level {
                break;
            }
            let option = block.is_empty() && body.trim_start().starts_with(':');
            if !option {
                block.push((number, body.to_owned()));
            }
            index += 1;
        }
        blocks.push(block);
    }
    blocks
}

/// The journey these lines hold, if their first statement is `journey`.
fn diagram(lines: &[(usize, &str)]) -> Result<Option<Source>, Refused> {
    // Blank lines before the front matter do not count (a page's `<pre>` opens with one).
    let blank = lines
        .iter()
        .take_while(|(_, l)| l.trim().is_empty())
        .count();
    let (title, lines) = front_matter(&lines[blank..]);
    let mut statements = Vec::new();
    let mut in_directive = false;
    let mut started = false;
    for &(number, line) in lines {
        let trimmed = line.trim();
        if in_directive {
            in_directive = !trimmed.contains("}%%");
            continue;
        }
        if trimmed.starts_with("%%{") {
            in_directive = !trimmed.contains("}%%");
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("%%") {
            continue;
        }
        if started {
            statements.push((number, line.to_owned()));
            continue;
        }
        let head = trimmed.get(..7).unwrap_or("");
        if !head.eq_ignore_ascii_case("journey") {
            return Ok(None);
        }
        started = true;
        let rest = trimmed[7..].trim();
        if !rest.is_empty() && !rest.starts_with('#') {
            statements.push((number, rest.to_owned()));
        }
    }
    if !started {
        return Ok(None);
    }
    Ok(Some(Source {
        title: title?,
        lines: statements,
    }))
}

/// The front matter's title, and the lines after it. As Mermaid reads it: `---` on the first
/// line (indented or not), closed by `---` at the same indent.
/// A title that cannot be read is an error only for a journey, so it is returned as one.
#[allow(clippy::type_complexity)]
fn front_matter<'a>(
    lines: &'a [(usize, &'a str)],
) -> (Result<Option<String>, Refused>, &'a [(usize, &'a str)]) {
    let Some(&(first_line, first)) = lines.first() else {
        return (Ok(None), lines);
    };
    let indent = &first[..first.len() - first.trim_start().len()];
    if first.trim() != "---" {
        return (Ok(None), lines);
    }
    let Some(close) = lines[1..].iter().position(|(_, l)| {
        l.strip_prefix(indent)
            .is_some_and(|l| l.trim_end() == "---")
    }) else {
        return (Ok(None), lines);
    };
    let yaml_text: Vec<&str> = lines[1..=close].iter().map(|(_, l)| *l).collect();
    (
        title(&yaml_text.join("\n"), first_line),
        &lines[close + 2..],
    )
}

fn title(yaml_text: &str, first_line: usize) -> Result<Option<String>, Refused> {
    let documents = yaml::documents(yaml_text).map_err(|refused| {
        let why = refused
            .problems
            .first()
            .map(|p| p.to_string())
            .unwrap_or_default();
        Refused::one(Problem::new(
            Location::Text {
                line: first_line,
                column: 1,
            },
            format!("the front matter is not valid YAML (at its {why})"),
        ))
    })?;
    let title = documents
        .first()
        .and_then(|d| d.root.get("title"))
        .and_then(yaml::Node::text)
        .map(str::to_owned);
    Ok(title)
}

/// The text with Mermaid's entities decoded: `#35;` is "#", `#quot;` is a double quote.
/// Anything else that looks like one is kept as written.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = entity_name(after).and_then(|name| Some((name.len(), entity(name)?)));
        match decoded {
            Some((len, c)) => {
                out.push(c);
                rest = &after[len + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The name of the entity the text after a `#` starts with: word characters up to a `;`.
fn entity_name(after: &str) -> Option<&str> {
    let len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    (len > 0 && after[len..].starts_with(';')).then(|| &after[..len])
}

/// The character an entity's name stands for: a decimal code, or one of HTML's names.
fn entity(name: &str) -> Option<char> {
    if let Ok(code) = name.parse::<u32>() {
        return char::from_u32(code).filter(|c| !c.is_control());
    }
    let c = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "num" => '#',
        "colon" => ':',
        "semi" => ';',
        "comma" => ',',
        "percnt" => '%',
        "lbrace" => '{',
        "rbrace" => '}',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => return None,
    };
    Some(c)
}

/// A statement without its `#` comment (a `#` that does not start an entity).
pub(super) fn without_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(at) = line[from..].find('#').map(|i| i + from) {
        match entity_name(&line[at + 1..]) {
            Some(name) => from = at + 1 + name.len() + 1,
            None => return &line[..at],
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::{decode, without_comment};

    #[test]
    fn entities_decode_and_comments_end_a_statement() {
        assert_eq!(decode("a #35; b #quot;c#quot; #58;"), "a # b \"c\" :");
        assert_eq!(decode("#12; #zz; # x;"), "#12; #zz; # x;");
        assert_eq!(
            without_comment("Make tea: 5: Me # the best"),
            "Make tea: 5: Me "
        );
        assert_eq!(
            without_comment("Issue #35; fixed: 3"),
            "Issue #35; fixed: 3"
        );
    }
}
