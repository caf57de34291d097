//! Standard output that cannot be written (a full disk, a closed pipe) is an error with a
//! message and exit 1, never a panic (exit 101), and what was saved stays saved.

use crate::common;

use std::process::{Output, Stdio};

use common::Diary;

/// Run nape with its standard output on `/dev/full` (every write fails: no space left).
fn to_full_disk(diary: &Diary, args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    diary
        .command(args)
        .stdout(Stdio::from(full))
        .output()
        .expect("run nape")
}

/// Run nape with its standard output on a pipe whose reading end is already closed.
fn to_closed_pipe(diary: &Diary, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut child = diary
        .command(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .expect("run nape");
    child.stdout.take();
    child.wait_with_output().expect("wait for nape")
}

fn commands(diary: &Diary) -> Vec<Vec<String>> {
    let export = diary.dir.path().join("export.json");
    std::fs::write(&export, diary.ok(&["export"])).expect("write export");
    [
        vec!["log", "--pain", "3"],
        vec!["check"],
        vec!["status"],
        vec!["timer", "status"],
        vec!["export"],
        vec!["export", "--format", "csv"],
        vec!["import", export.to_str().unwrap()],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect()
}

#[test]
fn output_that_cannot_be_written_is_reported_not_a_panic() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "4"]);
    for args in commands(&diary) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = to_full_disk(&diary, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "nape {args:?}: {stderr}");
        assert!(
            stderr.contains("could not write the output"),
            "nape {args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "nape {args:?}: {stderr}");

        let out = to_closed_pipe(&diary, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "nape {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "nape {args:?}: {stderr}");
    }
}

#[test]
fn a_check_in_saved_before_the_output_failed_stays_saved() {
    let diary = Diary::new();
    let out = to_full_disk(&diary, &["log", "--pain", "6"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(diary.export_ids().len(), 1);
}
