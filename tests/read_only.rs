//! A store that cannot be written opens read-only: a banner on every screen, every edit key
//! says why it cannot save, nothing is written; reading, filtering, `R` and `x` still work.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, demo_store, key, press, stamp, type_text};
use xungkich::app::StatusKind;
use xungkich::domain::change::ChangeSummary;
use xungkich::i18n::Lang;
use xungkich::store::{ReadOnly, Store, StoreError};
use xungkich::ui::snapshot::render_text;

const AT: &str = "2022-05-06T09:00";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

#[test]
fn every_edit_key_says_why_and_writes_nothing() {
    let t = TempStore::new();
    drop(demo_store(&t));
    let mut store = Store::open_read_only(&t.path, ReadOnly::Asked).expect("read-only");
    let before = store.last_change().expect("audit");
    let mut a = app(&store, AT, Lang::Vi);
    assert_snapshot!("read_only_overview_80x24", render_text(&a, 80, 24));
    // (tab, keys leading to the screen, edit keys to try there)
    let screens: Vec<(char, Vec<KeyEvent>, Vec<KeyEvent>)> = vec![
        (
            '2',
            vec![],
            vec![ch(' '), ch('e'), key(KeyCode::Enter), ch('i')],
        ),
        (
            '3',
            vec![],
            vec![
                ch('a'),
                ch('e'),
                ch('>'),
                ch('<'),
                ch('='),
                ch('n'),
                ch('d'),
                ch('i'),
            ],
        ),
        (
            '4',
            vec![],
            vec![
                ch('7'),
                key(KeyCode::Enter),
                ch('+'),
                ch('-'),
                key(KeyCode::Delete),
                key(KeyCode::Backspace),
                ch('N'),
                ch('i'),
            ],
        ),
        ('4', vec![ch('v')], vec![ch('a'), ch('d'), ch('i')]),
        ('4', vec![ch('v')], vec![ch('r')]),
        // Past the tasks part (nothing to edit there) to the Action Month.
        ('4', vec![ch('v'), ch('v')], vec![ch('a'), ch('e'), ch('d')]),
        ('5', vec![], vec![ch('a'), ch('t'), ch('d')]),
        ('1', vec![], vec![ch('u'), support::ctrl('r')]),
    ];
    for (tab, lead, edits) in screens {
        support::go_tab(&mut a, &mut store, tab as u8 - b'0');
        press(&mut a, &mut store, &lead);
        for k in edits {
            a.status = None;
            press(&mut a, &mut store, &[k]);
            let status = a.status.clone();
            assert!(
                matches!(&status, Some(s) if s.kind == StatusKind::Error
                    && s.text.starts_with("Chỉ đọc (mở với --read-only)")),
                "tab {tab}, key {:?}: {status:?}",
                k.code
            );
            assert!(a.form.is_none() && a.confirm.is_none() && a.import.is_none());
            assert!(a.volunteer.editing.is_none(), "no cell opens for typing");
        }
    }
    assert_eq!(
        store.last_change().expect("audit"),
        before,
        "nothing written"
    );
    // Reading still works: moving, filtering (typing goes into the filter, not refused).
    press(&mut a, &mut store, &[ch('2'), ch('j'), ch('/')]);
    type_text(&mut a, &mut store, "tan quy");
    assert_eq!(a.units.list.filter.value(), "tan quy");
    assert!(render_text(&a, 120, 40).contains("Tân Quý"));
}

#[test]
fn the_store_refuses_changes_and_undo_when_read_only() {
    let t = TempStore::new();
    drop(demo_store(&t));
    let mut store = Store::open_read_only(&t.path, ReadOnly::Asked).expect("read-only");
    let unit = store.load_board().expect("board").units[0].id;
    let e = store
        .update_unit_contact(
            unit,
            "X",
            "0903123456",
            stamp("2022-05-06T09:00:00+07:00"),
            &ChangeSummary::Contact { unit: "X".into() },
        )
        .expect_err("refused");
    assert!(matches!(e, StoreError::ReadOnly(ReadOnly::Asked)), "{e}");
    assert!(e.is_refusal());
    assert!(matches!(
        store.undo_last(stamp("2022-05-06T09:00:00+07:00")),
        Err(StoreError::ReadOnly(_))
    ));
    assert!(matches!(store.redo_last(), Err(StoreError::ReadOnly(_))));
    // A store that does not exist is not created read-only.
    let missing = t.dir.path().join("missing.db");
    assert!(Store::open_read_only(&missing, ReadOnly::Asked).is_err());
    assert!(!missing.exists());
}

fn xungkich(db: &Path, as_nobody: bool, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_xungkich");
    let mut cmd = if as_nobody {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("--db")
        .arg(db)
        .args(["--now", AT])
        .args(args)
        .output()
        .expect("run xungkich")
}

/// Root writes any file whatever its mode, so as root the check runs the binary as `nobody`
/// (setpriv); as another user, the file's mode is enough.
#[test]
fn an_unwritable_file_or_folder_opens_read_only_by_itself() {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let t = TempStore::new();
    drop(demo_store(&t));
    // The folder must be enterable by the user who runs the check.
    std::fs::set_permissions(t.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod dir");
    let original = std::fs::read(&t.path).expect("store bytes");
    for (file_mode, dir_mode, reason) in [
        (0o644, 0o755, "tệp kho không ghi được"),
        (0o666, 0o555, "thư mục chứa kho không ghi được"),
    ] {
        std::fs::set_permissions(&t.path, std::fs::Permissions::from_mode(file_mode))
            .expect("chmod file");
        if !root {
            // Not root: the mode alone makes the file (or folder) unwritable to us.
            std::fs::set_permissions(t.dir.path(), std::fs::Permissions::from_mode(dir_mode))
                .expect("chmod dir");
        }
        let out = xungkich(
            &t.path,
            root,
            &["snapshot", "overview", "--width", "100", "--height", "24"],
        );
        assert!(out.status.success(), "{out:?}");
        let screen = String::from_utf8_lossy(&out.stdout);
        assert!(
            screen.contains(&format!("CHỈ ĐỌC: {reason}")),
            "{reason}:\n{screen}"
        );
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/units-valid.csv")
            .display()
            .to_string();
        let out = xungkich(&t.path, root, &["import", "units", &fixture]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("chỉ đọc"),
            "{out:?}"
        );
        std::fs::set_permissions(t.dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod dir");
    }
    assert_eq!(
        std::fs::read(&t.path).expect("store bytes"),
        original,
        "the file was not touched"
    );
}
