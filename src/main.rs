use std::io::Write;
use std::process::ExitCode;

use chrono::Utc;
use nape::app::{App, Status};
use nape::cli::{self, Cli};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::runtime;

fn main() -> ExitCode {
    // Past a file-size limit (`ulimit -f`) the kernel ends a process by SIGXFSZ without a word.
    // Caught, the write fails instead, and the failure is said like any other.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let cli = Cli::from_env();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_app(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !matches!(failure, cli::Failure::Quiet) {
                // If standard error is gone too, the exit code is all that is left to say it.
                let _ = writeln!(
                    std::io::stderr(),
                    "nape: {}",
                    cli::plain(failure.to_string())
                );
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn open_app(cli: &Cli) -> Result<(), cli::Failure> {
    if !runtime::has_terminal() {
        return Err(cli::Failure::BadInput(
            "the full-screen app needs a terminal. Without one, use: nape log, nape export, \
             nape import, nape check (see nape --help)."
                .into(),
        ));
    }
    let (mut store, notices) = cli::open_store_quietly(cli)?;
    // A key press must never wait seconds for a stuck process: give up soon and say so.
    store.set_lock_wait(std::time::Duration::from_millis(300));
    let root = store.root().to_path_buf();
    // Held while the app is open, so a session's waiter leaves the calls to it.
    let _here = store.app_here();
    let locale = cli::locale();
    let now = Utc::now();
    let diary = Diary::open_recent(Box::new(store), Zone::Local, &locale, now);
    let mut app = App::with_diary(diary, now, &locale);
    app.set_library(cli::library(cli));
    app.set_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
    app.set_ascii(!cli::utf8());
    if !notices.is_empty() {
        let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
        app.tell(Status::Error(text.join(" ")));
    }
    let config = nape::store::routines::config_root(cli.config_dir.as_deref());
    let state = cli::state_dir(cli).ok();
    runtime::run(
        &mut app,
        Some(&root),
        config.as_deref(),
        state.as_deref(),
        !cli.no_mouse,
    )
    .map_err(|e| cli::Failure::Other(format!("the terminal failed: {e}")))?;
    // Closing the app does not stop a session: say so, once the terminal is back.
    if let Some(running) = app.diary().running() {
        let session = &running.body;
        let left = nape::domain::therapy::clock(session.left(Utc::now()));
        let _ = writeln!(
            std::io::stdout(),
            "{} {} session keeps running ({left} left): `nape status` shows it, `nape timer stop` \
             ends it, and nape tells you when it is over next time it opens.",
            session.kind.symbol(),
            session.kind.name()
        );
    }
    Ok(())
}
