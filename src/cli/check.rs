//! `nape check`: report counts, damaged files and permissions; exit 1 if anything is wrong.

use super::{Cli, Failure, open_store};

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let report = store.check();
    println!("Data folder: {}", store.root().display());
    if report.collections.is_empty() {
        println!("No entries yet.");
    }
    for (name, files, records) in &report.collections {
        println!("{name}: {records} records in {files} files");
    }
    for (path, reason) in &report.damaged {
        println!("DAMAGED {}: {reason}", path.display());
    }
    for (path, reason) in &report.newer {
        println!("READ-ONLY {}: {reason}", path.display());
    }
    for (path, id, reason) in &report.bad_records {
        println!("BAD RECORD {id} in {}: {reason}", path.display());
    }
    for path in &report.open_to_others {
        println!(
            "OPEN TO OTHERS {} (should be private to you)",
            path.display()
        );
    }
    for path in &report.quarantined {
        println!("note: a damaged file was kept aside at {}", path.display());
    }
    for path in &report.stale_temps {
        println!(
            "note: an unfinished save left {} (removed at the next save)",
            path.display()
        );
    }
    if report.is_ok() {
        println!("All files read correctly.");
        Ok(())
    } else {
        Err(Failure::Other(
            "nape check found problems (listed above).".into(),
        ))
    }
}
