//! Dates as people type them. A French or English user writes `01/10/2026`, `1/10/26`,
//! `2026-10-01`, `1er octobre 2026`, `1 October 2026` or `October 1, 2026`; all are read here,
//! and a text that is not a date says why (no such day, a year out of range, unreadable), so the
//! form can keep what was typed and show the reason beside it.

use super::date::Date;

/// The years a typed date may fall in: anything else is a typing slip.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Why a typed text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateInputError {
    /// Not a form of date the app reads.
    Unreadable,
    /// Day, month and year were read, but that day does not exist (`31/02/2026`).
    NoSuchDay {
        /// The day typed.
        day: u32,
        /// The month typed (1-12).
        month: u32,
        /// The year typed (four digits).
        year: i32,
    },
    /// A year outside [`YEARS`].
    YearOutOfRange(i32),
}

/// Month names and their usual abbreviations, French and English, without accents; index + 1 is
/// the month number.
const MONTHS: [&[&str]; 12] = [
    &["janvier", "janv", "january", "jan"],
    &["fevrier", "fevr", "fev", "february", "feb"],
    &["mars", "march", "mar"],
    &["avril", "avr", "april", "apr"],
    &["mai", "may"],
    &["juin", "june", "jun"],
    &["juillet", "juil", "july", "jul"],
    &["aout", "august", "aug"],
    &["septembre", "sept", "sep", "september"],
    &["octobre", "oct", "october"],
    &["novembre", "nov", "november"],
    &["decembre", "dec", "december"],
];

/// Reads a typed date. Numbers are read day first (`01/10/2026` is 1 October, as in France and
/// Britain); month first only when the day-first reading cannot be a date (`10/31/2026`). Two-
/// digit years are 2000-2069 below 70 and 1970-1999 from 70.
pub fn parse_typed(text: &str) -> Result<Date, DateInputError> {
    let folded = fold(text);
    let tokens = tokens(&folded);
    match tokens.as_slice() {
        // 2026-10-01, 2026/10/01
        [Token::Number(y, 4), Token::Number(m, _), Token::Number(d, _)] => build(*y as i32, *m, *d),
        // 01/10/2026, 1.10.26; month first only when day first is impossible.
        [Token::Number(a, 1..=2), Token::Number(b, 1..=2), Token::Number(y, 2 | 4)] => {
            let year = full_year(*y);
            if *b > 12 && *a <= 12 {
                build(year, *a, *b)
            } else {
                build(year, *b, *a)
            }
        }
        // 1er octobre 2026, 1 October 2026, 01 oct. 26
        [Token::Number(d, 1..=2), Token::Month(m), Token::Number(y, 2 | 4)] => {
            build(full_year(*y), *m, *d)
        }
        // October 1, 2026
        [Token::Month(m), Token::Number(d, 1..=2), Token::Number(y, 2 | 4)] => {
            build(full_year(*y), *m, *d)
        }
        _ => Err(DateInputError::Unreadable),
    }
}

/// The month's name, lower case in French, capitalised in English: « octobre », « October ».
pub fn month_name(month: u8, lang: super::Lang) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
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
    let index = usize::from(month.clamp(1, 12) - 1);
    match lang {
        super::Lang::Fr => FR[index],
        super::Lang::En => EN[index],
    }
}

/// The date written out in words: « 1er octobre 2026 », « 1 October 2026 ».
pub fn long_form(date: Date, lang: super::Lang) -> String {
    let month = month_name(date.month(), lang);
    match lang {
        super::Lang::Fr => {
            let day = if date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!("{day}\u{a0}{month}\u{a0}{}", date.year())
        }
        super::Lang::En => format!("{} {month} {}", date.day(), date.year()),
    }
}

/// A piece of a typed date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// A number with how many digits it was written with.
    Number(u32, usize),
    /// A month name (1-12).
    Month(u32),
    /// « le », « the », « of »: read past.
    Filler,
    /// Anything else: the text is not a date.
    Other,
}

/// Lower case, accents removed, so « Février » and « fevrier » read the same.
fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'û' | 'ü' | 'ù' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Splits on anything that is neither a letter nor a digit, and drops the filler words of
/// « le 1er octobre » or « the 1st of October ».
fn tokens(folded: &str) -> Vec<Token> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(token)
        .filter(|t| *t != Token::Filler)
        .collect()
}

