//! Photos attached to a quick report: checked by content, copied into the store's own photo
//! folder so the record survives the originals moving.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::domain::image::ImageKind;
use crate::i18n::Strings;
use crate::store::photos::{Kept, PutError, put_file};
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
    /// The copy into the store's photo folder failed (nothing is left of it).
    Copy(io::Error),
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
            PhotoError::Copy(e) => s.err_photo_copy(s.io_error(e)),
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

/// Copies a checked photo into the store's own photo folder (`pool`), named by its content.
/// The file is read once, checked again as it is copied (it may have changed since [`check`]):
/// over the limit or no longer an image, it is refused and nothing is left behind. A photo
/// the store has already is kept once ([`Kept::fresh`] is then false).
pub fn keep(pool: &Path, photo: &Photo) -> Result<Kept, PhotoError> {
    put_file(pool, &photo.source, PHOTO_MAX_BYTES, None).map_err(|e| match e {
        PutError::TooLarge(n) => PhotoError::TooLarge(photo.source.clone(), n),
        PutError::NotAnImage | PutError::Changed => PhotoError::NotAnImage(photo.source.clone()),
        PutError::Io(e) => PhotoError::Copy(e),
    })
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

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn checks_by_content_and_copies_by_content() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let photo_path = dir.path().join("IMG_0001.jpg.png");
        fs::write(&photo_path, PNG).expect("write");
        let photo = check(&format!("\"{}\"", photo_path.display())).expect("a PNG");
        assert_eq!(photo.kind, ImageKind::Png);
        assert_eq!(photo.original_name, "IMG_0001.jpg.png");
        let pool = dir.path().join("s.db.photos");
        let a = keep(&pool, &photo).expect("copy");
        assert!(
            a.fresh && a.name.ends_with(".png"),
            "named by content: {}",
            a.name
        );
        assert_eq!(fs::read(pool.join(&a.name)).expect("read"), PNG);
        // The same photo again is kept once.
        let b = keep(&pool, &photo).expect("copy again");
        assert_eq!((b.name, b.fresh), (a.name.clone(), false));
        // Photos of people and places are personal data: owner only, folders too.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&pool.join(&a.name)), 0o600);
        assert_eq!(mode(&pool), 0o700);
        assert_eq!(
            fs::read_dir(&pool).expect("read").count(),
            1,
            "no temporary left"
        );
        // Changed into something else after the check: refused at the copy, nothing left.
        fs::write(&photo_path, b"%PDF-1.7").expect("write");
        assert!(matches!(
            keep(&pool, &photo),
            Err(PhotoError::NotAnImage(_))
        ));
        assert_eq!(fs::read_dir(&pool).expect("read").count(), 1);
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
}
