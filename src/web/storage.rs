//! `localStorage`, with every failure turned into a readable error: storage
//! that is disabled, full or throwing never breaks the page.

use std::fmt;

use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser has storage turned off (or blocks it for this page).
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Writing failed for another reason.
    WriteFailed,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => {
                "This browser does not let the page save scenarios; your link still holds the scenario."
            }
            StorageError::Full => {
                "This browser's storage is full, so the scenario was not saved; your link still holds it."
            }
            StorageError::WriteFailed => "Saving failed; your link still holds the scenario.",
        })
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// Reads one key; `Ok(None)` when it is not there.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Writes one key.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError");
        if quota {
            StorageError::Full
        } else {
            StorageError::WriteFailed
        }
    })
}
