"""Reproduces the seed article's numbers from a stored SIPRI release:

- Russia supplied 88.4 % of Kazakhstan's arms imports in 2020-2024;
- Kazakhstan was the third-largest buyer of Russian arms, with 10.6 %.

    pip install ./python
    python examples/seed_article.py --import ../shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv --data-dir /tmp/armsflow-data
    python examples/seed_article.py                      # uses the default data directory

Every figure printed names the release it comes from and SIPRI's attribution.
"""

from __future__ import annotations

import argparse
import sys

import armsflow


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", help="armsflow data directory (default: as the CLI)")
    ap.add_argument("--import", dest="import_file", metavar="FILE", help="import this SIPRI export first")
    ap.add_argument("--period", default="2020-2024")
    args = ap.parse_args()

    if args.import_file:
        res = armsflow.import_file(args.import_file, data_dir=args.data_dir)
        print(f"imported {args.import_file} as release {res['release']}")

    try:
        imports = armsflow.imports("Kazakhstan", period=args.period, data_dir=args.data_dir)
        exports = armsflow.exports("Russia", period=args.period, data_dir=args.data_dir)
    except armsflow.UsageError as e:
        print(f"armsflow: {e}", file=sys.stderr)
        return 2

    # Partners of the previous window only are unranked (rank missing, so
    # pandas reads the column as float): integer ranks with <NA>.
    exports["rank"] = exports["rank"].astype("Int64")
    rus = imports[imports["supplier"] == "Russia"].iloc[0]
    kaz = exports[exports["recipient"] == "Kazakhstan"].iloc[0]
    print(f"Kazakhstan's arms imports {args.period}: {imports['TIV'].sum():.2f} TIV (millions)")
    print(f"  from Russia: {rus['TIV']:.2f} TIV = {rus['share %']:.1f} %  (the article: 88 %)")
    print(f"Russia's arms exports {args.period}: {exports['TIV'].sum():.2f} TIV")
    print(
        f"  Kazakhstan: rank {kaz['rank']}, {kaz['share %']:.1f} %  "
        "(the article: third-largest buyer)"
    )
    print()
    print("Top three buyers of Russian arms:")
    print(exports[["rank", "recipient", "TIV", "share %"]].head(3).round(1).to_string(index=False))
    print()
    print(f"Window: {imports.attrs['window']}; release {imports.attrs['release']}.")
    print(f"{imports.attrs['attribution']}")

    # The article's sentence, checked claim by claim.
    sentence = (
        "Von 2020 bis 2024 entfielen 88 Prozent aller Waffenimporte auf Russland, somit war "
        "Kasachstan in diesem Zeitraum der drittgrößte Abnehmer russischer Waffen."
    )
    checks = armsflow.check(sentence, data_dir=args.data_dir)
    print()
    print(checks[["claim", "verdict", "computed", "rank"]].to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
