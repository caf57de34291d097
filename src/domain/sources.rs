//! What the source ids in brackets ("[S1]") refer to, from assets/sources.json.

use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Deserialize, Debug)]
pub struct Source {
    pub id: String,
    pub title: String,
}

#[derive(Deserialize)]
struct File {
    sources: Vec<Source>,
}

static SOURCES: LazyLock<Vec<Source>> = LazyLock::new(|| {
    let file: File = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sources.json"
    )))
    .expect("assets/sources.json is checked by tests");
    file.sources
});

/// Every source, in order.
pub fn sources() -> &'static [Source] {
    &SOURCES
}
