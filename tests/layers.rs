//! The layers of `src/` name only the layers below them, so a reader follows a figure from
//! the key press down to the stored row and back up without meeting a cycle.
//!
//! domain ← store ← model ← app ← ui; io reads domain, store and model; i18n and text are
//! shared words and text safety. A layer that names one above it fails here.

use std::fs;
use std::path::{Path, PathBuf};

/// For each folder (or file) of `src/`, the modules it must never name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "store", "model", "app", "ui", "io", "i18n", "cli", "tui", "demo",
        ],
    ),
    (
        "store",
        &["model", "app", "ui", "io", "i18n", "cli", "tui", "demo"],
    ),
    ("model", &["app", "ui", "io", "cli", "tui", "demo"]),
    ("io", &["app", "ui", "cli", "tui"]),
    ("i18n", &["model", "app", "ui", "io", "cli", "tui"]),
    (
        "text.rs",
        &[
            "domain", "store", "model", "app", "ui", "io", "i18n", "cli", "tui",
        ],
    ),
    (
        "atomic_write.rs",
        &[
            "domain", "store", "model", "app", "ui", "io", "i18n", "cli", "tui",
        ],
    ),
    ("app", &["ui", "cli", "tui"]),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::<module>` the text names, outside comments.
fn named_modules(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((n + 1, name));
            rest = after;
        }
    }
    found
}

#[test]
fn no_layer_names_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for (layer, forbidden) in FORBIDDEN {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(
            !files.is_empty(),
            "src/{layer} is missing: update this test"
        );
        for file in files {
            let text = fs::read_to_string(&file).expect("read source");
            for (line, module) in named_modules(&text) {
                if forbidden.contains(&module.as_str()) {
                    broken.push(format!(
                        "{}:{line} names crate::{module}",
                        file.strip_prefix(&src).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layers named upwards:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_checker_sees_a_violation() {
    let found =
        named_modules("use crate::app::App; // crate::ui in a comment\nlet x = crate::ui::draw;");
    let names: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(names, ["app", "ui"]);
}

/// Only `i18n` decides what depends on the language: elsewhere no branch on `Lang` and no
/// guessing the language from a translated word (a tab title, say).
#[test]
fn only_i18n_branches_on_the_language() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap_or(&file).to_path_buf();
        if rel.starts_with("i18n") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let branches = (code.contains("Lang::")
                && (code.contains("==") || code.contains("!=")))
                || code.contains("Lang::Vi =>")
                || code.contains("Lang::En =>");
            let guesses = code.contains("s.tab_") && code.contains("==");
            if branches || guesses {
                found.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "language decided outside i18n:\n{}",
        found.join("\n")
    );
}
