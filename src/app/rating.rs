//! The digits of a 0-10 rating being typed, the same at every prompt that asks for one.

/// `typed` with `digit` added, if together they make a rating ("0" then "5" is "5", "1" then "0"
/// is "10"); `None` if they make none ("100", "34").
pub fn add_digit(typed: &str, digit: char) -> Option<String> {
    let more = format!("{typed}{digit}");
    let rating = more.parse::<u8>().ok().filter(|n| *n <= 10)?;
    Some(rating.to_string())
}

/// At a prompt, a digit that would make no rating starts it again: "7" then "4" is 4.
pub fn prompt_digit(typed: &str, digit: char) -> String {
    add_digit(typed, digit).unwrap_or_else(|| digit.to_string())
}
