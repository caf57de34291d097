//! ASCII in place of symbols, for a terminal whose locale is not UTF-8 (LANG=C). One table, used
//! for the screens (the drawn buffer, row by row) and the command line's output.

use ratatui::buffer::Buffer;

/// The ASCII a symbol becomes; `None` for what is ASCII already.
fn fallback(symbol: &str) -> Option<&'static str> {
    if symbol.is_ascii() {
        return None;
    }
    Some(match symbol {
        "‼" => "!!",
        "•" | "❄" => "*",
        "✚" => "+",
        "✓" => "v",
        "♨" => "~",
        "·" | "─" | "—" | "–" => "-",
        "›" | "→" => ">",
        "←" => "<",
        "↑" => "^",
        "↓" => "v",
        "░" => ".",
        // Sparkline levels, low to high, and the chart's 7-day mean (a bar).
        "▁" => "_",
        "▂" => ".",
        "▃" => "-",
        "▄" => "=",
        "▅" => "+",
        "▆" => "%",
        "▇" => "@",
        "█" => "#",
        // The chart's mean line, drawn in braille dots.
        s if s
            .chars()
            .next()
            .is_some_and(|c| ('\u{2800}'..='\u{28FF}').contains(&c)) =>
        {
            "#"
        }
        "⏸" => "||",
        "⚠" => "!",
        "…" => "...",
        "│" => "|",
        "┌" | "┐" | "└" | "┘" | "├" | "┤" => "+",
        "‘" | "’" => "'",
        "“" | "”" => "\"",
        _ => "?",
    })
}

/// `text` with every symbol replaced by its ASCII.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut buf = [0; 4];
        let c = c.encode_utf8(&mut buf);
        out.push_str(fallback(c).unwrap_or(c));
    }
    out
}

/// Rewrite every row of `buffer` in ASCII. A symbol that becomes two characters ("‼" to "!!")
/// pushes the rest of its row right, keeping each character's style; a row never grows past
/// the width (what falls off is the row's end, usually blank).
pub fn buffer(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let row: Vec<_> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].clone())
            .collect();
        if row.iter().all(|cell| cell.symbol().is_ascii()) {
            continue;
        }
        let mut out = Vec::with_capacity(row.len());
        for cell in row {
            // The second half of a wide symbol is an empty cell: it was its symbol's room.
            match fallback(cell.symbol()) {
                None => out.push(cell),
                Some(ascii) => {
                    for c in ascii.chars() {
                        let mut one = cell.clone();
                        one.set_char(c);
                        out.push(one);
                    }
                }
            }
        }
        for (x, cell) in (area.left()..area.right()).zip(out) {
            buffer[(x, y)] = cell;
        }
    }
}
