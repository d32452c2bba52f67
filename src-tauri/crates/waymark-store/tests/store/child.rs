//! Other processes for the tests: this test binary run again, doing one action on a library
//! and printing what happened as `key=value` lines.

use crate::locks::rename;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use waymark_core::MapId;
use waymark_store::Store;

const CHILD_ACTION: &str = "WAYMARK_TEST_CHILD_ACTION";

/// Not a test: the entry point of the child processes other tests start. It does nothing
/// unless the environment names an action.
#[test]
fn entry() {
    let Ok(action) = std::env::var(CHILD_ACTION) else {
        return;
    };
    let fields: Vec<&str> = action.split('\t').collect();
    let path = Path::new(fields[1]);
    match fields[0] {
        "list" => {
            let store = Store::open(path).unwrap();
            println!("maps={}", store.list_maps().unwrap().len());
        }
        "title" => {
            let mut store = Store::open(path).unwrap();
            let map = store.open_map(&MapId(fields[2].to_owned())).unwrap().map;
            println!("title={}", map.title);
        }
        "rename" => {
            let mut store = Store::open(path).unwrap();
            let id = MapId(fields[2].to_owned());
            let count: usize = fields[3].parse().unwrap();
            for n in 0..count {
                rename(&mut store, &id, &format!("child {n}"));
            }
        }
        "open-edit" => match Store::open(path) {
            Err(error) => println!("outcome={}\nmessage={error}", error.code()),
            Ok(mut store) => {
                println!("outcome=opened");
                let first = store.list_maps().unwrap().first().map(|m| m.id.clone());
                if let Some(id) = first {
                    let revision = store.open_map(&id).unwrap().map.revision;
                    let title = waymark_core::Op::SetTitle {
                        title: "Saved by the child".to_owned(),
                    };
                    match store.apply_ops(&id, revision, &[title]) {
                        Ok(_) => println!("saved=yes"),
                        Err(error) => println!("saved={}\nmessage={error}", error.code()),
                    }
                }
            }
        },
        other => panic!("unknown child action {other}"),
    }
}

/// Runs this test binary as another process doing `action` on the library.
pub(crate) fn spawn_child(action: &[&str]) -> Child {
    child_command(Command::new(std::env::current_exe().unwrap()), action)
        .spawn()
        .unwrap()
}

/// The arguments and environment that make this test binary do `action`.
fn child_command(mut command: Command, action: &[&str]) -> Command {
    command
        .args(["child::entry", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ACTION, action.join("\t"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The user id tests use to see what a user who is not an administrator sees.
pub(crate) const NOBODY: u32 = 65534;

/// Runs `action` in a child process of a user who is not an administrator (file permissions
/// do not bind an administrator), and returns its `key=value` lines; `None` when this machine
/// cannot run one (the test then says so and is skipped).
pub(crate) fn unprivileged_child(action: &[&str]) -> Option<Vec<(String, String)>> {
    let exe = std::env::current_exe().unwrap();
    let command = if is_administrator() {
        let mut setpriv = Command::new("setpriv");
        setpriv.args([
            format!("--reuid={NOBODY}"),
            format!("--regid={NOBODY}"),
            "--clear-groups".to_owned(),
        ]);
        setpriv.arg(exe);
        setpriv
    } else {
        Command::new(exe)
    };
    let output = match child_command(command, action).output() {
        Ok(output) if output.status.success() => output,
        Ok(output) => panic!(
            "the unprivileged child failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => {
            eprintln!("skipped: no way to run a process as another user here ({error})");
            return None;
        }
    };
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let (key, value) = line.rsplit(" ... ").next()?.split_once('=')?;
                Some((key.to_owned(), value.to_owned()))
            })
            .collect(),
    )
}

/// Whether this process is the administrator, whom file permissions do not bind.
pub(crate) fn is_administrator() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

/// Runs a child to completion and returns what it printed after `key=`.
pub(crate) fn child_output(action: &[&str], key: &str) -> String {
    let output = spawn_child(action).wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the child process failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let marker = format!("{key}=");
    stdout
        .lines()
        .find_map(|line| line.split_once(&marker).map(|(_, value)| value.to_owned()))
        .unwrap_or_else(|| panic!("the child printed no {key}: {stdout}"))
}

pub(crate) fn shown(path: &Path) -> &str {
    path.to_str().unwrap()
}
