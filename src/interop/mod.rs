//! Exchange with other tools: the CNIL PIA software's JSON export, in and out.

pub mod html;
pub mod pia;
