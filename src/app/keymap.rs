//! The one keymap: it turns keys into commands, and the same table feeds the `?` help overlay
//! and the footer hints, so what help says and what keys do cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Tab;
use crate::i18n::Strings;

/// Where a binding applies. Several contexts are active at once, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    /// Any screen with a movable list.
    List,
    Units,
    Initiatives,
    /// A picker field of a form (type-ahead list).
    Picker,
    /// A file path being typed (the import prompt): Tab completes it.
    PathField,
    /// A multi-line text field of a form.
    MultiLine,
    /// The quick report's photo paths, one a line: Tab completes the line's name.
    PhotoPaths,
    /// The Saturday figures grid, moving between cells.
    Figures,
    /// A figures cell being typed into.
    CellEdit,
    /// Tab 4's registrations list.
    Registrations,
    /// Tab 4's quick reports list.
    Reports,
    /// Tab 4's Action Month agenda.
    Agenda,
    /// Tab 4's assigned Saturday tasks.
    Tasks,
    /// Tab 5's KPIs.
    Kpi,
    /// The filter line, while typing in it.
    Filter,
    /// Any one-line text being edited (filter or form field).
    TextEdit,
    Form,
    Confirm,
    /// An import's preview.
    ImportPreview,
    /// An import's preview with something to write (no errors).
    ImportApply,
    /// The choice `R` opens: the briefing, the Word report, the assessment.
    ReportMenu,
    Help,
}

