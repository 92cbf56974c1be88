//! Saturday figures: what each unit phones in on the volunteer day, and the rules a typed
//! value must meet before it is saved.

/// The figures of the Saturday quick-entry grid, in column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Đoàn viên tham gia.
    Volunteers,
    /// Lượt người dân được hỗ trợ.
    Citizens,
    /// Doanh nghiệp được hỗ trợ.
    Businesses,
    /// Hồ sơ tiếp nhận.
    FilesReceived,
    /// Hồ sơ giải quyết.
    FilesResolved,
    /// Hồ sơ trực tuyến được hướng dẫn.
    OnlineGuided,
    /// Hướng dẫn hóa đơn điện tử.
    Einvoice,
    /// Hồ sơ đất đai trong tuần (the land-registry branch's task).
    LandTotal,
    /// Hồ sơ đất đai đã giải quyết.
    LandResolved,
}

impl Metric {
    pub const ALL: [Metric; 9] = [
        Metric::Volunteers,
        Metric::Citizens,
        Metric::Businesses,
        Metric::FilesReceived,
        Metric::FilesResolved,
        Metric::OnlineGuided,
        Metric::Einvoice,
        Metric::LandTotal,
        Metric::LandResolved,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Metric::Volunteers => "volunteers",
            Metric::Citizens => "citizens",
            Metric::Businesses => "businesses",
            Metric::FilesReceived => "files_received",
            Metric::FilesResolved => "files_resolved",
            Metric::OnlineGuided => "online_guided",
            Metric::Einvoice => "einvoice",
            Metric::LandTotal => "land_total",
            Metric::LandResolved => "land_resolved",
        }
    }

    pub fn from_code(code: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Land files are only the land-registry branch's to report (its assigned task).
    pub fn is_land(self) -> bool {
        matches!(self, Metric::LandTotal | Metric::LandResolved)
    }

    /// The figure this one may not exceed: files resolved ≤ files received, and so on.
    pub fn bounded_by(self) -> Option<Metric> {
        match self {
            Metric::FilesResolved => Some(Metric::FilesReceived),
            Metric::LandResolved => Some(Metric::LandTotal),
            _ => None,
        }
    }

    /// The figure that may not be less than this one.
    pub fn bounds(self) -> Option<Metric> {
        Metric::ALL
            .into_iter()
            .find(|m| m.bounded_by() == Some(self))
    }
}

pub const FIGURE_MAX: i64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureError {
    /// Not a whole number (the text is given back).
    NotANumber(String),
    Negative,
    TooLarge,
    /// Resolved more than received: the other figure's value is given.
    ExceedsBound {
        bound: Metric,
        value: i64,
    },
    /// Given while the figure it may not exceed is empty (files resolved without files
    /// received): as unreadable as more than it.
    BoundMissing {
        bound: Metric,
    },
    /// Less than a figure that must not exceed it.
    BelowDependent {
        dependent: Metric,
        value: i64,
    },
    /// Not a figure this unit reports.
    NotForUnit,
}

/// A typed figure: empty clears the cell (None); otherwise a whole number from 0 to 1,000,000.
/// Spaces and dots between digit groups are allowed ("1.250", "1 250"), as officers write them.
pub fn parse_figure(text: &str) -> Result<Option<i64>, FigureError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
    {
        return Err(FigureError::Negative);
    }
    let grouped = t.contains(['.', ' ']);
    let digits: String = t.chars().filter(|c| *c != '.' && *c != ' ').collect();
    let groups_ok = !grouped
        || t.split(['.', ' '])
            .enumerate()
            .all(|(i, g)| !g.is_empty() && g.len() <= 3 && (i == 0 || g.len() == 3));
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || !groups_ok {
        return Err(FigureError::NotANumber(t.to_string()));
    }
    // More digits than any allowed value: too large, without risking an overflow.
    if digits.trim_start_matches('0').len() > 7 {
        return Err(FigureError::TooLarge);
    }
    let value: i64 = digits
        .parse()
        .map_err(|_| FigureError::NotANumber(t.to_string()))?;
    if value > FIGURE_MAX {
        return Err(FigureError::TooLarge);
    }
    Ok(Some(value))
}

