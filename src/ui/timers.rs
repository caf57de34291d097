//! Timers: today's plan, the running session, and whatever it is asking.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::LineGauge;

use super::field;
use super::flags::lock_message;
use super::theme::Theme;
use crate::app::{App, Msg, TimerPrompt};
use crate::domain::therapy::protocol;
use crate::domain::therapy::{PackKind, Session, State, clock};
use crate::keys;

/// One line for beside the banner: the running session, or what it is waiting for. `short`
/// is the form for the tab row of a narrow terminal.
pub fn status(app: &App, short: bool) -> Option<String> {
    let timers = app.timers();
    if let Some(TimerPrompt::PainAfter { .. }) = timers.prompt {
        return Some(
            if short {
                "✓ done"
            } else {
                "✓ session done · i"
            }
            .into(),
        );
    }
    let running = app.diary().running()?;
    let s = &running.body;
    let (symbol, name) = (s.kind.symbol(), if short { "" } else { s.kind.name() });
    let text = match (s.state(app.now()), &timers.prompt) {
        (_, Some(TimerPrompt::SkinCheck(_))) if short => format!("{symbol} check!"),
        (_, Some(TimerPrompt::SkinCheck(_))) => format!("{symbol} skin check! · i"),
        (State::Running { left }, _) if short => format!("{symbol} {}", clock(left)),
        (State::Running { left }, _) => format!("{symbol} {name} {} left", clock(left)),
        (State::Paused { left }, _) => {
            format!("{symbol} {name} ⏸ {}", clock(left)).replace("  ", " ")
        }
        (State::Due | State::Ended, _) => format!("{symbol} {name} done").replace("  ", " "),
    };
    Some(text)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = area.width as usize;
    // Lines are wrapped here, not by the paragraph, so the gauge's row is known exactly.
    let wrap = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
        lines
            .into_iter()
            .flat_map(|line| {
                let style = line.style;
                field::wrap(&line.to_string(), width)
                    .into_iter()
                    .map(move |l| Line::styled(l, style))
            })
            .collect()
    };
    let mut lines = vec![Line::styled("Timers", theme.heading())];
    lines.extend(wrap(lock_message(app, theme)));
    let running = app.diary().running().map(|r| &r.body);
    let session = wrap(
        running
            .as_ref()
            .map(|s| session_lines(app, s, theme))
            .unwrap_or_default(),
    );
    let prompt = wrap(prompt_lines(app, theme));
    let plan = wrap(plan_lines(app));
    // While a session runs or asks something, that comes first; the day's plan follows.
    let busy = !session.is_empty() || !prompt.is_empty();
    let gauge_row = if busy {
        let row = lines.len() + 1;
        lines.extend(session);
        lines.extend(prompt);
        lines.push(Line::raw(""));
        lines.extend(plan);
        row
    } else {
        lines.extend(plan);
        0
    };
    // Row by row: a paragraph would restyle and reflow the whole area every second.
    for (line, row) in lines.into_iter().zip(area.rows()) {
        frame.render_widget(line, row);
    }

    if let Some(s) = running
        && (gauge_row as u16) < area.height
    {
        let ratio =
            s.elapsed(app.now()).num_seconds() as f64 / s.planned().num_seconds().max(1) as f64;
        let gauge = gauge(ratio, theme);
        let row = Rect {
            y: area.y + gauge_row as u16,
            height: 1,
            ..area
        };
        frame.render_widget(gauge, row);
    }
}

/// The countdown, a blank row for the gauge, pain before and the reminder for this pack.
fn session_lines(app: &App, s: &Session, theme: &Theme) -> Vec<Line<'static>> {
    let paused = if s.is_paused() { " (paused)" } else { "" };
    let head = format!(
        "{} {} {} left of {}{paused}",
        s.kind.symbol(),
        s.kind.name().to_uppercase(),
        clock(s.left(app.now())),
        clock(s.planned())
    );
    let mut lines = vec![Line::styled(head, theme.timer()), Line::raw("")];
    if let Some(p) = s.pain_before {
        lines.push(Line::raw(format!("Pain before: {p}")));
    }
    lines.push(Line::styled(reminder(s.kind), theme.dim()));
    lines
}

