//! Files the app is asked to open: named on its command line (`waymark FILE...`, which the
//! file manager runs for a `.journey.json`), or passed on by a second start while it runs.
//! The UI takes them and opens its import flow for them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event that tells the UI there are files to take.
pub const FILES_EVENT: &str = "files-opened";

/// The files waiting for the UI.
#[derive(Default)]
pub struct OpenedFiles(Mutex<Vec<String>>);

impl OpenedFiles {
    pub fn add(&self, files: Vec<PathBuf>) {
        let mut waiting = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        waiting.extend(files.into_iter().map(|p| p.to_string_lossy().into_owned()));
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Decodes `%XX` escapes of a `file://` URI's path; `None` when one is malformed.
fn percent_decoded(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The files named by a command line (without the program's own name): paths, relative to
/// `cwd` or absolute, and `file://` URIs. Options (`-x`, `--x`) are not files.
pub fn files_in_args(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Vec<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    args.into_iter()
        .filter_map(|arg| {
            let text = arg.to_string_lossy();
            if text.starts_with('-') || text.is_empty() {
                return None;
            }
            let path = match text.strip_prefix("file://") {
                Some(uri) => {
                    let local = uri.strip_prefix("localhost").unwrap_or(uri);
                    PathBuf::from(OsString::from_vec(percent_decoded(local)?))
                }
                None => PathBuf::from(arg),
            };
            Some(cwd.join(path))
        })
        .collect()
}

/// The files waiting to be opened, taken once.
#[tauri::command]
pub fn take_opened_files(files: State<'_, OpenedFiles>) -> Vec<String> {
    files.take()
}

/// A second start of the app: its files go to this one, whose window comes to the front.
pub fn second_start<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    let files = files_in_args(
        args.into_iter().skip(1).map(OsString::from),
        Path::new(&cwd),
    );
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if files.is_empty() {
        return;
    }
    app.state::<OpenedFiles>().add(files);
    if let Err(error) = app.emit_to("main", FILES_EVENT, ()) {
        eprintln!("warning: the files could not be passed to the window: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_paths_and_file_uris_but_not_options() {
        let args = [
            "maps/a.journey.json",
            "--verbose",
            "/tmp/b c.csv",
            "file:///home/ana/Caf%C3%A9%20map.journey.json",
            "file://localhost/tmp/x.mmd",
            "file:///bad%zz",
            "",
        ]
        .map(OsString::from);
        let files = files_in_args(args, Path::new("/work"));
        assert_eq!(
            files,
            [
                PathBuf::from("/work/maps/a.journey.json"),
                PathBuf::from("/tmp/b c.csv"),
                PathBuf::from("/home/ana/Café map.journey.json"),
                PathBuf::from("/tmp/x.mmd"),
            ]
        );
    }
}
