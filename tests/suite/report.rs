//! `nape report` on a fixed history with a pinned last day: golden files in Markdown and HTML
//! (insta snapshots), a page with no external reference, notes left out on request, a private
//! file, a DST day, and bad values refused.

use crate::common;

use chrono::NaiveDate;
use common::Diary;
use nape::store::Store;

const UNTIL: &str = "2026-11-22";

fn diary_with_history(days: i64) -> Diary {
    let diary = Diary::new();
    let (store, _) = common::disk_store(&diary.data());
    let today = NaiveDate::parse_from_str(UNTIL, "%Y-%m-%d").unwrap();
    common::history::fill(&store as &dyn Store, today, days);
    diary
}

#[test]
fn the_markdown_report_matches_its_golden_file() {
    let diary = diary_with_history(30);
    let md = diary.ok(&["report", "--until", UNTIL, "--days", "30"]);
    insta::assert_snapshot!("report_md", md);
}

#[test]
fn the_html_report_matches_its_golden_file_and_refers_to_nothing_outside() {
    let diary = diary_with_history(30);
    let html = diary.ok(&["report", "--until", UNTIL, "--format", "html"]);
    insta::assert_snapshot!("report_html", html);
    let lower = html.to_lowercase();
    for outside in [
        "http:", "https:", "//", "src=", "href=", "<link", "<script", "url(", "@import",
    ] {
        assert!(!lower.contains(outside), "the page holds {outside:?}");
    }
    assert!(lower.contains("<svg"), "the chart is inline");
    assert!(lower.contains("@media print") && lower.contains("break-inside: avoid"));
    // Markup in a note is shown as text, never run.
    assert!(html.contains("&lt;b&gt;not&lt;/b&gt;") && !html.contains("<b>not</b>"));
}

#[test]
fn notes_can_be_left_out() {
    let diary = diary_with_history(30);
    let with = diary.ok(&["report", "--until", UNTIL]);
    let without = diary.ok(&["report", "--until", UNTIL, "--no-notes"]);
    assert!(with.contains("turning left"));
    assert!(!without.contains("turning left"));
    assert!(without.contains("Left out at the person's request."));
}

