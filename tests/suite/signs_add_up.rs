//! A warning sign's parts may come in different check-ins, in any order: each rule gathers them
//! over its window (a day) from every check-in, as one check-in holding them all would give.

use crate::common;

use chrono::Duration;
use common::flags::{ids, now};
use nape::domain::checkin::CheckIn;
use nape::domain::redflag::{self, Level};

/// A check-in `hours_ago`, with symptoms, where it is felt and what happened.
fn at(hours_ago: i64, symptoms: &[&str], places: &[&str], context: &[&str]) -> CheckIn {
    CheckIn {
        symptoms: symptoms.iter().map(|s| s.to_string()).collect(),
        locations: places.iter().map(|s| s.to_string()).collect(),
        context: context.iter().map(|s| s.to_string()).collect(),
        ..CheckIn::new(now() - Duration::hours(hours_ago), 4)
    }
}

fn raises(history: &[CheckIn], id: &str) -> bool {
    ids(history, None, &[]).iter().any(|f| f == id)
}

#[test]
fn numbness_in_one_arm_then_the_other_is_numbness_of_both_arms() {
    let numb = |hours, arm| at(hours, &["numbness"], &[arm], &[]);
    let both = [at(9, &["numbness"], &["left-arm", "right-arm"], &[])];
    assert!(raises(&both, "limb-numbness"), "one check-in, both arms");
    // 03:00 the left arm, 03:30 the right: in either order.
    let split = [numb(9, "left-arm"), numb(8, "right-arm")];
    assert!(raises(&split, "limb-numbness"), "one arm, then the other");
    let reversed = [numb(9, "right-arm"), numb(8, "left-arm")];
    assert!(raises(&reversed, "limb-numbness"), "the other order");
    // More than a day apart: each arm on its own.
    let apart = [numb(40, "left-arm"), numb(8, "right-arm")];
    assert!(
        !raises(&apart, "limb-numbness"),
        "{:?}",
        ids(&apart, None, &[])
    );
    // The same arm twice is one arm.
    let same = [numb(9, "left-arm"), numb(8, "left-arm")];
    assert!(!raises(&same, "limb-numbness"));
}

#[test]
fn a_nerve_sign_and_a_manipulation_the_same_day_in_either_order_is_the_emergency() {
    let id = redflag::rule::MANIPULATION_NERVE;
    // Dizziness at 14:00, then "neck manipulation today" ticked at 15:00.
    let dizzy_first = [
        at(22, &["dizziness"], &[], &[]),
        at(21, &[], &[], &["manipulation"]),
    ];
    assert!(
        raises(&dizzy_first, id),
        "{:?}",
        ids(&dizzy_first, None, &[])
    );
    let manipulated_first = [
        at(22, &[], &[], &["manipulation"]),
        at(21, &["numbness"], &["left-arm"], &[]),
    ];
    assert!(raises(&manipulated_first, id));
    let together = [at(21, &["dizziness"], &[], &["manipulation"])];
    assert!(raises(&together, id));
    // Dizziness two days before a manipulation is not after it.
    let before = [
        at(60, &["dizziness"], &[], &[]),
        at(21, &[], &[], &["manipulation"]),
    ];
    assert!(!raises(&before, id), "{:?}", ids(&before, None, &[]));
}

#[test]
fn pins_and_needles_in_both_arms_within_a_day_is_urgent_and_says_both_arms() {
    let id = "both-arms-tingling";
    let def = redflag::find(id).expect("in the catalog");
    assert_eq!(def.level, Level::Urgent);
    assert!(def.short.contains("both arms"), "{}", def.short);
    let tingle = |hours, arms: &[&str]| at(hours, &["pins-and-needles"], arms, &[]);
    assert!(
        raises(&[tingle(5, &["left-arm", "right-arm"])], id),
        "at once"
    );
    let split = [tingle(20, &["right-arm"]), tingle(5, &["left-arm"])];
    assert!(raises(&split, id), "one arm then the other");
    let apart = [tingle(50, &["right-arm"]), tingle(5, &["left-arm"])];
    assert!(!raises(&apart, id));
    assert!(!raises(&[tingle(5, &["left-arm"])], id), "one arm");
}

/// The both-arms sign is complete only once both arms were entered: an assessment made between
/// the two entries does not settle it.
#[test]
fn an_arm_entered_after_an_assessment_is_not_covered_by_it() {
    use common::flags::dated;
    use nape::domain::redflag::{Evidence, evaluate};
    use nape::domain::settings::Settings;
    let left = at(9, &["numbness"], &["left-arm"], &[]);
    let right = at(10, &["numbness"], &["right-arm"], &[]); // an hour earlier, typed in later
    let mut history = vec![right, left];
    history.sort_by_key(|c| c.at);
    let mut dated = dated(&history);
    // The left arm entered at its time; the right arm backfilled after the assessment.
    let assessed = now() - Duration::hours(5);
    for d in dated.iter_mut() {
        if d.checkin.locations == ["right-arm"] {
            d.entered = now() - Duration::hours(1);
        }
    }
    let settings = Settings::new("112", None);
    let evidence = Evidence {
        assessments: &[assessed],
        ..Evidence::new(&dated, &settings)
    };
    let flags = evaluate(&evidence, now(), now().date_naive());
    let both = flags
        .iter()
        .find(|f| f.def.id == "limb-numbness")
        .expect("raised");
    assert!(
        both.assessed_at.is_none(),
        "not covered by an earlier assessment"
    );
}
