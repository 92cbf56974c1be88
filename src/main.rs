//! The `xungkich` command: parses the command line, runs a subcommand or the terminal app, and
//! words whatever stopped it in the language of `--lang`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use xungkich::app::App;
use xungkich::cli::{self, CampaignAction, Cli, Command, ReportFormat};
use xungkich::domain::campaign::CampaignDef;
use xungkich::domain::campaign_year::YEARS;
use xungkich::domain::time::{Clock, read_datetime};
use xungkich::i18n::{Lang, Strings, strings};
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::io::campaign_year;
use xungkich::io::{briefing, campaign_file, campaign_toml, export, report_docx};
use xungkich::store::{Applied, Seed, Store, StoreError, photos};
use xungkich::text::one_line;
use xungkich::{demo, tui, ui};

// Every byte this program prints to a terminal passes one filter, `print` below (stdout)
// and `say` (stderr): each printed line goes through `text::clean_lines`, the filter the
// screen uses. Why one filter at the end rather than cleaning each value where it is put in
// a sentence: values come from files, paths, arguments, the store and libraries' error
// texts, and a message added next year will forget one of them; at the end nothing can be
// forgotten. Only `\n` between lines is kept as it is. A TAB or `\r` becomes a symbol too:
// the program writes neither in its own output (the preview aligns with spaces, the
// briefing is already clean and has no TABs), so any that reaches here came from data.

/// Writes a line to stdout, filtered; a closed pipe (`xungkich report | head`) ends the
/// command with a message instead of the panic `println!` would give.
macro_rules! out {
    ($($arg:tt)*) => {{
        print(&format!($($arg)*), true)?
    }};
}

/// As `out!`, without the line break (text that ends with its own).
macro_rules! out_raw {
    ($($arg:tt)*) => {{
        print(&format!($($arg)*), false)?
    }};
}

fn print(text: &str, newline: bool) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(xungkich::text::clean_lines(text).as_bytes())
        .map_err(stdout_failed)?;
    if newline {
        stdout.write_all(b"\n").map_err(stdout_failed)?;
    }
    Ok(())
}

/// A message on stderr, filtered as `print` filters stdout. A failed write to stderr has
/// nowhere left to be told.
fn say(message: &str) {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "xungkich: {}",
        xungkich::text::clean_lines(message)
    );
}

/// Rust's own panic message quotes whatever the code put in it, which may be data: it is
/// printed through the same filter (with the backtrace when `RUST_BACKTRACE` asks for one).
fn install_panic_filter() {
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write as _;
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("<unnamed>");
        let mut text = format!("thread '{name}' {info}");
        let backtrace = std::backtrace::Backtrace::capture();
        if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
            text.push_str(&format!("\n{backtrace}"));
        }
        let _ = writeln!(std::io::stderr(), "{}", xungkich::text::clean_lines(&text));
    }));
}

fn stdout_failed(e: std::io::Error) -> Failure {
    Failure::Stdout(e)
}

/// Bad usage, a refused file: the officer has to change something before trying again.
const EXIT_REFUSED: u8 = 2;

fn main() -> ExitCode {
    install_panic_filter();
    let cli = Cli::parse();
    let s = strings(cli.lang);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let (message, code) = failure.words(s);
            // Messages quote paths and file text: nothing in them may steer the terminal.
            say(&message);
            ExitCode::from(code)
        }
    }
}

/// Why a command stopped. Errors from below are kept as they came and worded only when
/// printed, in the language of `--lang`.
enum Failure {
    /// Already in words; exits 2, as bad usage does.
    Refused(String),
    /// Already in words; exits 1.
    Failed(String),
    Store(StoreError),
    Stdout(std::io::Error),
    Terminal(anyhow::Error),
    Signal(i32),
}

impl Failure {
    fn words(self, s: &Strings) -> (String, u8) {
        match self {
            Failure::Refused(m) => (m, EXIT_REFUSED),
            Failure::Failed(m) => (m, 1),
            Failure::Store(e) => {
                let code = if e.is_refusal() { EXIT_REFUSED } else { 1 };
                (s.store_error(&e), code)
            }
            Failure::Stdout(e) => (s.cli_stdout_failed(s.io_error(&e)), 1),
            Failure::Terminal(e) => {
                // The interface's errors come from the terminal, or from the store below it.
                if let Some(store) = e.downcast_ref::<StoreError>() {
                    return (s.store_error(store), 1);
                }
                let detail = match e.downcast_ref::<std::io::Error>() {
                    Some(io) => s.io_error(io),
                    None => one_line(&format!("{e:#}")),
                };
                (s.cli_terminal_failed(&detail), 1)
            }
            Failure::Signal(sig) => (s.cli_signal(sig), u8::try_from(128 + sig).unwrap_or(1)),
        }
    }
}

