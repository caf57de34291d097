//! One data file: its JSON shape, and parsing that never panics and says what is wrong.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::record::RawRecord;

/// The schema this build writes and fully understands. 2: each desk writes its own files, and
/// the shared `<stem>.json` of version 1 is replaced by a stub (`Document::stub`), so a nape
/// that knows only version 1 reads it as newer and writes nothing there.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Document {
    pub schema_version: u32,
    pub records: Vec<RawRecord>,
    /// Records deleted from this file, so an older copy merged back (an old export) stays
    /// deleted and the deletion can travel in an export.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// Fields a newer nape may have added; kept so a save by this version does not drop them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Document {
    pub fn new() -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            ..Document::default()
        }
    }

    /// What stands in the shared file's place once desks write their own: no records, and a
    /// schema older versions refuse to change. The same bytes on every desk, so two desks
    /// writing it give a sync tool nothing to conflict on.
    pub fn stub() -> Self {
        let mut doc = Document::new();
        doc.extra.insert(
            "note".into(),
            "Each computer now keeps its own files beside this one; update nape to read them."
                .into(),
        );
        doc
    }

    /// Whether this is a stub: a shared file written since desks, holding nothing.
    pub fn is_stub(&self) -> bool {
        self.schema_version >= 2 && self.records.is_empty() && self.deleted.is_empty()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a document always serialises");
        bytes.push(b'\n');
        bytes
    }
}

/// What is left of a deleted record: which one, where it was, and when it was deleted.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Tombstone {
    pub id: Uuid,
    pub date: NaiveDate,
    pub deleted_at: DateTime<Utc>,
}

impl Tombstone {
    /// Its dates, checked as a record's are.
    pub fn check(&self, now: DateTime<Utc>) -> Result<(), String> {
        crate::record::check_date(self.date, Some(now))?;
        crate::record::check_date(self.deleted_at.date_naive(), Some(now))
    }
}

/// Why a file's bytes are not a document this build can use.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not valid JSON ({0})")]
    Syntax(String),
    #[error("the file is JSON but not a nape data file ({0})")]
    Shape(String),
    /// One record in a readable file that does not fit its kind or breaks its rules.
    #[error("{0}")]
    Record(String),
    /// Where a data file belongs there is something else (a symbolic link, a folder).
    #[error("it is {0}, not a plain file")]
    NotAFile(&'static str),
    #[error("two records share the id {0}")]
    DuplicateId(uuid::Uuid),
    #[error(
        "the file was written by a newer nape (schema {found}; this build knows up to {known})"
    )]
    Newer { found: u64, known: u32 },
    /// Bigger than any month nape writes: read whole, it could exhaust memory.
    #[error("it is too large: {} MiB, and nape reads at most {} MiB from one file", .0 >> 20, MAX_FILE >> 20)]
    TooLarge(u64),
}

/// The largest data file nape reads. A busy month is well under 1 MiB (notes are at most
/// 10,000 characters), so a file past this is not one nape wrote.
pub const MAX_FILE: u64 = 16 << 20;

impl ParseError {
    /// A newer file is intact, just not ours to change; everything else is damage.
    pub fn is_damage(&self) -> bool {
        !matches!(self, ParseError::Newer { .. })
    }
}

/// Parse a data file. A newer schema is recognised before the records are read, so a file from a
/// newer build is never mistaken for a damaged one.
pub fn parse(bytes: &[u8]) -> Result<Document, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(
            match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                Ok(_) => ParseError::Shape("the top level is not an object".into()),
                Err(e) => ParseError::Syntax(e.to_string()),
            },
        );
    }
    // A quick first pass reads only the version (the rest is skipped, not built), so a newer
    // file is recognised before its records are read.
    let header: Header = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ParseError::Shape(e.to_string()),
        _ => ParseError::Syntax(e.to_string()),
    })?;
    let version = header
        .schema_version
        .ok_or_else(|| ParseError::Shape("no schema_version".into()))?;
    if version == 0 {
        return Err(ParseError::Shape(
            "schema_version 0 is not a version nape has used".into(),
        ));
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ParseError::Newer {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    let doc: Document =
        serde_json::from_slice(bytes).map_err(|e| ParseError::Shape(e.to_string()))?;
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = doc.records.iter().find(|r| !seen.insert(r.id)) {
        return Err(ParseError::DuplicateId(dup.id));
    }
    Ok(doc)
}

#[derive(Deserialize)]
struct Header {
    schema_version: Option<u64>,
}
