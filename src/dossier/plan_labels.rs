//! The cameras' ids on a plan drawing, legible at city scale: cameras whose dots share a place
//! on the printed page become one group, written « 1051–1057 (4) » (the first and last ids in
//! a reader's order, and how many); each label goes where it overlaps no other label nor dot
//! (above right of its dot, else above left, below right, below left, beside, above, below),
//! and a group left without room shows its count in a badge on its dot instead — so a plan of
//! 2,000 cameras never prints ids over ids, and says how many cameras it could not name.

use super::plan_drawing::Label;
use crate::model::ids::natural_cmp;

/// Dots closer than this on the page, in points, share a place: one label for them.
pub const SHARED: f32 = 3.6;

/// The size of a badge's count, in points.
const BADGE_SIZE: f32 = 4.0;

/// A group of cameras at one place of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'a> {
    /// Where its first camera is, in points.
    pub at: (f32, f32),
    /// Its cameras' ids, in a reader's order.
    pub ids: Vec<&'a str>,
}

impl Group<'_> {
    /// What its label says: the id, or « first–last (n) ».
    pub fn text(&self) -> String {
        match self.ids.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [first, .., last] => format!("{first}–{last} ({})", self.ids.len()),
        }
    }
}

/// A count written in a white disc ringed in ink, on a group whose label found no room.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    /// The disc's centre.
    pub at: (f32, f32),
    /// Its radius.
    pub radius: f32,
    /// The count, centred in it.
    pub label: Label,
}

/// The cameras' labels and badges, and how many cameras no label names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    /// The labels written.
    pub labels: Vec<Label>,
    /// The badges of the groups without a label.
    pub badges: Vec<Badge>,
    /// Cameras in groups without a label.
    pub unlabelled: usize,
}

/// A square grid over the page, each cell listing what lies in it.
struct Grid<T> {
    cell: f32,
    cells: std::collections::HashMap<(i32, i32), Vec<T>>,
}

impl<T: Copy> Grid<T> {
    fn new(cell: f32) -> Self {
        Grid {
            cell,
            cells: std::collections::HashMap::new(),
        }
    }

    fn key(&self, v: f32) -> i32 {
        (v / self.cell).floor().clamp(-1e6, 1e6) as i32
    }

    /// What lies in the cells the box `[x, y, w, h]` touches.
    fn near(&self, [x, y, w, h]: [f32; 4]) -> impl Iterator<Item = T> + '_ {
        let (x0, x1, y0, y1) = (self.key(x), self.key(x + w), self.key(y), self.key(y + h));
        (x0..=x1)
            .flat_map(move |i| (y0..=y1).map(move |j| (i, j)))
            .filter_map(|key| self.cells.get(&key))
            .flatten()
            .copied()
    }

    fn insert(&mut self, [x, y, w, h]: [f32; 4], item: T) {
        for i in self.key(x)..=self.key(x + w) {
            for j in self.key(y)..=self.key(y + h) {
                self.cells.entry((i, j)).or_default().push(item);
            }
        }
    }
}

/// The cameras `(x, y, id)` grouped by place: each camera, in a reader's order of ids, joins
/// the first group whose first camera is within [`SHARED`] points of it.
pub fn groups<'a>(cameras: &[(f32, f32, &'a str)]) -> Vec<Group<'a>> {
    groups_within(cameras, SHARED)
}

/// [`groups`] with another distance: the plan editor's dots are larger than the page's.
pub fn groups_within<'a>(cameras: &[(f32, f32, &'a str)], shared: f32) -> Vec<Group<'a>> {
    let mut order: Vec<&(f32, f32, &str)> = cameras
        .iter()
        .filter(|(x, y, _)| x.is_finite() && y.is_finite())
        .collect();
    order.sort_by(|a, b| natural_cmp(a.2, b.2));
    let mut out: Vec<Group> = Vec::new();
    let mut grid = Grid::new(shared);
    for &&(x, y, id) in &order {
        let near = [x - shared, y - shared, 2.0 * shared, 2.0 * shared];
        let joined = grid.near(near).find(|&index: &usize| {
            let (gx, gy) = out[index].at;
            (gx - x).hypot(gy - y) < shared
        });
        match joined {
            Some(index) => out[index].ids.push(id),
            None => {
                grid.insert([x, y, 0.0, 0.0], out.len());
                out.push(Group {
                    at: (x, y),
                    ids: vec![id],
                });
            }
        }
    }
    out
}

