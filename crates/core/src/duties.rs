//! The ten duties of the source article's section III and the questions of its section I.
//! STUB: to be replaced by the popup issue's implementation.

use crate::Category;

/// One duty ("Một là … Mười là").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    /// 1–10.
    pub id: u8,
    /// Short Vietnamese wording.
    pub vi: &'static str,
    /// Short English wording.
    pub en: &'static str,
    /// Categories whose findings speak to this duty.
    pub categories: &'static [Category],
}

/// The ten duties, in order. STUB.
pub fn duties() -> &'static [Duty] {
    &[]
}