#[test]
fn a_report_file_is_private_and_its_place_is_said() {
    let diary = diary_with_history(10);
    let path = diary.dir.path().join("for-my-physio.html");
    let out = diary.ok(&[
        "report",
        "--until",
        UNTIL,
        "--format",
        "html",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.contains("for-my-physio.html"), "{out}");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_dst_day_is_one_day_in_the_report() {
    let diary = Diary::new();
    let london = "GMT0BST,M3.5.0/1,M10.5.0";
    for (pain, when) in [
        ("4", "2026-03-29 00:30"),
        ("6", "2026-03-29 03:30"),
        ("2", "2026-03-30 00:30"),
    ] {
        let out = diary
            .command(&["log", pain, "--at", when])
            .env("TZ", london)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let md = diary
        .command(&["report", "--until", "2026-03-30", "--days", "2"])
        .env("TZ", london)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("3 check-ins on 2 of 2 days."), "{md}");
    // Calendar weeks: the Sunday of the change ends one, the Monday begins the next.
    assert!(
        md.contains("| 29 Mar to 29 Mar 2026 (part week) | 5.0 | 6 | 1 |"),
        "{md}"
    );
}

#[test]
fn bad_values_are_refused_and_write_nothing() {
    let diary = Diary::new();
    for args in [
        &["report", "--days", "0"][..],
        &["report", "--days", "many"],
        &["report", "--format", "pdf"],
        &["report", "--until", "22/11/2026"],
    ] {
        let out = diary.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let out = diary.run(&["report", "--output", "/nonexistent/dir/r.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not write /nonexistent/dir/r.md"));
}

#[test]
fn warning_signs_worked_out_from_the_pattern_are_in_the_report() {
    // Three days running at 8 or more is a sign nape works out; no answer was ticked.
    let diary = Diary::new();
    let today = chrono::Utc::now().date_naive();
    for back in [3, 2, 1] {
        let day = today - chrono::Duration::days(back);
        diary.ok(&["log", "9", "--at", &format!("{day} 09:00")]);
    }
    let md = diary.ok(&["report", "--days", "7"]);
    assert!(md.contains("No warning-sign answers were ticked"), "{md}");
    assert!(
        md.contains("Warning signs in force as this report is written:"),
        "{md}"
    );
    assert!(!md.contains("No warning signs were reported"));
}

#[test]
fn an_existing_output_file_is_made_private() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let path = diary.dir.path().join("old.md");
    std::fs::write(&path, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        diary.ok(&["report", "--output", path.to_str().unwrap()]);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_year_far_ahead_is_refused_or_reported_never_a_panic() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    for until in ["9999-12-31", "+262142-12-31"] {
        let out = diary.run(&["report", "--until", until, "--days", "365"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{until}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 2)), "{until}: {err}");
    }
}

#[test]
fn the_output_name_picks_the_format_and_a_dash_is_standard_output() {
    let diary = diary_with_history(10);
    let path = diary.dir.path().join("for-the-physio.HTML");
    diary.ok(&["report", "--until", UNTIL, "-o", path.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let out = diary.ok(&["report", "--until", UNTIL, "-o", "-"]);
    assert!(out.starts_with("# Neck pain diary"));
    assert!(!diary.dir.path().join("-").exists());
}

#[test]
fn days_not_yet_come_and_before_1900_are_refused() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let tomorrow = chrono::Local::now().date_naive() + chrono::Duration::days(1);
    for until in [tomorrow.to_string(), "1800-01-01".to_string()] {
        let out = diary.run(&["report", "--until", &until]);
        assert_eq!(out.status.code(), Some(2), "{until}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_long_period_starts_at_the_first_entry_with_years_on_its_weeks() {
    let diary = diary_with_history(10);
    let md = diary.ok(&["report", "--until", UNTIL, "--days", "36500"]);
    assert!(
        md.contains("13 November 2026 to 22 November 2026 (10 days)"),
        "{md}"
    );
    assert!(md.contains("to 22 Nov 2026 |"), "{md}");
}

#[test]
fn links_and_code_in_notes_stay_text_in_markdown() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "3",
        "--note",
        "see [this](http://x) ![img](https://y) `code`",
    ]);
    let md = diary.ok(&["report"]);
    assert!(
        md.contains(r"see \[this\](http\://x) \!\[img\](https\://y) \`code\`"),
        "{md}"
    );
}

#[test]
fn a_report_over_a_damaged_file_says_what_it_leaves_out() {
    let diary = diary_with_history(10);
    // No backup to restore it from.
    std::fs::remove_dir_all(diary.backups()).unwrap();
    let month = diary.data().join("function/2026-11.desk0001.json");
    std::fs::write(&month, "{ not json").unwrap();
    let md = diary.ok(&["report", "--until", UNTIL]);
    assert!(md.contains("Part of the diary could not be read"), "{md}");
    assert!(md.contains("function/2026-11 is damaged"), "{md}");
}

#[test]
fn every_source_has_a_full_reference_a_year_or_says_it_is_undated_and_where_to_find_it() {
    for source in nape::domain::sources::sources() {
        let said = |words: &[&str]| words.iter().any(|w| source.reference.contains(w));
        assert!(
            source.reference.len() > source.title.len() / 2,
            "{}",
            source.id
        );
        match source.year {
            Some(year) => assert!(
                source.reference.contains(&year.to_string()),
                "{}: the year is in the reference",
                source.id
            ),
            None => assert!(
                said(&["Web page", "leaflet", "Not recorded"]),
                "{}: an undated source says what it is",
                source.id
            ),
        }
        if source.addresses.is_empty() {
            assert!(
                said(&["Not recorded"]),
                "{}: no address, said so",
                source.id
            );
        }
        for address in &source.addresses {
            assert!(address.starts_with("https://"), "{}: {address}", source.id);
        }
    }
}

#[test]
fn the_report_names_its_sources_and_starts_its_weeks_at_the_onset() {
    let diary = diary_with_history(30);
    let md = diary.ok(&["report", "--until", UNTIL]);
    assert!(md.contains("## Sources"));
    for id in ["S2:", "S7:", "S11:", "S12:", "S13:"] {
        assert!(md.contains(&format!("- {id}")), "{id} missing:\n{md}");
    }
    // Each with its full reference and where to find it.
    assert!(
        md.contains("- S11: Farrar JT, Young JP Jr, LaMoreaux L, et al.")
            && md.contains("Pain. 2001;94(2):149-58.")
            && md.contains("At: doi.org/10.1016/S0304-3959(01)00349-9, doi.org/10.1016/j"),
        "{md}"
    );
    // The episode began on Saturday 24 October: its first, part week is the first row, then
    // calendar weeks from Monday.
    assert!(md.contains("| 24 Oct to 25 Oct 2026 (part week) |"), "{md}");
    assert!(md.contains("| 26 Oct to 1 Nov 2026 |"), "{md}");
}

#[test]
fn the_signs_in_force_come_first_and_every_source_cited_is_listed() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "4",
        "-s",
        "numbness",
        "-w",
        "left-arm",
        "-w",
        "right-arm",
    ]);
    let md = diary.ok(&["report", "--format", "md"]);
    let signs = md.find("## Warning signs").expect("a signs section");
    let about = md.find("## About this report").expect("an about section");
    assert!(signs < about, "the signs in force first:\n{md}");
    // Numbness of both arms cites S6: the sources list it.
    let sources = &md[md.find("## Sources").expect("sources")..];
    assert!(sources.contains("S6"), "{sources}");
}

