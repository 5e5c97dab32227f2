//! Typed identifiers. Each is a string in the file (`"K02"`, `"CAM-014"`), but a distinct type in
//! code, so a camera id can never be passed where a capability id is expected.

use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps a string as this kind of id.
            pub fn new(text: impl Into<String>) -> Self {
                Self(text.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_owned())
            }
        }
    };
}

string_id!(
    /// A camera of the inventory, as the controller numbers it (`"CAM-014"`).
    CameraId
);
string_id!(
    /// One of the nine WP248 criteria, `"C1"` to `"C9"`.
    CriterionId
);
string_id!(
    /// An entry of the capability catalogue, `"K01"` to `"K16"`.
    CapabilityId
);
string_id!(
    /// A measure: a catalogue id (`"M-T1"`) or one of the user's own (`"M-X1"`).
    MeasureId
);
string_id!(
    /// A risk of the assessment (`"RISK-ACCESS"`).
    RiskId
);
string_id!(
    /// A site plan of the assessment (`"PLAN-1"`).
    PlanId
);
string_id!(
    /// A zone drawn on a site plan (`"Z-3"`).
    ZoneId
);
string_id!(
    /// An attached document of the evidence locker (`"EV-03"`).
    EvidenceId
);
string_id!(
    /// A legal reference of the knowledge base (`"CSI-L252-5"`).
    LegalRefId
);
string_id!(
    /// A question of the wizard with help text in the knowledge base (`"necessity.minimisation"`).
    QuestionId
);

/// Compares two ids as a reader counts: runs of digits by their value (`CAM-2` < `CAM-10`),
/// the rest as text.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(text: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut digits = None;
        for (at, c) in text.char_indices() {
            let is_digit = c.is_ascii_digit();
            if digits.is_some_and(|d| d != is_digit) {
                out.push((digits.unwrap_or(false), &text[start..at]));
                start = at;
            }
            digits = Some(is_digit);
        }
        if start < text.len() {
            out.push((digits.unwrap_or(false), &text[start..]));
        }
        out
    }
    let (x, y) = (chunks(a), chunks(b));
    for ((dx, cx), (dy, cy)) in x.iter().zip(y.iter()) {
        let order = if *dx && *dy {
            let trimmed = |s: &str| s.trim_start_matches('0').to_owned();
            let (tx, ty) = (trimmed(cx), trimmed(cy));
            tx.len().cmp(&ty.len()).then_with(|| tx.cmp(&ty))
        } else {
            cx.cmp(cy)
        };
        if order != std::cmp::Ordering::Equal {
            return order;
        }
    }
    x.len().cmp(&y.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod natural_tests {
    use super::natural_cmp;

    #[test]
    fn ids_sort_as_a_reader_counts() {
        let mut ids = vec!["100", "CAM-10", "10", "CAM-2", "2", "CAM-002", "B", "A-1"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            ["2", "10", "100", "A-1", "B", "CAM-002", "CAM-2", "CAM-10"]
        );
    }
}
