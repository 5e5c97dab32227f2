//! Plane geometry for site plans, in plan units (the background image's pixels, y downwards):
//! a camera's field of view as a polygon, whether two polygons meet, and whether the part of a
//! zone a camera sees is covered by its privacy masks. Pure and deterministic; no IO.

use serde::{Deserialize, Serialize};

/// A point on a plan, in pixels of its background (x to the right, y downwards).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Pixels from the left edge.
    pub x: f64,
    /// Pixels from the top edge.
    pub y: f64,
}

impl Point {
    /// The point (x, y).
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// True when both coordinates are finite numbers.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// The distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// Segments of the arc of a field of view: one every 5 degrees at most.
const ARC_STEP_DEGREES: f64 = 5.0;

/// The field of view of a camera at `apex`, looking towards `direction` degrees (clockwise from
/// the top of the plan: 0 up, 90 right), `angle` degrees wide, reaching `radius` plan units: a
/// sector (the apex, then the arc), or a disc when the angle is 360 or more (a PTZ's full
/// reach). Empty when the radius or the angle is not a positive finite number.
pub fn field_of_view(apex: Point, direction: f64, angle: f64, radius: f64) -> Vec<Point> {
    let is_usable = radius.is_finite()
        && radius > 0.0
        && angle.is_finite()
        && angle > 0.0
        && apex.is_finite()
        && direction.is_finite();
    if !is_usable {
        return Vec::new();
    }
    let at = |degrees: f64| {
        let radians = degrees.to_radians();
        Point::new(
            apex.x + radius * radians.sin(),
            apex.y - radius * radians.cos(),
        )
    };
    if angle >= 360.0 {
        let steps = (360.0 / ARC_STEP_DEGREES) as usize;
        return (0..steps)
            .map(|i| at(i as f64 * ARC_STEP_DEGREES))
            .collect();
    }
    let steps = (angle / ARC_STEP_DEGREES).ceil().max(1.0) as usize;
    let start = direction - angle / 2.0;
    let mut out = vec![apex];
    out.extend((0..=steps).map(|i| at(start + angle * i as f64 / steps as f64)));
    out
}

/// True when `point` is inside `polygon` (even-odd rule; a point on an edge may go either way).
pub fn contains(polygon: &[Point], point: Point) -> bool {
    if polygon.len() < 3 {
        return false;
    }
    let mut inside = false;
    let mut previous = polygon[polygon.len() - 1];
    for &current in polygon {
        if (current.y > point.y) != (previous.y > point.y) {
            let x = previous.x
                + (point.y - previous.y) * (current.x - previous.x) / (current.y - previous.y);
            if point.x < x {
                inside = !inside;
            }
        }
        previous = current;
    }
    inside
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

fn on_segment(p: Point, q: Point, r: Point) -> bool {
    r.x >= p.x.min(q.x) && r.x <= p.x.max(q.x) && r.y >= p.y.min(q.y) && r.y <= p.y.max(q.y)
}

/// True when the segments p1–p2 and q1–q2 meet (touching counts).
pub fn segments_meet(p1: Point, p2: Point, q1: Point, q2: Point) -> bool {
    let d1 = cross(q1, q2, p1);
    let d2 = cross(q1, q2, p2);
    let d3 = cross(p1, p2, q1);
    let d4 = cross(p1, p2, q2);
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    (d1 == 0.0 && on_segment(q1, q2, p1))
        || (d2 == 0.0 && on_segment(q1, q2, p2))
        || (d3 == 0.0 && on_segment(p1, p2, q1))
        || (d4 == 0.0 && on_segment(p1, p2, q2))
}

fn edges(polygon: &[Point]) -> impl Iterator<Item = (Point, Point)> + '_ {
    polygon
        .iter()
        .zip(polygon.iter().cycle().skip(1))
        .map(|(a, b)| (*a, *b))
}

/// True when the two polygons share any point: an edge crosses an edge, or one holds a vertex
/// of the other.
pub fn polygons_meet(a: &[Point], b: &[Point]) -> bool {
    if a.len() < 3 || b.len() < 3 {
        return false;
    }
    // Boxes apart, shapes apart: most pairs on a plan end here.
    let (ax0, ay0, ax1, ay1) = bounds(a);
    let (bx0, by0, bx1, by1) = bounds(b);
    if ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0 {
        return false;
    }
    if contains(a, b[0]) || contains(b, a[0]) {
        return true;
    }
    edges(a).any(|(a1, a2)| edges(b).any(|(b1, b2)| segments_meet(a1, a2, b1, b2)))
}

/// True when the polygon turns the same way at every vertex (collinear vertices allowed).
pub fn is_convex(polygon: &[Point]) -> bool {
    if polygon.len() < 3 {
        return false;
    }
    let n = polygon.len();
    let mut sign = 0.0f64;
    for i in 0..n {
        let turn = cross(polygon[i], polygon[(i + 1) % n], polygon[(i + 2) % n]);
        if turn != 0.0 {
            if sign != 0.0 && turn.signum() != sign {
                return false;
            }
            sign = turn.signum();
        }
    }
    sign != 0.0
}

/// The smallest box holding the points: (min x, min y, max x, max y).
fn bounds(polygon: &[Point]) -> (f64, f64, f64, f64) {
    polygon.iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |(x0, y0, x1, y1), p| (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
    )
}

/// Samples per side of the grid that [`sees_uncovered`] lays over the common box.
pub const COVERAGE_GRID: usize = 64;

/// True when some part of `zone` inside `view` lies outside every polygon of `masks`: the
/// camera sees that part of the zone unmasked. Tested on a 64 × 64 grid over the box the two
/// share, plus the zone's vertices and the view's vertices (a sliver thinner than 1/64 of that
/// box — below a plan's drawing precision — can escape it).
pub fn sees_uncovered(view: &[Point], zone: &[Point], masks: &[Vec<Point>]) -> bool {
    if !polygons_meet(view, zone) {
        return false;
    }
    // A convex mask holding every vertex of the zone holds the whole zone: covered, and no
    // grid to lay (the usual case: a mask drawn round a façade).
    if masks
        .iter()
        .any(|m| is_convex(m) && zone.iter().all(|p| contains(m, *p)))
    {
        return false;
    }
    let unmasked = |p: Point| !masks.iter().any(|m| contains(m, p));
    let exposed = |p: Point| contains(view, p) && contains(zone, p) && unmasked(p);
    // A polygon holds its own corners: a zone's corner is exposed when the view holds it, the
    // view's (the camera's own position) when the zone does. Asking a polygon whether it holds
    // its own corner is a coin toss of rounding, which a plan moved by a few pixels could flip.
    if zone.iter().any(|p| contains(view, *p) && unmasked(*p))
        || view.iter().any(|p| contains(zone, *p) && unmasked(*p))
    {
        return true;
    }
    let (ax0, ay0, ax1, ay1) = bounds(view);
    let (bx0, by0, bx1, by1) = bounds(zone);
    let (x0, y0, x1, y1) = (ax0.max(bx0), ay0.max(by0), ax1.min(bx1), ay1.min(by1));
    if !(x0 <= x1 && y0 <= y1) {
        return false;
    }
    let n = COVERAGE_GRID as f64;
    (0..COVERAGE_GRID).any(|i| {
        (0..COVERAGE_GRID).any(|j| {
            let p = Point::new(
                x0 + (x1 - x0) * (i as f64 + 0.5) / n,
                y0 + (y1 - y0) * (j as f64 + 0.5) / n,
            );
            exposed(p)
        })
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A `w × h` rectangle from (`x`, `y`), clockwise on screen (the site plan's tests use it
    /// too).
    pub(crate) fn rect(x: f64, y: f64, w: f64, h: f64) -> Vec<Point> {
        vec![
            Point::new(x, y),
            Point::new(x + w, y),
            Point::new(x + w, y + h),
            Point::new(x, y + h),
        ]
    }

    fn square(x: f64, y: f64, side: f64) -> Vec<Point> {
        rect(x, y, side, side)
    }

    #[test]
    fn a_sector_points_where_the_camera_looks() {
        let view = field_of_view(Point::new(100.0, 100.0), 90.0, 60.0, 50.0);
        assert!(
            contains(&view, Point::new(140.0, 100.0)),
            "straight ahead, to the right"
        );
        assert!(!contains(&view, Point::new(60.0, 100.0)), "behind");
        assert!(
            !contains(&view, Point::new(100.0, 60.0)),
            "above, outside 60 degrees"
        );
        assert!(
            !contains(&view, Point::new(160.0, 100.0)),
            "beyond its range"
        );
        let disc = field_of_view(Point::new(0.0, 0.0), 0.0, 360.0, 10.0);
        assert!(
            contains(&disc, Point::new(-5.0, 5.0)),
            "a PTZ sees all around"
        );
        assert!(field_of_view(Point::new(0.0, 0.0), 0.0, 60.0, 0.0).is_empty());
        assert!(field_of_view(Point::new(f64::NAN, 0.0), 0.0, 60.0, 5.0).is_empty());
    }

    #[test]
    fn a_zone_in_view_is_exposed_until_a_mask_covers_it() {
        let view = field_of_view(Point::new(0.0, 0.0), 90.0, 90.0, 100.0);
        let house = square(40.0, -10.0, 20.0);
        assert!(sees_uncovered(&view, &house, &[]));
        assert!(!sees_uncovered(&view, &house, &[square(35.0, -15.0, 30.0)]));
        // Half masked: the other half is still seen.
        assert!(sees_uncovered(&view, &house, &[square(35.0, -15.0, 15.0)]));
        let far = square(500.0, 0.0, 20.0);
        assert!(!sees_uncovered(&view, &far, &[]));
    }

    #[test]
    fn convexity_is_told_apart() {
        assert!(is_convex(&square(0.0, 0.0, 1.0)));
        let l_shape = vec![
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 1.0),
            Point::new(1.0, 1.0),
            Point::new(1.0, 2.0),
            Point::new(0.0, 2.0),
        ];
        assert!(!is_convex(&l_shape));
        assert!(!is_convex(&[Point::new(0.0, 0.0), Point::new(1.0, 1.0)]));
    }

    #[test]
    fn polygons_meet_by_crossing_edges_or_by_holding_one_another() {
        assert!(polygons_meet(
            &square(0.0, 0.0, 10.0),
            &square(5.0, 5.0, 10.0)
        ));
        assert!(polygons_meet(
            &square(0.0, 0.0, 10.0),
            &square(2.0, 2.0, 2.0)
        ));
        assert!(!polygons_meet(
            &square(0.0, 0.0, 10.0),
            &square(20.0, 0.0, 10.0)
        ));
        let cross_a = vec![
            Point::new(0.0, 4.0),
            Point::new(10.0, 4.0),
            Point::new(10.0, 6.0),
            Point::new(0.0, 6.0),
        ];
        let cross_b = vec![
            Point::new(4.0, 0.0),
            Point::new(6.0, 0.0),
            Point::new(6.0, 10.0),
            Point::new(4.0, 10.0),
        ];
        assert!(
            polygons_meet(&cross_a, &cross_b),
            "a cross: no vertex inside, edges cross"
        );
    }
}