/// One token: a number (ordinal suffix dropped), a month name, or something else.
fn token(word: &str) -> Token {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let suffix = &word[digits.len()..];
        if ["", "er", "e", "st", "nd", "rd", "th"].contains(&suffix) {
            return digits
                .parse()
                .map_or(Token::Other, |n| Token::Number(n, digits.len()));
        }
        return Token::Other;
    }
    if ["le", "the", "of"].contains(&word) {
        return Token::Filler;
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map_or(Token::Other, |i| Token::Month(i as u32 + 1))
}

/// A four-digit year from a two- or four-digit one.
fn full_year(year: u32) -> i32 {
    match year {
        0..=69 => 2000 + year as i32,
        70..=99 => 1900 + year as i32,
        _ => year as i32,
    }
}

/// The date, or why it is none.
fn build(year: i32, month: u32, day: u32) -> Result<Date, DateInputError> {
    if !YEARS.contains(&year) {
        return Err(DateInputError::YearOutOfRange(year));
    }
    if !(1..=12).contains(&month) || day == 0 || day > 31 {
        return Err(DateInputError::Unreadable);
    }
    let (Ok(m), Ok(d)) = (u8::try_from(month), u8::try_from(day)) else {
        return Err(DateInputError::Unreadable);
    };
    Date::from_ymd(year, m, d).ok_or(DateInputError::NoSuchDay { day, month, year })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn ymd(y: i32, m: u8, d: u8) -> Date {
        Date::from_ymd(y, m, d).expect("a real day")
    }

    #[test]
    fn reads_what_french_and_english_users_type() {
        let first_october = ymd(2026, 10, 1);
        for typed in [
            "01/10/2026",
            "1/10/26",
            "1/10/2026",
            "01.10.2026",
            "01-10-2026",
            "2026-10-01",
            "2026/10/01",
            " 1er octobre 2026 ",
            "le 1er octobre 2026",
            "1 oct. 2026",
            "1 Octobre 2026",
            "1 October 2026",
            "1st October 2026",
            "the 1st of October 2026",
            "October 1, 2026",
            "Oct 1 2026",
        ] {
            assert_eq!(parse_typed(typed), Ok(first_october), "« {typed} »");
        }
        assert_eq!(parse_typed("14 février 2027"), Ok(ymd(2027, 2, 14)));
        assert_eq!(parse_typed("14 fevrier 27"), Ok(ymd(2027, 2, 14)));
        assert_eq!(parse_typed("15 août 2025"), Ok(ymd(2025, 8, 15)));
        assert_eq!(parse_typed("3 déc. 1998"), Ok(ymd(1998, 12, 3)));
        assert_eq!(parse_typed("1/1/99"), Ok(ymd(1999, 1, 1)));
    }

    #[test]
    fn day_first_unless_only_month_first_makes_a_date() {
        // 05/06 is 5 June, as a French or British reader means it.
        assert_eq!(parse_typed("05/06/2026"), Ok(ymd(2026, 6, 5)));
        // 10/31 cannot be day first: an American-style date is still read.
        assert_eq!(parse_typed("10/31/2026"), Ok(ymd(2026, 10, 31)));
    }

    #[test]
    fn says_why_a_text_is_not_a_date() {
        assert_eq!(
            parse_typed("31/02/2026"),
            Err(DateInputError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(parse_typed("01/10/20266"), Err(DateInputError::Unreadable));
        assert_eq!(
            parse_typed("01/10/3026"),
            Err(DateInputError::YearOutOfRange(3026))
        );
        for bad in [
            "",
            "demain",
            "13/13/2026",
            "1 brumaire 2026",
            "2026-10",
            "1er",
        ] {
            assert!(parse_typed(bad).is_err(), "« {bad} » accepted");
        }
    }

    #[test]
    fn writes_dates_out_in_words() {
        assert_eq!(
            long_form(ymd(2026, 10, 1), Lang::Fr),
            "1er\u{a0}octobre\u{a0}2026"
        );
        assert_eq!(
            long_form(ymd(2026, 8, 15), Lang::Fr),
            "15\u{a0}août\u{a0}2026"
        );
        assert_eq!(long_form(ymd(2026, 10, 1), Lang::En), "1 October 2026");
    }
}
