use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use xungkich::app::{App, Tab};
use xungkich::cli::{self, Cli, Command, Screen};
use xungkich::domain::campaign::CampaignDef;
use xungkich::domain::time::{Clock, parse_instant};
use xungkich::i18n::strings;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::io::{briefing, campaign_file, export};
use xungkich::store::{Seed, Store, StoreError};
use xungkich::{demo, tui, ui};

/// Writes a line to stdout; a closed pipe (`xungkich report | head`) ends the command with
/// a message instead of the panic `println!` would give.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err(stdout_failed)?
    }};
}

macro_rules! out_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*).map_err(stdout_failed)?
    }};
}

fn stdout_failed(e: std::io::Error) -> Failure {
    Failure {
        message: format!("cannot write the output: {e}"),
        code: 1,
    }
}

/// Bad usage, a refused file: the officer has to change something before trying again.
const EXIT_REFUSED: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { message, code }) => {
            eprintln!("xungkich: {message}");
            ExitCode::from(code)
        }
    }
}

struct Failure {
    message: String,
    code: u8,
}

fn refused(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: EXIT_REFUSED,
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        let code = if e.is_refusal() { EXIT_REFUSED } else { 1 };
        Failure {
            message: e.to_string(),
            code,
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure {
            message: format!("{e:#}"),
            code: 1,
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let clock = match &cli.now {
        Some(text) => {
            Clock::Fixed(parse_instant(text).map_err(|e| refused(format!("--now: {e}")))?)
        }
        None => Clock::System,
    };
    let campaign = cli.campaign.as_deref().map(load_campaign).transpose()?;
    let db = match &cli.db {
        Some(p) => p.clone(),
        None => cli::default_db()
            .ok_or_else(|| refused("no home folder to keep the store in: give --db PATH"))?,
    };
    let now = clock.now();
    let read_only = cli.read_only;
    let seed = || match &campaign {
        Some((def, name)) => Seed::File { def, name },
        None => SHIPPED_SEED,
    };
    match cli.command {
        Some(Command::Path) => {
            // Photos and other files live beside the store, whichever store it is.
            let folder = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            out!("store: {}", db.display());
            out!("data folder: {}", folder.display());
            Ok(())
        }
        Some(Command::Backup { file, force }) => {
            if !db.exists() {
                return Err(refused(format!("{}: no store to back up", db.display())));
            }
            let store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            store.backup_to(&file, force)?;
            out!("{} → {}", db.display(), file.display());
            Ok(())
        }
        Some(Command::Restore { file }) => {
            let stamp = now.format("%Y%m%d-%H%M%S").to_string();
            let aside = xungkich::store::backup::restore(&db, &file, &stamp)?;
            // Opening migrates a copy from an older xungkich and proves it readable.
            Store::open(&db, seed(), &now.to_rfc3339())?;
            out!("{} → {}", file.display(), db.display());
            if let Some(a) = aside {
                out!("replaced store kept as {}", a.display());
            }
            Ok(())
        }
        Some(Command::Demo {
            scale,
            initiatives,
            figure_rows,
        }) => {
            if cli.db.is_none() {
                return Err(refused(
                    "demo needs --db PATH, so it never fills your real store",
                ));
            }
            if db.exists() && std::fs::metadata(&db).map(|m| m.len() > 0).unwrap_or(true) {
                return Err(refused(format!(
                    "{} already exists; demo only creates a new store",
                    db.display()
                )));
            }
            let mut store = Store::open(&db, seed(), &now.to_rfc3339())?;
            let options = demo::Options {
                scale,
                initiatives,
                figure_rows,
            };
            let counts = demo::fill(&mut store, &options)?;
            out!("{}: {counts}", db.display());
            Ok(())
        }
        Some(Command::Snapshot {
            screen,
            width,
            height,
        }) => {
            let store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            let mut app = App::load(&store, clock, cli.lang, true)?;
            app.tab = match screen {
                Screen::Overview => Tab::Overview,
                Screen::Units => Tab::Units,
                Screen::Initiatives => Tab::Initiatives,
                Screen::Volunteer => Tab::Volunteer,
                Screen::Kpi => Tab::Kpi,
            };
            app.prepare(&store);
            out_raw!(
                "{}",
                ui::snapshot::render_text(&app, width.max(1), height.max(1))
            );
            Ok(())
        }
        Some(Command::Report { format, out }) => {
            let store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            let board = store.load_board()?;
            let gathered = briefing::gather(&store, board, now)?;
            let text = briefing::render(&gathered, strings(cli.lang), format);
            match out {
                Some(path) => briefing::write(&path, &text).map_err(|e| Failure {
                    message: format!("--out {}: {e}", path.display()),
                    code: 1,
                })?,
                None => out_raw!("{text}"),
            }
            Ok(())
        }
        Some(Command::Import {
            what,
            file,
            dry_run,
            day,
        }) => {
            let mut store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            import_file(
                &mut store,
                cli.lang,
                what.into(),
                &file,
                dry_run,
                day.as_deref(),
                now,
            )
        }
        Some(Command::Export { format, out, force }) => {
            let store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            let board = store.load_board()?;
            let s = strings(cli.lang);
            let tables = export::gather(&store, &board, now, s)?;
            let written =
                export::write(&tables, s.ex_summary, format, &out, force).map_err(|e| Failure {
                    code: if e.is_refusal() { EXIT_REFUSED } else { 1 },
                    message: e.to_string(),
                })?;
            for path in written {
                out!("{}", path.display());
            }
            Ok(())
        }
        None => {
            let mut store = open_store(&db, seed(), &now.to_rfc3339(), read_only)?;
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let mut app = App::load(&store, clock, cli.lang, no_color)?;
            // Held while the interface runs, so `restore` refuses to pull the store away.
            let _in_use = store.mark_in_use();
            // A read-only store is not backed up: nothing in it can change.
            if store.read_only().is_none() {
                daily_backup(&store, &mut app, &db);
            }
            match tui::run(&mut app, &mut store)? {
                tui::Ending::Quit => Ok(()),
                tui::Ending::Signal(sig) => Err(Failure {
                    message: format!("stopped by signal {sig}; every saved change is kept"),
                    code: u8::try_from(128 + sig).unwrap_or(1),
                }),
            }
        }
    }
}

fn import_file(
    store: &mut Store,
    lang: xungkich::i18n::Lang,
    kind: xungkich::domain::import::ImportKind,
    file: &Path,
    dry_run: bool,
    day: Option<&str>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), Failure> {
    use xungkich::io::import::{self, preview};
    let s = strings(lang);
    let board = store.load_board()?;
    let days = &board.volunteer_days;
    let default_day = match day {
        None => import::upcoming_day(days, now),
        Some(text) => {
            let date = xungkich::domain::sheet::parse_date(text)
                .map_err(|_| refused(format!("--day: \"{text}\" is not a date (dd/mm/yyyy)")))?;
            let found = days.iter().position(|d| d.date == date);
            Some(found.ok_or_else(|| {
                let list: Vec<String> = days
                    .iter()
                    .map(|d| xungkich::domain::time::format_date(d.date))
                    .collect();
                refused(format!(
                    "--day: {text} is not a volunteer Saturday ({})",
                    list.join(", ")
                ))
            })?)
        }
    };
    let ctx = import::Context {
        store,
        board: &board,
        now,
        lang,
        default_day,
    };
    let plan = import::plan_file(file, kind, &ctx);
    for l in preview::lines(&plan, s, Some(20)) {
        out!("{}", l.text);
    }
    if !plan.is_clean() {
        return Err(refused(xungkich::i18n::fill(
            s.im_refused,
            &[&plan.errors.len().to_string()],
        )));
    }
    if dry_run {
        out!("{}", s.im_dry_run);
        return Ok(());
    }
    if !plan.has_changes() {
        out!("{}", s.im_nothing);
        return Ok(());
    }
    import::apply(store, &plan, lang, &now.to_rfc3339())?;
    out!(
        "{}",
        xungkich::i18n::fill(
            s.im_done,
            &[
                import::kind_name(kind, s),
                &plan.source,
                &plan.count(import::Outcome::Add).to_string(),
                &plan.count(import::Outcome::Update).to_string(),
            ]
        )
    );
    Ok(())
}

/// Today's copy of the store in `<data folder>/backups` (the last 7 kept). A failure does
/// not stop the officer from working: the status line says so.
fn daily_backup(store: &Store, app: &mut App, db: &Path) {
    let folder = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups");
    let today = app.now.date_naive();
    if let Err(e) = store.daily_backup(&folder, today) {
        let s = app.strings();
        app.status = Some(xungkich::app::Status {
            kind: xungkich::app::StatusKind::Error,
            text: xungkich::i18n::fill(s.backup_failed, &[&e.to_string()]),
        });
    }
}

/// The store as asked: `--read-only` opens it for reading whatever the file allows; else it
/// is opened for writing, or read-only when the file or its folder cannot be written.
fn open_store(
    db: &Path,
    seed: xungkich::store::Seed<'_>,
    now: &str,
    read_only: bool,
) -> Result<Store, StoreError> {
    if read_only {
        Store::open_read_only(db, xungkich::store::ReadOnly::Asked)
    } else {
        Store::open(db, seed, now)
    }
}

fn load_campaign(path: &Path) -> Result<(CampaignDef, String), Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| refused(format!("--campaign {}: {e}", path.display())))?;
    let name = file_name(path);
    let def = campaign_file::parse(&text, &path.display().to_string())
        .map_err(|e| refused(format!("campaign file refused: {e}")))?;
    Ok((def, name))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