fn refused(message: impl Into<String>) -> Failure {
    Failure::Refused(message.into())
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Terminal(e)
    }
}

/// What `campaign init --year` did, and every line the officer still has to edit for the
/// new year, as `FILE:LINE:` so an editor can jump there.
fn said_moved(
    moved: &campaign_year::Moved,
    year: i32,
    file: &Path,
    s: &Strings,
) -> Result<(), Failure> {
    let name = shown(file);
    match moved.from_year {
        None => out!("{}", s.cy_no_dates(&name)),
        Some(from) if from == year => out!("{}", s.cy_same_year(&name, year)),
        Some(_) => out!("{}", s.cy_written(&name, moved.moved, year, &name)),
    }
    if moved.old_years.is_empty() {
        return Ok(());
    }
    let years = moved
        .old_years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if moved.leftovers.is_empty() {
        out!("{}", s.cy_none_left(years));
        return Ok(());
    }
    out!("{}", s.cy_still_named(moved.leftovers.len(), years));
    for l in &moved.leftovers {
        if l.comment {
            out!("{}", s.cy_comment_line(&name, l.line, &l.text));
        } else {
            out!("{}", s.cy_line(&name, l.line, &l.text));
        }
    }
    Ok(())
}

/// A path as it is printed inside a sentence.
fn shown(path: &Path) -> String {
    one_line(&path.display().to_string())
}