/// What suits now, what was done today, and when each pack may be used next.
fn plan_lines(app: &App) -> Vec<Line<'static>> {
    let p = &app.timers().plan;
    let limits = p.limits;
    let mut plan = format!(
        "Today: {} cold, {} heat. Sessions {} min (up to {}), {} min apart.",
        p.cold_today, p.heat_today, limits.session_minutes, limits.max_minutes, limits.gap_minutes
    );
    for (k, next) in &p.next {
        plan.push_str(&format!(
            " Next {} from {}.",
            k.name().to_lowercase(),
            next.format("%H:%M")
        ));
    }
    if let Some(until) = p.no_heat_until {
        plan.push_str(&format!(
            " No heat until {} (the first {} hours of this episode).",
            until.format("%a %-d %b %H:%M"),
            limits.heat_not_before_hours
        ));
    }
    let mut lines = Vec::new();
    // While locked, nothing is recommended.
    if !app.diary().locked()
        && let Some((kind, why)) = &p.recommended
    {
        lines.push(Line::raw(format!("Now: {} {why}.", kind.symbol())));
    }
    lines.push(Line::raw(plan));
    lines
}

fn reminder(kind: PackKind) -> &'static str {
    match kind {
        PackKind::Cold => "Keep a cloth between pack and skin; skin checks at 5 and 10 minutes.",
        PackKind::Heat => {
            "Medium setting, a cloth between pack and skin, and never fall asleep on it."
        }
    }
}

fn prompt_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let timers = app.timers();
    let typed = if timers.typed.is_empty() {
        "_".to_string()
    } else {
        timers.typed.clone()
    };
    let mut lines = Vec::new();
    if let Some(confirm) = app.confirm() {
        lines.push(Line::styled(confirm.question.clone(), theme.error()));
        lines.extend(confirm.details.iter().map(|r| Line::raw(format!("- {r}"))));
        return lines;
    }
    match &timers.prompt {
        None => {}
        Some(TimerPrompt::Safety(kind)) => {
            lines.push(Line::styled(
                format!("Before your first {} session:", kind.name().to_lowercase()),
                theme.heading(),
            ));
            for note in protocol::notes(*kind) {
                lines.push(Line::raw(format!(
                    "- {} [{}]",
                    note.text,
                    note.sources.join(", ")
                )));
            }
            let yes = keys::hint(Msg::Yes);
            lines.push(Line::styled(
                format!("{yes}: I have read these"),
                theme.key(),
            ));
        }
        Some(TimerPrompt::PainBefore(kind)) => {
            lines.push(Line::styled(
                format!(
                    "Pain now, before the {} pack? {typed}",
                    kind.name().to_lowercase()
                ),
                theme.heading(),
            ));
            lines.push(Line::raw("0-10 then Enter; Enter alone skips."));
        }
        Some(TimerPrompt::PainAfter { message, .. }) => {
            lines.push(Line::styled(
                message.clone(),
                theme.level(crate::domain::redflag::Level::Soon),
            ));
            lines.push(Line::styled(
                format!("Pain now, after? {typed}"),
                theme.heading(),
            ));
            lines.push(Line::raw("0-10 then Enter; Enter alone skips."));
        }
        Some(TimerPrompt::SkinCheck(mark)) => {
            lines.push(Line::styled(
                format!("Skin check ({mark} minutes): how does the skin feel?"),
                theme.level(crate::domain::redflag::Level::Urgent),
            ));
            lines.push(Line::raw(
                "1 cold · 2 burning · 3 aching · 4 numb (stop now)",
            ));
        }
    }
    lines
}

/// A countdown's bar, for the timers and the stretch player alike.
pub fn gauge(ratio: f64, theme: &Theme) -> LineGauge<'static> {
    LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label("")
        .filled_style(theme.timer())
        .filled_symbol("█")
        .unfilled_symbol("░")
}
