//! Text typed in the assessment's fields, found by what it says: the search window (Ctrl+F)
//! lists each field whose text holds the words sought, with its path, so « go to the field »
//! can take the user there. The assessment is read as the project file holds it (one walk over
//! its serialised form), so a field added to the model is searched without a line here.

use serde_json::Value;

use super::path::{FieldPath, Section};
use super::Assessment;

/// The fields of a list's records that name them in a path (`cameras[CAM-001]`): the others
/// are named by their rank (`processing.purposes[0]`).
const ID_FIELDS: [&str; 7] = [
    "camera_id",
    "capability_id",
    "risk_id",
    "measure_id",
    "evidence_id",
    "plan_id",
    "zone_id",
];

/// One field whose text holds what was sought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextHit {
    /// Where the text is.
    pub path: FieldPath,
    /// The text, whole.
    pub text: String,
}

/// Every field of `a` whose typed text contains `needle` (compared in lower case), in the order
/// of the project file. Ids, hashes, enum values and the history (versions, circuit, comments)
/// are not searched.
pub fn typed_text_containing(a: &Assessment, needle: &str) -> Vec<TextHit> {
    let needle = needle.trim().to_lowercase();
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    let Ok(Value::Object(sections)) = serde_json::to_value(a) else {
        return hits;
    };
    for (key, value) in &sections {
        match Section::of(key) {
            None | Some(Section::History) => {}
            Some(Section::Answers) => {
                // An answer is found under its question's path (`necessity.purposes`).
                for answer in value.as_array().into_iter().flatten() {
                    let Some(question) = answer.get("question_id").and_then(Value::as_str) else {
                        continue;
                    };
                    walk(answer, &FieldPath::from(question), &needle, &mut hits, true);
                }
            }
            Some(_) => walk(
                value,
                &FieldPath::from(key.as_str()),
                &needle,
                &mut hits,
                false,
            ),
        }
    }
    hits
}

/// Collects the strings under `value` that contain `needle`; `flat` keeps every one under
/// `path` itself (an answer's text and comment are both the answer's).
fn walk(value: &Value, path: &FieldPath, needle: &str, hits: &mut Vec<TextHit>, flat: bool) {
    match value {
        Value::String(text) if is_typed(text) && text.to_lowercase().contains(needle) => {
            hits.push(TextHit {
                path: path.clone(),
                text: text.clone(),
            });
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let id = ID_FIELDS
                    .iter()
                    .find_map(|key| item.get(key).and_then(Value::as_str))
                    .map_or_else(|| index.to_string(), str::to_owned);
                let inner = if flat {
                    path.clone()
                } else {
                    FieldPath::from(format!("{path}[{id}]"))
                };
                walk(item, &inner, needle, hits, flat);
            }
        }
        Value::Object(fields) => {
            for (key, inner) in fields {
                if key.ends_with("_id") || key == "sha256" {
                    continue;
                }
                let inner_path = if flat { path.clone() } else { path.field(key) };
                walk(inner, &inner_path, needle, hits, flat);
            }
        }
        _ => {}
    }
}

/// Text a person typed, not an enum value written by the program (`Fixed`, `InOperation`).
fn is_typed(text: &str) -> bool {
    let is_variant = text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric());
    !text.trim().is_empty() && !is_variant
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Camera, CameraId, QuestionId};

    #[test]
    fn typed_text_is_found_with_the_path_of_its_field() {
        let mut a = Assessment::default();
        a.project.title = "Vidéoprotection du Centre".to_owned();
        a.cameras.push(Camera {
            camera_id: CameraId::new("CAM-7"),
            location: "Parvis de l'église".to_owned(),
            ..Camera::default()
        });
        a.answers.push(Answer {
            question_id: QuestionId::new("necessity.retention"),
            text: "Trente jours, au plus, selon l'arrêté.".to_owned(),
            ..Answer::default()
        });
        let paths = |needle: &str| -> Vec<String> {
            typed_text_containing(&a, needle)
                .into_iter()
                .map(|h| h.path.to_string())
                .collect()
        };
        assert_eq!(paths("centre"), ["project.title"]);
        assert_eq!(paths("ÉGLISE"), ["cameras[CAM-7].location"]);
        assert_eq!(paths("trente"), ["necessity.retention"]);
        // Ids and enum values are not text someone typed.
        assert!(paths("CAM-7").is_empty());
        assert!(paths("Fixed").is_empty());
    }
}