/// Labels `groups` at `size` points within `width` points, none over another: the largest
/// groups first, each in the first of eight places around its dot that is free; `measure`
/// gives a text's width at a size. `dot` is the dots' radius.
pub fn place(
    groups: &[Group],
    size: f32,
    dot: f32,
    width: f32,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Placed {
    let mut order: Vec<&Group> = groups.iter().collect();
    order.sort_by_key(|g| std::cmp::Reverse(g.ids.len()));
    let mut out = Placed::default();
    let mut taken: Vec<[f32; 4]> = Vec::new();
    let mut grid = Grid::new(24.0);
    // Every dot, and the badge a group may get, is in the way of the labels.
    for group in groups {
        let (x, y) = group.at;
        let r = if group.ids.len() > 1 { dot + 1.5 } else { dot };
        let rect = [x - r, y - r, 2.0 * r, 2.0 * r];
        grid.insert(rect, taken.len());
        taken.push(rect);
    }
    for group in order {
        let text = group.text();
        let w = measure(&text, size);
        let (x, y) = group.at;
        // Clear of its own dot, or of the badge it would get.
        let gap = if group.ids.len() > 1 {
            dot + 1.9
        } else {
            dot + 0.4
        };
        // Baselines: above the dot, or below it.
        let spots = [
            (x + gap, y - dot),
            (x - gap - w, y - dot),
            (x + gap, y + dot + size * 0.8),
            (x - gap - w, y + dot + size * 0.8),
            (x + gap, y + size * 0.35),
            (x - gap - w, y + size * 0.35),
            (x - w / 2.0, y - gap - size * 0.2),
            (x - w / 2.0, y + gap + size * 0.8),
        ];
        let free = spots.into_iter().find_map(|(lx, baseline)| {
            let rect = [lx, baseline - size * 0.8, w, size];
            let inside = lx >= 0.0 && lx + w <= width;
            let clear = grid
                .near(rect)
                .all(|index: usize| !overlaps(taken[index], rect));
            (inside && clear).then_some((lx, baseline, rect))
        });
        match free {
            Some((lx, baseline, rect)) => {
                grid.insert(rect, taken.len());
                taken.push(rect);
                out.labels.push(Label {
                    x: lx,
                    y: baseline,
                    size,
                    text,
                });
            }
            None if group.ids.len() == 1 => out.unlabelled += 1,
            None => {
                out.unlabelled += group.ids.len();
                let count = group.ids.len().to_string();
                let cw = measure(&count, BADGE_SIZE);
                let radius = (cw / 2.0 + 1.0).max(dot + 1.0);
                out.badges.push(Badge {
                    at: (x, y),
                    radius,
                    label: Label {
                        x: x - cw / 2.0,
                        y: y + BADGE_SIZE * 0.35,
                        size: BADGE_SIZE,
                        text: count,
                    },
                });
            }
        }
    }
    out
}

fn overlaps(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(text: &str, size: f32) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }

    #[test]
    fn cameras_at_one_place_are_one_label_in_a_readers_order() {
        let cameras = [
            (100.0, 100.0, "1057"),
            (101.0, 100.5, "1051"),
            (100.5, 101.0, "1053"),
            (100.0, 102.0, "1055"),
            (200.0, 100.0, "2"),
        ];
        let groups = groups(&cameras);
        let texts: Vec<String> = groups.iter().map(Group::text).collect();
        assert_eq!(texts, ["2", "1051–1057 (4)"]);
    }

    #[test]
    fn labels_never_overlap_and_the_crowded_are_counted_in_badges() {
        // 2,000 cameras on a 500 × 400 point sheet, a quarter of them crowded in a square of
        // 30 points.
        let ids: Vec<String> = (0..2000).map(|n| format!("CAM-{n}")).collect();
        let cameras: Vec<(f32, f32, &str)> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| {
                if n < 500 {
                    let (i, j) = ((n % 10) as f32, (n / 10 % 10) as f32);
                    return (250.0 + i * 3.0, 200.0 + j * 3.0, id.as_str());
                }
                let n = n as f32;
                ((n * 37.0) % 500.0, (n * 53.0) % 400.0, id.as_str())
            })
            .collect();
        let groups = groups(&cameras);
        let placed = place(&groups, 4.0, 1.8, 500.0, &measure);
        for (i, a) in placed.labels.iter().enumerate() {
            let ra = [a.x, a.y - a.size * 0.8, measure(&a.text, a.size), a.size];
            assert!(ra[0] >= 0.0 && ra[0] + ra[2] <= 500.0);
            for b in &placed.labels[i + 1..] {
                let rb = [b.x, b.y - b.size * 0.8, measure(&b.text, b.size), b.size];
                assert!(!overlaps(ra, rb), "{a:?} over {b:?}");
            }
        }
        let named: usize = placed
            .labels
            .iter()
            .map(|l| {
                l.text.rsplit_once(" (").map_or(1, |(_, n)| {
                    n.trim_end_matches(')').parse::<usize>().unwrap_or(0)
                })
            })
            .sum();
        assert_eq!(
            named + placed.unlabelled,
            2000,
            "every camera named or counted"
        );
        assert!(placed.unlabelled > 0 && !placed.badges.is_empty());
    }
}
