//! `nape check`: report counts, damaged files and permissions; exit 1 if anything is wrong.

use super::{Cli, Failure, open_store};
use crate::store::Store;

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let collections: Vec<_> = crate::kinds::known().into_iter().map(|(c, _)| c).collect();
    // Sync copies are folded first, as any reading would: what is left is then checked.
    let folded = store.fold_all(&collections)?;
    let report = store.check();
    say!("Data folder: {}", store.root().display())?;
    for notice in &folded {
        say!("folded: {notice}")?;
    }
    let desks = store.desks(&collections);
    if !desks.is_empty() {
        say!("Desks whose files are here:")?;
    }
    for (desk, last) in &desks {
        let this = if desk == store.desk() {
            " (this computer)"
        } else {
            ""
        };
        let last = last.map_or("no entries yet".to_string(), |t| {
            let local = t.with_timezone(&chrono::Local);
            format!("last change {}", local.format("%Y-%m-%d %H:%M"))
        });
        say!("  {desk}{this}: {last}")?;
    }
    if report.collections.is_empty() {
        say!("No entries yet.")?;
    }
    for (name, files, records) in &report.collections {
        let records = match records {
            1 => "1 record".to_string(),
            n => format!("{n} records"),
        };
        let files = match files {
            1 => "1 file".to_string(),
            n => format!("{n} files"),
        };
        say!("{name}: {records} in {files}")?;
    }
    for (path, reason) in &report.damaged {
        say!("DAMAGED {}: {reason}", path.display())?;
    }
    for (path, reason) in &report.newer {
        say!("READ-ONLY {}: {reason}", path.display())?;
    }
    for (path, what) in &report.odd {
        say!(
            "NOT A FILE {}: it is {what}; nape neither reads it nor writes through it",
            path.display()
        )?;
    }
    for (path, id, reason) in &report.bad_records {
        say!("BAD RECORD {id} in {}: {reason}", path.display())?;
    }
    for path in &report.open_to_others {
        say!(
            "OPEN TO OTHERS {} (should be private to you)",
            path.display()
        )?;
    }
    for path in &report.quarantined {
        say!("note: a damaged file was kept aside at {}", path.display())?;
    }
    for path in &report.stale_temps {
        say!(
            "note: an unfinished save left {} (removed at the next save)",
            path.display()
        )?;
    }
    if report.is_ok() {
        say!("All files read correctly.")?;
        Ok(())
    } else {
        Err(Failure::Other(
            "nape check found problems (listed above).".into(),
        ))
    }
}
