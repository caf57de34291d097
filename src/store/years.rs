//! Older years in one file each: a desk puts its month files of a year kept by year (see
//! `layout::kept_by_year`) into `<year>.<desk>.json`. Ten years of months are hundreds of files,
//! and a shell command looks at every older one each time it asks whether any changed.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::disk::DiskStore;
use super::document::{self, MAX_FILE};
use super::layout::{Source, is_year, kept_by_year, period};
use super::listing::Listing;
use super::sheet::Sheet;
use super::{Collection, Notice, Split, StoreError};

impl DiskStore {
    /// Put this desk's month files of each year kept by year into its year file, under the
    /// lock (a save holds it, with the folder's `listing` before it and the stems it wrote).
    /// The year file is written, durably, before the months are removed: a crash between
    /// leaves both, which read as one (each id's newest version). Another desk's files are
    /// that desk's to put together.
    pub(super) fn keep_by_year(
        &self,
        c: Collection,
        newest: i32,
        (listing, written): (&Listing, &[String]),
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let own = Source::Desk(super::Store::desk(self).to_string());
        let due = |stem: &String| {
            let month = c.split == Split::Monthly && !is_year(stem);
            month && period(stem).is_some_and(|(first, _)| kept_by_year(first.year(), newest))
        };
        let mine = |files: &Vec<(PathBuf, Source)>| files.iter().any(|(_, s)| *s == own);
        // Most saves have nothing to put together: no second look at the folder for them.
        let before = listing.iter().any(|(stem, files)| due(stem) && mine(files));
        if !before && !written.iter().any(due) {
            return Ok(());
        }
        let listing = self.listing(c)?;
        let mut years: BTreeMap<i32, Vec<&String>> = BTreeMap::new();
        for (stem, files) in &listing {
            if let Some((first, _)) = period(stem).filter(|_| due(stem) && mine(files)) {
                years.entry(first.year()).or_default().push(stem);
            }
        }
        for (year, months) in years {
            // Each year alone: one that cannot be put together (a damaged month, one from a
            // newer nape) stays in its months, and the others are still put together.
            let _ = self.put_year_together(c, year, &months, &listing, notices);
        }
        Ok(())
    }

    /// Put this desk's `months` of `year` into its year file, unless the file would grow past
    /// half of what nape reads from one file (then the year stays in months).
    fn put_year_together(
        &self,
        c: Collection,
        year: i32,
        months: &[&String],
        listing: &Listing,
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let stem = year.to_string();
        let mut sheet = self.open_sheet(c, &stem, listing, notices)?;
        let size = |path: &Path| fs::metadata(path).map_or(0, |m| m.len());
        let months_size: u64 = (months.iter()).map(|m| size(&self.own_path(c, m))).sum();
        if size(&sheet.own_path) + months_size > MAX_FILE / 2 {
            return Ok(());
        }
        let mut done = Vec::new();
        for month in months {
            let mut month = self.open_sheet(c, month, listing, notices)?;
            // The month's shared file and sync copies go with its own file.
            let folded = month.fold();
            sheet.take_in(std::mem::take(&mut month.own));
            // A stub an earlier nape left beside every month goes too: what it stood for is
            // now in the year's file, which a nape from before desks cannot read either.
            // (One in place of a shared file folded just now stays, as ever.)
            let shared = month.shared_path();
            let mut gone = vec![month.own_path.clone()];
            if !folded.contains(&shared) && is_stub(&shared) {
                gone.push(shared.clone());
            }
            done.push((gone, folded, shared));
        }
        self.write_sheet(&mut sheet, notices)?;
        for (gone, folded, shared) in done {
            self.let_go(folded, &shared)?;
            for path in gone {
                match fs::remove_file(&path) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(StoreError::io(&path)(e));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

impl DiskStore {
    /// A year's file that this save would grow past half of what nape reads from one file
    /// (an import of long notes): its entries go back to their months instead, written before
    /// the year's file is, so a crash between duplicates them but never loses one. Its
    /// deletions stay (a few dozen bytes each): one may be dated outside the year, where a
    /// moved entry went, and it hides the old copy for every reading of the year.
    pub(super) fn spread_large_years(
        &self,
        c: Collection,
        (sheets, order): (&mut BTreeMap<String, Sheet>, &mut Vec<String>),
        listing: &Listing,
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let large = |sheet: &Sheet| sheet.own.to_bytes().len() as u64 > MAX_FILE / 2;
        let years: Vec<String> = (order.iter())
            .filter(|stem| c.split == Split::Monthly && is_year(stem))
            .filter(|stem| large(&sheets[*stem]))
            .cloned()
            .collect();
        for year in years {
            let sheet = sheets.get_mut(&year).expect("opened");
            for record in std::mem::take(&mut sheet.own.records) {
                let stem = c.stem(record.date);
                if !sheets.contains_key(&stem) {
                    sheets.insert(stem.clone(), self.open_sheet(c, &stem, listing, notices)?);
                }
                sheets.get_mut(&stem).expect("opened").put(record);
                if !order.contains(&stem) {
                    order.push(stem);
                }
            }
            // The year's file last, once its months hold what it held.
            order.retain(|s| *s != year);
            order.push(year);
        }
        Ok(())
    }
}

/// Whether `path` is a plain file holding a stub (see `Document::stub`).
fn is_stub(path: &Path) -> bool {
    super::entries::odd(path, false).is_none()
        && (fs::read(path).ok()).is_some_and(|b| document::parse(&b).is_ok_and(|d| d.is_stub()))
}
