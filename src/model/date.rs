//! Calendar dates as the assessment stores them: `"YYYY-MM-DD"` strings in the file, a checked
//! civil date in memory. The model never asks the clock; callers pass "today" in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (no time, no zone), e.g. the day a prefectoral authorisation was granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("« {text} » is not a date of the form YYYY-MM-DD")]
pub struct DateParseError {
    /// The text that was refused.
    pub text: String,
}

impl Date {
    /// Builds a date from year (1-9999), month (1-12) and day; `None` if it does not exist. The
    /// years are those `YYYY-MM-DD` can write, so every date saved reads back.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Self)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    pub fn add_years(self, years: i32) -> Self {
        let year = self.0.year().saturating_add(years).clamp(1, 9999);
        let month = self.0.month();
        let day = self.0.day().min(month.length(year));
        time::Date::from_calendar_date(year, month, day)
            .map(Self)
            .unwrap_or(self)
    }

    /// The same day `months` calendar months later (earlier when negative); a day the target
    /// month lacks becomes its last (31 July − 4 months = 31 March; 30 June − 4 = 28 or 29
    /// February).
    pub fn add_months(self, months: i32) -> Self {
        let index = self.year() * 12 + i32::from(self.month()) - 1 + months;
        let year = index.div_euclid(12).clamp(1, 9999);
        let Ok(month) = time::Month::try_from(index.rem_euclid(12) as u8 + 1) else {
            return self;
        };
        let day = self.0.day().min(month.length(year));
        time::Date::from_calendar_date(year, month, day)
            .map(Self)
            .unwrap_or(self)
    }

    /// The date `days` days later (earlier when negative), saturating at the calendar's ends.
    pub fn add_days(self, days: i64) -> Self {
        self.0
            .checked_add(time::Duration::days(days))
            .map(Self::from)
            .unwrap_or(self)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday_from_monday(self) -> u8 {
        self.0.weekday().number_days_from_monday()
    }

    /// The number of days in the date's month.
    pub fn days_in_month(self) -> u8 {
        (28..=31)
            .rev()
            .find(|day| Date::from_ymd(self.year(), self.month(), *day).is_some())
            .unwrap_or(28)
    }

    /// The first day of the month `months` months after (or before, when negative) this one.
    pub fn first_of_month_plus(self, months: i32) -> Self {
        let index = self.year() * 12 + i32::from(self.month()) - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let month = u8::try_from(month).unwrap_or(1);
        Date::from_ymd(year, month, 1).unwrap_or(self)
    }

    /// Whole days from `self` to `later` (negative when `later` is before `self`).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).whole_days()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }

    /// The date as readers of `lang` write it: `29/11/2023` in French, `2023-11-29` in English
    /// (the one date form of the app, the dossier and the documents).
    pub fn display(self, lang: super::Lang) -> String {
        match lang {
            super::Lang::Fr => self.french(),
            super::Lang::En => self.iso(),
        }
    }

    /// The date as French readers write it, `29/11/2023`.
    pub fn french(self) -> String {
        format!(
            "{:02}/{:02}/{:04}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
}

impl From<time::Date> for Date {
    /// The date, held within the years `YYYY-MM-DD` can write (1-9999).
    fn from(date: time::Date) -> Self {
        let first = time::Date::from_calendar_date(1, time::Month::January, 1);
        let last = time::Date::from_calendar_date(9999, time::Month::December, 31);
        match (first, last) {
            (Ok(first), _) if date < first => Self(first),
            (_, Ok(last)) if date > last => Self(last),
            _ => Self(date),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || DateParseError {
            text: text.to_owned(),
        };
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(refuse());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(refuse());
        }
        let year: i32 = y.parse().map_err(|_| refuse())?;
        let month: u8 = m.parse().map_err(|_| refuse())?;
        let day: u8 = d.parse().map_err(|_| refuse())?;
        Date::from_ymd(year, month, day).ok_or_else(refuse)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_there_is_can_be_written_and_read_back() {
        assert_eq!(Date::from_ymd(0, 1, 1), None);
        assert_eq!(Date::from_ymd(-5, 1, 1), None);
        assert_eq!(Date::from_ymd(10_000, 1, 1), None);
        let first = Date::from_ymd(1, 1, 1).expect("year 1");
        let last = Date::from_ymd(9999, 12, 31).expect("year 9999");
        for date in [
            first,
            last,
            first.add_days(-400),
            last.add_days(400),
            last.add_years(5),
        ] {
            assert_eq!(date.iso().parse::<Date>().ok(), Some(date), "{date}");
        }
        assert_eq!(first.add_days(-400), first);
        assert_eq!(last.add_years(5), last);
    }

    fn d(text: &str) -> Date {
        text.parse().expect("valid date in test")
    }

    #[test]
    fn parses_and_prints_iso() {
        assert_eq!(d("2019-11-05").iso(), "2019-11-05");
        assert_eq!(d("2019-11-05").french(), "05/11/2019");
    }

    #[test]
    fn refuses_impossible_or_malformed_dates() {
        for bad in [
            "2023-02-30",
            "2023-13-01",
            "23-01-01",
            "2023/01/01",
            "",
            "2023-1-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn five_years_after_a_leap_day_is_the_last_day_of_february() {
        assert_eq!(d("2020-02-29").add_years(5), d("2025-02-28"));
        assert_eq!(d("2019-11-05").add_years(5), d("2024-11-05"));
    }

    #[test]
    fn counts_days_both_ways() {
        assert_eq!(d("2024-01-01").days_until(d("2024-03-01")), 60);
        assert_eq!(d("2024-03-01").days_until(d("2024-01-01")), -60);
    }
}
