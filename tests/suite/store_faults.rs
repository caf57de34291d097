//! The store under the faults a real machine has: a lock held by a stuck process, and more.
//! Each case ends with nothing acknowledged lost and a clear word about what happened.

use crate::common;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::time::{Duration, Instant};

use common::Diary;
use common::pty::Session;

/// Hold the diary's lock as a stuck nape would, with this process's id written in it.
fn hold_lock(diary: &Diary) -> File {
    std::fs::create_dir_all(diary.data()).unwrap();
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(diary.local().join("nape.lock"))
        .unwrap();
    file.lock().unwrap();
    write!(file, "{}", std::process::id()).unwrap();
    file
}

#[test]
fn a_held_lock_makes_nape_log_give_up_with_a_message_not_hang() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let before = diary.snapshot();
    let lock = hold_lock(&diary);
    let mut child = diary
        .command(&["log", "--pain", "5"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if child.try_wait().unwrap().is_none() {
        child.kill().unwrap();
        panic!("nape log waited for the lock for ever");
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // The id in the file is this test's, which is not a nape: it is not named as one.
    let pid = std::process::id().to_string();
    assert!(
        stderr.contains("held by another process") && !stderr.contains(&pid),
        "{stderr}"
    );
    drop(lock);
    assert_eq!(diary.snapshot(), before, "nothing was written");
    // Once the lock is free, the same command works.
    diary.ok(&["log", "--pain", "5"]);
}

#[test]
fn a_held_lock_leaves_the_app_responsive_and_saying_it_could_not_save() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    let lock = hold_lock(&diary);
    app.send("6\r");
    app.wait_for("held by another process");
    // Still answering keys while the lock is held.
    app.send("h");
    app.wait_for("Help");
    drop(lock);
    app.send("t");
    app.wait_for("Pain now?");
    app.send("6\r");
    app.wait_for("pain 6");
    app.send("q");
    app.wait_exit();
}

#[test]
fn a_damaged_settings_file_without_a_backup_can_be_started_afresh_from_the_welcome() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let folder = diary.data().join("settings");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("settings.json"), "{garbage").unwrap();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.wait_for("settings file is damaged");
    app.send("\r");
    app.wait_for("Pain now?");
    app.wait_for("damaged file was kept aside");
    app.send("q");
    app.wait_exit();
    // Fresh settings are stored, the damaged file is kept beside them, and check is clean.
    let kept: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept = std::fs::read(folder.join(&kept[0])).unwrap();
    assert_eq!(kept, b"{garbage");
    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!stdout.contains("DAMAGED"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_month_file_is_reported_and_never_written_through() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    let month = diary.data().join("checkins/2026-01.desk0001.json");
    let outside = diary.dir.path().join("synced-2026-01.json");
    std::fs::rename(&month, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &month).unwrap();
    let target = std::fs::read(&outside).unwrap();

    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    assert!(
        stdout.contains("2026-01.desk0001.json") && stdout.contains("symbolic link"),
        "{stdout}"
    );
    let export = diary.run(&["export"]);
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(stderr.contains("symbolic link"), "export warns: {stderr}");

    let log = diary.run(&["log", "--pain", "4", "--at", "2026-01-07 10:00"]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(!log.status.success(), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&month)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert_eq!(std::fs::read(&outside).unwrap(), target, "written through");
}

#[test]
fn a_folder_where_a_file_should_be_and_a_file_where_a_folder_should_be_are_reported() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    std::fs::create_dir_all(diary.data().join("checkins/2026-02.desk0001.json")).unwrap();
    std::fs::write(diary.data().join("assessments"), "oops").unwrap();
    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    assert!(
        stdout.contains("2026-02.desk0001.json") && stdout.contains("a folder"),
        "{stdout}"
    );
    assert!(
        stdout.contains("assessments") && stdout.contains("a file"),
        "{stdout}"
    );

    let log = diary.run(&["log", "--pain", "4", "--at", "2026-02-07 10:00"]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(!log.status.success(), "{stderr}");
    assert!(stderr.contains("a folder"), "{stderr}");
    let export = diary.run(&["export"]);
    assert!(!export.status.success());
}

#[test]
fn a_deleted_check_in_does_not_come_back_from_an_older_export() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    diary.ok(&["log", "--pain", "7"]);
    let old = diary.dir.path().join("old.json");
    std::fs::write(&old, diary.ok(&["export"])).unwrap();

    // Delete the newest check-in in the app.
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.wait_for("pain 7");
    app.send("\x1b[B"); // down to the second check-in of today
    app.send("d");
    app.wait_for("y yes");
    app.send("y");
    app.wait_for("u brings it back");
    app.send("q");
    app.wait_exit();
    assert_eq!(diary.export_ids().len(), 1);

    let said = diary.ok(&["import", old.to_str().unwrap()]);
    assert!(said.contains("Imported 0 new or newer records"), "{said}");
    assert!(said.contains("(2 skipped"), "{said}");
    assert_eq!(
        diary.export_ids().len(),
        1,
        "the deleted check-in came back"
    );
    // The export carries the deletion, so a second machine importing it deletes it too.
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    assert_eq!(
        export["deleted"]["checkins"].as_array().map(Vec::len),
        Some(1)
    );

    let other = Diary::new();
    other.ok(&["import", old.to_str().unwrap()]);
    assert_eq!(other.export_ids().len(), 2);
    let now = diary.dir.path().join("now.json");
    std::fs::write(&now, diary.ok(&["export"])).unwrap();
    other.ok(&["import", now.to_str().unwrap()]);
    assert_eq!(
        other.export_ids().len(),
        1,
        "the deletion travels with the export"
    );
}

