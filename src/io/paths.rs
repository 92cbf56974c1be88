//! Paths as the officer types them at a prompt: quotes and `~/` as a shell would take them,
//! a whole path typed after the offered folder, and Tab completion that ignores case and
//! Vietnamese marks (a Downloads file named "Đăng ký sáng kiến.csv" completes from "dang").

use std::path::PathBuf;

use crate::domain::fold::fold;

/// A path as typed or dropped into the terminal: quotes around it and a leading `~/` are
/// what a shell would have taken away.
pub fn typed_path(text: &str) -> PathBuf {
    // The prompt starts with the last folder; a whole path typed or dropped after it
    // ("/home/a/ + /home/a/x.csv", "… + ~/x.csv", "… + '/x y.csv'") starts afresh.
    let mut text = text.trim();
    for restart in ["//", "/~/", "/'/", "/'~/", "/\"/", "/\"~/"] {
        if let Some(i) = text.rfind(restart) {
            text = &text[i + 1..];
            break;
        }
    }
    // A terminal quotes a dropped path with spaces; the officer may quote a name too.
    let mut cleaned = text.to_string();
    for q in ['\'', '"'] {
        if let (Some(a), Some(b)) = (cleaned.find(q), cleaned.rfind(q))
            && a < b
        {
            cleaned.remove(b);
            cleaned.remove(a);
        }
    }
    if let Some(rest) = cleaned.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(cleaned)
}

/// What Tab does to a typed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text with the name completed as far as the matches agree.
    pub text: String,
    /// The names that match (folders end in `/`), when more than one does.
    pub candidates: Vec<String>,
}

/// Completes the last part of `text` from the folder before it: folders and `.csv` files
/// whose name starts with what was typed, without case or diacritics. Hidden files only
/// when a dot was typed.
pub fn complete(text: &str) -> Completion {
    complete_with(text, |folded| folded.ends_with(".csv"))
}

/// [`complete`] for a photo: folders and files named like the four image formats (the
/// content is checked when the report is saved).
pub fn complete_photo(text: &str) -> Completion {
    complete_with(text, |folded| {
        [".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp"]
            .iter()
            .any(|ext| folded.ends_with(ext))
    })
}

/// Completes `text` with the folders and the files whose folded name `wanted` accepts.
fn complete_with(text: &str, wanted: impl Fn(&str) -> bool) -> Completion {
    let (dir_text, prefix) = match text.rfind('/') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text),
    };
    let dir = if dir_text.is_empty() {
        PathBuf::from(".")
    } else {
        typed_path(dir_text)
    };
    let folded = fold(prefix);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| {
                    let e = e.ok()?;
                    let name = e.file_name().into_string().ok()?;
                    let is_dir = e.file_type().ok()?.is_dir()
                        || (e.file_type().ok()?.is_symlink() && e.path().is_dir());
                    let wanted = is_dir || wanted(&fold(&name));
                    let shown = !name.starts_with('.') || prefix.starts_with('.');
                    (wanted && shown && fold(&name).starts_with(&folded))
                        .then(|| if is_dir { format!("{name}/") } else { name })
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort_by(|a, b| crate::domain::fold::compare_vi(a, b));
    match names.as_slice() {
        [] => Completion {
            text: text.to_string(),
            candidates: Vec::new(),
        },
        [one] => Completion {
            text: format!("{dir_text}{one}"),
            candidates: Vec::new(),
        },
        many => {
            let common = common_prefix(many);
            // The shared start replaces what was typed only when it says more.
            let text = if common.chars().count() > prefix.chars().count() {
                format!("{dir_text}{common}")
            } else {
                text.to_string()
            };
            Completion {
                text,
                candidates: many.to_vec(),
            }
        }
    }
}

fn common_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut len = first.chars().count();
    for n in &names[1..] {
        len = first
            .chars()
            .zip(n.chars())
            .take(len)
            .take_while(|(a, b)| a == b)
            .count();
    }
    first.chars().take(len).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_typed_over_the_offered_folder_starts_afresh() {
        assert_eq!(typed_path("/d/x.csv"), PathBuf::from("/d/x.csv"));
        assert_eq!(typed_path(" '/d/x y.csv' "), PathBuf::from("/d/x y.csv"));
        assert_eq!(typed_path("/d//e/x.csv"), PathBuf::from("/e/x.csv"));
        assert_eq!(typed_path("/d/'/e/x y.csv'"), PathBuf::from("/e/x y.csv"));
        assert_eq!(typed_path("rel/x.csv"), PathBuf::from("rel/x.csv"));
        assert_eq!(typed_path("/d/'x y.csv'"), PathBuf::from("/d/x y.csv"));
        assert_eq!(typed_path("/d/\"x y.csv\""), PathBuf::from("/d/x y.csv"));
        if let Some(home) = directories::BaseDirs::new() {
            assert_eq!(typed_path("/d/~/x.csv"), home.home_dir().join("x.csv"));
        }
    }

    #[test]
    fn tab_completes_without_case_or_marks() {
        let dir = tempfile::TempDir::new().expect("dir");
        for name in [
            "Đăng ký sáng kiến - Câu trả lời.csv",
            "Đăng ký thứ Bảy.csv",
            "ghi chú.txt",
            ".an.csv",
        ] {
            std::fs::write(dir.path().join(name), b"x").expect("file");
        }
        std::fs::create_dir(dir.path().join("Tải về")).expect("dir");
        let base = format!("{}/", dir.path().display());
        let c = complete(&format!("{base}dang ky s"));
        assert_eq!(c.text, format!("{base}Đăng ký sáng kiến - Câu trả lời.csv"));
        assert!(c.candidates.is_empty());
        let c = complete(&format!("{base}DANG"));
        assert_eq!(c.text, format!("{base}Đăng ký "), "as far as both agree");
        assert_eq!(c.candidates.len(), 2);
        let c = complete(&format!("{base}tai"));
        assert_eq!(c.text, format!("{base}Tải về/"), "a folder ends in /");
        let c = complete(&format!("{base}ghi"));
        assert_eq!(c.text, format!("{base}ghi"), "only folders and CSV files");
        let c = complete(&base);
        assert_eq!(
            c.candidates.len(),
            3,
            "hidden files only after a dot: {c:?}"
        );
        let c = complete("/no/such/folder/x");
        assert_eq!(c.text, "/no/such/folder/x");
    }
}

#[cfg(test)]
mod photo_tests {
    use super::*;

    #[test]
    fn a_photo_name_completes_without_case_or_marks() {
        let dir = tempfile::TempDir::new().expect("tmp");
        std::fs::write(dir.path().join("Ảnh lễ ra quân.PNG"), b"x").expect("write");
        std::fs::write(dir.path().join("ghi chú.txt"), b"x").expect("write");
        let typed = format!("{}/anh le", dir.path().display());
        let done = complete_photo(&typed);
        assert_eq!(
            done.text,
            format!("{}/Ảnh lễ ra quân.PNG", dir.path().display())
        );
        // Only image names (and folders) are offered.
        let typed = format!("{}/gh", dir.path().display());
        assert_eq!(complete_photo(&typed).text, typed);
    }
}
