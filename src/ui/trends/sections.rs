//! The sections that are words: where the episode stands with adherence, what helps, and the
//! activities of the functional scale with their questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Prompt};
use crate::domain::function::{MAX_NAME, PROMPT_DAYS};
use crate::domain::trends::{MIN_COUNT, Summary};
use crate::keys;
use crate::ui::theme::Theme;

fn show(lines: Vec<Line<'static>>, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// A section of words, scrolled `scroll` rows; where more is below, the last row says so.
pub fn scrolled(
    lines: Vec<Line<'static>>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
    let below = (text.line_count(area.width) as u16).saturating_sub(area.height + scroll);
    if below == 0 || area.height < 2 {
        return frame.render_widget(text.scroll((scroll, 0)), area);
    }
    let [page, mark] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(text.scroll((scroll, 0)), page);
    let more = format!(
        "↓ more below: {}",
        keys::hint(crate::app::Msg::Page(crate::app::Paging::Down))
    );
    frame.render_widget(Line::styled(more, theme.dim()), mark);
}

pub fn progress(summary: &Summary, theme: &Theme) -> Vec<Line<'static>> {
    let s = &summary.standing;
    let mut lines = Vec::new();
    let first = match (s.since, s.days, s.onset_given) {
        (Some(since), Some(days), true) => {
            lines.push(Line::raw(format!(
                "Day {} of this episode (began {}).",
                days + 1,
                since.format("%-d %b %Y")
            )));
            "the first week"
        }
        (Some(since), Some(days), false) => {
            lines.push(Line::raw(format!(
                "{days} days since your first check-in ({}). Give this episode's onset in \
                 Settings (e) to follow it from its start.",
                since.format("%-d %b %Y")
            )));
            "your first week of check-ins"
        }
        _ => {
            lines.push(Line::raw("Nothing recorded yet."));
            "the first week"
        }
    };
    match (s.first_week, s.this_week, s.change, s.days) {
        (Some(old), Some(now), Some(change), _) => lines.push(Line::raw(format!(
            "Mean pain this week {now:.1}, in {first} {old:.1}: {} [S11].",
            change.words()
        ))),
        (_, Some(now), None, Some(days)) if days < 13 => lines.push(Line::raw(format!(
            "Mean pain this week {now:.1}; from day 14 it is set beside {first}."
        ))),
        (None, Some(now), _, _) => lines.push(Line::raw(format!(
            "Mean pain this week {now:.1}; {first} has no check-ins to compare with."
        ))),
        _ => {}
    }
    if let Some(course) = s.course() {
        lines.push(Line::styled(course, theme.dim()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        match summary.streak {
            1 => "Kept up · check-in streak 1 day".to_string(),
            n => format!("Kept up · check-in streak {n} days"),
        },
        theme.heading(),
    ));
    lines.push(Line::styled(
        "Week ending   cold heat stretch days",
        theme.dim(),
    ));
    let shown: Vec<_> = summary.weeks.iter().rev().take(6).collect();
    for w in &shown {
        // A part-week (the span began or ends mid-week) is marked, and said so below.
        let part = if w.part() { "*" } else { "" };
        lines.push(Line::raw(format!(
            "{:<12} {:>5} {:>4} {:>7} {:>4}",
            format!("{}{part}", w.to.format("%a %-d %b")),
            w.cold,
            w.heat,
            w.stretch,
            w.checkin_days
        )));
    }
    if shown.iter().any(|w| w.part()) {
        lines.push(Line::styled("* part of a week", theme.dim()));
    }
    lines
}

pub fn helps(summary: &Summary, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Pain after, against before", theme.heading())];
    let (enough, waiting): (Vec<_>, Vec<_>) = summary
        .effects
        .iter()
        .filter(|e| e.sessions > 0)
        .partition(|e| e.enough());
    for e in &enough {
        lines.push(Line::raw(format!("{}: {}", e.name, e.words())));
    }
    for e in &waiting {
        lines.push(Line::styled(
            format!(
                "{}: {} rated so far; {MIN_COUNT} are needed",
                e.name, e.rated
            ),
            theme.dim(),
        ));
    }
    if enough.is_empty() && waiting.is_empty() {
        lines.push(Line::styled(
            "Rate your pain before and after cold, heat or a routine to see what helps.",
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Days with and without (associations, not causes)",
        theme.heading(),
    ));
    let shown: Vec<_> = summary.associations.iter().filter(|a| a.enough()).collect();
    for a in &shown {
        lines.push(Line::raw(a.words()));
    }
    if shown.is_empty() {
        lines.push(Line::styled(
            format!(
                "Tick what applied (sleep, stress, screens ...) in full check-ins: each factor \
                 shows once it has {MIN_COUNT} days with it and {MIN_COUNT} without."
            ),
            theme.dim(),
        ));
    }
    lines
}

pub fn activities(app: &App, summary: &Summary, frame: &mut Frame, area: Rect, theme: &Theme) {
    let diary = app.diary();
    let named = diary.activities();
    let mut lines = Vec::new();
    match &app.trends().prompt {
        Some(Prompt::Rate { index, typed, .. }) => {
            let activity = named.get(*index).map_or("", String::as_str);
            lines.push(Line::styled(
                format!("Activity {} of {}", index + 1, named.len()),
                theme.heading(),
            ));
            lines.push(Line::raw(format!("How well can you manage: {activity}?")));
            lines.push(Line::from(vec![
                Span::raw("0 unable ... 10 as before the pain: "),
                Span::styled(format!(" {typed:<2} "), theme.selected()),
            ]));
            lines.push(Line::styled(
                "Enter keeps it and asks the next; the ratings are saved after the last. Esc \
                 stops without saving any.",
                theme.dim(),
            ));
        }
        Some(Prompt::Name { index, input, .. }) => {
            lines.push(Line::styled(
                format!(
                    "Activity {} of up to 5 that your neck makes hard",
                    index + 1
                ),
                theme.heading(),
            ));
            let typed = input.value().chars().count();
            let count = format!("  {typed}/{MAX_NAME}");
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::styled(format!("{} ", input.value()), theme.selected()),
                Span::styled(
                    count,
                    if typed > MAX_NAME {
                        theme.error()
                    } else {
                        theme.dim()
                    },
                ),
            ]));
            lines.push(Line::styled(
                "Such as: turning to reverse the car, reading, sleeping. Enter keeps it and asks \
                 the next; an empty line ends the list; Esc leaves them as they were.",
                theme.dim(),
            ));
        }
        None if named.is_empty() => {
            lines.push(Line::raw(
                "Name up to five activities your neck makes hard, and rate each once a week \
                 from 0 (unable) to 10 (as before). A rise of 2 points is a meaningful gain \
                 [S12].",
            ));
            lines.push(Line::from(vec![
                Span::styled("a", theme.key()),
                Span::raw(" names them."),
            ]));
        }
        None => {
            lines.push(Line::styled("Your activities", theme.heading()));
            let last = diary.function().last();
            let items: Vec<String> = (named.iter().enumerate())
                .map(|(i, name)| {
                    let score = last
                        .and_then(|r| r.body.scores.iter().find(|s| &s.activity == name))
                        .map_or("-".to_string(), |s| s.score.to_string());
                    format!("{}. {name}: {score}", i + 1)
                })
                .collect();
            // Short of rows, the list runs on in one paragraph so the score and the next step
            // stay in view.
            if area.height as usize >= items.len() + 5 {
                lines.extend(items.into_iter().map(Line::raw));
            } else {
                lines.push(Line::raw(items.join(" · ")));
            }
            if let Some(words) = summary.function_words() {
                lines.push(Line::raw(format!("Score {words}.")));
            }
            let rate = keys::hint(crate::app::Msg::RateActivities);
            let name = keys::hint(crate::app::Msg::NameActivities);
            let due = match last {
                _ if diary.function_due(app.today()) => {
                    format!("A rating is due: {rate} rates them now.")
                }
                Some(r) => {
                    let days = PROMPT_DAYS - (app.today() - r.date).num_days();
                    let unit = if days == 1 { "day" } else { "days" };
                    format!(
                        "Rated {}; next in {days} {unit} ({rate} rates them now). {name} changes the list.",
                        r.date.format("%-d %b"),
                    )
                }
                None => format!("{rate} rates them now."),
            };
            lines.push(Line::styled(due, theme.dim()));
        }
    }
    show(lines, frame, area);
}
