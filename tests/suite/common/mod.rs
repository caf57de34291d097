//! Helpers shared by the integration tests: the real binary over a temporary data folder.
#![allow(dead_code)]

pub mod app;
pub mod draw;
pub mod flags;
pub mod history;
pub mod pty;
pub mod shared;
pub mod sync;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_nape");

/// The store at `data`, with its desk's local state (desk id, lock, backups) in `state` beside
/// it: `data` is a folder inside a test's own temporary folder.
pub fn disk_store(data: &Path) -> (nape::store::DiskStore, Vec<nape::store::Notice>) {
    let state = data.parent().expect("a folder in a temp dir").join("state");
    if !state.join("desk").exists() {
        std::fs::create_dir_all(&state).expect("state folder");
        std::fs::write(state.join("desk"), DESK).expect("desk id");
    }
    nape::store::DiskStore::open(data, &state).expect("open the store")
}

/// The desk id of every test diary, so a test can name the files nape writes.
pub const DESK: &str = "desk0001";

pub struct Diary {
    pub dir: tempfile::TempDir,
}

impl Diary {
    pub fn new() -> Self {
        Diary::at_desk(DESK)
    }

    /// A diary whose computer has the desk id `desk` (8 lowercase letters or digits).
    pub fn at_desk(desk: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = dir.path().join("state");
        std::fs::create_dir(&state).expect("state folder");
        std::fs::write(state.join("desk"), desk).expect("desk id");
        Diary { dir }
    }

    /// This desk's file of `stem` ("2026-01", "settings") in `collection`, relative to the data
    /// folder, as nape names it.
    pub fn own(collection: &str, stem: &str) -> String {
        format!("{collection}/{stem}.{DESK}.json")
    }

    /// This desk's local state for the data folder (lock, backups), outside the data folder;
    /// made by the first command.
    pub fn local(&self) -> PathBuf {
        let diaries = self.dir.path().join("state/diaries");
        let mut found = std::fs::read_dir(&diaries).expect("a command made local state");
        found
            .next()
            .expect("one data folder")
            .expect("entry")
            .path()
    }

    pub fn backups(&self) -> PathBuf {
        self.local().join("backups")
    }

    /// The data folder inside the temp dir (so its creation by nape is tested too).
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("NAPE_DATA_DIR", self.data())
            .env("NAPE_CONFIG_DIR", self.dir.path().join("config"))
            .env("NAPE_STATE_DIR", self.dir.path().join("state"))
            .env("TZ", "UTC")
            // UTF-8 output whatever the machine's locale (a test may ask for LANG=C).
            .env_remove("LC_ALL")
            .env("LC_CTYPE", "C.UTF-8");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run nape")
    }

    pub fn ok(&self, args: &[&str]) -> String {
        succeeds(&mut self.command(args))
    }

    /// Settings as if saved by nape: `fields` are JSON members added to the record, such as
    /// `"onset": "2026-03-01"`.
    pub fn write_settings(&self, fields: &str) {
        let folder = self.data().join("settings");
        std::fs::create_dir_all(&folder).expect("settings folder");
        let file = format!(
            r#"{{"schema_version": 1, "records": [{{
            "id": "01581d2f-7800-7ac2-9210-979b927829d3",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "date": "2026-01-01", {fields}}}]}}"#
        );
        std::fs::write(folder.join("settings.json"), file).expect("settings file");
    }

    /// Replace `from` with `to` in the data file at `relative` (a hand edit).
    pub fn edit_file(&self, relative: &str, from: &str, to: &str) {
        let file = self.data().join(relative);
        let text = std::fs::read_to_string(&file).expect("read the data file");
        assert!(text.contains(from), "{relative} holds no {from:?}");
        std::fs::write(&file, text.replace(from, to)).expect("write the data file");
    }

    /// Import `content` as a file, expecting it refused whole: exit 2 and nothing written.
    /// Returns what nape said.
    pub fn refused_import(&self, content: &str) -> String {
        let before = self.snapshot();
        let file = self.dir.path().join("import.json");
        std::fs::write(&file, content).expect("write the import file");
        let out = self.run(&["import", file.to_str().expect("a UTF-8 path")]);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{content}\n{stderr}");
        assert_eq!(self.snapshot(), before, "an import refused wrote nothing");
        stderr
    }

    /// Every file under the data folder with its bytes, to prove a command wrote nothing. The
    /// lock file is left out: it holds only the id of the last process that saved.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        walk(&self.data(), &mut files);
        files.sort();
        files
    }

    pub fn export_ids(&self) -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_str(&self.ok(&["export"])).expect("export is JSON");
        json["collections"]["checkins"]
            .as_array()
            .expect("checkins array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if !path.ends_with("nape.lock") {
            let bytes = std::fs::read(&path).unwrap_or_default();
            out.push((path, bytes));
        }
    }
}

/// The id from "Saved check-in <id>: ...".
/// Run `command` (nape, set up as a test wants it), which must succeed; its standard output.
pub fn succeeds(command: &mut Command) -> String {
    let out = command.output().expect("run nape");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn saved_id(stdout: &str) -> Option<String> {
    let rest = stdout.strip_prefix("Saved check-in ")?;
    Some(rest.split(':').next()?.to_string())
}
