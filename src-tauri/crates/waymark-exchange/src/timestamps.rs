//! Times in files are RFC 3339; in the domain, milliseconds since the epoch.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use waymark_core::Timestamp;

/// Milliseconds since the epoch as RFC 3339 UTC (with milliseconds).
pub fn format_rfc3339(millis: Timestamp) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// An RFC 3339 time as milliseconds since the epoch.
pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let time = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000).ok()
}
