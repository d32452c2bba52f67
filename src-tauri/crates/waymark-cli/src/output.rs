//! What the CLI prints. Standard output may be a pipe that closes early (`| head -1`): then
//! the CLI stops quietly instead of failing.

use std::io::Write;

/// Prints a line on standard output; a closed pipe ends the program quietly.
pub fn say(line: impl std::fmt::Display) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = writeln!(out, "{line}").and_then(|()| out.flush()) {
        quit_or_fail(&error);
    }
}

/// Writes bytes on standard output (an export with `--out -`); a closed pipe ends quietly.
pub fn write_out(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_all(bytes).and_then(|()| out.flush()) {
        quit_or_fail(&error);
    }
}

fn quit_or_fail(error: &std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write to standard output: {error}");
    std::process::exit(1);
}

/// A warning on standard error.
pub fn warn(warning: impl std::fmt::Display) {
    eprintln!("warning: {warning}");
}
