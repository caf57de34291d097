//! `nape routines list` and `nape routines check`, through the real binary.

use crate::common;

use common::Diary;

fn routines_dir(diary: &Diary) -> std::path::PathBuf {
    let dir = diary
        .data()
        .parent()
        .unwrap()
        .join("config")
        .join("routines");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn list_shows_the_built_in_routines_and_a_bad_file_of_ones_own() {
    let diary = Diary::new();
    let dir = routines_dir(&diary);
    std::fs::write(
        dir.join("typo.json"),
        r#"{"id": "t", "name": "T", "steps": [{"exercise": "chin-tuk"}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("mine.json"),
        r#"{"id": "mine", "name": "Mine", "steps": [{"exercise": "chin-tuck", "reps": 2}]}"#,
    )
    .unwrap();
    let out = diary.ok(&["routines", "list"]);
    for id in [
        "desk-reset",
        "morning-mobility",
        "spasm-relief",
        "evening-unwind",
        "mine",
    ] {
        assert!(out.contains(id), "{id} missing:\n{out}");
    }
    assert!(
        out.contains("typo.json: steps[0].exercise: no exercise \"chin-tuk\""),
        "{out}"
    );
}

#[test]
fn check_lists_every_mistake_with_exit_2_and_summarises_a_good_file() {
    let diary = Diary::new();
    let dir = diary.data().parent().unwrap().to_path_buf();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id": "b", "name": "B", "steps": [{"exercise": "rotation", "hold_secs": 0, "reps": 31}]}"#,
    )
    .unwrap();
    let out = diary.run(&["routines", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 problems found"), "{err}");
    assert!(
        err.contains("steps[0].hold_secs: must be from 1 to 120 seconds (got 0)"),
        "{err}"
    );
    assert!(
        err.contains("steps[0].reps: must be from 1 to 30 (got 31)"),
        "{err}"
    );
    let out = diary.ok(&["routines", "check", "assets/routines/desk-reset.json"]);
    assert!(out.contains("is good: 4 exercises, 3 min 30 s"), "{out}");
    let missing = diary.run(&["routines", "check", "no-such.json"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// Run nape, giving up (and failing) if it has not finished within 20 seconds.
fn run_within(diary: &Diary, args: &[&str]) -> std::process::Output {
    let mut child = diary
        .command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("nape {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_in_the_routines_folder_is_reported_and_never_read() {
    let diary = Diary::new();
    let dir = routines_dir(&diary);
    let fifo = dir.join("pipe.json");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zeros.json")).unwrap();
    std::fs::write(
        dir.join("mine.json"),
        r#"{"id": "mine", "name": "Mine", "steps": [{"exercise": "chin-tuck", "reps": 2}]}"#,
    )
    .unwrap();

    let out = run_within(&diary, &["routines", "list"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("mine"), "{stdout}");
    for name in ["pipe.json", "zeros.json"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(name) && l.contains("not a plain file")),
            "{name}: {stdout}"
        );
    }
    let out = run_within(&diary, &["routines", "check", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a plain file"));
}

#[test]
fn a_routine_file_is_read_only_up_to_its_limit() {
    let diary = Diary::new();
    let dir = routines_dir(&diary);
    std::fs::write(dir.join("huge.json"), vec![b' '; (1 << 20) + 1]).unwrap();
    let out = run_within(&diary, &["routines", "list"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("huge.json") && stdout.contains("too big for a routine"),
        "{stdout}"
    );
}