fn run(cli: Cli) -> Result<(), Failure> {
    let s = strings(cli.lang);
    let clock = match &cli.now {
        Some(text) => {
            Clock::Fixed(read_datetime(text).map_err(|_| refused(s.cli_bad_now(s.quote(text))))?)
        }
        None => Clock::System,
    };
    let campaign = cli
        .campaign
        .as_deref()
        .map(|p| load_campaign(p, s))
        .transpose()?;
    let db = match &cli.db {
        Some(p) => p.clone(),
        None => cli::default_db().ok_or_else(|| refused(s.cli_no_home))?,
    };
    // The default data folder is the app's own and holds personal data: owner only. A folder
    // named with --db may be the officer's (their Documents) and is left as it is.
    if let Some(own) = cli::data_dir()
        && db.parent() == Some(own.as_path())
        && !cli.read_only
    {
        let _ = xungkich::atomic_write::make_private(&own);
    }
    let now = clock.now();
    let read_only = cli.read_only;
    let seed = || match &campaign {
        Some((def, name)) => Seed::File { def, name },
        None => SHIPPED_SEED,
    };
    // A campaign file given for a store that already holds the campaign is not applied:
    // say so, and how to see what differs, rather than ignore it.
    let differs = cli
        .campaign
        .as_deref()
        .zip(campaign.as_ref())
        .and_then(|(path, (def, _))| campaign_differs(&db, path, def, s));
    if let (Some(note), Some(_)) = (&differs, &cli.command) {
        say(note);
    }
    match cli.command {
        Some(Command::Campaign {
            action:
                CampaignAction::Init {
                    file,
                    force,
                    from_store,
                    year,
                },
        }) => {
            if let Some(year) = year
                && !YEARS.contains(&year)
            {
                return Err(refused(s.cy_year_range(year, YEARS.start(), YEARS.end())));
            }
            let text = if from_store {
                if !db.exists() {
                    return Err(refused(s.ci_no_store(shown(&db))));
                }
                let store = open_store(&db, SHIPPED_SEED, now, true)?;
                campaign_toml::write(&store.campaign_def()?, cli.lang)
            } else {
                campaign_file::SHIPPED.to_string()
            };
            // Checked before anything is written: a moved file that does not read is not left
            // where the officer would open it.
            let moved = match year {
                Some(year) => Some(
                    campaign_year::move_to_year(&text, year, &shown(&file))
                        .map_err(|e| Failure::Failed(s.cy_not_moved(e.message(s))))?,
                ),
                None => None,
            };
            let text = moved.as_ref().map_or(text, |m| m.text.clone());
            xungkich::atomic_write::write(&file, force, |f| {
                std::io::Write::write_all(f, text.as_bytes())
            })
            .map_err(|e| match e {
                xungkich::atomic_write::Error::Io(_) => {
                    Failure::Failed(s.ci_write_failed(s.write_error(&file, &e)))
                }
                _ => Failure::Refused(s.write_error(&file, &e)),
            })?;
            if let (Some(moved), Some(year)) = (&moved, year) {
                if from_store {
                    out!("{}", s.ci_from_store_written(shown(&file), shown(&db)));
                }
                return said_moved(moved, year, &file, s);
            }
            if !from_store {
                out!("{}", s.ci_written(shown(&file), shown(&file)));
                return Ok(());
            }
            out!("{}", s.ci_from_store_written(shown(&file), shown(&db)));
            // The store may hold what a file cannot say (a phone typed before it was checked):
            // the officer is told where, rather than finding out when the file is next opened.
            match campaign_file::parse(&text, &shown(&file)) {
                Ok(_) => Ok(()),
                Err(e) => Err(Failure::Failed(s.ci_not_read_back(e.message(s)))),
            }
        }
        Some(Command::Campaign {
            action: CampaignAction::Diff { file },
        }) => {
            let (def, _) = load_campaign(&file, s)?;
            if !db.exists() {
                return Err(refused(s.cd_no_store(shown(&db))));
            }
            let store = open_store(&db, SHIPPED_SEED, now, true)?;
            let held = store.campaign_def()?;
            if held.campaign.code != def.campaign.code {
                out!(
                    "{}",
                    s.cd_other_campaign(shown(&file), &def.campaign.code, &held.campaign.code)
                );
            }
            let changes = xungkich::domain::campaign_diff::diff(&held, &def);
            if changes.is_empty() {
                out!("{}", s.cd_same(shown(&file)));
            } else {
                out!("{}", s.cd_differs(shown(&file), changes.len()));
                for c in &changes {
                    out!("{}", s.campaign_change(c));
                }
            }
            Ok(())
        }
        Some(Command::Campaign {
            action: CampaignAction::Apply { file, archive },
        }) => {
            let (def, _) = load_campaign(&file, s)?;
            if !db.exists() {
                return Err(refused(s.ca_no_store(shown(&db))));
            }
            let mut store = open_store(&db, SHIPPED_SEED, now, read_only)?;
            match store.apply_campaign(&def, &file_name(&file), archive, now)? {
                Applied::Nothing => {
                    out!("{}", s.ca_nothing(shown(&file)));
                    Ok(())
                }
                Applied::OtherCampaign { store } => Err(refused(s.ca_other_campaign(
                    shown(&file),
                    &def.campaign.code,
                    store,
                ))),
                Applied::Done { changes, archived } => {
                    for c in &changes {
                        out!("{}", s.campaign_change(c));
                    }
                    let (added, changed, removed) =
                        xungkich::domain::campaign_diff::counts(&changes);
                    if !archived.is_empty() {
                        out!("{}", s.ca_archived(archived.join(", ")));
                    }
                    out!(
                        "{}",
                        s.ca_done(shown(&file), shown(&db), added, changed, removed)
                    );
                    Ok(())
                }
                Applied::Refused { held, archivable } => {
                    let mut lines = vec![s.ca_refused(shown(&file), held.len())];
                    for h in &held {
                        lines.push(s.ca_held(
                            s.campaign_section(h.section),
                            one_line(&h.name),
                            s.held_records(h),
                        ));
                    }
                    lines.push(if archivable {
                        s.ca_hint_archive(format!(
                            "xungkich --db {} campaign apply {} --archive",
                            shown(&db),
                            shown(&file)
                        ))
                    } else {
                        s.ca_hint_keep.to_string()
                    });
                    Err(refused(lines.join("\n")))
                }
            }
        }
        Some(Command::Path) => {
            // Photos and other files live beside the store, whichever store it is.
            let folder = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            out!("{}", s.cli_path_store(shown(&db)));
            out!("{}", s.cli_path_folder(shown(folder)));
            let real = std::fs::canonicalize(&db).unwrap_or_else(|_| db.clone());
            out!("{}", s.cli_path_photos(shown(&photos::pool_of(&real))));
            Ok(())
        }
        Some(Command::Backup { file, force }) => {
            if !db.exists() {
                return Err(refused(s.cli_backup_no_store(shown(&db))));
            }
            let store = open_store(&db, seed(), now, read_only)?;
            let carried = store.backup_to(&file, force)?;
            out!("{}", s.cli_backup_done(shown(&db), shown(&file)));
            let pool = file.with_file_name(photos::BACKUP_POOL);
            out!(
                "{}",
                s.cli_backup_photos(carried.photos, carried.copied, shown(&pool))
            );
            if carried.missing.is_empty() {
                Ok(())
            } else {
                let names = names_list(&carried.missing, s);
                Err(Failure::Failed(
                    s.cli_backup_incomplete(carried.missing.len(), names),
                ))
            }
        }
        Some(Command::Restore { file }) => {
            let stamp = now.format("%Y%m%d-%H%M%S").to_string();
            let done = xungkich::store::backup::restore(&db, &file, &stamp)?;
            // Opening migrates a copy from an older xungkich and proves it readable.
            let store = Store::open(&db, seed(), now)?;
            out!("{}", s.cli_restore_done(shown(&file), shown(&db)));
            if let Some(a) = done.aside {
                out!("{}", s.cli_restore_aside(shown(&a)));
            }
            let carried = done.photos;
            out!(
                "{}",
                s.cli_restore_photos(carried.photos, carried.copied, shown(&store.photo_pool()))
            );
            if carried.missing.is_empty() {
                Ok(())
            } else {
                let names = names_list(&carried.missing, s);
                Err(Failure::Failed(
                    s.cli_restore_incomplete(carried.missing.len(), names),
                ))
            }
        }
        Some(Command::Demo {
            scale,
            initiatives,
            figure_rows,
        }) => {
            if cli.db.is_none() {
                return Err(refused(s.cli_demo_needs_db));
            }
            if db.exists() && std::fs::metadata(&db).map(|m| m.len() > 0).unwrap_or(true) {
                return Err(refused(s.cli_demo_exists(shown(&db))));
            }
            let mut store = Store::open(&db, seed(), now)?;
            let options = demo::Options {
                scale,
                initiatives,
                figure_rows,
            };
            let counts = demo::fill(&mut store, &options)?;
            out!("{}", counts.words(s, &shown(&db)));
            Ok(())
        }
        Some(Command::Snapshot {
            screen,
            width,
            height,
        }) => {
            // Refused before the store is opened: a size this large only exhausts memory.
            let (max_w, max_h) = (ui::snapshot::MAX_WIDTH, ui::snapshot::MAX_HEIGHT);
            if !(1..=max_w).contains(&width) || !(1..=max_h).contains(&height) {
                return Err(refused(s.cli_snapshot_size(width, height, max_w, max_h)));
            }
            let store = open_store(&db, seed(), now, read_only)?;
            let mut app = App::load(&store, clock, cli.lang, true)?;
            app.tab = screen;
            app.prepare(&store);
            out_raw!("{}", ui::snapshot::render_text(&app, width, height));
            Ok(())
        }
        Some(Command::Report { format, out, force }) => {
            // A Word document is bytes, not text for a terminal: it needs a file.
            let text_format = format.text();
            if format == ReportFormat::Docx {
                let Some(path) = out else {
                    return Err(refused(s.cli_docx_needs_out));
                };
                let store = open_store(&db, seed(), now, read_only)?;
                let board = store.load_board()?;
                let gathered = report_docx::gather(&store, board, now, None)?;
                let bytes = report_docx::build(&gathered, strings(cli.lang))
                    .map_err(|e| Failure::Failed(s.dx_write_failed(e)))?;
                report_docx::write(&path, &bytes, force).map_err(|e| match e {
                    xungkich::atomic_write::Error::Io(_) => {
                        Failure::Failed(s.dx_write_failed(s.write_error(&path, &e)))
                    }
                    _ => Failure::Refused(s.write_error(&path, &e)),
                })?;
                return Ok(());
            }
            let store = open_store(&db, seed(), now, read_only)?;
            let board = store.load_board()?;
            let gathered = briefing::gather(&store, board, now)?;
            let s = strings(cli.lang);
            let text = match text_format {
                Some(f) => briefing::render(&gathered, s, f),
                None => xungkich::io::chat::render(&gathered, s),
            };
            match out {
                Some(path) => {
                    briefing::write(&path, &text, force).map_err(|e| match e {
                        // Refusals change nothing: the officer picks another name or --force.
                        xungkich::atomic_write::Error::Io(_) => {
                            Failure::Failed(s.br_write_failed(s.write_error(&path, &e)))
                        }
                        _ => Failure::Refused(s.write_error(&path, &e)),
                    })?;
                }
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
            let mut store = open_store(&db, seed(), now, read_only)?;
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
            let store = open_store(&db, seed(), now, read_only)?;
            let mut board = store.load_board()?;
            xungkich::model::saturday::view(&mut board, now, None);
            let s = strings(cli.lang);
            let src = export::Source {
                store: &store,
                board: &board,
                now,
                s,
            };
            let written = export::write(src, format, &out, force).map_err(|e| {
                if e.is_refusal() {
                    Failure::Refused(e.message(s))
                } else {
                    Failure::Failed(e.message(s))
                }
            })?;
            for path in written {
                out!("{}", path.display());
            }
            Ok(())
        }
        Some(Command::Campaigns) => {
            let folder = cli::data_dir().ok_or_else(|| refused(s.cli_no_home))?;
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
                .map(|dir| {
                    dir.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "db") && p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            paths.sort();
            if paths.is_empty() {
                out!("{}", s.cl_none(shown(&folder)));
            }
            for path in paths {
                let line = Store::open_read_only(&path, xungkich::store::ReadOnly::Asked)
                    .and_then(|store| {
                        let c = store.load_board()?.campaign;
                        let changed = store.last_change_at()?.map_or_else(
                            || s.cl_never.to_string(),
                            xungkich::domain::time::format_local,
                        );
                        Ok(s.cl_store(
                            one_line(&c.code),
                            one_line(&c.short_title),
                            xungkich::domain::time::format_date(c.starts_on),
                            xungkich::domain::time::format_date(c.ends_on),
                            changed,
                            shown(&path),
                        ))
                    })
                    .unwrap_or_else(|e| s.cl_not_a_store(shown(&path), s.store_error(&e)));
                out!("{line}");
            }
            Ok(())
        }
        Some(Command::New { file }) => {
            let (def, name) = load_campaign(&file, s)?;
            let db = match &cli.db {
                Some(p) => p.clone(),
                None => cli::data_dir()
                    .map(|d| d.join(cli::store_file_name(&def.campaign.code)))
                    .ok_or_else(|| refused(s.cli_no_home))?,
            };
            if db.exists() {
                return Err(refused(s.cli_new_exists(shown(&db), shown(&db))));
            }
            if let Some(own) = cli::data_dir()
                && db.parent() == Some(own.as_path())
            {
                let _ = xungkich::atomic_write::make_private(&own);
            }
            let seed = Seed::File {
                def: &def,
                name: &name,
            };
            interface(&db, seed, clock, cli.lang, false, None)
        }
        None => interface(&db, seed(), clock, cli.lang, read_only, differs),
    }
}

/// The interface on the store at `db`, until the officer quits or a signal ends it.
fn interface(
    db: &Path,
    seed: Seed<'_>,
    clock: Clock,
    lang: Lang,
    read_only: bool,
    differs: Option<String>,
) -> Result<(), Failure> {
    let now = clock.now();
    // Held while the interface runs, and taken before the store is opened, so
    // `restore` refuses to pull the store away even a moment after start.
    let early = (!read_only && db.exists())
        .then(|| xungkich::store::backup::mark_in_use(db))
        .flatten();
    let mut store = open_store(db, seed, now, read_only)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::load(&store, clock, lang, no_color)?;
    // A store created just now is marked once it exists.
    let _in_use = early.or_else(|| store.mark_in_use());
    // Said once, on the open that moved them; a photo without a file is not told
    // again at every start.
    if let Some(adopted) = store.adopted_photos().filter(|a| a.moved > 0) {
        let s = app.strings();
        app.status = Some(xungkich::app::Status {
            kind: if adopted.missing > 0 {
                xungkich::app::StatusKind::Error
            } else {
                xungkich::app::StatusKind::Info
            },
            text: s.photos_adopted(adopted.moved, adopted.missing, shown(&store.photo_pool())),
        });
    }
    if let Some(note) = differs {
        app.status = Some(xungkich::app::Status {
            kind: xungkich::app::StatusKind::Info,
            text: note,
        });
    }
    // A read-only store is not backed up: nothing in it can change.
    if store.read_only().is_none() {
        daily_backup(&store, &mut app, db);
    }
    match tui::run(&mut app, &mut store)? {
        tui::Ending::Quit => Ok(()),
        tui::Ending::Signal(sig) => Err(Failure::Signal(sig)),
    }
}

fn import_file(
    store: &mut Store,
    lang: Lang,
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
            let date = xungkich::domain::time::read_date(text)
                .map_err(|_| refused(s.cli_day_not_date(s.quote(text))))?;
            let found = days.iter().position(|d| d.date == date);
            Some(found.ok_or_else(|| {
                let list: Vec<String> = days
                    .iter()
                    .map(|d| xungkich::domain::time::format_date(d.date))
                    .collect();
                refused(s.cli_day_not_saturday(one_line(text), list.join(", ")))
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
        return Err(refused(s.im_refused(plan.errors.len())));
    }
    if dry_run {
        out!("{}", s.im_dry_run);
        return Ok(());
    }
    if !plan.has_changes() {
        out!("{}", s.im_nothing);
        return Ok(());
    }
    import::apply(store, &plan, lang, now)?;
    out!(
        "{}",
        s.im_done(
            import::kind_name(kind, s),
            &plan.source,
            plan.count(import::Outcome::Add),
            plan.count(import::Outcome::Update),
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
    let s = app.strings();
    let problem = match store.daily_backup(&folder, today) {
        Err(e) => Some(s.backup_failed(s.store_error(&e))),
        // What opening said of photos without a file comes first: it says why.
        Ok(Some((_, carried))) if !carried.missing.is_empty() && app.status.is_none() => {
            Some(s.backup_photos_missing(carried.missing.len()))
        }
        Ok(_) => None,
    };
    if let Some(text) = problem {
        app.status = Some(xungkich::app::Status {
            kind: xungkich::app::StatusKind::Error,
            text,
        });
    }
}

/// The first few names of `names`, then how many more.
fn names_list(names: &[String], s: &Strings) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(|n| one_line(n))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push(' ');
        text.push_str(&s.and_more(names.len() - SHOWN));
    }
    text
}

/// The store as asked: `--read-only` opens it for reading whatever the file allows; else it
/// is opened for writing, or read-only when the file or its folder cannot be written.
fn open_store(
    db: &Path,
    seed: xungkich::store::Seed<'_>,
    now: chrono::DateTime<chrono::FixedOffset>,
    read_only: bool,
) -> Result<Store, StoreError> {
    // A store that was here and is gone (a restore killed halfway by an older build, a file
    // deleted by hand) is not silently replaced by an empty one.
    let traces = xungkich::store::backup::traces_of_a_store(db);
    if !traces.is_empty() {
        return Err(StoreError::Vanished {
            path: db.to_path_buf(),
            found: traces,
        });
    }
    if read_only {
        Store::open_read_only(db, xungkich::store::ReadOnly::Asked)
    } else {
        Store::open(db, seed, now)
    }
}

/// What to tell when `def` (read from `path`) is the campaign the store at `db` holds but
/// says something else than the store now does. None for a new store (it is seeded from
/// the file), another campaign (refused when the store is opened) or no difference.
fn campaign_differs(db: &Path, path: &Path, def: &CampaignDef, s: &Strings) -> Option<String> {
    if !db.exists() {
        return None;
    }
    let store = Store::open_read_only(db, xungkich::store::ReadOnly::Asked).ok()?;
    let held = store.campaign_def().ok()?;
    if held.campaign.code != def.campaign.code {
        return None;
    }
    let n = xungkich::domain::campaign_diff::diff(&held, def).len();
    let command = format!("xungkich --db {} campaign diff {}", shown(db), shown(path));
    (n > 0).then(|| s.cd_open_differs(shown(path), n, command))
}

fn load_campaign(path: &Path, s: &Strings) -> Result<(CampaignDef, String), Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| refused(s.cli_campaign_unreadable(shown(path), s.io_error(&e))))?;
    let name = file_name(path);
    let def = campaign_file::parse(&text, &path.display().to_string())
        .map_err(|e| refused(s.cli_campaign_refused(e.message(s))))?;
    Ok((def, name))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