/// Which way a move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Context {
    pub const ALL: [Context; 23] = [
        Context::Global,
        Context::List,
        Context::Units,
        Context::Initiatives,
        Context::Figures,
        Context::CellEdit,
        Context::Registrations,
        Context::Reports,
        Context::Agenda,
        Context::Tasks,
        Context::Kpi,
        Context::Filter,
        Context::TextEdit,
        Context::Form,
        Context::PathField,
        Context::Picker,
        Context::MultiLine,
        Context::PhotoPaths,
        Context::Confirm,
        Context::ImportPreview,
        Context::ImportApply,
        Context::ReportMenu,
        Context::Help,
    ];

    /// On a read-only store, a command that would change it is refused at once on the lists
    /// and screens, rather than after a whole form has been typed; where text is typed or an
    /// overlay asks, the refusal comes on saving. Listing the exceptions lets a new tab's own
    /// contexts refuse without being named here.
    pub fn refuses_edits_when_read_only(self) -> bool {
        !matches!(
            self,
            Context::CellEdit
                | Context::Filter
                | Context::TextEdit
                | Context::Form
                | Context::PathField
                | Context::Picker
                | Context::MultiLine
                | Context::PhotoPaths
                | Context::Confirm
                | Context::ImportPreview
                | Context::ImportApply
                | Context::Help
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    /// Hand the terminal back to the shell and stop, as Ctrl-Z does in a cooked terminal (in
    /// raw mode the key reaches the app instead of raising SIGTSTP); `fg` resumes.
    Suspend,
    ToggleHelp,
    NextTab,
    PrevTab,
    GoTab(Tab),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    ColumnLeft,
    ColumnRight,
    ToggleCheck,
    Edit,
    Undo,
    /// Make again the change the last undo took back.
    Redo,
    StartFilter,
    ClearFilter,
    CycleKindFilter,
    ToggleMissingOnly,
    CycleSort,
    FilterAccept,
    FilterCancel,
    Backspace,
    Delete,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    NextField,
    PrevField,
    Save,
    EnterInForm,
    CancelForm,
    Yes,
    No,
    CloseHelp,
    Add,
    DeleteItem,
    StageNext,
    StagePrev,
    StageJump,
    Replicate,
    FilterForm,
    PickNext,
    PickPrev,
    Pick,
    Newline,
    LineDown,
    LineUp,
    /// Start typing into the cell with this digit (0–9).
    EditDigit(u8),
    /// Backspace on a figures cell: its value, one digit shorter.
    ShortenCell,
    EditCell,
    Increment,
    Decrement,
    ClearCell,
    /// Save the cell, then go to the unit's next figure (the next row's first after its last).
    CommitCell,
    CancelCell,
    /// Save the cell, then move one cell that way.
    CommitMove(Direction),
    /// Save the cell, then go to the figure before (the row before's last from its first).
    CommitBack,
    /// The unit's next figure, or the next row's first (cells it cannot have are skipped).
    NextCell,
    /// The figure before, or the row before's last.
    PrevCell,
    /// The row's first figure the unit can have.
    RowStart,
    /// The row's last figure the unit can have.
    RowEnd,
    /// Only the units registered for the day, or every unit.
    ToggleRegisteredOnly,
    /// A digit on tab 4 outside the figures grid: it says where figures are typed (a digit
    /// never leaves the tab, so a figure typed in the wrong part never lands elsewhere).
    DigitOutsideGrid,
    PrevDay,
    NextDay,
    NextSection,
    Register,
    Report,
    NewRound,
    EditTarget,
    /// Open the report choice (`R`).
    ReportMenu,
    /// Write the meeting briefing into the data folder.
    Briefing,
    /// The chat summary: to the terminal's clipboard and a file beside the store.
    ChatSummary,
    /// Write the Word report into the data folder.
    WordReport,
    /// Type the assessment and next steps of today's report.
    EditAssessment,
    CloseMenu,
    /// Export every table as an XLSX workbook into the data folder.
    Export,
    /// Import a CSV into the current tab (a path prompt, then a preview).
    Import,
    /// Complete the file name being typed.
    CompletePath,
}

impl Command {
    /// Whether the command changes the store (or opens a form that would): refused at once
    /// on a read-only store, rather than after the officer has typed a whole form.
    pub fn edits(self) -> bool {
        matches!(
            self,
            Command::ToggleCheck
                | Command::Edit
                | Command::Undo
                | Command::Redo
                | Command::Add
                | Command::DeleteItem
                | Command::StageNext
                | Command::StagePrev
                | Command::StageJump
                | Command::Replicate
                | Command::EditDigit(_)
                | Command::ShortenCell
                | Command::EditCell
                | Command::Increment
                | Command::Decrement
                | Command::ClearCell
                | Command::Register
                | Command::Report
                | Command::NewRound
                | Command::EditTarget
                | Command::EditAssessment
                | Command::Import
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Chord {
    k(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

type Text = fn(&Strings) -> &'static str;

/// Keys under one help line. Each key has its own command, so a line can hold keys with
/// mirrored meanings (← →, PgUp PgDn) or a family (the digits) without decoding the key later.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Chord],
    /// One command per key, in the order of `keys`.
    pub commands: &'static [Command],
    pub help: Text,
    /// Short label for the footer; None keeps the binding out of the footer.
    pub footer: Option<Text>,
}

impl Binding {
    /// The command `chord` runs here, if it is one of this binding's keys.
    pub fn command_for(&self, chord: Chord) -> Option<Command> {
        let i = self.keys.iter().position(|k| *k == chord)?;
        self.commands.get(i).copied()
    }

    /// The command the help line stands for (its first key's).
    pub fn command(&self) -> Option<Command> {
        self.commands.first().copied()
    }
}

/// `bind!(Context, [keys], command, help[, footer])` gives every key the same command;
/// `bind!(Context, [keys] => [commands], …)` gives each key its own.
macro_rules! bind {
    ($ctx:ident, [$($key:expr),+] => [$($cmd:expr),+], $help:ident) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], commands: &[$($cmd),+], help: |s| s.$help, footer: None }
    };
    ($ctx:ident, [$($key:expr),+] => [$($cmd:expr),+], $help:ident, $foot:ident) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], commands: &[$($cmd),+], help: |s| s.$help, footer: Some(|s| s.$foot) }
    };
    ($ctx:ident, [$($key:expr),+], $cmd:expr, $help:ident) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], commands: &[$({ let _ = $key; $cmd }),+], help: |s| s.$help, footer: None }
    };
    ($ctx:ident, [$($key:expr),+], $cmd:expr, $help:ident, $foot:ident) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], commands: &[$({ let _ = $key; $cmd }),+], help: |s| s.$help, footer: Some(|s| s.$foot) }
    };
}

use Command as C;
use KeyCode as K;

/// The number keys: the n-th tab of [`Tab::ALL`] is on digit n, so a new tab has its key (the
/// words of its help line, `k_goto_tab`, name the range and change with it).
const TAB_KEYS: [Chord; Tab::ALL.len()] = {
    assert!(Tab::ALL.len() <= 9, "one digit per tab");
    let mut keys = [ch('1'); Tab::ALL.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = ch((b'1' + i as u8) as char);
        i += 1;
    }
    keys
};