/// The ids `nape export` lists, whatever else it says.
fn exported(diary: &Diary) -> Vec<String> {
    diary.export_ids()
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_refuses_the_save_with_a_message_and_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let before = exported(&diary);
    let checkins = diary.data().join("checkins");
    // Root ignores permissions: then run nape as "nobody", owning the diary.
    let root = rustix::process::getuid().is_root();
    if root {
        for path in [diary.dir.path().to_path_buf(), diary.data()]
            .into_iter()
            .chain(diary.snapshot().into_iter().map(|(p, _)| p))
            .chain([
                checkins.clone(),
                diary.dir.path().join("state"),
                diary.dir.path().join("state/desk"),
                diary.dir.path().join("state/diaries"),
                diary.local(),
                diary.backups(),
                diary.local().join("nape.lock"),
            ])
        {
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        }
        for entry in walk_dirs(&diary.backups()) {
            std::os::unix::fs::chown(&entry, Some(65534), Some(65534)).unwrap();
        }
    }
    let as_owner = |args: &[&str]| {
        let mut cmd = diary.command(args);
        if root {
            cmd.uid(65534).gid(65534);
        }
        cmd.output().unwrap()
    };
    std::fs::set_permissions(&checkins, std::fs::Permissions::from_mode(0o500)).unwrap();
    let out = as_owner(&["log", "--pain", "6"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("checkins") && stderr.contains("ermission"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let check = as_owner(&["check"]);
    assert!(!String::from_utf8_lossy(&check.stderr).contains("panicked"));

    std::fs::set_permissions(&checkins, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(exported(&diary), before, "nothing acknowledged was lost");
    let out = as_owner(&["log", "--pain", "6"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = as_owner(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

fn walk_dirs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut all = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            all.extend(walk_dirs(&entry.path()));
        } else {
            all.push(entry.path());
        }
    }
    all
}

#[cfg(unix)]
#[test]
fn a_full_disk_fails_the_save_cleanly_and_the_month_file_stays_whole() {
    let diary = Diary::new();
    for pain in 0..=9 {
        diary.ok(&[
            "log",
            "--pain",
            &pain.to_string(),
            "--note",
            "a note to make the file longer",
        ]);
    }
    let before = diary.snapshot();
    let ids = exported(&diary);
    // Any file write past 1 KiB fails, as on a full disk (the signal it would raise is ignored).
    let out = past_a_file_limit(&diary, "trap '' XFSZ;", &["log", "--pain", "5"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not use"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let after: Vec<_> = diary
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert_eq!(after, before, "the month file is whole and unchanged");
    assert_eq!(exported(&diary), ids);
    // The next save clears what the failed one left, and check is clean.
    diary.ok(&["log", "--pain", "5"]);
    let check = diary.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert_eq!(exported(&diary).len(), ids.len() + 1);
}

#[cfg(unix)]
#[test]
fn symlinks_in_every_position() {
    use std::os::unix::fs::symlink;
    // The data folder itself linked elsewhere (a synced folder): used, and made private.
    let diary = Diary::new();
    let real = diary.dir.path().join("real-data");
    std::fs::create_dir(&real).unwrap();
    symlink(&real, diary.data()).unwrap();
    diary.ok(&["log", "--pain", "2"]);
    let check = diary.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // Below it nothing is followed: a collection folder, and in the desk's local state the
    // backups folder and the lock, each linked to something outside, are reported and never
    // written through.
    let victim = diary.dir.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::fs::write(victim.join("2026-11.json"), "keep me").unwrap();
    std::fs::remove_dir_all(real.join("therapy")).ok();
    symlink(&victim, real.join("therapy")).unwrap();
    let local = diary.local();
    std::fs::remove_dir_all(local.join("backups")).unwrap();
    symlink(&victim, local.join("backups")).unwrap();
    let outside = diary.dir.path().join("precious.txt");
    std::fs::write(&outside, "keep me").unwrap();
    std::fs::remove_file(local.join("nape.lock")).unwrap();
    symlink(&outside, local.join("nape.lock")).unwrap();

    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    for name in ["therapy", "backups", "nape.lock"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(name) && l.contains("symbolic link")),
            "{name}: {stdout}"
        );
    }
    let out = diary.run(&["log", "--pain", "4"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("nape.lock") && stderr.contains("symbolic link"),
        "{stderr}"
    );
    std::fs::remove_file(local.join("nape.lock")).unwrap();
    let out = diary.run(&["timer", "start", "cold"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("therapy") && stderr.contains("symbolic link"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
    let names: Vec<_> = std::fs::read_dir(&victim)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "nothing written into the linked folder: {names:?}"
    );
    assert_eq!(
        std::fs::read_to_string(victim.join("2026-11.json")).unwrap(),
        "keep me"
    );
    std::fs::remove_file(real.join("therapy")).unwrap();
    assert_eq!(exported(&diary).len(), 1, "nothing acknowledged was lost");
}

#[test]
fn a_file_where_a_collection_folder_belongs_is_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    std::fs::remove_dir_all(diary.data().join("therapy")).ok();
    let stray = diary.data().join("therapy");
    std::fs::write(&stray, "mine").unwrap();
    std::fs::set_permissions(&stray, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = diary.run(&["timer", "start", "cold"]);
    assert!(!out.status.success());
    let mode = std::fs::metadata(&stray).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "not chmodded");
    assert_eq!(std::fs::read_to_string(&stray).unwrap(), "mine");
}

#[test]
fn settings_that_vanish_while_the_app_is_open_never_turn_a_pain_score_into_the_number() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    // A sync tool or an unmounted drive takes the settings away.
    std::fs::remove_dir_all(diary.data().join("settings")).unwrap();
    std::fs::remove_dir_all(diary.backups()).unwrap();
    app.send("7\r");
    app.wait_for("pain 7");
    assert!(!app.contents().contains("Welcome to nape"));
    assert!(app.contents().contains("Call 999"), "{}", app.contents());
    app.send("q");
    app.wait_exit();
}

/// Past a file-size limit (`ulimit -f`) the kernel would kill nape by SIGXFSZ with no word:
/// nape takes the failed write as an error, and says so.
#[cfg(unix)]
#[test]
fn a_file_size_limit_gets_a_message_not_a_silent_death() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "2",
        "--note",
        &"a note to make the file longer ".repeat(40),
    ]);
    let note = "another long note ".repeat(80);
    let out = past_a_file_limit(&diary, "", &["log", "5", "--note", &note]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not use"), "{stderr}");
    assert_eq!(diary.export_ids().len(), 1, "the first entry is whole");
}

/// A save killed while writing its backup leaves a temp file there: `nape check` names it, and
/// the next save's backup clears it.
#[test]
fn temp_files_left_in_the_backups_are_reported_and_cleared() {
    let diary = Diary::new();
    diary.ok(&["log", "2"]);
    let day = std::fs::read_dir(diary.backups())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let folder = day.join("checkins");
    let stray = folder.join(".2026-01.desk0001.json.Xy12ab.tmp");
    std::fs::write(&stray, "half").unwrap();
    let check = diary.ok(&["check"]);
    assert!(check.contains("Xy12ab.tmp"), "{check}");
    diary.ok(&["log", "3"]);
    assert!(!stray.exists());
}

/// nape run with `args` where no file may grow past 1 KiB (`ulimit -f 1`), after the shell
/// words `before` (a `trap`, say).
#[cfg(unix)]
fn past_a_file_limit(diary: &Diary, before: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{before} ulimit -f 1; exec \"$0\" \"$@\""))
        .arg(common::BIN)
        .args(args)
        .env("NAPE_DATA_DIR", diary.data())
        .env("NAPE_STATE_DIR", diary.dir.path().join("state"))
        .env("LC_CTYPE", "C.UTF-8")
        .output()
        .unwrap()
}
