//! The latest time a nape on this computer saw, kept in the local state folder against the
//! time since boot, so a shell command's clock never goes back either: `nape status` run after
//! the clock was set back carries on from what the last one saw (the open app keeps its own).

use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use crate::clock::{since_boot, steady};

const FILE: &str = "clock";

/// The time now for a shell command: the wall clock, unless a nape on this computer saw a later
/// time since it last started (the clock was set back since), when time goes on from that.
pub fn steady_now(state: &Path, wall: DateTime<Utc>) -> DateTime<Utc> {
    let Some(boot) = since_boot() else {
        return wall;
    };
    let path = state.join(FILE);
    let seen = std::fs::read_to_string(&path).ok().and_then(|text| {
        let (at, then) = text.trim().split_once(' ')?;
        let at = DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Utc);
        Some((at, then.parse::<i128>().ok()?))
    });
    let now = match seen {
        // Since boot went back: the computer started again, and what was seen is no guide.
        Some((at, then)) if then <= boot => {
            let went = Duration::nanoseconds(i64::try_from(boot - then).unwrap_or(i64::MAX));
            steady(at, went, wall)
        }
        _ => wall,
    };
    // Best effort: without it the next command has the wall clock alone, as before. Written
    // in place (a status bar does this every few seconds): a reader meeting it half written
    // reads nothing it can use, and takes the wall clock.
    if state.is_dir() {
        // Always as long, so writing over the last one leaves nothing of it behind.
        let text = format!("{:<63}\n", format!("{} {boot}", now.to_rfc3339()));
        let _ = write_private(&path, text.as_bytes());
    }
    now
}

/// Replace `path`'s content in place, the file private to the user.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    // Not truncated first (that costs more than the write): every text is as long.
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never through a link: what it points at is not nape's to write.
        options
            .mode(super::files::FILE_MODE)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)?.write_all(bytes)
}
