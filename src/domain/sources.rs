//! What the source ids in brackets ("[S1]") refer to, from assets/sources.json.

use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Deserialize, Debug)]
pub struct Source {
    pub id: String,
    /// A few words, for the Help screen.
    pub title: String,
    /// The full reference, as a clinician would cite it.
    pub reference: String,
    /// The year of its earliest dated work; none for an undated web page.
    pub year: Option<u16>,
    /// Where to find it (a DOI, a page), none where it is not recorded.
    pub addresses: Vec<String>,
}

impl Source {
    /// The reference and where to find it, in one line for a report. Addresses are written
    /// without their scheme ("doi.org/10..."): a report names them for a reader to look up,
    /// and refers to nothing a browser would fetch.
    pub fn cited(&self) -> String {
        let bare = self
            .addresses
            .iter()
            .map(|a| a.trim_start_matches("https://"));
        match bare.collect::<Vec<_>>().as_slice() {
            [] => self.reference.clone(),
            addresses => format!("{} At: {}", self.reference, addresses.join(", ")),
        }
    }
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
