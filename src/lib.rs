pub mod chart;
pub mod codec;
pub mod format;
pub mod model;
