//! The app itself, by role: its update (`update`), its file lifecycle (`lifecycle`), one frame
//! (`frame`) and the window (`run`). `GardefouApp` and its constructors live in `ui`.

mod frame;
mod lifecycle;
pub mod run;
mod update;
