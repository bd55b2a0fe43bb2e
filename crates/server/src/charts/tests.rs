use super::*;

#[test]
fn stacked_has_id_and_tooltips() {
    let svg = stacked_shares(
        "supplier-chart",
        "Suppliers",
        &["2015-2019".into(), "2020-2024".into()],
        &[Stack {
            name: "Russia <&>".into(),
            shares: vec![0.5, 0.884],
            color: PALETTE[0],
        }],
        Lang::En,
    );
    assert!(svg.contains("<svg id=\"supplier-chart\""));
    assert!(svg.contains("Russia &lt;&amp;&gt; 2020-2024: 88.4 %"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.ends_with("</svg></div>"));
    assert!(svg.contains("class=\"s0\""));
}

#[test]
fn lines_skip_missing_points() {
    let svg = lines(
        "c",
        "t",
        "d",
        &["a".into(), "b".into(), "c".into()],
        &[Line {
            name: "HHI".into(),
            color: PALETTE[0],
            values: vec![Some(0.5), None, Some(1.0)],
            right_axis: false,
            fmt: |v, l| decimal(v, 2, l),
        }],
        1.0,
        5.0,
        Lang::En,
    );
    assert_eq!(svg.matches("<circle").count(), 2);
    assert_eq!(svg.matches(" M").count() + svg.matches("\"M").count(), 2);
}

#[test]
fn german_chart_text() {
    let svg = stacked_shares(
        "c",
        "t",
        &["2020-2024".into()],
        &[Stack {
            name: "Russland".into(),
            shares: vec![0.884],
            color: PALETTE[0],
        }],
        Lang::De,
    );
    assert!(svg.contains("Russland 2020-2024: 88,4 %"), "{svg}");
    assert!(svg.contains(">50 %<"), "{svg}");
    assert!(svg.contains("Anteil jedes Lieferlandes"), "{svg}");
    let empty = ranked_bars("b", "t", &[], PALETTE[0], Lang::De);
    assert!(empty.contains("Keine Lieferungen"), "{empty}");
}

#[test]
fn nice_axis_maxima() {
    assert_eq!(nice_max(0.0), 1.0);
    assert_eq!(nice_max(195.0), 200.0);
    assert_eq!(nice_max(201.0), 250.0);
    assert_eq!(nice_max(1000.0), 1000.0);
    assert_eq!(nice_max(3.2), 5.0);
}

#[test]
fn stacked_values_draw_each_positive_value() {
    let svg = stacked_values(
        "annual",
        "t",
        "d",
        &["2020".into(), "2021".into()],
        &[Stack {
            name: "Russia".into(),
            shares: vec![0.0, 195.0],
            color: COUNTRY_PALETTE[1],
        }],
        &|v| format!("{v:.0}"),
    );
    assert_eq!(
        svg.matches("<rect").count(),
        2,
        "one bar, one legend swatch"
    );
    assert!(svg.contains("Russia 2021: 195"));
    assert!(svg.contains("s-other-color"));
}

#[test]
fn one_axis_without_right_lines() {
    let svg = lines(
        "c",
        "t",
        "d",
        &["a".into()],
        &[Line {
            name: "HHI".into(),
            color: PALETTE[0],
            values: vec![Some(0.5)],
            right_axis: false,
            fmt: |v, _| format!("{v:.2}"),
        }],
        1.0,
        7.0,
        Lang::En,
    );
    assert!(!svg.contains(">7.0<"), "no right-axis labels");
}

#[test]
fn bars_scale_to_max() {
    let svg = ranked_bars(
        "b",
        "t",
        &[
            Bar {
                label: "A".into(),
                value: 10.0,
                shown: "10".into(),
                href: Some("/country/A".into()),
            },
            Bar {
                label: "B".into(),
                value: 5.0,
                shown: "5".into(),
                href: None,
            },
        ],
        PALETTE[0],
        Lang::En,
    );
    assert!(svg.contains("width=\"194.0\""));
    assert!(svg.contains("width=\"97.0\""));
    assert!(svg.contains("<a href=\"/country/A\" aria-label=\"A: 10\">"));
    assert!(
        svg.contains("role=\"group\""),
        "a chart with links is not an image"
    );
}
