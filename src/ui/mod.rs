//! `view`: banner, tabs, the screen, footer. It only reads the model. The banner is drawn here,
//! around every screen, so no screen can leave it out.

mod banner;
mod checkin_form;
mod detail;
mod field;
mod flags;
mod help;
mod hits;
mod keys_here;
mod settings;
mod stretches;
mod theme;
mod timers;
mod today;
mod trends;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, Focus, Measure, Msg, Screen, Status};
use crate::keys;
pub use hits::Hits;
pub use theme::Theme;

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

pub fn view(app: &App, frame: &mut Frame) {
    view_with_hits(app, frame);
}

/// Draw, and say where a click does what.
pub fn view_with_hits(app: &App, frame: &mut Frame) -> Hits {
    let mut hits = Hits::default();
    draw(app, frame, &mut hits);
    if app.ascii() {
        crate::ascii::buffer(frame.buffer_mut());
    }
    hits
}

fn draw(app: &App, frame: &mut Frame, hits: &mut Hits) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = Theme::new(app.color());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let [top, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        banner::render(app, frame, top, &theme);
        let ask = format!("Enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
        frame.render_widget(Paragraph::new(ask).wrap(Wrap { trim: true }), rest);
        return;
    }
    let message = status_line(app, &theme, area.width as usize);
    let [top, tabs, body, status, footer] = rows(app, area, &message);
    // The running timer sits beside the banner wherever there is room for both, or at the end
    // of the tab row on a narrow terminal.
    let long = timers::status(app, false);
    let slot = long.as_ref().map_or(0, |t| field::columns(t) as u16 + 1);
    let short_on_tabs = long.is_some() && area.width < 50 + slot;
    if long.is_some() && !short_on_tabs {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(slot)]).areas(top);
        banner::render(app, frame, left, &theme);
        let text = format!(" {}", long.unwrap_or_default());
        frame.render_widget(Line::styled(text, theme.timer()), right);
    } else {
        banner::render(app, frame, top, &theme);
    }
    let used = render_tabs(app, frame, tabs, &theme, hits);
    if short_on_tabs && let Some(text) = timers::status(app, true) {
        let width = field::columns(&text) as u16;
        if tabs.width > used + width {
            let [_, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)]).areas(tabs);
            frame.render_widget(Line::styled(text, theme.timer()), right);
        }
    }
    if app.welcome() {
        settings::render_welcome(app, frame, body, &theme, hits);
    } else if let Some(form) = app.form() {
        checkin_form::render(app, form, frame, body, &theme, hits);
    } else {
        match app.screen() {
            Screen::Today => today::render(app, frame, body, &theme, hits),
            Screen::Flags => flags::render(app, frame, body, &theme),
            Screen::Settings => settings::render(app, frame, body, &theme, hits),
            Screen::Help => help::render(app, frame, body, &theme),
            Screen::Timers => timers::render(app, frame, body, &theme),
            Screen::Stretches => stretches::render(app, frame, body, &theme, hits),
            Screen::Trends => trends::render(app, frame, body, &theme, hits),
        }
    }
    if app.keys_shown().is_some() {
        hits.cover(body);
        keys_here::render(app, frame, body, &theme);
    }
    if let Some(alert) = app.alert() {
        hits.cover(body);
        // Over the whole screen below the banner, in the level's style: it cannot be missed.
        let style = theme.level(alert.level);
        let mut lines = vec![Line::styled(alert.title.clone(), style)];
        lines.extend(alert.lines.iter().map(|l| Line::raw(l.clone())));
        frame.render_widget(Clear, body);
        let text = Paragraph::new(lines).wrap(Wrap { trim: true });
        // A frame where there is room; on a small terminal every row goes to the words.
        let text = if body.height >= 10 {
            text.block(Block::bordered().border_style(style))
        } else {
            text
        };
        frame.render_widget(text, body);
    }
    render_footer(app, frame, footer, &theme, hits);
    let words = message.to_string();
    // Only a message the next key clears opens a panel; a standing problem from the store
    // keeps to its rows rather than cover the screen for good.
    let passing = app.status().is_some() || app.confirm().is_some();
    if !passing || status_needs(&words, area) <= status_cap(area) {
        // A question on one row: its answers can be clicked where they are written.
        if let (Some(_), 1) = (app.confirm(), status.height) {
            let answers = field::columns(ANSWERS) as u16;
            let mut x = status.x + (field::columns(&words) as u16).saturating_sub(answers);
            for (answer, msg) in ANSWERS.split(" · ").zip([Msg::Yes, Msg::No]) {
                let width = field::columns(answer) as u16;
                hits.add(Rect::new(x, status.y, width, 1).intersection(status), msg);
                x += width + field::columns(" · ") as u16;
            }
        }
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), status);
    } else {
        // Too long for its third of the screen: a panel over everything below the banner until
        // the next key, so no part of what went wrong, or of how to fix it, is cut.
        let [_, below] =
            Layout::vertical([Constraint::Length(top.height), Constraint::Fill(1)]).areas(area);
        frame.render_widget(Clear, below);
        // The next key or click closes it.
        hits.cover(below);
        hits.add(below, Msg::Other);
        let rows = field::wrap(&words, below.width.saturating_sub(2) as usize).len();
        let text = Paragraph::new(message).wrap(Wrap { trim: true });
        let text = if below.height as usize >= rows + 2 {
            text.block(Block::bordered().title(" the next key closes this "))
        } else {
            text
        };
        frame.render_widget(text, below);
    }
}

