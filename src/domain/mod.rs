//! The pure core: no terminal, no files, no clock. Time is always an argument.

pub mod checkin;
pub mod function;
pub mod redflag;
pub mod settings;
pub mod sources;
pub mod stretch;
pub mod text;
pub mod therapy;
pub mod trends;
pub mod vocabulary;
pub mod when;
