//! The README's key tables are generated from `src/app/keymap.rs` (the table that also feeds
//! `?` help and the footer): `UPDATE_README=1 cargo test --test readme_keys` rewrites them,
//! and this test fails when they drift.

use std::path::Path;

use xungkich::app::keymap::{Context, markdown_table};

fn markers(c: Context) -> (String, String) {
    (
        format!("<!-- keys:{c:?}:start -->\n"),
        format!("<!-- keys:{c:?}:end -->"),
    )
}

/// The README with every context's block replaced by what the keymap says.
fn regenerated(readme: &str) -> Result<String, String> {
    let mut out = readme.to_string();
    for c in Context::ALL {
        let (start, end) = markers(c);
        let a = out
            .find(&start)
            .ok_or_else(|| format!("README lacks the block {start}"))?;
        let b = out[a..]
            .find(&end)
            .map(|i| a + i)
            .ok_or_else(|| format!("README lacks the end of {start}"))?;
        out = format!(
            "{}{}{}",
            &out[..a + start.len()],
            markdown_table(c),
            &out[b..]
        );
    }
    Ok(out)
}

#[test]
fn the_readme_key_tables_are_the_keymaps() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README");
    let expected = regenerated(&readme).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, &expected).expect("write README");
        return;
    }
    assert!(
        readme == expected,
        "the README's key tables differ from src/app/keymap.rs: run UPDATE_README=1 cargo test --test readme_keys"
    );
}

#[test]
fn a_drifted_table_is_seen() {
    let (start, end) = markers(Context::Global);
    let mut readme = String::new();
    for c in Context::ALL {
        let (s, e) = markers(c);
        readme.push_str(&format!("{s}{}{e}\n", markdown_table(c)));
    }
    assert_eq!(regenerated(&readme).as_deref(), Ok(readme.as_str()));
    let drifted = readme.replacen(
        &format!("{start}{}", markdown_table(Context::Global)),
        &format!("{start}| `z` | x | x |\n"),
        1,
    );
    assert_ne!(drifted, readme);
    assert_eq!(regenerated(&drifted).as_deref(), Ok(readme.as_str()));
    assert!(end.contains("Global"));
}
