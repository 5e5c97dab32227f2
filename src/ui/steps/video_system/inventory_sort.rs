//! The camera inventory table's order: the column it is sorted by and the direction, and what
//! a click on a column's title does to it.

/// The inventory table's order: the column, and whether it runs in descending order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted by.
    pub key: SortKey,
    /// From the last to the first.
    pub is_descending: bool,
}

impl Sort {
    /// The order after a click on `key`'s column: the same column again flips the order,
    /// another starts ascending.
    pub fn clicked(self, key: SortKey) -> Sort {
        Sort {
            key,
            is_descending: self.key == key && !self.is_descending,
        }
    }
}

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// By id.
    #[default]
    Id,
    /// By location.
    Location,
    /// By perimeter.
    Perimeter,
}
