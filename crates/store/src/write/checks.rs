//! The deal and flow checks that guard every write: the fast per-deal test
//! agrees with the one that names the problem, and each limit is refused.

use super::*;

fn arb_deal() -> impl proptest::strategy::Strategy<Value = Deal> {
    use proptest::prelude::*;
    use proptest::sample::select;
    let year = || select(vec![0u16, 2020, 32_767, 32_768, u16::MAX]);
    let count = || {
        let v = vec![0, 12, i32::MAX as u32, i32::MAX as u32 + 1, u32::MAX];
        proptest::option::of(select(v))
    };
    let tiv = || {
        let v = vec![
            0.0,
            1.5,
            -0.0,
            -1.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        proptest::option::of(select(v))
    };
    let id = proptest::option::of(select(vec![0, 7, i64::MAX as u64, i64::MAX as u64 + 1]));
    (
        (
            0u32..4,
            0u32..4,
            proptest::option::of(year()),
            proptest::collection::vec(year(), 0..3),
        ),
        (count(), count(), tiv(), tiv(), tiv(), tiv(), id),
    )
        .prop_map(
            |((s, r, order_year, delivery_years), (no, nd, a, b, c, d, id))| Deal {
                sipri_id: id,
                supplier: s,
                recipient: r,
                order_year,
                delivery_years,
                number_ordered: no,
                number_delivered: nd,
                tiv_unit_new: a,
                tiv_unit: b,
                tiv_order: c,
                tiv_delivered: d,
                ..Deal::default()
            },
        )
}

proptest::proptest! {
    /// The fast check and the one that names the problem are two
    /// statements of the same predicates: they must never disagree (a
    /// laxer fast check would let a deal through unexplained).
    #[test]
    fn fast_and_detailed_deal_checks_agree(d in arb_deal()) {
        proptest::prop_assert_eq!(deal_ok(&d, 2), deal_problem(&d, 2).is_none(), "{:?}", d);
    }
}

#[test]
fn deal_checks_name_each_problem_and_pass_a_clean_release() {
    let ok = Deal {
        sipri_id: Some(7),
        supplier: 0,
        recipient: 1,
        order_year: Some(2020),
        delivery_years: vec![2021, 2022],
        number_ordered: Some(12),
        tiv_unit: Some(2.5),
        ..Deal::default()
    };
    assert_eq!(check_deals(&[ok.clone(), ok.clone()], 2), Ok(()));
    let bad = |f: fn(&mut Deal)| {
        let mut d = ok.clone();
        f(&mut d);
        assert!(!deal_ok(&d, 2) && deal_ok(&ok, 2));
        check_deals(&[ok.clone(), d], 2).unwrap_err()
    };
    assert!(bad(|d| d.recipient = 2).contains("outside the entity table"));
    assert!(bad(|d| d.delivery_years.push(40_000)).contains("outside 0-32767"));
    assert!(bad(|d| d.order_year = Some(40_000)).contains("outside 0-32767"));
    assert!(bad(|d| d.number_delivered = Some(u32::MAX)).contains("exceeds 2^31"));
    assert!(bad(|d| d.tiv_order = Some(f64::NAN)).contains("invalid TIV value NaN"));
    assert!(bad(|d| d.tiv_delivered = Some(-1.0)).contains("invalid TIV value -1"));
    assert!(bad(|d| d.sipri_id = Some(u64::MAX)).contains("exceeds 2^63"));
}