/// Place and symptom shares are of the check-ins that asked (full ones), with the count; the
/// worst is the person's "worst in the last 24 hours", worded so everywhere.
#[test]
fn shares_are_of_full_check_ins_and_the_worst_is_the_worst_answered() {
    let diary = Diary::new();
    let today = chrono::Utc::now().date_naive();
    let day = today - chrono::Duration::days(1);
    diary.ok(&[
        "log",
        "3",
        "--worst",
        "8",
        "-w",
        "right-side",
        "--no-symptoms",
        "--at",
        &format!("{day} 09:00"),
    ]);
    diary.ok(&[
        "log",
        "4",
        "-w",
        "right-side",
        "--no-symptoms",
        "--at",
        &format!("{day} 12:00"),
    ]);
    for hour in [14, 16, 18] {
        diary.ok(&["log", "5", "--at", &format!("{day} {hour}:00")]);
    }
    let md = diary.ok(&["report", "--format", "md", "--days", "7"]);
    assert!(md.contains("Full check-ins (of 2)"), "{md}");
    assert!(md.contains("2 of 2 (100%)"), "{md}");
    assert!(md.contains("Worst in the last 24 hours"), "{md}");
    // The week's worst is the 8 answered, not the highest pain now (5).
    let header = md
        .lines()
        .position(|l| l.contains("Mean (of daily means)"))
        .unwrap();
    let week: Vec<&str> = md
        .lines()
        .nth(header + 2)
        .unwrap()
        .split('|')
        .map(str::trim)
        .collect();
    assert_eq!(week[3], "8", "{md}");
    assert!(
        !md.contains("since the last check-in"),
        "one wording:\n{md}"
    );
}

/// Page 1 opens with a box a clinician reads at a glance: the signs in force, pain then and
/// now, activities, the last two weeks, what helped, routines done and sleep; medicines are
/// counted week by week (never a dose).
#[test]
fn the_report_opens_with_a_box_read_at_a_glance() {
    let diary = Diary::new();
    let today = chrono::Utc::now().date_naive();
    for back in [3, 2, 1] {
        let day = today - chrono::Duration::days(back);
        let at = format!("{day} 09:00");
        diary.ok(&[
            "log",
            "5",
            "--stiffness",
            "4",
            "-c",
            "poor-sleep",
            "-m",
            "ibuprofen",
            "--no-symptoms",
            "--at",
            &at,
        ]);
    }
    let md = diary.ok(&["report", "--format", "md", "--days", "7"]);
    let glance = md.find("## At a glance").expect("the box");
    let first_other = md.find("## About this report").unwrap();
    assert!(glance < first_other, "first:\n{md}");
    let box_text = &md[glance..first_other];
    for line in [
        "**Warning signs** | none in force",
        "**Stiffness** | mean 4.0",
        "**Lately** | check-ins on 3 of 4 days",
        "**Stretch routines** | none played",
        "**Sleep** | poor sleep on 3 of 3 days with a full check-in",
    ] {
        assert!(box_text.contains(line), "{line:?} in:\n{box_text}");
    }
    assert!(md.contains("| Medicines named (check-ins) |"), "{md}");
    assert!(md.contains("ibuprofen 3"), "{md}");
    let html = diary.ok(&["report", "--format", "html", "--days", "7"]);
    assert!(
        html.contains("<table class=\"glance\">"),
        "the box in the HTML too"
    );
}

