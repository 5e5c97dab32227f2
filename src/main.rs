//! Entry point: parse the command line, then either open the app or run a command and map its
//! outcome to the exit code (0 ok, 1 findings, 2 error).

use std::process::ExitCode;

use clap::Parser as _;
use gardefou::cli::{self, Cli, Job};
use gardefou::i18n;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let asked_lang = cli.lang;
    let lang = asked_lang.unwrap_or_else(i18n::lang_from_env);
    match cli.job() {
        Job::Gui(start) => gui(start, asked_lang, lang),
        Job::Run(command) => ExitCode::from(cli::run(command, lang, asked_lang)),
    }
}

#[cfg(feature = "gui")]
fn gui(
    start: gardefou::session::Start,
    asked_lang: Option<i18n::Lang>,
    _lang: i18n::Lang,
) -> ExitCode {
    match gardefou::ui::run(start, asked_lang, gardefou::cli::today_local()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gardefou: {error:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn gui(
    _start: gardefou::session::Start,
    _asked_lang: Option<i18n::Lang>,
    lang: i18n::Lang,
) -> ExitCode {
    eprintln!("gardefou: {}", i18n::tr(lang, "cli.no_gui"));
    ExitCode::from(2)
}
