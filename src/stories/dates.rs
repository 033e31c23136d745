//! An article's date as a day number, so that stories can keep to a window of days.

/// Days since 1970-01-01 of a date that begins `YYYY-MM-DD` (`2015-08-06`,
/// `2015-08-06 10:42:00`, `2015-08-06T10:42Z`), or `YYYY/MM/DD`; `None` for anything else.
pub fn day_number(date: &str) -> Option<i32> {
    let bytes = date.trim().as_bytes();
    if bytes.len() < 10 || !matches!(bytes[4], b'-' | b'/') || bytes[7] != bytes[4] {
        return None;
    }
    let field = |range: std::ops::Range<usize>| -> Option<i32> {
        let text = std::str::from_utf8(&bytes[range]).ok()?;
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse().ok())?
    };
    let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
    if bytes.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The proleptic Gregorian calendar's day count (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: i32, day: i32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_from_1970() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2015-08-06"), Some(16_653));
        assert_eq!(day_number("2015-08-07 09:30:00"), Some(16_654));
        assert_eq!(day_number("2015/08/06"), Some(16_653));
        assert_eq!(
            day_number("2016-03-01"),
            Some(day_number("2016-02-29").unwrap() + 1)
        );
    }

    #[test]
    fn anything_else_has_no_day() {
        for bad in [
            "",
            "2015-8-6",
            "06-08-2015",
            "2015-13-01",
            "2015-02-30",
            "yesterday",
            "2015-08-061",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }
}