/// Banner, tabs, the screen, the message and the footer, top to bottom.
fn rows(app: &App, area: Rect, message: &Line) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(banner::height(app, area)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_rows(message, area)),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// How far the page on screen (Help, Red flags, a Trends section or the keys shown in place)
/// can scroll in a terminal of `width` x `height`, and how many of its rows show; `None` where
/// nothing scrolls. The loop tells the model (`Msg::PageEnd`), which stops there, so Up after
/// holding Down moves at once, and a page down is a screenful.
pub fn page_end(app: &App, width: u16, height: u16) -> Option<Measure> {
    let theme = Theme::new(app.color());
    let message = status_line(app, &theme, width as usize);
    let [_, _, mut body, _, _] = rows(app, Rect::new(0, 0, width, height), &message);
    let page = match (app.keys_shown(), app.screen()) {
        (Some((under, _)), _) => {
            body = keys_here::inside(body);
            keys_here::list(under, body.width, &theme)
        }
        (None, Screen::Help) => help::page(app, &theme),
        (None, Screen::Flags) => flags::page(app, &theme),
        (None, Screen::Trends) => return trends::end(app, body.width, body.height, &theme),
        _ => return None,
    };
    let end = (page.line_count(body.width) as u16).saturating_sub(body.height);
    Some(Measure {
        end,
        rows: body.height,
    })
}

