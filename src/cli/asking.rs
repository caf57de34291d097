//! Questions on the terminal, for the commands that ask before they act (delete, assess,
//! a routine's ratings): refused, naming the option that does without, where none can answer.

use std::io::{self, BufRead, IsTerminal, Write};

use super::{Failure, plain};

/// Ask `question` on the terminal (after it, `choices` such as "[y/N]") and read a line back,
/// trimmed; refused where there is no terminal to ask on, naming `otherwise`, the option that
/// does without asking. The end of input (Ctrl-D) is an empty answer.
pub fn ask_with(question: &str, choices: &str, otherwise: &str) -> Result<String, Failure> {
    if !io::stdin().is_terminal() {
        return Err(Failure::BadInput(format!(
            "{question} There is no terminal to ask on: {otherwise}"
        )));
    }
    print!("{}", plain(format!("{question} {choices}")));
    io::stdout().flush().map_err(Failure::output)?;
    let mut answer = String::new();
    let read = (io::stdin().lock())
        .read_line(&mut answer)
        .map_err(Failure::output)?;
    if read == 0 {
        // Ctrl-D: the next line starts on a line of its own.
        say!("")?;
    }
    Ok(answer.trim().to_string())
}

/// Ask `question` on the terminal and read a line back; see `ask_with`.
pub fn ask(question: &str, otherwise: &str) -> Result<String, Failure> {
    ask_with(question, "", otherwise)
}

/// Ask a yes-or-no `question` (no unless "y").
pub fn ask_yes(question: &str, otherwise: &str) -> Result<bool, Failure> {
    let answer = ask_with(question, "[y/N] ", otherwise)?;
    Ok(answer.eq_ignore_ascii_case("y"))
}
