//! Shares, changes, ranks, main suppliers, and why a release cannot answer.

use super::*;
use crate::i18n::FigureMsg;

pub(super) fn text(m: &FigureMsg) -> String {
    use FigureMsg::*;
    match m {
        NoDataForRelative => "the release has no data, so relative periods have no meaning".into(),
        NoDeliveriesAtAll => "the release holds no deliveries".into(),
        NotCovered {
            window,
            release_years,
            missing,
        } => {
            let covers = match release_years {
                Some((a, b)) if a == b => format!("the release covers only {a}"),
                Some((a, b)) => format!("the release covers {a}–{b}"),
                None => "the release holds no years of data".to_string(),
            };
            let gaps: Vec<String> = spans(missing)
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            let verb = if missing.len() == 1 { "is" } else { "are" };
            format!(
                "{covers}; {} {verb} not in it, so {window} is not fully covered",
                gaps.join(" and ")
            )
        }
        OneSided { release, format } => match format.as_str() {
            // The side it holds may be the right one for another question:
            // say which table (or a register) this one needs.
            "import_table" => format!(
                "release {release} is SIPRI's table of arms imports (each importer's totals): it holds no exports and no supplier-recipient figures; use the export table for exports, or a trade register"
            ),
            "export_table" => format!(
                "release {release} is SIPRI's table of arms exports (each exporter's totals): it holds no imports and no supplier-recipient figures; use the import table for imports, or a trade register"
            ),
            _ => format!(
                "release {release} is a {format} with one side of each flow only; supplier-recipient figures need a register"
            ),
        },
        Scoped { release, scope } => format!(
            "release {release} is a register download of transfers{scope} only (per its title), so it does not hold every transfer this figure needs; use a release of the whole register"
        ),
        RoundedCells { lo, hi } => {
            let d = crate::i18n::band_decimals(*lo, *hi);
            format!(
                "SIPRI's TIV table rounds each cell to a whole TIV, which allows a change from {lo:.d$} % to {hi:.d$} %, the stated figure included: the table cannot decide the claim"
            )
        }
        RoundedShare { lo, hi } => format!(
            "SIPRI's TIV table rounds each cell to a whole TIV, and its total row differs from the sum of its rows; that allows a world share from {lo:.3} % to {hi:.3} %, for only part of which the stated figure holds: the table cannot decide the claim"
        ),
        RoundedRank { best, worst } => format!(
            "SIPRI's TIV table rounds each cell to a whole TIV; countries within that rounding of each other allow ranks {best} to {worst}, for only some of which the stated rank holds: the table cannot decide the claim"
        ),
        Organisation { who } => format!(
            "{} is an organisation in SIPRI's data (deliveries to or by the organisation itself, marked **), while a figure of its arms imports or exports usually means its member states': the figure cannot tell which is meant",
            who.name
        ),
        BeforeFirstRecord { who, first } => format!(
            "the release records no transfer of {} before {first}: a state before its independence or under an earlier name is another party in SIPRI's data (the Soviet Union, Czechoslovakia, Yugoslavia), so a figure of 0 would answer another question",
            who.name
        ),
        NoCategories { release } => format!(
            "release {release} holds no armament categories (SIPRI's legacy register has no category column), so a figure for one category cannot come from it"
        ),
        Attributed(w) => format!(
            "the sentence attributes the figure to a source ('{w}'): what is checked is the figure against SIPRI's data, not whether the source said it"
        ),
        PublishedIn(y) => format!(
            "the sentence cites SIPRI's {y} publication: the figure is checked on the release named in the citation, which may differ from the one the sentence cites"
        ),
        Revised { release, date } => format!(
            "this verdict is on release {release} (SIPRI data of {date}); SIPRI revises past years with every release, so a figure SIPRI published for this period from an earlier release may differ: check it against the release the figure came from (--release)"
        ),
        CombatReadings { aircraft, combat } => {
            let v = |x: &Option<f64>| x.map_or("no figure".to_string(), |v| format!("{v:.2}"));
            format!(
                "SIPRI has no combat-aircraft category: on its Aircraft category (which also holds helicopters, transport aircraft, trainers and drones) the figure is {}, on its combat aircraft (fighter, FGA, ground-attack and bomber aircraft) {}, and the two readings give different verdicts",
                v(aircraft),
                v(combat)
            )
        }
        ReleaseCaveat { release, caveat } => format!(
            "release {release} carries a caveat from its import ({caveat}), so no verdict rests on it; correct the file and import it again (whole, if rows were rejected), or use another release"
        ),
        NotAShape => "not a shape of this checker".into(),
        NoPeriodResolved => "no period".into(),
        NoDeliveriesOf(p) => format!("{} has no deliveries in this release", p.name),
        ImportedNothing {
            who,
            cat: c,
            window,
        } => format!(
            "{} imported nothing{} in {window}: no share to take",
            who.name,
            cat(c)
        ),
        ExportedNothing {
            who,
            cat: c,
            window,
        } => {
            format!("{} exported nothing{} in {window}", who.name, cat(c))
        }
        ImportShare {
            supplier,
            recipient,
            tiv,
            total,
            cat: c,
            window,
            pct,
            stated,
        } => format!(
            "{} supplied {tiv:.2} of {}'s {total:.2} TIV of imports{} in {window} = {pct:.2} % (denominator: {}'s imports{}); stated {}",
            supplier.name,
            recipient.name,
            cat(c),
            recipient.name,
            cat(c),
            stated.render(false)
        ),
        ExportShare {
            supplier,
            recipient,
            tiv,
            total,
            cat: c,
            window,
            pct,
        } => format!(
            "{} received {tiv:.2} of {}'s {total:.2} TIV of exports{} in {window} = {pct:.2} % (denominator: {}'s exports)",
            recipient.name,
            supplier.name,
            cat(c),
            supplier.name
        ),
        RankAmongRecipients {
            rank,
            of,
            before,
            after,
        } => format!(
            "rank {rank} of {of} recipients ({})",
            neighbours(before, after)
        ),
        NotAmongRecipients => "not among its recipients".into(),
        ChangeFromZero {
            focus,
            dir,
            cat: c,
            window,
        } => format!(
            "{}'s {dir}{} in {window} were 0: no % change",
            focus.name,
            cat(c)
        ),
        Change {
            focus,
            dir,
            cat: c,
            from,
            to,
            pct,
            stated,
        } => format!(
            "{}'s {dir}{} {:.2} TIV in {} → {:.2} TIV in {} = {pct:+.2} % (×{:.3}); stated {}",
            focus.name,
            cat(c),
            from.1,
            from.0,
            to.1,
            to.0,
            to.1 / from.1,
            stated.render(true)
        ),
        NothingRecorded { dir, window } => format!("no {dir} recorded in {window}"),
        Global {
            focus,
            tiv,
            total,
            dir,
            cat: c,
            window,
            pct,
            rank,
            of,
        } => {
            let who = if *dir == Direction::Exports {
                "exporters"
            } else {
                "importers"
            };
            format!(
                "{}: {tiv:.2} of the world's {total:.2} TIV of {dir}{} in {window} = {pct:.2} %, rank {} of {of} {who}",
                focus.name,
                cat(c),
                rank.map_or("-".to_string(), |k| k.to_string()),
            )
        }
        NoPartners {
            focus,
            dir,
            cat: c,
            window,
        } => format!("{} has no {dir}{} in {window}", focus.name, cat(c)),
        OrganisationItself { party } => format!(
            "SIPRI lists '{}' as an organisation, with deliveries of its own only (none here); its members' deliveries are under their own names, and which the sentence means is not read",
            party.name
        ),
        UnknownPool {
            focus,
            dir,
            tiv,
            pct,
            window,
        } => format!(
            "SIPRI lists {tiv:.2} TIV ({pct:.1} %) of {}'s {dir} in {window} with unknown {}, enough to change this rank: the pool may be one {} or several",
            focus.name,
            match dir {
                Direction::Imports => "suppliers",
                Direction::Exports => "recipients",
            },
            match dir {
                Direction::Imports => "supplier",
                Direction::Exports => "recipient",
            }
        ),
        Largest {
            nth,
            role,
            focus,
            cat: c,
            window,
            at_n,
            answer,
            rank,
        } => {
            let role_word = if *role == Role::Supplier {
                "supplier"
            } else {
                "recipient"
            };
            let at: Vec<String> = at_n
                .iter()
                .map(|r| format!("{} ({:.2} TIV, {:.2} %)", r.party.name, r.tiv, r.pct))
                .collect();
            format!(
                "{} {role_word} of {}{} in {window}: {}; {} is {}",
                if nth.top {
                    format!("top-{}", nth.n)
                } else {
                    ordinal_word(nth.n)
                },
                focus.name,
                cat(c),
                if at.is_empty() {
                    "none".to_string()
                } else {
                    at.join(", ")
                },
                answer.name,
                rank.map_or(format!("not a {role_word}"), |k| format!("rank {k}")),
            )
        }
        Compare {
            focus,
            dir,
            cat: c,
            more,
            less,
            window,
        } => {
            let (verb, prep) = if *dir == Direction::Imports {
                ("imported", "from")
            } else {
                ("exported", "to")
            };
            format!(
                "{} {verb}{} {:.2} TIV {prep} {} and {:.2} TIV {prep} {} in {window} (difference {:+.2})",
                focus.name,
                cat(c),
                more.1,
                more.0.name,
                less.1,
                less.0.name,
                more.1 - less.1
            )
        }
        YearOutside { span, year } => format!(
            "the release covers {}-{}; {year} is outside it",
            span.0, span.1
        ),
        FirstYearOfData { span, year } => format!(
            "the release's data run from {} to {}: deliveries before {} would not show, so a first delivery in {year} cannot be confirmed (SIPRI's records start in 1950)",
            span.0, span.1, span.0
        ),
        FirstDelivery {
            supplier,
            recipient,
            span,
            year,
            tiv,
        } => format!(
            "first delivery from {} to {} in the release ({}-{}): {year}, {tiv:.2} TIV",
            supplier.name, recipient.name, span.0, span.1
        ),
        AlreadyDelivered {
            supplier,
            recipient,
            year,
        } => format!(
            "{} already delivered to {} in {year}",
            supplier.name, recipient.name
        ),
        FirstLater {
            supplier,
            recipient,
            year,
            first,
        } => format!(
            "no deliveries from {} to {} in {year}; the first were in {first}",
            supplier.name, recipient.name
        ),
        NoPairDeliveries {
            supplier,
            recipient,
        } => format!(
            "no deliveries from {} to {} in this release",
            supplier.name, recipient.name
        ),
        MainRank {
            supplier,
            recipient,
            rank,
            of,
            cat: c,
            window,
            tiv,
            total,
            pct,
        } => format!(
            "{}: rank {rank} of {of} suppliers of {}{} in {window}, {tiv:.2} of {total:.2} TIV = {pct:.2} %",
            supplier.name,
            recipient.name,
            cat(c)
        ),
        DeliveredNothing {
            supplier,
            recipient,
            cat: c,
            window,
        } => format!(
            "{} delivered nothing{} to {} in {window}",
            supplier.name,
            cat(c),
            recipient.name
        ),
        LargestWas(p, pct) => format!("the largest was {} ({pct:.2} %)", p.name),
        SecondWas { party, pct, lead } => {
            format!("second {} {pct:.2} % ({lead:.1}× less)", party.name)
        }
        MainRule {
            word,
            min_pct,
            min_lead,
        } => format!(
            "rule for \"{}\": rank 1, at least {min_pct:.0} % and at least {min_lead:.0}× the second supplier",
            match word {
                MainWord::Main => "main",
                MainWord::Dominant => "dominant",
            }
        ),
        RelativeWindow(1, w) => format!(
            "'last year' read as the release's last year ({w}), not counted back from when the text was written"
        ),
        RelativeWindow(n, w) => format!(
            "'the last {n} years' read as the release's last {n} years ({w}), not counted back from when the text was written"
        ),
        MainReadings {
            pct,
            lead,
            min_pct,
            min_lead,
        } => format!(
            "\"main\" may mean the largest supplier (it is: rank 1, {pct:.2} %) or a dominant one (it is not: {pct:.2} % and {lead:.1}× the second, where dominant needs at least {min_pct:.0} % and {min_lead:.0}×); which one the sentence means cannot be told"
        ),
        PresentTenseWindow(w) => {
            format!("no period stated: the present tense is read as the latest five years ({w})")
        }
    }
}
