//! What could not be read, in a few words for the banner ("checkins/2026-03 is damaged"),
//! what else the store reported, an emergency number edited by hand that is not one, and
//! starting a damaged settings file afresh.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::checkin::CheckIn;
use crate::domain::settings::Settings;
use crate::store::{Damage, Kind, Notice, ParseError, StoreError};

/// A data file named by its folder and what it holds ("checkins/2026-03", whichever desk's
/// file it is), short enough for the banner; `nape check` names the file itself.
fn short(path: &Path) -> String {
    let mut parts: Vec<_> = path.iter().rev().take(2).collect();
    parts.reverse();
    let named = parts.iter().collect::<PathBuf>().display().to_string();
    match named.split_once('.') {
        Some((stem, rest)) if rest.ends_with("json") => stem.to_string(),
        _ => named,
    }
}

pub(super) fn notice(notice: &Notice) -> Option<String> {
    match notice {
        Notice::ReadOnly { path, .. } => Some(format!("{} is from a newer nape", short(path))),
        _ => None,
    }
}

pub(super) fn error(e: &StoreError) -> String {
    match e {
        StoreError::Io { path, .. } => format!("{} cannot be read", short(path)),
        StoreError::Damaged { path, .. } => format!("{} is damaged", short(path)),
        StoreError::ReadOnly { path, .. } => format!("{} is from a newer nape", short(path)),
        other => other.to_string(),
    }
}

pub(super) fn damage(d: &Damage) -> String {
    match d.reason {
        ParseError::NotAFile(what) => format!("{} is {what}", short(&d.path)),
        _ => format!("{} is damaged", short(&d.path)),
    }
}

impl super::Diary {
    /// Why the settings cannot be read (damaged with no backup, say), if so: the welcome then
    /// offers to start them afresh.
    pub fn settings_unreadable(&self) -> Option<&str> {
        // Read from another desk's file, the settings are there: a damaged file is reported,
        // and nothing needs starting afresh.
        if self.settings.is_some() {
            return None;
        }
        let name = Settings::COLLECTION.name;
        self.unread.get(name)?.first().map(String::as_str)
    }

    /// Keep the damaged settings file aside so fresh settings can be saved, and read the
    /// settings again. Where the damaged file went, if it was moved.
    pub fn set_aside_settings(
        &mut self,
        now: DateTime<Utc>,
    ) -> Result<Option<PathBuf>, StoreError> {
        let moved = self
            .store
            .set_aside(Settings::COLLECTION, self.zone.date(now))?;
        self.stamps.remove(Settings::COLLECTION.name);
        self.read(now);
        Ok(moved)
    }
}

/// What a problem the person should know of came from, so each is replaced as its source is
/// read or saved again: reading a collection, the settings' emergency number, the last save.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    Reading(&'static str),
    EmergencyNumber,
    Saving,
}

/// What the store reported, for the banner and the command line.
impl super::Diary {
    /// Why the warning signs cannot all be known, if part of what they are worked out from (the
    /// check-ins, or the settings with the onset) could not be read: nape then cannot say that
    /// no sign is active, and says so instead.
    pub fn unchecked(&self) -> Option<&str> {
        [CheckIn::COLLECTION.name, Settings::COLLECTION.name]
            .iter()
            .filter_map(|name| self.unread.get(name))
            .flatten()
            .next()
            .map(String::as_str)
    }

    /// Every file that could not be read, in a few words, whatever its collection.
    pub fn unread(&self) -> impl Iterator<Item = &String> {
        self.unread.values().flatten()
    }

    /// The first thing the store reported that the person should know.
    pub fn problem(&self) -> Option<&String> {
        self.problems.values().flatten().next()
    }

    /// Everything the store reported, for the command line to print.
    pub fn problems(&self) -> impl Iterator<Item = &String> {
        self.problems.values().flatten()
    }

    /// Settings changed: a number edited by hand outside nape is checked like a typed one, once
    /// here rather than each time it is shown. A bad one is reported, and `emergency_number`
    /// gives the locale's instead.
    pub(super) fn check_number(&mut self) {
        let bad = self.settings.as_ref().and_then(|s| {
            crate::domain::settings::validate_emergency_number(&s.body.emergency_number).err()
        });
        self.number_ok = bad.is_none();
        let problem = bad.map(|why| {
            format!(
                "The emergency number in your settings {why}; {} is shown instead until you \
                 change it in Settings (e).",
                self.locale_number
            )
        });
        (self.problems).insert(Source::EmergencyNumber, problem.into_iter().collect());
    }
}
