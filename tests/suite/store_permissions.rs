//! Making the diary private never reaches outside it: only nape's own folders and files are
//! ever changed, nothing is followed through a symlink, and a data folder that holds other
//! things gets a warning instead of a chmod.
#![cfg(unix)]

use crate::common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use common::Diary;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn set(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_data_folder_that_holds_other_things_is_warned_about_not_changed() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let data = diary.data();
    // As if --data-dir pointed at a home folder that also holds a diary.
    let notes = data.join("notes.txt");
    std::fs::write(&notes, "mine").unwrap();
    set(&notes, 0o644);
    let script = data.join("backup.sh");
    std::fs::write(&script, "#!/bin/sh").unwrap();
    set(&script, 0o755);
    let photos = data.join("photos");
    std::fs::create_dir(&photos).unwrap();
    std::fs::write(photos.join("a.jpg"), "jpg").unwrap();
    set(&photos.join("a.jpg"), 0o644);
    set(&photos, 0o755);
    // Symlinks to things outside: a folder and a file, in the data folder and in a collection.
    let outside = diary.dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("shared.json"), "{}").unwrap();
    set(&outside.join("shared.json"), 0o644);
    set(&outside, 0o755);
    symlink(&outside, data.join("synced")).unwrap();
    symlink(
        outside.join("shared.json"),
        data.join("checkins/2020-01.json"),
    )
    .unwrap();
    set(&data, 0o755);
    // One of nape's own files, loosened: it is still made private.
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let own = data.join(format!("checkins/{month}.desk0001.json"));
    set(&own, 0o644);

    let out = diary.run(&["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);

    assert_eq!(mode(&notes), 0o644);
    assert_eq!(mode(&script), 0o755, "execute bits kept");
    assert_eq!(mode(&photos), 0o755);
    assert_eq!(mode(&photos.join("a.jpg")), 0o644);
    assert_eq!(mode(&outside), 0o755, "nothing followed through a symlink");
    assert_eq!(mode(&outside.join("shared.json")), 0o644);
    assert_eq!(mode(&data), 0o755, "a shared folder is not made private");
    assert!(stderr.contains("holds other things"), "{stderr}");
    assert!(stderr.contains("notes.txt"), "{stderr}");
    assert_eq!(mode(&own), 0o600, "nape's own files are still private");
}

#[test]
fn a_folder_that_holds_only_the_diary_is_made_private() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    set(&diary.data(), 0o755);
    set(&diary.data().join("checkins"), 0o750);
    let out = diary.run(&["check"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could be read by other users"), "{stderr}");
    assert!(!stderr.contains("other things"), "{stderr}");
    assert_eq!(mode(&diary.data()), 0o700);
    assert_eq!(mode(&diary.data().join("checkins")), 0o700);
}
