//! A consultant's branding of the documents — firm name, logo file, accent colour and a footer
//! line — as the user sets it once (the app's settings) and as a project overrides it, field by
//! field. Empty fields mean « not set »: without any, the documents look as they always did.

use serde::{Deserialize, Serialize};

/// Branding as typed by the user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Branding {
    /// The firm's name, on the cover and in the running header.
    pub firm_name: String,
    /// A PNG or JPEG file, on the cover.
    pub logo_path: String,
    /// `#RRGGBB`, the colour of headings and rules.
    pub accent: String,
    /// A line at the foot of every page (« Cabinet X — 12 rue Y — www.x.fr »).
    pub footer_line: String,
}

/// A file outside the project's folder that the user allowed this project to put into its
/// documents (a logo), for that content only: a received project cannot name a private file of
/// the reader's disk and have it embedded without the reader's say-so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrustedFile {
    /// The path as the project writes it.
    pub path: String,
    /// SHA-256 (lower-case hex) of the content allowed: another content at that path is asked
    /// about again.
    pub sha256: String,
    /// The day it was allowed.
    pub allowed_on: Option<super::Date>,
}

impl Branding {
    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        self.firm_name.trim().is_empty()
            && self.logo_path.trim().is_empty()
            && self.accent.trim().is_empty()
            && self.footer_line.trim().is_empty()
    }

    /// This branding with `defaults` filling the fields it leaves empty.
    pub fn over(&self, defaults: &Branding) -> Branding {
        let pick = |own: &String, default: &String| {
            if own.trim().is_empty() {
                default.trim().to_owned()
            } else {
                own.trim().to_owned()
            }
        };
        Branding {
            firm_name: pick(&self.firm_name, &defaults.firm_name),
            logo_path: pick(&self.logo_path, &defaults.logo_path),
            accent: pick(&self.accent, &defaults.accent),
            footer_line: pick(&self.footer_line, &defaults.footer_line),
        }
    }

    /// The accent colour as red, green, blue, when it is a valid `#RRGGBB` (or `RRGGBB`).
    pub fn accent_rgb(&self) -> Option<(u8, u8, u8)> {
        parse_hex(&self.accent)
    }
}

/// `#RRGGBB` → its three components.
pub fn parse_hex(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.trim().trim_start_matches('#');
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((part(0)?, part(2)?, part(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_overrides_the_users_defaults_field_by_field() {
        let user = Branding {
            firm_name: "Cabinet Lumen".into(),
            accent: "#123456".into(),
            ..Branding::default()
        };
        let project = Branding {
            accent: "#abcdef".into(),
            footer_line: "Mission 2026-14".into(),
            ..Branding::default()
        };
        let resolved = project.over(&user);
        assert_eq!(resolved.firm_name, "Cabinet Lumen");
        assert_eq!(resolved.accent_rgb(), Some((0xab, 0xcd, 0xef)));
        assert_eq!(resolved.footer_line, "Mission 2026-14");
        assert!(Branding::default().is_empty());
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("zz0000"), None);
    }
}
