//! A Saturday round added in the app is first-class: it brings its own registration and
//! quick-report requirements, tab 2 shows that round's columns while tab 4 is on it, and
//! the KPIs and the briefing count it.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, key, press, stamp};
use xungkich::domain::campaign::RequirementSource;
use xungkich::i18n::Lang;
use xungkich::model::kpi::{REGISTRATION_ON_TIME, compute};
use xungkich::ui::snapshot::render_text;

#[test]
fn a_new_round_brings_its_requirements_and_tab_2_follows_the_round_in_view() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-09T09:00", Lang::Vi);
    let before = a.board.all_requirements.len();
    // Round 3 on Saturday 14/05, with the form's default deadlines.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('N')), ctrl('s')],
    );
    assert!(a.form.is_none(), "{:?}", a.status);
    let day = a.board.volunteer_days[a.volunteer.day].clone();
    assert_eq!(day.round, 3);
    let own: Vec<_> = a
        .board
        .all_requirements
        .iter()
        .filter(|r| r.volunteer_day_id == Some(day.id))
        .cloned()
        .collect();
    assert_eq!(a.board.all_requirements.len(), before + 2);
    let reg = own
        .iter()
        .find(|r| r.source == RequirementSource::VolunteerRegistration)
        .expect("its registration");
    let rep = own
        .iter()
        .find(|r| r.source == RequirementSource::QuickReport)
        .expect("its quick report");
    assert_eq!(
        reg.deadline,
        stamp("2022-05-12T00:00"),
        "the Thursday before"
    );
    assert_eq!(rep.deadline, stamp("2022-05-14T16:00"), "16:00 on the day");
    assert_eq!(reg.deadline, day.registration_deadline);
    assert!(
        reg.title.contains("Đợt 3") || reg.title.contains("đợt 3"),
        "{}",
        reg.title
    );
    // Owed by whoever owed round 2's, under the same column header.
    let round2 = a
        .board
        .all_requirements
        .iter()
        .find(|r| r.code == "volunteer-registration")
        .cloned()
        .expect("round 2");
    assert_eq!(reg.applies_to, round2.applies_to);
    assert_eq!(reg.short, round2.short);

    // On round 3, tab 2's Saturday columns are round 3's, and it says so.
    let ids = |a: &xungkich::app::App| -> Vec<i64> {
        a.board.requirements.iter().map(|r| r.id).collect()
    };
    assert!(ids(&a).contains(&reg.id) && ids(&a).contains(&rep.id));
    assert!(!ids(&a).contains(&round2.id));
    // Tab 4 keeps its digits for figures: Alt+2 goes to tab 2 from anywhere.
    let mut alt2 = key(KeyCode::Char('2'));
    alt2.modifiers = ratatui::crossterm::event::KeyModifiers::ALT;
    press(&mut a, &mut store, &[alt2]);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("cột đợt 3 (14/05)"), "{screen}");
    let screen = render_text(&a, 80, 24);
    assert!(screen.contains("Đăng ký TB"), "{screen}");

    // Back on round 2 in tab 4: its columns come back, and the KPI counts round 2.
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('[')),
        ],
    );
    assert!(ids(&a).contains(&round2.id));
    assert!(!ids(&a).contains(&reg.id));
    let kpi = |a: &xungkich::app::App, store: &xungkich::store::Store| {
        compute(&a.board, store, a.now)
            .expect("kpis")
            .into_iter()
            .find(|l| l.kpi.code == REGISTRATION_ON_TIME)
            .expect("kpi")
            .deadline
    };
    assert_eq!(kpi(&a, &store), Some(stamp("2022-05-05T00:00")));
    press(&mut a, &mut store, &[key(KeyCode::Char(']'))]);
    assert_eq!(kpi(&a, &store), Some(stamp("2022-05-12T00:00")));

    // The briefing on round 3 lists round 3's requirements in its checklist.
    let b =
        xungkich::io::briefing::gather_on(&store, a.board.clone(), a.now, Some(a.volunteer.day))
            .expect("briefing");
    let text = xungkich::io::briefing::render(
        &b,
        xungkich::i18n::strings(Lang::Vi),
        xungkich::io::briefing::Format::Markdown,
    );
    assert!(
        text.contains(&reg.title) || text.contains(&reg.short),
        "{text}"
    );

    // One undo takes the round and its requirements away together.
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(a.board.all_requirements.len(), before);
    assert_eq!(a.board.volunteer_days.len(), 1);
    assert!(ids(&a).contains(&round2.id));
}
