//! nape: a terminal self-care coach for neck pain. The modules are public so tests reach them.

pub mod app;
pub mod ascii;
pub mod cli;
pub mod clock;
pub mod diary;
pub mod domain;
pub mod keys;
pub mod kinds;
pub mod record;
pub mod report;
pub mod runtime;
pub mod speech;
pub mod store;
pub mod ui;
