//! A save: operations applied, under the lock, to the months as every desk's files hold them,
//! and written to this desk's own files.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::disk::DiskStore;
use super::layout::{newest_year, stem_for};
use super::op::{Outcome, decide};
use super::sheet::Sheet;
use super::{Applied, Collection, Merge, Notice, Op, StoreError, files};

impl DiskStore {
    /// Apply `ops` in order, under the lock, to what every desk's files hold now, writing
    /// only this desk's (see `Store::apply`).
    pub(super) fn save(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        let dir = self.root().join(c.name);
        // A link or a file where the collection's folder belongs is refused, not followed.
        super::entries::usable(&dir, true)?;
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        let _lock = self.lock()?;
        files::remove_stale_temps(&dir, super::Store::desk(self)).map_err(StoreError::io(&dir))?;
        let listing = self.listing(c)?;
        // Never past this year: a file dated in the future by mistake would have every desk
        // put this year's months together, and rewrite that year's file at each save.
        let this_year = chrono::Local::now().year();
        let newest = newest_year(listing.keys(), ops.iter().map(Op::date)).min(this_year);

        let mut applied = Applied::default();
        let mut sheets: BTreeMap<String, Sheet> = BTreeMap::new();
        // Files are written in the order they were first changed; a record that moves between
        // months is inserted before it is removed, so a crash can duplicate it but never lose it.
        let mut order: Vec<String> = Vec::new();
        let open = |stem: &str, sheets: &mut BTreeMap<String, Sheet>, n: &mut Vec<Notice>| {
            if !sheets.contains_key(stem) {
                sheets.insert(stem.to_string(), self.open_sheet(c, stem, &listing, n)?);
            }
            Ok::<(), StoreError>(())
        };
        for op in ops {
            let target = stem_for(c, op.date(), newest);
            open(&target, &mut sheets, &mut applied.notices)?;
            let id = op.id();
            let here = sheets[&target].find(id);
            // An edit of another version than the one found where its date says: an older copy
            // (an old export imported, a move on another desk) may sit there, and the version
            // the person saw elsewhere.
            let other = |base: &_| here.as_ref().is_some_and(|r| r.updated_at != *base);
            let holder = if here.is_some() && !matches!(&op, Op::Edit { base, .. } if other(base)) {
                Some(target.clone())
            } else if matches!(op, Op::Add(_)) {
                None
            } else {
                // Not where its date says: look in every stem (a record moved between months),
                // and take the newest version, as a reader does.
                for stem in listing.keys() {
                    open(stem, &mut sheets, &mut applied.notices)?;
                }
                (sheets.iter())
                    .filter_map(|(k, s)| s.find(id).map(|r| (r.updated_at, k)))
                    .max()
                    .map(|(_, k)| k.clone())
            };
            let existing = holder.as_ref().and_then(|h| sheets[h].find(id));
            let buried =
                (sheets.values().filter_map(|s| s.buried(id))).max_by_key(|t| t.deleted_at);
            let outcome = decide(op, existing.as_ref(), buried.as_ref())?;
            let mut touch = |stem: &String| {
                if !order.contains(stem) {
                    order.push(stem.clone());
                }
            };
            match outcome {
                Outcome::Nothing => continue,
                Outcome::Insert(mut new) | Outcome::Replace(mut new) => {
                    if let Merge::ByField { .. } = c.merge {
                        super::fields::stamp(&mut new, existing.as_ref());
                    }
                    let dest = stem_for(c, new.date, newest);
                    open(&dest, &mut sheets, &mut applied.notices)?;
                    sheets.get_mut(&dest).expect("opened").put(new);
                    touch(&dest);
                    if let Some(holder) = holder.filter(|h| *h != dest) {
                        let old = existing.as_ref().expect("a holder holds it");
                        // Moved: gone from every month that holds a version of it.
                        for stem in listing.keys().chain([&holder]) {
                            open(stem, &mut sheets, &mut applied.notices)?;
                            let sheet = sheets.get_mut(stem).expect("opened");
                            if *stem != dest && sheet.holds_any(id) {
                                sheet.take_away(old);
                                touch(stem);
                            }
                        }
                    }
                }
                Outcome::Remove(mut tombstone) => {
                    let holder = holder.expect("remove has a holder");
                    // Never earlier than the version it deletes, whatever the clock says, so
                    // every desk's copy of that version stays hidden.
                    let old = existing.as_ref().expect("a holder holds it");
                    tombstone.deleted_at = tombstone.deleted_at.max(old.updated_at);
                    sheets
                        .get_mut(&holder)
                        .expect("opened")
                        .remove(tombstone.clone());
                    touch(&holder);
                    // Every month holding a version of it (a desk moved it there, or another
                    // desk's older copy) hides it too, so no reading of one month revives it.
                    for stem in listing.keys().filter(|s| **s != holder) {
                        open(stem, &mut sheets, &mut applied.notices)?;
                        let sheet = sheets.get_mut(stem).expect("opened");
                        if sheet.holds_any(id) {
                            sheet.remove(tombstone.clone());
                            touch(stem);
                        }
                    }
                }
                Outcome::Bury(tombstone) => {
                    sheets.get_mut(&target).expect("opened").bury(tombstone);
                    touch(&target);
                }
            }
            applied.changed += 1;
        }
        self.spread_large_years(c, (&mut sheets, &mut order), &listing, &mut applied.notices)?;
        for stem in &order {
            let sheet = sheets.get_mut(stem).expect("opened");
            self.write_sheet(sheet, &mut applied.notices)?;
        }
        if !order.is_empty() {
            // Only to spare readers, after the save is done: a year that cannot be put
            // together (a damaged month, one from a newer nape) is left in its months.
            let _ = self.keep_by_year(c, newest, (&listing, &order), &mut applied.notices);
        }
        applied.collection = c.name;
        Ok(applied)
    }
}