/// Alt with the tab's digit: the same tabs from anywhere, tab 4 included (there a plain
/// digit types a figure or stays on the tab, so a figure never lands on another tab).
const ALT_TAB_KEYS: [Chord; Tab::ALL.len()] = {
    let mut keys = TAB_KEYS;
    let mut i = 0;
    while i < keys.len() {
        keys[i].mods = KeyModifiers::ALT;
        i += 1;
    }
    keys
};

const DIGIT_KEYS: [Chord; 10] = [
    ch('0'),
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

/// Tab 4's parts other than the grid: every digit says where figures are typed.
const fn digits_outside_grid(context: Context) -> Binding {
    Binding {
        context,
        keys: &DIGIT_KEYS,
        commands: &[Command::DigitOutsideGrid; 10],
        help: |s| s.k_digit_outside_grid,
        footer: None,
    }
}

const TAB_COMMANDS: [Command; Tab::ALL.len()] = {
    let mut commands = [C::GoTab(Tab::ALL[0]); Tab::ALL.len()];
    let mut i = 0;
    while i < commands.len() {
        commands[i] = C::GoTab(Tab::ALL[i]);
        i += 1;
    }
    commands
};

pub static BINDINGS: &[Binding] = &[
    // Help overlay.
    bind!(
        Help,
        [k(K::Esc), ch('?'), ch('q'), k(K::F(1))],
        C::CloseHelp,
        k_close_help,
        f_close
    ),
    bind!(Help, [ctrl('c')], C::Quit, k_quit),
    bind!(
        Help,
        [ch('j'), k(K::Down), ch('k'), k(K::Up)] => [C::Down, C::Down, C::Up, C::Up],
        k_scroll_help
    ),
    // After the scroll keys, so the overlay's bottom line names scrolling first.
    bind!(Help, [ctrl('z')], C::Suspend, k_suspend),
    // Yes/no questions.
    bind!(Confirm, [ch('y'), ch('c')], C::Yes, k_yes, f_yes),
    bind!(Confirm, [ch('n'), ch('k'), k(K::Esc)], C::No, k_no, f_no),
    bind!(Confirm, [ctrl('c')], C::Quit, k_quit),
    bind!(Confirm, [ctrl('z')], C::Suspend, k_suspend),
    // An import's preview.
    bind!(
        ImportApply,
        [k(K::Enter), ctrl('s')],
        C::Save,
        k_import_go,
        f_import
    ),
    bind!(
        ImportPreview,
        [k(K::Esc)],
        C::CancelForm,
        k_import_close,
        f_close
    ),
    bind!(
        ImportPreview,
        [ch('j'), k(K::Down), ch('k'), k(K::Up)] => [C::Down, C::Down, C::Up, C::Up],
        k_scroll_help
    ),
    bind!(
        ImportPreview,
        [k(K::PageDown), k(K::PageUp)] => [C::PageDown, C::PageUp],
        k_scroll_page
    ),
    bind!(
        ImportPreview,
        [k(K::F(1)), ch('?')],
        C::ToggleHelp,
        k_help,
        f_help
    ),
    bind!(ImportPreview, [ctrl('c')], C::Quit, k_quit),
    bind!(ImportPreview, [ctrl('z')], C::Suspend, k_suspend),
    // The report choice (R): what to write, or the words to write in it.
    bind!(
        ReportMenu,
        [ch('m'), ch('b')],
        C::Briefing,
        k_menu_briefing,
        f_briefing
    ),
    bind!(
        ReportMenu,
        [ch('w'), ch('d')],
        C::WordReport,
        k_menu_word,
        f_word
    ),
    bind!(
        ReportMenu,
        [ch('c'), ch('C')],
        C::ChatSummary,
        k_menu_chat,
        f_chat
    ),
    bind!(
        ReportMenu,
        [ch('a'), ch('e')],
        C::EditAssessment,
        k_menu_assessment,
        f_assessment
    ),
    bind!(
        ReportMenu,
        [k(K::Esc), ch('q'), ch('R')],
        C::CloseMenu,
        k_menu_close,
        f_close
    ),
    bind!(
        ReportMenu,
        [k(K::F(1)), ch('?')],
        C::ToggleHelp,
        k_help,
        f_help
    ),
    bind!(ReportMenu, [ctrl('c')], C::Quit, k_quit),
    bind!(ReportMenu, [ctrl('z')], C::Suspend, k_suspend),
    // Forms.
    bind!(Form, [ctrl('s')], C::Save, k_save, f_save),
    bind!(
        Form,
        [k(K::Tab), k(K::Down)],
        C::NextField,
        k_next_field,
        f_next_field
    ),
    bind!(Form, [k(K::BackTab), k(K::Up)], C::PrevField, k_prev_field),
    bind!(Form, [k(K::Enter)], C::EnterInForm, k_enter_form),
    bind!(Form, [k(K::Esc)], C::CancelForm, k_cancel_form, f_cancel),
    bind!(Form, [k(K::F(1))], C::ToggleHelp, k_help, f_help),
    bind!(Form, [ctrl('c')], C::Quit, k_quit_form),
    bind!(Form, [ctrl('z')], C::Suspend, k_suspend),
    // A path being typed: Tab completes it (the prompt has one field to move between).
    bind!(
        PathField,
        [k(K::Tab)],
        C::CompletePath,
        k_complete_path,
        f_complete_path
    ),
    // Submitting the path shows the preview; nothing is saved yet.
    bind!(
        PathField,
        [k(K::Enter), ctrl('s')],
        C::Save,
        k_import_preview,
        f_import_preview
    ),
    // The photo paths of a quick report: Tab completes the line, else goes on.
    bind!(
        PhotoPaths,
        [k(K::Tab)],
        C::CompletePath,
        k_complete_photo,
        f_complete_path
    ),
    // A picker field: the list under it.
    bind!(Picker, [k(K::Down)], C::PickNext, k_pick_next),
    bind!(Picker, [k(K::Up)], C::PickPrev, k_pick_prev),
    bind!(Picker, [k(K::Enter)], C::Pick, k_pick, f_pick),
    // The same command as in any field; in a picker it first takes the highlighted line.
    bind!(Picker, [k(K::Tab)], C::NextField, k_pick_tab, f_next_field),
    // A multi-line text field.
    bind!(MultiLine, [k(K::Enter)], C::Newline, k_newline),
    bind!(MultiLine, [k(K::Down)], C::LineDown, k_line_down),
    bind!(MultiLine, [k(K::Up)], C::LineUp, k_line_up),
    // The filter line.
    bind!(
        Filter,
        [k(K::Enter), k(K::Down), k(K::Up)],
        C::FilterAccept,
        k_filter_accept,
        f_accept
    ),
    bind!(
        Filter,
        [k(K::Esc)],
        C::FilterCancel,
        k_filter_cancel,
        f_clear
    ),
    bind!(Filter, [k(K::F(1))], C::ToggleHelp, k_help, f_help),
    bind!(Filter, [ctrl('c')], C::Quit, k_quit),
    bind!(Filter, [ctrl('z')], C::Suspend, k_suspend),
    // Editing any text.
    bind!(TextEdit, [k(K::Backspace)], C::Backspace, k_backspace),
    bind!(TextEdit, [k(K::Delete)], C::Delete, k_delete),
    bind!(
        TextEdit,
        [k(K::Left), k(K::Right)] => [C::CursorLeft, C::CursorRight],
        k_cursor
    ),
    bind!(
        TextEdit,
        [k(K::Home), k(K::End)] => [C::CursorHome, C::CursorEnd],
        k_home_end
    ),
    // The units screen.
    bind!(Units, [k(K::Char(' '))], C::ToggleCheck, k_toggle, f_toggle),
    bind!(
        Units,
        [k(K::Left), ch('h')],
        C::ColumnLeft,
        k_col_left,
        f_column
    ),
    bind!(Units, [k(K::Right), ch('l')], C::ColumnRight, k_col_right),
    bind!(Units, [ch('e'), k(K::Enter)], C::Edit, k_edit, f_edit),
    bind!(Units, [ch('t')], C::CycleKindFilter, k_kind_filter),
    bind!(Units, [ch('m')], C::ToggleMissingOnly, k_missing_only),
    bind!(Units, [ch('s')], C::CycleSort, k_sort),
    bind!(Units, [ch('i')], C::Import, k_import),
    // A figures cell being typed into.
    bind!(CellEdit, [k(K::Enter)], C::CommitCell, k_commit, f_save),
    bind!(
        CellEdit,
        [k(K::Esc)],
        C::CancelCell,
        k_cancel_cell,
        f_cancel
    ),
    bind!(
        CellEdit,
        [
            k(K::Up),
            k(K::Down),
            k(K::Left),
            k(K::Right)
        ] => [
            C::CommitMove(Direction::Up),
            C::CommitMove(Direction::Down),
            C::CommitMove(Direction::Left),
            C::CommitMove(Direction::Right)
        ],
        k_commit_move
    ),
    bind!(
        CellEdit,
        [k(K::Tab), k(K::BackTab)] => [C::CommitCell, C::CommitBack],
        k_commit_tab
    ),
    bind!(CellEdit, [k(K::Backspace)], C::Backspace, k_backspace),
    bind!(CellEdit, [k(K::F(1))], C::ToggleHelp, k_help, f_help),
    bind!(CellEdit, [ctrl('c')], C::Quit, k_quit),
    bind!(CellEdit, [ctrl('z')], C::Suspend, k_suspend),
    // The Saturday figures grid.
    bind!(
        Figures,
        [
            ch('0'),
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9')
        ] => [
            C::EditDigit(0),
            C::EditDigit(1),
            C::EditDigit(2),
            C::EditDigit(3),
            C::EditDigit(4),
            C::EditDigit(5),
            C::EditDigit(6),
            C::EditDigit(7),
            C::EditDigit(8),
            C::EditDigit(9)
        ],
        k_digits,
        f_type_digits
    ),
    bind!(Figures, [k(K::Enter), ch('e')], C::EditCell, k_edit_cell),
    // Before the List and Global contexts: in the grid Tab moves between cells, Home and End
    // along the row, and never leave tab 4.
    bind!(
        Figures,
        [k(K::Tab), k(K::BackTab)] => [C::NextCell, C::PrevCell],
        k_next_cell
    ),
    bind!(
        Figures,
        [k(K::Home), k(K::End)] => [C::RowStart, C::RowEnd],
        k_row_ends
    ),
    // The count line says `t` when units are hidden; the footer keeps room for undo.
    bind!(
        Figures,
        [ch('t')],
        C::ToggleRegisteredOnly,
        k_registered_only
    ),
    bind!(Figures, [ch('+'), ch('=')], C::Increment, k_inc),
    bind!(Figures, [ch('-')], C::Decrement, k_dec),
    bind!(Figures, [k(K::Delete)], C::ClearCell, k_clear_cell),
    bind!(Figures, [k(K::Backspace)], C::ShortenCell, k_shorten_cell),
    bind!(
        Figures,
        [k(K::Left), ch('h')],
        C::ColumnLeft,
        k_fig_left,
        f_column
    ),
    bind!(Figures, [k(K::Right), ch('l')], C::ColumnRight, k_fig_right),
    bind!(Figures, [ch('[')], C::PrevDay, k_prev_day),
    bind!(Figures, [ch(']')], C::NextDay, k_next_day),
    bind!(Figures, [ch('v')], C::NextSection, k_section, f_section),
    bind!(Figures, [ch('i')], C::Import, k_import),
    // Tab 4's other parts: a digit stays on the tab and says where figures go.
    digits_outside_grid(Context::Registrations),
    digits_outside_grid(Context::Reports),
    digits_outside_grid(Context::Agenda),
    digits_outside_grid(Context::Tasks),
    // Tab 4's assigned tasks: read here, their figures typed in the grid.
    bind!(Tasks, [ch('[')], C::PrevDay, k_prev_day),
    bind!(Tasks, [ch(']')], C::NextDay, k_next_day),
    bind!(Tasks, [ch('v')], C::NextSection, k_section, f_section),
    bind!(Tasks, [ch('N')], C::NewRound, k_new_round),
    // Tab 4's registrations.
    bind!(
        Registrations,
        [ch('a'), ch('e'), k(K::Enter)],
        C::Register,
        k_register,
        f_register
    ),
    bind!(
        Registrations,
        [ch('d'), k(K::Delete)],
        C::DeleteItem,
        k_delete_registration
    ),
    bind!(Registrations, [ch('i')], C::Import, k_import),
    bind!(Registrations, [ch('[')], C::PrevDay, k_prev_day),
    bind!(Registrations, [ch(']')], C::NextDay, k_next_day),
    bind!(
        Registrations,
        [ch('v')],
        C::NextSection,
        k_section,
        f_section
    ),
    // Tab 4's quick reports.
    bind!(
        Reports,
        [ch('r'), ch('e'), k(K::Enter)],
        C::Report,
        k_report,
        f_report
    ),
    bind!(Reports, [ch('[')], C::PrevDay, k_prev_day),
    bind!(Reports, [ch(']')], C::NextDay, k_next_day),
    bind!(Reports, [ch('v')], C::NextSection, k_section, f_section),
    bind!(Reports, [ch('a'), ch('N')], C::NewRound, k_new_round),
    bind!(Registrations, [ch('N')], C::NewRound, k_new_round),
    bind!(Figures, [ch('a'), ch('N')], C::NewRound, k_new_round),
    // Tab 4's Action Month agenda.
    bind!(Agenda, [ch('a')], C::Add, k_agenda_add, f_add),
    bind!(
        Agenda,
        [ch('e'), k(K::Enter)],
        C::Edit,
        k_agenda_edit,
        f_edit
    ),
    bind!(
        Agenda,
        [ch('d'), k(K::Delete)],
        C::DeleteItem,
        k_agenda_delete
    ),
    bind!(Agenda, [ch('v')], C::NextSection, k_section, f_section),
    bind!(Agenda, [ch('N')], C::NewRound, k_new_round),
    // Tab 5's KPIs.
    bind!(Kpi, [ch('a')], C::Add, k_measure, f_measure),
    bind!(Kpi, [ch('t')], C::EditTarget, k_target, f_target),
    bind!(
        Kpi,
        [ch('d'), k(K::Delete)],
        C::DeleteItem,
        k_delete_measurement
    ),
    bind!(Kpi, [k(K::Down), ch('j')], C::Down, k_down),
    bind!(Kpi, [k(K::Up), ch('k')], C::Up, k_up),
    // The initiative registry.
    bind!(Initiatives, [ch('a')], C::Add, k_add, f_add),
    bind!(
        Initiatives,
        [ch('e'), k(K::Enter)],
        C::Edit,
        k_edit_init,
        f_edit
    ),
    bind!(
        Initiatives,
        [ch('>'), ch('.')],
        C::StageNext,
        k_stage_next,
        f_stage
    ),
    bind!(Initiatives, [ch('<'), ch(',')], C::StagePrev, k_stage_prev),
    bind!(Initiatives, [ch('=')], C::StageJump, k_stage_jump),
    bind!(Initiatives, [ch('n')], C::Replicate, k_replicate),
    bind!(
        Initiatives,
        [ch('d'), k(K::Delete)],
        C::DeleteItem,
        k_delete_init
    ),
    bind!(Initiatives, [ch('f')], C::FilterForm, k_filter_form),
    bind!(Initiatives, [ch('s')], C::CycleSort, k_sort_init),
    bind!(Initiatives, [ch('i')], C::Import, k_import),
    // Any list.
    bind!(List, [k(K::Down), ch('j')], C::Down, k_down),
    bind!(List, [k(K::Up), ch('k')], C::Up, k_up),
    bind!(List, [k(K::PageDown), ctrl('d')], C::PageDown, k_page_down),
    bind!(List, [k(K::PageUp), ctrl('u')], C::PageUp, k_page_up),
    bind!(List, [ch('g'), k(K::Home)], C::Top, k_top),
    bind!(List, [ch('G'), k(K::End)], C::Bottom, k_bottom),
    bind!(List, [ch('/')], C::StartFilter, k_filter, f_filter),
    bind!(List, [k(K::Esc)], C::ClearFilter, k_clear_filter),
    // Everywhere outside text entry.
    bind!(Global, [ch('u')], C::Undo, k_undo, f_undo),
    // Not in the footer, whose room goes to the screen's own keys: help lists it by undo.
    bind!(Global, [ctrl('r')], C::Redo, k_redo),
    bind!(Global, [ch('R')], C::ReportMenu, k_briefing),
    bind!(Global, [ch('C')], C::ChatSummary, k_chat),
    bind!(Global, [ch('x')], C::Export, k_export),
    bind!(Global, [ch('?'), k(K::F(1))], C::ToggleHelp, k_help, f_help),
    Binding {
        context: Context::Global,
        keys: &TAB_KEYS,
        commands: &TAB_COMMANDS,
        help: |s| s.k_goto_tab,
        footer: None,
    },
    Binding {
        context: Context::Global,
        keys: &ALT_TAB_KEYS,
        commands: &TAB_COMMANDS,
        help: |s| s.k_goto_tab_alt,
        footer: None,
    },
    bind!(Global, [k(K::Tab)], C::NextTab, k_next_tab, f_tabs),
    bind!(Global, [k(K::BackTab)], C::PrevTab, k_prev_tab),
    bind!(Global, [ch('q'), ctrl('c')], C::Quit, k_quit, f_quit),
    bind!(Global, [ctrl('z')], C::Suspend, k_suspend),
];

/// Normalises what terminals send: only presses count (Windows and the kitty protocol also
/// report releases and repeats as separate events), Ctrl+H is Backspace (many terminals send
/// 0x08 for it, and so do some input methods), and Shift is folded into the character.
pub fn chord_of(event: KeyEvent) -> Option<Chord> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match event.code {
        KeyCode::Char('h') | KeyCode::Char('H') if mods.contains(KeyModifiers::CONTROL) => {
            mods = KeyModifiers::NONE;
            KeyCode::Backspace
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Some(Chord { code, mods })
}

/// The first binding in `contexts` (most specific first) that has `chord`, with the context
/// it was found in: `update` hands the command to that context's handler and no other.
pub fn lookup(contexts: &[Context], chord: Chord) -> Option<(Context, Command)> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find_map(|b| b.command_for(chord))
            .map(|cmd| (*ctx, cmd))
    })
}

