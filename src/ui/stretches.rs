//! Stretches: the routines to choose from (and any file of the person's that could not be
//! used), the player with its picture, cues and hold countdown, and the questions around it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::flags::lock_message;
use super::hits::Hits;
use super::theme::Theme;
use crate::app::{App, Msg, Stage};
use crate::domain::redflag::Level;
use crate::domain::stretch::{PhaseKind, Player, Sides, duration_words, gentler};

/// Said on every stage of a routine, in every size.
const STOP: &str = "Stop at sharp pain, dizziness, tingling or double vision.";

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
    let state = app.stretches();
    match &state.stage {
        Stage::Playing { player, .. } => render_player(app, player, frame, area, theme),
        Stage::List => render_list(app, frame, area, theme, hits),
        stage => {
            let name = state.chosen().map_or("the routine", |r| r.name.as_str());
            let typed = format!(" {:<2} ", state.typed);
            let question = match stage {
                Stage::PainBefore(_) => vec![
                    Line::styled(format!("Before {name}: pain now?"), theme.heading()),
                    Line::from(vec![
                        Span::raw("0-10 "),
                        Span::styled(typed, theme.selected()),
                        Span::raw(" Enter starts; Enter alone or Esc skips the rating"),
                    ]),
                ],
                Stage::Feeling { .. } => vec![
                    Line::styled("How does your neck feel now?", theme.heading()),
                    Line::raw("1 better · 2 about the same · 3 worse · Esc skip"),
                ],
                _ => vec![
                    Line::styled("And pain now?", theme.heading()),
                    Line::from(vec![
                        Span::raw("0-10 "),
                        Span::styled(typed, theme.selected()),
                        Span::raw(" Enter saves; Enter alone skips"),
                    ]),
                ],
            };
            let mut lines = question;
            lines.push(Line::raw(""));
            lines.push(Line::styled(STOP, theme.level(Level::Urgent)));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
        }
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
    let state = app.stretches();
    let mut lines = lock_message(app, theme);
    let name_width = state
        .library
        .routines
        .iter()
        .map(|r| super::field::columns(&r.name))
        .max()
        .unwrap_or(0);
    let ready = app.diary().settings().map_or(3, |s| s.body.ready());
    // After a spasm or severe pain today, the moves to the end of the range are pointed out.
    let gentle = gentler(app.diary().checkins_on(app.today()).map(|r| &r.body));
    if gentle {
        let routines = &state.library.routines;
        let spasm = (routines.iter().find(|r| r.id == "spasm-relief"))
            .or_else(|| routines.iter().find(|r| !r.end_range()))
            .map_or(String::new(), |r| format!("; try {}", r.name));
        let words = format!("A spasm or pain 7+ today: * goes to the end of range{spasm}.");
        lines.push(Line::styled(words, theme.heading()));
    }
    // Each routine's first row and how many it takes, for scrolling and clicks.
    let mut placed: Vec<(u16, u16)> = Vec::new();
    for (i, r) in state.library.routines.iter().enumerate() {
        // Its rows, below what wraps above it.
        let above = rows_of(&lines, area.width);
        let picked = i == state.selected;
        let mark = if picked { "› " } else { "  " };
        let mine = if r.origin == "built in" {
            ""
        } else {
            " (yours)"
        };
        // Padded by the columns the name takes, so lengths line up whatever its script.
        let pad = " ".repeat(name_width - super::field::columns(&r.name));
        let range = if gentle && r.end_range() { " *" } else { "" };
        let text = format!(
            "{mark}{}{pad}  {}{mine}{range}",
            r.name,
            duration_words(r.total_secs(ready))
        );
        let style = if picked {
            theme.selected()
        } else {
            Default::default()
        };
        lines.push(Line::styled(text, style));
        let rows = rows_of(&lines, area.width) - above;
        placed.push((above, rows));
    }
    lines.push(Line::styled(STOP, theme.level(Level::Urgent)));
    if let Some(r) = state.chosen() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(r.description.clone()));
        let positions = r.positions();
        if !positions.is_empty() {
            lines.push(Line::raw(positions));
        }
        let steps: Vec<String> = r
            .steps
            .iter()
            .map(|s| {
                let each = match s.sides {
                    Sides::None => "",
                    Sides::LeftRight => " each side",
                    Sides::BackForward => " each way",
                };
                format!("{} {} s x {}{each}", s.exercise.name, s.hold_secs, s.reps)
            })
            .collect();
        lines.push(Line::styled(steps.join(" · "), theme.dim()));
    }
    for problem in &state.library.problems {
        lines.push(Line::styled(
            format!("Not loaded: {problem}"),
            theme.error(),
        ));
    }
    // Scrolled as far as needed to keep the picked routine in sight.
    let scroll = (placed.get(state.selected)).map_or(0, |(above, rows)| {
        (above + rows).saturating_sub(area.height)
    });
    for (i, (above, rows)) in placed.into_iter().enumerate() {
        let Some(row) = above.checked_sub(scroll) else {
            continue;
        };
        let at = Rect::new(area.x, area.y.saturating_add(row), area.width, rows);
        hits.add(at.intersection(area), Msg::Pick(i));
    }
    // Not trimmed: the rows line up under the marker.
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(text.scroll((scroll, 0)), area);
}

