//! RFC 3339 timestamps without a date-time dependency: the store only ever needs
//! "now, in UTC, to the second".

use std::time::{SystemTime, UNIX_EPOCH};

/// `now` as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339_utc(now: SystemTime) -> String {
    let secs = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

pub use model::locale::civil_from_days;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400); // leap day 2000
        assert_eq!(rfc3339_utc(t), "2000-02-29T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_770_899_172);
        assert_eq!(rfc3339_utc(t), "2026-02-12T12:26:12Z");
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
