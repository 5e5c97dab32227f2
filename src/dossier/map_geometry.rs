//! The geometry of the CNIL 4×4 risk map, shared by the app and the PDF so both draw the same
//! picture: where each cell lies, where each risk's marks go (several risks in one cell are laid
//! out in rows of three), and where an arrow from "before measures" to "after measures" starts
//! and ends. In map units: one cell is 1×1, x grows with likelihood from the left edge of
//! likelihood 1, y grows downwards from the top edge of severity 4. Each drawer scales units to
//! its own pixels or points.

/// A point in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapPoint {
    /// Along the likelihood axis (0 to 4).
    pub x: f32,
    /// Down the severity axis (0 at severity 4's top, 4 at severity 1's bottom).
    pub y: f32,
}

/// The radius of a mark, in cells.
pub const MARK_RADIUS: f32 = 0.13;

/// The distance between two marks sharing a cell, in cells.
const SLOT_STEP: f32 = 0.3;

/// How many marks sit side by side in a cell before a new row starts.
const PER_ROW: usize = 3;

/// A (severity, likelihood) pair, each 1 to 4.
pub type Cell = (u8, u8);

/// One mark placed on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapMark {
    /// The risk's place in the list (its number on the map is one more).
    pub index: usize,
    /// The mark after measures (else before).
    pub is_residual: bool,
    /// The (severity, likelihood) cell the mark sits in.
    pub cell: Cell,
    /// Where the mark's centre is drawn, in map units (0 to 4 on each axis).
    pub center: MapPoint,
}

/// The top-left corner of a cell.
pub fn cell_origin((severity, likelihood): Cell) -> MapPoint {
    MapPoint {
        x: f32::from(likelihood.clamp(1, 4) - 1),
        y: f32::from(4 - severity.clamp(1, 4)),
    }
}

/// The cell under a point, if it is on the grid.
pub fn cell_at(point: MapPoint) -> Option<Cell> {
    if !(0.0..4.0).contains(&point.x) || !(0.0..4.0).contains(&point.y) {
        return None;
    }
    let column = point.x.floor() as u8;
    let row = point.y.floor() as u8;
    Some((4 - row, column + 1))
}

/// Every mark of the risks, given as (before, after) cells: marks sharing a cell are laid out in
/// rows of three, in the order of the risks, so none hides another.
pub fn marks(risks: &[(Option<Cell>, Option<Cell>)]) -> Vec<MapMark> {
    let placed: Vec<(usize, bool, Cell)> = risks
        .iter()
        .enumerate()
        .flat_map(|(index, (before, after))| {
            [(false, *before), (true, *after)]
                .into_iter()
                .filter_map(move |(is_residual, cell)| Some((index, is_residual, cell?)))
        })
        .filter(|(_, _, (s, l))| (1..=4).contains(s) && (1..=4).contains(l))
        .collect();
    placed
        .iter()
        .enumerate()
        .map(|(position, &(index, is_residual, cell))| {
            let slot = placed[..position].iter().filter(|p| p.2 == cell).count();
            let count = placed.iter().filter(|p| p.2 == cell).count();
            MapMark {
                index,
                is_residual,
                cell,
                center: slot_center(cell, slot, count),
            }
        })
        .collect()
}

/// The centre of place `slot` of `count` in `cell`: rows of three up to nine marks; beyond, as
/// many per row as rows, closer together (they overlap, but every centre stays in its cell).
fn slot_center(cell: Cell, slot: usize, count: usize) -> MapPoint {
    let per_row = PER_ROW.max((count as f32).sqrt().ceil() as usize);
    let step = SLOT_STEP.min(0.9 / per_row as f32);
    let rows = count.div_ceil(per_row);
    let (row, column) = (slot / per_row, slot % per_row);
    let in_row = count.saturating_sub(row * per_row).min(per_row);
    let origin = cell_origin(cell);
    MapPoint {
        x: origin.x + 0.5 + (column as f32 - (in_row as f32 - 1.0) / 2.0) * step,
        y: origin.y + 0.5 + (row as f32 - (rows as f32 - 1.0) / 2.0) * step,
    }
}

/// The arrow from one mark to another, from edge to edge so its head stays visible; `None` when
/// the marks touch.
pub fn arrow(from: MapPoint, to: MapPoint) -> Option<(MapPoint, MapPoint)> {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    let gap = MARK_RADIUS * 1.1;
    if length <= 2.0 * gap + 0.05 {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    Some((
        MapPoint {
            x: from.x + ux * gap,
            y: from.y + uy * gap,
        },
        MapPoint {
            x: to.x - ux * gap,
            y: to.y - uy * gap,
        },
    ))
}

/// The two short strokes of an arrow's head at `tip`, for an arrow coming from `tail`.
pub fn arrow_head(tail: MapPoint, tip: MapPoint) -> [MapPoint; 2] {
    let (dx, dy) = (tip.x - tail.x, tip.y - tail.y);
    let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let (back, side) = (0.1, 0.06);
    [
        MapPoint {
            x: tip.x - ux * back - uy * side,
            y: tip.y - uy * back + ux * side,
        },
        MapPoint {
            x: tip.x - ux * back + uy * side,
            y: tip.y - uy * back - ux * side,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_found_under_its_own_centre() {
        for severity in 1..=4 {
            for likelihood in 1..=4 {
                let origin = cell_origin((severity, likelihood));
                let centre = MapPoint {
                    x: origin.x + 0.5,
                    y: origin.y + 0.5,
                };
                assert_eq!(cell_at(centre), Some((severity, likelihood)));
            }
        }
        assert_eq!(cell_at(MapPoint { x: -0.1, y: 1.0 }), None);
        assert_eq!(cell_at(MapPoint { x: 1.0, y: 4.0 }), None);
    }

    #[test]
    fn marks_sharing_a_cell_stay_inside_it_and_apart() {
        let risks = vec![(Some((3, 3)), Some((3, 2))); 5];
        let marks = marks(&risks);
        assert_eq!(marks.len(), 10);
        for a in &marks {
            assert_eq!(cell_at(a.center), Some(a.cell), "{a:?} left its cell");
            for b in &marks {
                let distance =
                    ((a.center.x - b.center.x).powi(2) + (a.center.y - b.center.y).powi(2)).sqrt();
                assert!(
                    a == b || distance >= 2.0 * MARK_RADIUS,
                    "{a:?} overlaps {b:?}"
                );
            }
        }
    }

    #[test]
    fn even_forty_marks_in_one_cell_keep_their_centres_in_it() {
        let marks = marks(&vec![(Some((2, 2)), None); 40]);
        assert!(marks.iter().all(|m| cell_at(m.center) == Some((2, 2))));
    }

    #[test]
    fn unplaced_or_absurd_levels_get_no_mark() {
        let marks = marks(&[(None, Some((9, 1))), (Some((1, 1)), None)]);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].index, 1);
    }

    #[test]
    fn an_arrow_runs_between_the_marks_edges() {
        let from = MapPoint { x: 2.5, y: 1.5 };
        let to = MapPoint { x: 1.5, y: 1.5 };
        let (start, end) = arrow(from, to).expect("an arrow");
        assert!((start.x - (2.5 - MARK_RADIUS * 1.1)).abs() < 1e-4);
        assert!((end.x - (1.5 + MARK_RADIUS * 1.1)).abs() < 1e-4);
        assert_eq!(arrow(from, from), None);
    }
}
