//! Release snapshots on disk.
