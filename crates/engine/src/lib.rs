//! Metrics over one release. Every function here is pure: a release in, numbers out.
