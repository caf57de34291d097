//! The Trends screen in the real binary: a report written with one key into the data folder's
//! private reports, and the span chosen still there after a restart.

use crate::common;

use common::Diary;
use common::pty::Session;

#[test]
fn w_writes_the_report_and_the_span_survives_a_restart() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    diary.ok(&["log", "4", "--note", "stiff after the drive"]);

    let mut app = Session::start_sized(&diary, 24, 100);
    app.wait_for("Today");
    app.send("r");
    app.wait_for("[Pain chart]");
    app.send("]");
    app.wait_for("· 90 days");
    app.send("w");
    app.wait_for("written to");
    let reports = diary.data().join("reports");
    let files: Vec<_> = std::fs::read_dir(&reports).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    let html = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(html.contains("stiff after the drive"));
    let name = files[0].file_name().to_string_lossy().into_owned();
    assert!(name.ends_with("-90days.html"), "named by its span: {name}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&files[0].path()), 0o600);
        assert_eq!(mode(&reports), 0o700);
    }
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);
    // The reports folder is nape's own: checking the diary finds nothing amiss.
    let check = diary.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let mut again = Session::start_sized(&diary, 24, 100);
    again.wait_for("Today");
    again.send("r");
    again.wait_for("· 90 days");
    again.send("q");
    assert!(again.wait_exit().0);
}
