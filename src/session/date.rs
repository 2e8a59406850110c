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
