//! The store and what the app keeps beside it hold names and phone numbers (personal data
//! under Decree 13/2023/NĐ-CP): on every writable open they are brought to 0600 (files) and
//! 0700 (folders), whatever an older version or the umask made them.

use std::path::Path;

use super::Store;
use crate::atomic_write::{make_private, make_private_tree};

/// The folders beside the store that only the app writes: daily copies (and their photos),
/// photo copies of older versions, briefings (key R) and exports (key x). The store's own
/// photo folder is added by name.
const OWN_FOLDERS: [&str; 4] = ["backups", "photos", "reports", "exports"];

impl Store {
    /// Brings the store file, its `-wal`/`-shm`, its in-use mark, the copies kept aside by
    /// `restore`, the panic log and the app's own folders beside it to owner-only modes.
    /// The store file comes first: SQLite gives a `-wal`/`-shm` it creates the store's mode.
    /// Best effort: a file this user cannot change (someone else's) must not stop the work,
    /// and the folder holding the store is left alone (it may be one the officer chose).
    pub(crate) fn secure_permissions(&self) {
        let path = self.path();
        if path == Path::new(":memory:") {
            return;
        }
        let _ = make_private(path);
        let folder = self.folder();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        for side in ["-wal", "-shm", "-journal", ".in-use"] {
            let _ = make_private(&folder.join(format!("{name}{side}")));
        }
        let _ = make_private(&folder.join("xungkich-panic.log"));
        if let Ok(entries) = std::fs::read_dir(&folder) {
            let aside = format!("{name}.replaced-");
            for e in entries.flatten() {
                if e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&aside))
                {
                    let _ = make_private(&e.path());
                }
            }
        }
        for own in OWN_FOLDERS {
            let _ = make_private_tree(&folder.join(own));
        }
        let _ = make_private_tree(&self.photo_pool());
    }
}
