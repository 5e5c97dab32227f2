//! Exchange with other tools: the CNIL PIA software's JSON export, in and out; camera positions
//! from a GIS's GeoJSON export.

pub mod geojson;
pub mod html;
pub mod pia;