/// Draw the tab row; returns how many columns its labels take.
fn render_tabs(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) -> u16 {
    let wide = area.width >= 80;
    let mut spans = Vec::new();
    for screen in enum_iterator::all::<Screen>() {
        let current = screen == app.screen() && !app.welcome();
        let label = if wide || current {
            format!(" {} {} ", keys::screen_key(screen), screen.title())
        } else {
            format!(" {} ", keys::screen_key(screen))
        };
        let style = if current {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    let widths = spans.iter().map(|s| s.width() as u16);
    let focus = app.focus();
    for (screen, at) in enum_iterator::all::<Screen>().zip(hits::along(area, widths, 0)) {
        if keys::works(focus, Msg::Goto(screen)) {
            hits.add(at, Msg::Goto(screen));
        }
    }
    let line = Line::from(spans);
    let used = line.width() as u16;
    frame.render_widget(line, area);
    used
}

/// How a question's answers are written after it.
const ANSWERS: &str = "y yes · n no";

/// The question being asked, the last message, or what the store reported.
fn status_line(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    match (app.confirm(), app.status()) {
        (Some(confirm), _) => {
            Line::styled(format!("{} {ANSWERS}", confirm.question), theme.error())
        }
        (None, Some(Status::Error(text))) => Line::styled(text.clone(), theme.error()),
        (None, Some(Status::Info(text))) => Line::styled(text.clone(), theme.ok()),
        (None, None) => match app.problem() {
            Some(problem) => Line::styled(standing(problem, width), theme.error()),
            None if app.break_due() => Line::styled(
                format!(
                    "Desk break? {}, {}: the desk reset · {}: in 10 min · {}: skip",
                    keys::hint(Msg::Goto(Screen::Stretches)),
                    keys::hint(Msg::Enter),
                    keys::hint(Msg::Snooze),
                    keys::hint(Msg::DismissBreak)
                ),
                theme.ok(),
            ),
            None => Line::default(),
        },
    }
}

/// A problem the store reported stays on screen until it is fixed, so it takes two rows at most:
/// the start of it, and where to read it whole.
fn standing(problem: &str, width: usize) -> String {
    let text = format!("⚠ {problem}");
    if field::wrap(&text, width).len() <= 2 {
        return text;
    }
    let tail = "… (all of it: nape check)";
    let room = (2 * width).saturating_sub(field::columns(tail) + width / 4);
    let cut: String = text.chars().take(room).collect();
    format!("{}{tail}", cut.trim_end())
}

/// Rows a message needs at this width, so it is never cut: at most a third of the screen (a
/// longer one opens in a panel instead).
fn status_rows(line: &Line, area: Rect) -> u16 {
    status_needs(&line.to_string(), area).clamp(1, status_cap(area))
}

fn status_needs(words: &str, area: Rect) -> u16 {
    field::wrap(words, area.width as usize).len() as u16
}

fn status_cap(area: Rect) -> u16 {
    (area.height / 3).max(1)
}

/// The keys that work here, from the binding table.
fn render_footer(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
    let focus = app.focus();
    let shown = footer_items(focus, area.width);
    let widths = shown
        .iter()
        .map(|(key, word)| (field::columns(key) + 1 + field::columns(word)) as u16);
    for (&(key, word), at) in shown.iter().zip(hits::along(area, widths, 2)) {
        if let Some(msg) = keys::footer_msg(focus, key, word) {
            hits.add(at, msg);
        }
        // A pair ("↑ ↓ pick"): the second key's own column does what that key does.
        let pair = word.split_once(' ').map(|(second, _)| second);
        if let Some((second, msg)) = pair.and_then(|k| Some((k, keys::label_msg(focus, k)?))) {
            let x = at.x + field::columns(key) as u16 + 1;
            hits.add(Rect::new(x, at.y, field::columns(second) as u16, 1), msg);
        }
    }
    frame.render_widget(footer_line(focus, area.width, theme), area);
}

/// The footer for `focus` in `width` columns: whole items in table order (the most useful
/// first) as many as fit, and "? keys" (or "F1 keys") last wherever it works, so it is never the one left out.
pub fn footer_line(focus: Focus, width: u16, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (key, word)) in footer_items(focus, width).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(" ", theme.dim()));
        spans.push(Span::styled(word, theme.dim()));
    }
    Line::from(spans)
}

/// The footer's items for `focus` that fit in `width`, in the order shown.
fn footer_items(focus: Focus, width: u16) -> Vec<(&'static str, &'static str)> {
    let items = keys::footer(focus);
    // The key that shows the rest goes last, and never falls off.
    let help = items.iter().find(|(_, word)| *word == "keys");
    let size = |(key, word): &(&str, &str)| field::columns(key) + 1 + field::columns(word);
    let mut room = (width as usize).saturating_sub(help.map_or(0, size));
    let mut shown = Vec::new();
    for item in items.iter().filter(|item| Some(*item) != help) {
        let needs = size(item) + 2;
        if needs <= room {
            room -= needs;
            shown.push(*item);
        }
    }
    shown.extend(help);
    shown
}
