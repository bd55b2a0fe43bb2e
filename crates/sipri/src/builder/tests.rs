use super::*;
use proptest::prelude::*;

#[test]
fn whole_numbers_written_as_floats() {
    assert_eq!(whole("2011.0"), "2011");
    assert_eq!(whole("12.000"), "12");
    for t in ["2011", "2011.", "2011.05", "1.0e3", "x.0.0"] {
        assert_eq!(whole(t), t);
    }
    assert_eq!(parse_year(" 2011.0 ", "y"), Ok(2011));
    assert_eq!(parse_opt_count("12.0", "n"), Ok(Some(12)));
    assert!(parse_opt_count(".0", "n").is_err());
    assert!(parse_year("2011.5", "y").is_err());
}

#[test]
fn number_fast_paths_match_str_parse() {
    for t in [
        "0",
        "0.0",
        "1.2",
        "0.25",
        "5.",
        ".5",
        "1e3",
        "-1",
        "+2",
        "123456789012345",
        "1234567890123456",
        "0.000000000000001",
        "9.999999999999999",
        "00012.50",
        "",
        ".",
        "1.2.3",
        "nan",
        "inf",
        "18446744073709551615",
        "18446744073709551616",
    ] {
        assert_eq!(
            parse_f64(t).map(f64::to_bits).ok(),
            t.parse::<f64>().map(f64::to_bits).ok(),
            "{t:?}"
        );
        assert_eq!(parse_u64(t).ok(), t.parse::<u64>().ok(), "{t:?}");
    }
}

proptest! {
    #[test]
    fn f64_fast_path_is_bit_exact(int in "[0-9]{1,10}", frac in "[0-9]{0,9}", dot: bool) {
        let t = if dot { format!("{int}.{frac}") } else { int };
        prop_assert_eq!(
            parse_f64(&t).map(f64::to_bits).ok(),
            t.parse::<f64>().map(f64::to_bits).ok()
        );
    }

    #[test]
    fn u64_fast_path_matches(t in "[+0-9]{0,21}") {
        prop_assert_eq!(parse_u64(&t).ok(), t.parse::<u64>().ok());
    }

    #[test]
    fn year_parse_matches_generic(t in "[ 0-9a]{0,6}") {
        let generic = {
            let s = t.trim();
            if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                Err(format!("x: '{s}' is not a 4-digit year"))
            } else {
                let y: u16 = s.parse().unwrap();
                if (1900..=2100).contains(&y) {
                    Ok(y)
                } else {
                    Err(format!("x: impossible year {y} (expected 1900-2100)"))
                }
            }
        };
        prop_assert_eq!(parse_year(&t, "x"), generic);
    }
}