/// `+`/`-` on a cell: `delta` added to the value it holds (an empty cell counts as 0).
pub fn step(value: Option<i64>, delta: i64) -> Result<i64, FigureError> {
    let v = value.unwrap_or(0).saturating_add(delta);
    if v < 0 {
        return Err(FigureError::Negative);
    }
    if v > FIGURE_MAX {
        return Err(FigureError::TooLarge);
    }
    Ok(v)
}

/// Checks `value` for `metric` against the unit's other figures (`other` looks them up).
pub fn check_pair(
    metric: Metric,
    value: Option<i64>,
    other: impl Fn(Metric) -> Option<i64>,
) -> Result<(), FigureError> {
    let Some(v) = value else {
        return Ok(());
    };
    if let Some(bound) = metric.bounded_by() {
        match other(bound) {
            None => return Err(FigureError::BoundMissing { bound }),
            Some(b) if v > b => return Err(FigureError::ExceedsBound { bound, value: b }),
            Some(_) => {}
        }
    }
    if let Some(dependent) = metric.bounds()
        && let Some(d) = other(dependent)
        && v < d
    {
        return Err(FigureError::BelowDependent {
            dependent,
            value: d,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolved files with no received count are refused as resolved > received is.
    #[test]
    fn a_bounded_figure_needs_its_bound() {
        let none = |_| None;
        assert_eq!(
            check_pair(Metric::FilesResolved, Some(3), none),
            Err(FigureError::BoundMissing {
                bound: Metric::FilesReceived
            })
        );
        assert_eq!(check_pair(Metric::FilesResolved, None, none), Ok(()));
        assert_eq!(check_pair(Metric::FilesReceived, Some(3), none), Ok(()));
        assert_eq!(
            check_pair(Metric::FilesResolved, Some(3), |_| Some(3)),
            Ok(())
        );
    }

    #[test]
    fn whole_numbers_from_zero_to_a_million() {
        assert_eq!(parse_figure(""), Ok(None));
        assert_eq!(parse_figure("  "), Ok(None));
        assert_eq!(parse_figure("0"), Ok(Some(0)));
        assert_eq!(parse_figure("42"), Ok(Some(42)));
        assert_eq!(parse_figure("1000000"), Ok(Some(1_000_000)));
        assert_eq!(parse_figure("1.000.000"), Ok(Some(1_000_000)));
        assert_eq!(parse_figure("1 250"), Ok(Some(1250)));
        assert_eq!(parse_figure("1000001"), Err(FigureError::TooLarge));
        assert_eq!(
            parse_figure("99999999999999999999999"),
            Err(FigureError::TooLarge)
        );
        assert_eq!(parse_figure("-3"), Err(FigureError::Negative));
        assert!(matches!(
            parse_figure("12a"),
            Err(FigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("mười"),
            Err(FigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("1,5"),
            Err(FigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("1.5"),
            Err(FigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("12.34.567"),
            Err(FigureError::NotANumber(_))
        ));
        assert!(matches!(parse_figure("-"), Err(FigureError::NotANumber(_))));
        assert_eq!(parse_figure("007"), Ok(Some(7)));
    }

    #[test]
    fn resolved_never_exceeds_received() {
        let figures = |m: Metric| match m {
            Metric::FilesReceived => Some(100),
            Metric::FilesResolved => Some(80),
            _ => None,
        };
        assert_eq!(
            check_pair(Metric::FilesResolved, Some(100), figures),
            Ok(())
        );
        assert_eq!(
            check_pair(Metric::FilesResolved, Some(101), figures),
            Err(FigureError::ExceedsBound {
                bound: Metric::FilesReceived,
                value: 100
            })
        );
        assert_eq!(
            check_pair(Metric::FilesReceived, Some(79), figures),
            Err(FigureError::BelowDependent {
                dependent: Metric::FilesResolved,
                value: 80
            })
        );
        assert_eq!(check_pair(Metric::FilesReceived, None, figures), Ok(()));
        assert_eq!(check_pair(Metric::Citizens, Some(5), figures), Ok(()));
        // Resolved typed before received: refused, received is needed first.
        assert_eq!(
            check_pair(Metric::LandResolved, Some(50), |_| None),
            Err(FigureError::BoundMissing {
                bound: Metric::LandTotal
            })
        );
    }

    #[test]
    fn codes_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_code(m.code()), Some(m));
        }
        assert_eq!(Metric::LandTotal.bounds(), Some(Metric::LandResolved));
    }
}
