//! Photos by content, not by name: the four formats a phone sends (JPEG, PNG, HEIC, WebP).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Heic,
    Webp,
}

impl ImageKind {
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Heic => "image/heic",
            ImageKind::Webp => "image/webp",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::Heic => "heic",
            ImageKind::Webp => "webp",
        }
    }

    /// The kind an extension of [`ImageKind::extension`] names.
    pub fn from_extension(ext: &str) -> Option<ImageKind> {
        [
            ImageKind::Jpeg,
            ImageKind::Png,
            ImageKind::Heic,
            ImageKind::Webp,
        ]
        .into_iter()
        .find(|k| k.extension() == ext)
    }

    /// What the first bytes of a file say it is (16 bytes are enough for all four).
    pub fn sniff(head: &[u8]) -> Option<ImageKind> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(ImageKind::Jpeg);
        }
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(ImageKind::Png);
        }
        if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            return Some(ImageKind::Webp);
        }
        // ISO base media: a box size, "ftyp", then a brand of the HEIF family.
        if head.len() >= 12 && &head[4..8] == b"ftyp" {
            let brand = &head[8..12];
            if [
                b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
            ]
            .iter()
            .any(|b| brand == *b)
            {
                return Some(ImageKind::Heic);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_formats_by_their_first_bytes() {
        assert_eq!(
            ImageKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            ImageKind::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(ImageKind::Png)
        );
        assert_eq!(
            ImageKind::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(ImageKind::Webp)
        );
        assert_eq!(
            ImageKind::sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Some(ImageKind::Heic)
        );
        assert_eq!(
            ImageKind::sniff(b"\0\0\0\x18ftypmif1\0\0\0\0"),
            Some(ImageKind::Heic)
        );
    }

    #[test]
    fn other_files_are_not_images_whatever_their_name() {
        assert_eq!(ImageKind::sniff(b"%PDF-1.7\n"), None);
        assert_eq!(ImageKind::sniff(b"GIF89a"), None);
        assert_eq!(
            ImageKind::sniff(b"\0\0\0\x18ftypisom\0\0\0\0"),
            None,
            "an MP4 video"
        );
        assert_eq!(ImageKind::sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(ImageKind::sniff(b""), None);
        assert_eq!(ImageKind::sniff(&[0xFF, 0xD8]), None);
    }
}
