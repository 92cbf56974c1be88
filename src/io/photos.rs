//! Photos attached to a quick report: checked by content, copied into the data folder so the
//! record survives the originals moving.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::atomic_write;
use crate::domain::image::ImageKind;
use crate::i18n::Strings;
use crate::text::one_line;

/// A photo file that exists and is an image.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub source: PathBuf,
    pub kind: ImageKind,
    pub bytes: u64,
    pub original_name: String,
}

#[derive(Debug)]
pub enum PhotoError {
    Missing(PathBuf),
    Unreadable(PathBuf, io::Error),
    NotAnImage(PathBuf),
    /// Larger than [`PHOTO_MAX_BYTES`]; the size is given.
    TooLarge(PathBuf, u64),
}

/// The largest photo a report takes: a phone's photo is a few megabytes, and copying a file
/// of gigabytes into the data folder would hold the screen for seconds.
pub const PHOTO_MAX_BYTES: u64 = 25 * 1024 * 1024;

impl PhotoError {
    /// The problem in the officer's words, the OS error named by `Strings::io_error`.
    pub fn message(&self, s: &Strings) -> String {
        let shown = |p: &Path| one_line(&p.display().to_string());
        match self {
            PhotoError::Missing(p) => s.err_photo_missing(shown(p)),
            PhotoError::NotAnImage(p) => s.err_photo_not_image(shown(p)),
            PhotoError::Unreadable(p, e) => s.err_photo_read(shown(p), s.io_error(e)),
            PhotoError::TooLarge(p, size) => s.err_photo_too_large(
                shown(p),
                size.div_ceil(1024 * 1024),
                PHOTO_MAX_BYTES / (1024 * 1024),
            ),
        }
    }
}

/// Checks a path as the officer typed or pasted it (quotes around it are dropped).
pub fn check(text: &str) -> Result<Photo, PhotoError> {
    let cleaned = text.trim().trim_matches(|c| c == '"' || c == '\'');
    let source = PathBuf::from(cleaned);
    let meta = match fs::metadata(&source) {
        Ok(m) if m.is_file() => m,
        Ok(_) => return Err(PhotoError::NotAnImage(source)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(PhotoError::Missing(source)),
        Err(e) => return Err(PhotoError::Unreadable(source, e)),
    };
    // Refused on its size before a byte is read or copied.
    if meta.len() > PHOTO_MAX_BYTES {
        return Err(PhotoError::TooLarge(source, meta.len()));
    }
    let mut head = [0u8; 16];
    let n = File::open(&source)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| PhotoError::Unreadable(source.clone(), e))?;
    let kind =
        ImageKind::sniff(&head[..n]).ok_or_else(|| PhotoError::NotAnImage(source.clone()))?;
    let original_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("anh.{}", kind.extension()));
    Ok(Photo {
        bytes: meta.len(),
        source,
        kind,
        original_name,
    })
}