/// The usual course reassures: the report never says it beside a sign not yet assessed.
#[test]
fn the_report_does_not_reassure_while_a_sign_is_unassessed() {
    let diary = Diary::new();
    let today = chrono::Utc::now().date_naive();
    diary.write_settings(&format!(r#""emergency_number": "999", "onset": "{today}""#));
    diary.ok(&["log", "6", "-s", "worst-headache"]);
    let md = diary.ok(&["report", "--format", "md"]);
    assert!(!md.contains("eases within"), "{md}");
    assert!(
        md.contains("not yet assessed: see the warning signs"),
        "{md}"
    );
}

/// Where it hurts, on a figure: text in Markdown, an SVG in HTML, each place with its count.
#[test]
fn the_report_maps_where_it_hurts() {
    let diary = Diary::new();
    for place in ["left-side", "left-side", "left-arm"] {
        diary.ok(&["log", "4", "-w", place, "--no-symptoms"]);
    }
    let md = diary.ok(&["report", "--format", "md", "--days", "7"]);
    assert!(md.contains("left side   2 | 0   right side"), "{md}");
    assert!(md.contains("left arm   1"), "{md}");
    assert!(
        md.contains("how many of the 3 full check-ins ticked each place"),
        "{md}"
    );
    let html = diary.ok(&["report", "--format", "html", "--days", "7"]);
    assert!(
        html.contains("aria-label=\"Where it hurts, seen from behind\""),
        "{html}"
    );
}

#[test]
fn an_episode_that_began_today_is_said_so() {
    let diary = Diary::new();
    let today = chrono::Utc::now().date_naive();
    diary.write_settings(&format!(r#""emergency_number": "999", "onset": "{today}""#));
    diary.ok(&["log", "3"]);
    let md = diary.ok(&["report", "--format", "md"]);
    assert!(md.contains("(the last day of this period)"), "{md}");
    assert!(!md.contains("0 days before"), "{md}");
}

#[cfg(unix)]
#[test]
fn report_output_never_goes_through_a_link_nor_into_a_device_a_pipe_or_a_folder() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let dir = diary.dir.path();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let refused = |target: &std::path::Path, words: &str| {
        let out = diary.run(&["report", "-o", target.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", target.display());
        assert!(stderr.contains(words), "{}: {stderr}", target.display());
        assert!(!String::from_utf8_lossy(&out.stdout).contains("Report written"));
    };

    // A link to someone's file: the file keeps its words and its mode.
    let victim = dir.join("someone.txt");
    std::fs::write(&victim, "theirs").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.join("report.md");
    symlink(&victim, &link).unwrap();
    refused(&link, "symbolic link");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "theirs");
    assert_eq!(mode(&victim), 0o644);

    // A dangling link: its target is not created.
    let nowhere = dir.join("nowhere.md");
    let dangling = dir.join("dangling.md");
    symlink(&nowhere, &dangling).unwrap();
    refused(&dangling, "symbolic link");
    assert!(!nowhere.exists());

    // A pipe: refused at once, never waited on.
    let fifo = dir.join("pipe.md");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
    refused(&fifo, "special file");
    assert_eq!(mode(&fifo), 0o644);

    // A device: /dev/null keeps its mode.
    let before = mode(std::path::Path::new("/dev/null"));
    refused(std::path::Path::new("/dev/null"), "special file");
    assert_eq!(mode(std::path::Path::new("/dev/null")), before);

    // A folder.
    let folder = dir.join("reports.md");
    std::fs::create_dir(&folder).unwrap();
    refused(&folder, "a folder");

    // A plain file is replaced by a new one, readable by you alone.
    let plain = dir.join("plain.md");
    std::fs::write(&plain, "old").unwrap();
    diary.ok(&["report", "-o", plain.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&plain)
            .unwrap()
            .starts_with("# Neck pain diary")
    );
    assert_eq!(mode(&plain), 0o600);
}

#[test]
fn report_output_to_a_bare_file_name_in_the_current_folder_succeeds() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    common::succeeds(
        diary
            .command(&["report", "-o", "bare.md"])
            .current_dir(diary.dir.path()),
    );
    assert!(diary.dir.path().join("bare.md").exists());
}

#[cfg(unix)]
#[test]
fn a_report_written_from_trends_never_goes_through_a_linked_reports_folder() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let elsewhere = diary.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, diary.data().join("reports")).unwrap();
    let (store, _) = crate::common::disk_store(&diary.data());
    let written = nape::store::Store::write_report(&store, "r.html", b"<p>report</p>");
    assert!(written.is_err(), "{written:?}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}