/// The bindings that work in `contexts`, for the help overlay, without shadowed duplicates.
pub fn active(contexts: &[Context]) -> Vec<&'static Binding> {
    active_keys(contexts).into_iter().map(|(b, _)| b).collect()
}

/// The bindings that work in `contexts`, each with the keys that really reach it: a key a
/// more specific context binds first (Tab completing a path rather than moving to the next
/// field) is left out, so help and footer never name a key for what it does not do.
pub fn active_keys(contexts: &[Context]) -> Vec<(&'static Binding, Vec<Chord>)> {
    let mut seen: Vec<Chord> = Vec::new();
    let mut out = Vec::new();
    for ctx in contexts {
        for b in BINDINGS.iter().filter(|b| b.context == *ctx) {
            let keys: Vec<Chord> = b
                .keys
                .iter()
                .copied()
                .filter(|k| !seen.contains(k))
                .collect();
            if keys.is_empty() {
                continue;
            }
            seen.extend(keys.iter().copied());
            out.push((b, keys));
        }
    }
    out
}

/// The README's table of one context's keys, in both languages, as `?` shows them: the
/// README's key tables are this, so they cannot drift from what the keys do.
pub fn markdown_table(context: Context) -> String {
    use crate::i18n::{Lang, strings};
    let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
    let mut out = String::from("| Phím / Keys | Tiếng Việt | English |\n|---|---|---|\n");
    for b in BINDINGS.iter().filter(|b| b.context == context) {
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| format!("`{}`", chord_label(*k)))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            keys.join(" "),
            (b.help)(vi).replace('|', "\\|"),
            (b.help)(en).replace('|', "\\|")
        ));
    }
    out
}

