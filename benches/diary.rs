//! What a long history costs, by part: the warning signs worked out over 1 and 10 years, the
//! Trends figures, reading a month kept by two desks, the index made over 10 years and a shell
//! command's reading with and without it, and one save into ten years. Run with
//! `cargo bench`; the README has the figures. Each history is made here, the same every run.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nape::clock::Zone;
use nape::diary::{Act, Diary};
use nape::domain::checkin::{CheckIn, Dated, Draft};
use nape::domain::redflag::{self, Earlier, Evidence};
use nape::domain::settings::Settings;
use nape::domain::trends::{Span, Summary};
use nape::store::{DiskStore, Kind, MemoryStore, Op, Record, Store};

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(hour, 0, 0).unwrap())
}

/// Three check-ins a day for `years`, ending today: pain that wavers, a symptom now and then.
fn checkins(years: i64) -> Vec<Record<CheckIn>> {
    let days = years * 365;
    let first = today() - Duration::days(days - 1);
    let mut out = Vec::new();
    for i in 0..days {
        let date = first + Duration::days(i);
        for (n, hour) in [8, 13, 19].into_iter().enumerate() {
            let mut c = CheckIn::new(at(date, hour), ((i + n as i64) % 11) as u8);
            if i % 5 == 0 {
                c.symptoms = vec!["stiff-neck".into(), "headache".into()];
                c.locations = vec!["left-side".into()];
            }
            c.note = (i % 7 == 0).then(|| "a note, with \"quotes\" and\nlines".into());
            out.push(Record::new(c, date, at(date, hour)));
        }
    }
    out
}

/// The check-ins as the rules read them.
fn dated(records: &[Record<CheckIn>]) -> Vec<Dated<'_>> {
    (records.iter())
        .map(|r| Dated {
            date: r.date,
            entered: r.created_at,
            checkin: &r.body,
        })
        .collect()
}

#[divan::bench(args = [1, 10])]
fn warning_signs(bencher: divan::Bencher, years: i64) {
    let records = checkins(years);
    let history = dated(&records);
    let settings = Settings::new("112", None);
    let now = at(today(), 20);
    bencher.bench_local(|| {
        let evidence = Evidence {
            history: &history,
            days: None,
            assessments: &[],
            sessions: &[],
            settings: &settings,
        };
        black_box(redflag::evaluate(&evidence, now, today()))
    });
}

/// A diary in memory over `years` of check-ins.
fn diary(years: i64) -> Diary {
    let store = MemoryStore::new();
    let ops = checkins(years)
        .iter()
        .map(|r| Op::Add(r.to_raw()))
        .collect();
    store.apply(CheckIn::COLLECTION, ops).unwrap();
    let settings = Record::new(Settings::new("112", None), today(), at(today(), 7));
    (&store as &dyn Store).add(&settings).unwrap();
    Diary::open(
        Box::new(store),
        Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
        "C",
        at(today(), 20),
    )
}

#[divan::bench(args = [Span::Month, Span::Year, Span::All])]
fn trends_figures(bencher: divan::Bencher, span: Span) {
    let diary = diary(10);
    bencher.bench_local(|| black_box(Summary::new(&diary.facts(), span, today())));
}

/// A month kept by two desks, each with its own file of about 90 check-ins, read and merged.
#[divan::bench]
fn two_desks_month(bencher: divan::Bencher) {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let month: Vec<Record<CheckIn>> = checkins(1).into_iter().rev().take(180).collect();
    for (desk, half) in ["deskaaaa", "deskbbbb"].into_iter().zip(month.chunks(90)) {
        let state = folder.path().join(desk);
        std::fs::create_dir_all(&state).unwrap();
        std::fs::write(state.join("desk"), format!("{desk}\n")).unwrap();
        let (store, _) = DiskStore::open(&data, &state).unwrap();
        let ops = half.iter().map(|r| Op::Add(r.to_raw())).collect();
        store.apply(CheckIn::COLLECTION, ops).unwrap();
    }
    let (store, _) = DiskStore::open(&data, &folder.path().join("deskaaaa")).unwrap();
    let range = nape::store::DateRange {
        since: Some(today() - Duration::days(62)),
        until: Some(today()),
    };
    bencher.bench_local(|| black_box(store.load(CheckIn::COLLECTION, range).unwrap()));
}

/// Ten years of check-ins saved in a diary in `folder`: its store, and its data and state
/// folders.
fn ten_years_on_disk(folder: &tempfile::TempDir) -> (DiskStore, (PathBuf, PathBuf)) {
    let (data, state) = (folder.path().join("data"), folder.path().join("state"));
    let (store, _) = DiskStore::open(&data, &state).unwrap();
    let ops = checkins(10).iter().map(|r| Op::Add(r.to_raw())).collect();
    store.apply(CheckIn::COLLECTION, ops).unwrap();
    (store, (data, state))
}

/// One check-in saved into ten years on disk: the month's file rewritten, the signs worked out.
#[divan::bench(sample_count = 20)]
fn one_save(bencher: divan::Bencher) {
    let folder = tempfile::tempdir().unwrap();
    let (store, _) = ten_years_on_disk(&folder);
    let zone = Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
    let mut diary = Diary::open(Box::new(store), zone, "C", at(today(), 20));
    let mut minute = 0;
    bencher.bench_local(|| {
        minute += 1;
        let now = at(today(), 20) + Duration::minutes(minute);
        let draft = Draft {
            pain: "4".into(),
            ..Draft::default()
        };
        let act = Act::Log {
            id: nape::record::new_id(now),
            draft,
        };
        black_box(diary.act(act, now).unwrap())
    });
}

/// The older check-ins of ten years summed up for the index (the part of remaking it that is
/// not reading the files).
#[divan::bench]
fn index_summary(bencher: divan::Bencher) {
    let records = checkins(10);
    let history = dated(&records);
    let settings = Settings::new("112", None);
    let from = today() - Duration::days(17);
    bencher.bench_local(|| black_box(Earlier::of(&history, from, &settings)));
}

/// A shell command's diary over ten years on disk (`Diary::open_latest`): from the index and
/// the latest weeks, or, with the index gone, read whole and the index made again.
#[divan::bench(args = ["index", "rebuild"], sample_count = 20)]
fn shell_reading(bencher: divan::Bencher, how: &str) {
    let folder = tempfile::tempdir().unwrap();
    let (_, (data, state)) = ten_years_on_disk(&folder);
    let zone = Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
    let now = at(today(), 20);
    let open = || {
        let (store, _) = DiskStore::open_light(&data, &state).unwrap();
        if how == "rebuild" {
            store.drop_index();
        }
        Diary::open_latest(Box::new(store), zone, "C", now)
    };
    drop(open()); // the index made
    bencher.bench_local(|| black_box(open()));
}