/// Removes copies the app made under `<data>/photos/` once nothing refers to them (their
/// report was undone). Only plain relative paths inside `photos/` are touched; a file already
/// gone is fine. Returns how many were removed.
pub fn remove_copies(data: &Path, relative: &[String]) -> usize {
    use std::path::Component;
    let mut removed = 0;
    for r in relative {
        let p = Path::new(r);
        let inside =
            p.starts_with("photos") && p.components().all(|c| matches!(c, Component::Normal(_)));
        if inside && fs::remove_file(data.join(p)).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Copies the photo to `<data>/photos/<day>/<unit>/`, keeping its name unless taken (then
/// "name-2.jpg", "name-3.jpg", …). Returns the path relative to the data folder.
pub fn copy_into(data: &Path, day: &str, unit: &str, photo: &Photo) -> io::Result<PathBuf> {
    let relative_dir = Path::new("photos").join(safe(day)).join(safe(unit));
    let dir = data.join(&relative_dir);
    // 0700 for every folder made: the photos show people and places of personal data.
    atomic_write::create_dir_all(&dir)?;
    let stem = Path::new(&photo.original_name)
        .file_stem()
        .map(|s| safe(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "anh".into());
    // Keep the original extension when it is the right one; else use the content's.
    let ext = Path::new(&photo.original_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| {
            let right = photo.kind.extension();
            e == right || (right == "jpg" && e == "jpeg")
        })
        .unwrap_or_else(|| photo.kind.extension().to_string());
    // Copied whole into a private temporary file first, then named without replacing
    // anything: two copies never overwrite each other, and a failed copy leaves no half photo.
    let mut pending = atomic_write::create(&dir, &format!("{stem}.{ext}"))?;
    let mut input = File::open(&photo.source)?;
    io::copy(&mut input, pending.file())?;
    let written = pending.commit_fresh(&stem, &ext).map_err(|e| match e {
        atomic_write::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })?;
    let name = written
        .file_name()
        .map(PathBuf::from)
        .ok_or_else(|| io::Error::other("no file name"))?;
    Ok(relative_dir.join(name))
}

/// A path component from a code or a name: no separators, no dots that climb.
fn safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim_matches('.')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 GB file named like a photo is refused on its size at once (a sparse file: nothing
    /// is read), and the message gives its size and the limit in both languages.
    #[test]
    fn a_photo_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::TempDir::new().expect("dir");
        let big = dir.path().join("anh.jpg");
        let f = std::fs::File::create(&big).expect("create");
        f.set_len(2 * 1024 * 1024 * 1024).expect("sparse 2 GB");
        drop(f);
        let err = check(big.to_str().expect("utf-8")).expect_err("refused");
        assert!(matches!(err, PhotoError::TooLarge(_, n) if n == 2 * 1024 * 1024 * 1024));
        let vi = err.message(crate::i18n::strings(crate::i18n::Lang::Vi));
        assert!(vi.contains("2048 MB") && vi.contains("25 MB"), "{vi}");
        let en = err.message(crate::i18n::strings(crate::i18n::Lang::En));
        assert!(en.starts_with("Photo too large"), "{en}");
        // At the limit a real image is still taken.
        let ok = dir.path().join("ok.png");
        std::fs::write(&ok, b"\x89PNG\r\n\x1a\n0000000000").expect("png");
        assert!(check(ok.to_str().expect("utf-8")).is_ok());
    }

    #[test]
    fn only_copies_inside_photos_are_removed() {
        let dir = tempfile::TempDir::new().expect("dir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("photos/d/u")).expect("dirs");
        std::fs::write(data.join("photos/d/u/a.png"), b"x").expect("copy");
        std::fs::write(dir.path().join("outside.png"), b"x").expect("outside");
        std::fs::write(data.join("store.db"), b"x").expect("store");
        let removed = super::remove_copies(
            &data,
            &[
                "photos/d/u/a.png".into(),
                "photos/../../outside.png".into(),
                "store.db".into(),
                dir.path().join("outside.png").display().to_string(),
                "photos/d/u/gone.png".into(),
            ],
        );
        assert_eq!(removed, 1);
        assert!(!data.join("photos/d/u/a.png").exists());
        assert!(dir.path().join("outside.png").exists());
        assert!(data.join("store.db").exists());
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn checks_by_content_and_copies_without_overwriting() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let photo_path = dir.path().join("IMG_0001.jpg.png");
        fs::write(&photo_path, PNG).expect("write");
        let photo = check(&format!("\"{}\"", photo_path.display())).expect("a PNG");
        assert_eq!(photo.kind, ImageKind::Png);
        let data = dir.path().join("data");
        let a = copy_into(&data, "tb-dot2-2022", "p-tan-quy", &photo).expect("copy");
        let b = copy_into(&data, "tb-dot2-2022", "p-tan-quy", &photo).expect("copy again");
        assert_eq!(
            a,
            Path::new("photos/tb-dot2-2022/p-tan-quy/IMG_0001.jpg.png")
        );
        assert_eq!(
            b,
            Path::new("photos/tb-dot2-2022/p-tan-quy/IMG_0001.jpg-2.png")
        );
        assert_eq!(fs::read(data.join(&b)).expect("read"), PNG);
        // Photos of people and places are personal data: owner only, folders too.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&data.join(&a)), 0o600);
        assert_eq!(mode(&data.join("photos/tb-dot2-2022")), 0o700);
        let files = fs::read_dir(data.join("photos/tb-dot2-2022/p-tan-quy"))
            .expect("read")
            .count();
        assert_eq!(files, 2, "no temporary left");
    }

    #[test]
    fn refuses_missing_files_and_non_images_named_like_images() {
        let dir = tempfile::TempDir::new().expect("tmp");
        assert!(matches!(
            check(&dir.path().join("nope.jpg").display().to_string()),
            Err(PhotoError::Missing(_))
        ));
        let fake = dir.path().join("anh.jpg");
        fs::write(&fake, b"%PDF-1.7 not a photo").expect("write");
        assert!(matches!(
            check(&fake.display().to_string()),
            Err(PhotoError::NotAnImage(_))
        ));
        assert!(matches!(
            check(&dir.path().display().to_string()),
            Err(PhotoError::NotAnImage(_)),
        ));
    }

    #[test]
    fn path_parts_cannot_climb_out() {
        assert_eq!(safe("../x"), "_x");
        assert_eq!(safe("a/b"), "a_b");
    }
}
