//! Format versions of project files. A file of an older version is upgraded here, step by step,
//! on its `ron::Value` tree before it becomes an `Assessment`; a newer one is refused by the
//! caller.
//!
//! Limitations: version 1 is the first format Garde-fou wrote, so the chain of upgrade steps is
//! empty today; `upgrade` refuses version 0 and anything else it has no step for.

use std::path::Path;

use ron::value::Number;
use ron::Value;

use super::LoadError;
use crate::model::Assessment;

/// The `format_version` of a parsed file, if it has one at the top level.
pub fn format_version(value: &Value) -> Option<u64> {
    let Value::Map(map) = value else {
        return None;
    };
    let version = map.get(&Value::String("format_version".to_owned()))?;
    let Value::Number(number) = version else {
        return None;
    };
    match *number {
        Number::U8(n) => Some(u64::from(n)),
        Number::U16(n) => Some(u64::from(n)),
        Number::U32(n) => Some(u64::from(n)),
        Number::U64(n) => Some(n),
        Number::I8(n) => u64::try_from(n).ok(),
        Number::I16(n) => u64::try_from(n).ok(),
        Number::I32(n) => u64::try_from(n).ok(),
        Number::I64(n) => u64::try_from(n).ok(),
        _ => None,
    }
}

/// Upgrades a file of an older format version to the current one.
pub fn upgrade(value: Value, version: u64, path: &Path) -> Result<Assessment, LoadError> {
    // Each future format change adds a step here: `if version == N { value = vN_to_vN1(value) }`.
    let _ = value;
    Err(LoadError::UnknownVersion {
        path: path.to_owned(),
        found: version,
    })
}