pub fn chord_label(chord: Chord) -> String {
    let key = match chord.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if chord.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", key.to_uppercase())
    } else if chord.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{key}")
    } else {
        key
    }
}

/// The keys of a help line: a run of three or more consecutive digits with the same
/// modifiers reads as a range ("0–9", "Alt-1–5"), the others one by one.
pub fn keys_label(keys: &[Chord]) -> String {
    let digit = |c: &Chord| match c.code {
        KeyCode::Char(d) if d.is_ascii_digit() => Some(d),
        _ => None,
    };
    let run = keys.len() >= 3
        && keys.windows(2).all(|w| {
            w[0].mods == w[1].mods
                && matches!((digit(&w[0]), digit(&w[1])), (Some(a), Some(b)) if b as u32 == a as u32 + 1)
        });
    if let (true, Some(first), Some(last)) = (run, keys.first(), keys.last()) {
        let last = match last.code {
            KeyCode::Char(d) => d.to_string(),
            _ => chord_label(*last),
        };
        return format!("{}–{last}", chord_label(*first));
    }
    keys.iter()
        .map(|c| chord_label(*c))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn ev(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn only_presses_count() {
        let release = ev(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(chord_of(release), None);
        let repeat = ev(KeyCode::Char('q'), KeyModifiers::NONE, KeyEventKind::Repeat);
        assert_eq!(chord_of(repeat), None);
    }

    #[test]
    fn ctrl_h_is_backspace() {
        let e = ev(
            KeyCode::Char('h'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        assert_eq!(chord_of(e), Some(k(KeyCode::Backspace)));
        let got = chord_of(e).and_then(|c| lookup(&[Context::TextEdit], c));
        assert_eq!(got, Some((Context::TextEdit, Command::Backspace)));
    }

    #[test]
    fn shift_is_folded_into_characters() {
        let e = ev(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(
            lookup(&[Context::List], chord_of(e).expect("press")),
            Some((Context::List, Command::Bottom))
        );
        let e = ev(KeyCode::BackTab, KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(
            lookup(&[Context::Global], chord_of(e).expect("press")),
            Some((Context::Global, Command::PrevTab))
        );
    }

    #[test]
    fn digits_pick_their_tab() {
        assert_eq!(
            lookup(&[Context::Global], ch('4')),
            Some((Context::Global, Command::GoTab(Tab::Volunteer)))
        );
        assert_eq!(
            lookup(&[Context::Global], ch('1')),
            Some((Context::Global, Command::GoTab(Tab::Overview)))
        );
    }

    #[test]
    fn specific_contexts_win() {
        // Esc in the filter clears it; in a form it cancels; in help it closes.
        assert_eq!(
            lookup(&[Context::Filter, Context::TextEdit], k(KeyCode::Esc)),
            Some((Context::Filter, Command::FilterCancel))
        );
        assert_eq!(
            lookup(&[Context::Form, Context::TextEdit], k(KeyCode::Esc)),
            Some((Context::Form, Command::CancelForm))
        );
        assert_eq!(
            lookup(&[Context::Help], ch('q')),
            Some((Context::Help, Command::CloseHelp))
        );
        assert_eq!(
            lookup(&[Context::Units, Context::List, Context::Global], ch('q')),
            Some((Context::Global, Command::Quit))
        );
        assert_eq!(
            lookup(
                &[Context::Units, Context::List, Context::Global],
                k(KeyCode::Right)
            ),
            Some((Context::Units, Command::ColumnRight))
        );
        assert_eq!(
            lookup(&[Context::Form, Context::TextEdit], k(KeyCode::Right)),
            Some((Context::TextEdit, Command::CursorRight))
        );
    }

    #[test]
    fn every_context_is_listed_once() {
        for b in BINDINGS {
            assert!(Context::ALL.contains(&b.context), "{:?}", b.context);
        }
        for (i, c) in Context::ALL.iter().enumerate() {
            assert!(!Context::ALL[i + 1..].contains(c), "{c:?} twice");
        }
    }

    #[test]
    fn every_key_has_its_command() {
        for b in BINDINGS {
            assert_eq!(
                b.keys.len(),
                b.commands.len(),
                "{:?} {:?}",
                b.context,
                b.keys
            );
        }
        assert_eq!(
            lookup(&[Context::CellEdit], k(KeyCode::BackTab)),
            Some((Context::CellEdit, Command::CommitBack))
        );
        // In the grid Tab moves between cells, and a digit never leaves tab 4.
        assert_eq!(
            lookup(
                &[Context::Figures, Context::List, Context::Global],
                k(KeyCode::Tab)
            ),
            Some((Context::Figures, Command::NextCell))
        );
        for part in [Context::Registrations, Context::Reports, Context::Agenda] {
            assert_eq!(
                lookup(&[part, Context::List, Context::Global], ch('3')),
                Some((part, Command::DigitOutsideGrid))
            );
        }
        assert_eq!(
            lookup(&[Context::Figures], ch('7')),
            Some((Context::Figures, Command::EditDigit(7)))
        );
        assert_eq!(
            lookup(&[Context::Help], ch('k')),
            Some((Context::Help, Command::Up))
        );
    }

    /// Ctrl-R is bound once, where `u` is: no screen's own key and no text field takes it
    /// first, and it is refused on a read-only store as undo is.
    #[test]
    fn ctrl_r_redoes_where_u_undoes_and_is_nothing_else() {
        let bound: Vec<Context> = BINDINGS
            .iter()
            .filter(|b| b.keys.contains(&ctrl('r')))
            .map(|b| b.context)
            .collect();
        assert_eq!(bound, vec![Context::Global]);
        for ctx in Context::ALL {
            assert_eq!(
                lookup(&[ctx, Context::Global], ctrl('r')),
                Some((Context::Global, Command::Redo)),
                "{ctx:?}"
            );
        }
        assert!(Command::Redo.edits());
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{key:?} bound twice in {:?}",
                            a.context
                        );
                    }
                }
            }
        }
    }
}
