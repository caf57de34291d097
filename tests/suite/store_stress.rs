//! The real binary under abuse: killed mid-save, and many writers at once.

use crate::common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Diary, saved_id};
use nape::store::document;

/// A small deterministic generator, so a failing run can be repeated.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn data_files(diary: &Diary) -> Vec<std::path::PathBuf> {
    diary
        .snapshot()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .collect()
}

#[test]
fn killing_saves_at_random_moments_loses_nothing_that_was_reported_saved() {
    let diary = Diary::new();
    // How long one save takes here, so kills land before, during and after the write.
    let start = Instant::now();
    diary.ok(&["log", "--pain", "1"]);
    let mut span = start.elapsed().as_micros().max(500) as u64 * 2;

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut confirmed = Vec::new();
    let (mut killed, mut finished) = (0, 0);
    for i in 0..300 {
        let mut child = diary
            .command(&[
                "log",
                "--pain",
                &(i % 11).to_string(),
                "--note",
                "crash test, \"row\"\n2",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let deadline = started + Duration::from_micros(rng.next() % span);
        // Wait until the kill moment or the process ends, whichever is first.
        while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            std::hint::spin_loop();
        }
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill(); // SIGKILL on Unix
            killed += 1;
            // Every save killed so far (a loaded machine is slower than the first one measured):
            // the kill moments spread later until some saves finish too.
            if finished == 0 {
                span += span / 8;
            }
        } else {
            // A save reads the diary first, which grows as this goes on (and a loaded machine
            // is slower): kills keep landing across the whole of one.
            span = span.max(started.elapsed().as_micros() as u64 * 2);
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            finished += 1;
            let stdout = String::from_utf8(out.stdout).unwrap();
            confirmed.push(saved_id(&stdout).expect("a successful run prints its id"));
        }
    }
    eprintln!("{killed} killed, {finished} finished");
    assert!(
        killed > 30 && finished > 30,
        "kills should land both ways: {killed} killed, {finished} finished"
    );

    for path in data_files(&diary) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            document::parse(&bytes).is_ok(),
            "{} does not parse",
            path.display()
        );
    }
    let check = diary.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let ids = diary.export_ids();
    for id in &confirmed {
        assert!(ids.contains(id), "{id} was reported saved but is missing");
    }
}

#[test]
fn eight_writers_at_once_lose_nothing() {
    let diary = Diary::new();
    let ids: Vec<String> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..8)
            .map(|w| {
                let diary = &diary;
                scope.spawn(move || {
                    (0..50)
                        .map(|i| {
                            let out = diary.ok(&["log", "--pain", &((w + i) % 11).to_string()]);
                            saved_id(&out).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let stored = diary.export_ids();
    let unique: std::collections::HashSet<_> = stored.iter().collect();
    assert_eq!(stored.len(), 400);
    assert_eq!(unique.len(), 400);
    for id in &ids {
        assert!(unique.contains(id), "{id} lost");
    }
}
