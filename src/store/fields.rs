//! Desks' versions of one record merged field by field (a collection with `Merge::ByField`),
//! by the time each field was last set, kept in the record's `changed` member. Two desks that
//! changed different fields while apart both keep their change.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::RawRecord;
use super::layout::Source;

/// The record member holding when each field was last set.
const CHANGED: &str = "changed";

/// When `field` of `version` was last changed, if it was after the record was made.
fn set_at(version: &RawRecord, field: &str) -> Option<DateTime<Utc>> {
    let stamp = version.body.get(CHANGED).and_then(|c| c.get(field));
    stamp.and_then(|s| serde_json::from_value(s.clone()).ok())
}

/// One record from its versions: each field from the version that changed it last; a field no
/// version changed from the record made first (settings made on a new desk before the first
/// sync do not undo the ones in use); ties to the version changed last. A desk field from
/// `own`'s version when there is one.
pub fn combine(mut versions: Vec<(RawRecord, Source)>, desk: &[&str], own: &Source) -> RawRecord {
    versions.sort_by(|(a, s), (b, t)| (a.updated_at, s).cmp(&(b.updated_at, t)));
    let (newest, _) = versions.last().expect("at least one version").clone();
    let mut fields: Vec<&String> = versions.iter().flat_map(|(v, _)| v.body.keys()).collect();
    fields.sort();
    fields.dedup();
    let mut merged = newest.clone();
    let mut changed = Map::new();
    for field in fields.into_iter().filter(|f| *f != CHANGED) {
        let mine = versions.iter().rev().find(|(_, s)| s == own);
        let (from, _) = match mine {
            Some(mine) if desk.contains(&field.as_str()) => mine,
            _ => (versions.iter())
                .max_by_key(|(v, s)| {
                    let first_made = std::cmp::Reverse(v.created_at);
                    (set_at(v, field), first_made, v.updated_at, s.clone())
                })
                .expect("at least one version"),
        };
        match from.body.get(field) {
            Some(value) => merged.body.insert(field.clone(), value.clone()),
            None => merged.body.remove(field),
        };
        if let Some(stamp) = from.body.get(CHANGED).and_then(|c| c.get(field)) {
            changed.insert(field.clone(), stamp.clone());
        }
    }
    set_changed(&mut merged, changed);
    merged
}

/// Stamp each field `new` sets differently from `old` with the time of this change, keeping
/// the stamps of the fields it leaves alone.
pub fn stamp(new: &mut RawRecord, old: Option<&RawRecord>) {
    let Some(old) = old else { return };
    let mut changed = match old.body.get(CHANGED) {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    let keys: Vec<String> = (new.body.keys().chain(old.body.keys()))
        .filter(|k| *k != CHANGED)
        .cloned()
        .collect();
    for key in keys {
        if new.body.get(&key) != old.body.get(&key) {
            changed.insert(key, serde_json::to_value(new.updated_at).expect("a time"));
        }
    }
    set_changed(new, changed);
}

fn set_changed(record: &mut RawRecord, changed: Map<String, Value>) {
    if changed.is_empty() {
        record.body.remove(CHANGED);
    } else {
        record.body.insert(CHANGED.into(), Value::Object(changed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, hour, 0, 0).unwrap()
    }

    fn settings(number: &str, cues: &str) -> RawRecord {
        let body = serde_json::json!({"emergency_number": number, "cues": cues});
        RawRecord {
            id: uuid::Uuid::nil(),
            created_at: at(1),
            updated_at: at(1),
            date: at(1).date_naive(),
            body: body.as_object().unwrap().clone(),
        }
    }

    fn changed(old: &RawRecord, hour: u32, edit: impl Fn(&mut RawRecord)) -> RawRecord {
        let mut new = old.clone();
        edit(&mut new);
        new.updated_at = at(hour);
        stamp(&mut new, Some(old));
        new
    }

    #[test]
    fn changes_to_different_fields_on_two_desks_both_hold() {
        let first = settings("999", "bell");
        let (a, b) = (
            Source::Desk("aaaaaaaa".into()),
            Source::Desk("bbbbbbbb".into()),
        );
        // Desk a changes the number at 2; desk b, later, its own cues only.
        let on_a = changed(&first, 2, |r| {
            r.body.insert("emergency_number".into(), "111".into());
        });
        let on_b = changed(&first, 3, |r| {
            r.body.insert("cues".into(), "voice".into());
        });
        let versions = vec![(on_a.clone(), a.clone()), (on_b.clone(), b.clone())];
        let seen_on_a = combine(versions.clone(), &["cues"], &a);
        let seen_on_b = combine(versions, &["cues"], &b);
        assert_eq!(seen_on_a.body["emergency_number"], "111");
        assert_eq!(
            seen_on_b.body["emergency_number"], "111",
            "not undone by a later save"
        );
        assert_eq!(seen_on_a.body["cues"], "bell", "desk a keeps its own cues");
        assert_eq!(seen_on_b.body["cues"], "voice");
        assert_eq!(seen_on_b.updated_at, at(3));
        // A desk with no version of its own starts from the latest.
        let c = Source::Desk("cccccccc".into());
        let new_desk = combine(vec![(on_a, a), (on_b, b)], &["cues"], &c);
        assert_eq!(new_desk.body["cues"], "voice");
    }
}
