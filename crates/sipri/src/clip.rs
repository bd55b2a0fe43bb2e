//! Messages quote cells; these bounds keep a huge cell from making a huge
//! message.

/// Longest message about a row (reason, warning) in full: a message quotes
/// cells, and a 5 MB cell made a 5 MB error on the terminal and in the
/// import report (hostile-files probe 32). SIPRI's longest cell is a few
/// hundred characters.
pub const MAX_MESSAGE: usize = 2000;
/// Longest cell quoted in full in a message.
pub const MAX_QUOTED: usize = 200;

/// `s` cut to its first `max` characters, saying how many were left out.
pub fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some((at, _)) => {
            let left = s[at..].chars().count();
            std::borrow::Cow::Owned(format!("{}… ({left} more characters)", &s[..at]))
        }
    }
}