fn render_player(app: &App, player: &Player, frame: &mut Frame, area: Rect, theme: &Theme) {
    let now = app.now();
    let Some(phase) = player.phase() else {
        return;
    };
    let step = &player.routine.steps[phase.step];
    let side_name = step.sides.each()[phase.side];
    let side = if side_name.is_empty() {
        String::new()
    } else {
        format!("{side_name} - ")
    };
    let count = player.routine.steps.len();
    let head = format!(
        "{} · {} of {count} · {} left",
        player.routine.name,
        phase.step + 1,
        duration_words(player.left_total(now))
    );
    let left = player.left_in_phase(now);
    let (word, ratio) = match phase.kind {
        PhaseKind::Ready => ("Get ready", 0.0),
        PhaseKind::Hold => {
            let word = if step.exercise.movement.is_some() {
                "MOVE"
            } else {
                "HOLD"
            };
            (word, 1.0 - f64::from(left) / f64::from(phase.secs.max(1)))
        }
        PhaseKind::Rest => ("Rest", 0.0),
    };
    let paused = if player.paused_at.is_some() {
        " (paused: p resumes)"
    } else {
        ""
    };
    let next = match phase.kind {
        PhaseKind::Rest => player.routine.steps.get(phase.step + 1),
        _ => None,
    };
    let title = match next {
        Some(n) => format!("Next: {}", n.exercise.name),
        None => format!(
            "{}  {side}rep {} of {}",
            step.exercise.name, phase.rep, step.reps
        ),
    };
    let tall = area.height >= 14;
    let [head_row, title_row, count_row, gauge_row, body, stop_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(tall)),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    frame.render_widget(Line::styled(head, theme.dim()), head_row);
    frame.render_widget(Line::styled(title, theme.heading()), title_row);
    // What comes after this exercise, always in view.
    // What comes next: the other side of this exercise first, then the next exercise.
    let sides = step.sides.each();
    let then = match (
        sides.get(phase.side + 1),
        player.routine.steps.get(phase.step + 1),
    ) {
        (Some(other), _) if next.is_none() => format!(" · next: {}", other.to_lowercase()),
        (None, Some(n)) if next.is_none() => format!(" · next: {}", n.exercise.name),
        _ => String::new(),
    };
    let count = format!("{word} {left} s{paused}{then}");
    frame.render_widget(Line::styled(count, theme.timer()), count_row);
    if tall {
        frame.render_widget(super::timers::gauge(ratio, theme), gauge_row);
    }
    // The picture beside the cues where there is width, else the cues alone.
    let (exercise, side_name) = match next {
        Some(n) => (&n.exercise, n.sides.each()[0]),
        None => (&step.exercise, side_name),
    };
    let mut cues: Vec<Line> = (exercise.cue_lines(side_name).into_iter())
        .map(Line::raw)
        .collect();
    cues.extend(
        exercise
            .cautions
            .iter()
            .map(|c| Line::styled(format!("! {c}"), theme.dim())),
    );
    if body.width >= 60 && !exercise.picture.is_empty() {
        let [picture, words] =
            Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(body);
        let art: Vec<Line> = (exercise.picture_for(side_name).into_iter())
            .map(Line::raw)
            .collect();
        frame.render_widget(Paragraph::new(art), picture);
        frame.render_widget(Paragraph::new(cues).wrap(Wrap { trim: true }), words);
    } else {
        frame.render_widget(Paragraph::new(cues).wrap(Wrap { trim: true }), body);
    }
    let stop = Line::from(vec![
        Span::styled(STOP, theme.level(Level::Urgent)),
        Span::raw(" "),
        Span::styled("! stops and reports", theme.key()),
    ]);
    frame.render_widget(Paragraph::new(stop).wrap(Wrap { trim: true }), stop_row);
}

/// Rows `lines` take, wrapped as the list wraps them, at `width`.
fn rows_of(lines: &[Line<'static>], width: u16) -> u16 {
    let text = Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false });
    text.line_count(width) as u16
}
