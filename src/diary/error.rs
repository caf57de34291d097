//! Why the diary could not carry out a change: the one case a screen acts on (changed elsewhere)
//! by name, anything else in the store's own words, with the path involved.

use uuid::Uuid;

use crate::domain::checkin::FieldError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DiaryError {
    /// Another writer changed or deleted this record since this copy of it was read.
    #[error(
        "this entry was changed or deleted elsewhere (another window, or nape log) since it was \
         opened; nothing was saved"
    )]
    Changed(Uuid),
    /// Not found: deleted, here or elsewhere.
    #[error("this entry is no longer in the diary; nothing was saved")]
    Gone(Uuid),
    /// What was typed for a check-in, field by field.
    #[error("{}", words(.0))]
    Fields(Vec<FieldError>),
    /// A value nape would never write (a record's own rules, an emergency number).
    #[error("{0}")]
    Invalid(String),
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

fn words(errors: &[FieldError]) -> String {
    let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
    each.join("; ")
}
