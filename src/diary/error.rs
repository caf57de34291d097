//! Why the diary could not carry out a change: the one case a screen acts on (changed elsewhere)
//! by name, anything else in the store's own words, with the path involved.

use uuid::Uuid;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DiaryError {
    /// Another writer changed or deleted this record since this copy of it was read.
    #[error(
        "this entry was changed or deleted elsewhere (another window, or nape log) since it was \
         opened; nothing was saved"
    )]
    Changed(Uuid),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for DiaryError {
    fn from(e: StoreError) -> DiaryError {
        match e {
            StoreError::Changed(id) => DiaryError::Changed(id),
            e => DiaryError::Store(e),
        }
    }
}
