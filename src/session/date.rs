//! Today's date as `YYYY-MM-DD`, in the local time zone (a session started after midnight in
//! British summer time is dated the day it happened, not the day before in UTC).

/// Today's local date.
pub fn today() -> String {
    let now = jiff::ZonedDateTime::now();
    format!("{:04}-{:02}-{:02}", now.year(), now.month(), now.day())
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_date() {
        let d = super::today();
        assert_eq!(d.len(), 10, "{d}");
        assert_eq!(&d[4..5], "-");
    }
}

/// A due date as people type it, stored as `YYYY-MM-DD`: ISO (`2027-03-31`) or the UK's
/// day first (`31/03/2027`, `31/3/27`, `31.03.2027`). Empty is no date. Anything else is
/// refused with a word on how to write it.
pub fn parse_due(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || format!("\"{text}\" is not a date: write it as 31/03/2027 or 2027-03-31");
    let date = if let Ok(d) = text.parse::<jiff::civil::Date>() {
        d
    } else {
        let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
        let [d, m, y] = parts.as_slice() else {
            return Err(refuse());
        };
        let d: i8 = d.trim().parse().map_err(|_| refuse())?;
        let m: i8 = m.trim().parse().map_err(|_| refuse())?;
        let mut y: i16 = y.trim().parse().map_err(|_| refuse())?;
        if y < 100 {
            y += 2000;
        }
        jiff::civil::Date::new(y, m, d).map_err(|_| refuse())?
    };
    Ok(Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    )))
}

/// `2026-11-20` → "20 November 2026", as a British reader writes it; other text unchanged.
pub fn in_words(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{} {} {}",
            d.day(),
            MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)],
            d.year()
        ),
        Err(_) => iso.to_owned(),
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;

    #[test]
    fn due_dates_are_read_in_iso_and_uk_forms() {
        assert_eq!(parse_due("2027-03-31"), Ok(Some("2027-03-31".into())));
        assert_eq!(parse_due("31/03/2027"), Ok(Some("2027-03-31".into())));
        assert_eq!(parse_due("1/4/27"), Ok(Some("2027-04-01".into())));
        assert_eq!(parse_due(""), Ok(None));
        assert!(parse_due("31/02/2027").is_err());
        assert!(parse_due("March board").is_err());
        assert_eq!(in_words("2026-11-20"), "20 November 2026");
        assert_eq!(in_words("soon"), "soon");
    }
}
