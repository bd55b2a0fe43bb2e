#!/usr/bin/env python3
"""Independent reference for the claims corpus (crates/claims/tests/corpus.tsv).

Reads the raw SIPRI trade register CSV with the standard library only (no
armsflow code), computes the figure named by each sentence's hand-written
spec and the verdict the documented tolerance rules give (docs/claims.md),
and either checks the corpus's recorded `reference` and `expected` columns
(default) or rewrites them (--write).

Spec grammar (one or more parts joined by ' & '; a sentence is supported only
if every part is):

    MEASURE ARGS... | TEST
    none REASON...                      not checkable (money, licences, ...)

Measures (names are SIPRI's, spaces written as '_'; W is YYYY-YYYY; an
optional last argument cat=<SIPRI armament category, '_' for spaces>):

    impshare R S W     % of R's imports that came from S
    expshare S R W     % of S's exports that went to R
    exprank S R W      rank of R among S's recipients (by TIV)
    suprank R S W      rank of S among R's suppliers
    gshare DIR X W     % of world exports/imports (DIR: exports|imports)
    grank DIR X W      rank of X among the world's exporters/importers
    change DIR X W1 W2 % change of X's total exports/imports from W1 to W2
    pair S R W         TIV delivered from S to R
    diff DIR X A B W   imports: TIV X got from A minus from B;
                       exports: TIV X sent to A minus to B

Tests (the stated number and its hedge):

    exact V | about V | almost V | over V | under V | atleast V | atmost V
    factor F | overfactor F         a multiple ("doubled" = factor 2)
    rank N | top N                   rank exactly N / rank <= N
    zero | positive                  figure == 0 / figure > 0

V may be a fraction 'P/Q' (percent = 100*P/Q, written precision: integer).
Changes are signed: "fell by 64 %" is exact -64, "fell by almost two-thirds"
is almost -2/3 (a fall just short of two-thirds: (V, V + 10 half units]).
Tolerances: exact = rounds to V at its written decimals; about = +-5 half
units (+-2.5 for integers); almost = [V - 10 half units, V); factor F =
the ratio new/old within F*(1 +- 0.125), i.e. change in that range.
"""
import csv
import sys
from collections import defaultdict
from fractions import Fraction

REGISTER = "/work/shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv"


def load(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    lines = [l for l in text.splitlines()]
    rows = csv.reader(lines[11:])
    header = next(rows)
    col = {h.rstrip(";"): i for i, h in enumerate(header)}
    flows = []
    for r in rows:
        if len(r) < 16:
            continue
        y = r[col["Delivery year"]]
        v = r[col["TIV delivery values"]].rstrip(";")
        if not y.isdigit() or v == "":
            continue
        flows.append((r[col["Supplier"]], r[col["Recipient"]], int(y),
                      r[col["Armament category"]], float(v)))
    return flows


class Data:
    def __init__(self, flows):
        self.flows = flows
        ys = [f[2] for f in flows]
        self.first, self.last = min(ys), max(ys)

    def covered(self, w):
        return self.first <= w[0] and w[1] <= self.last

    def sums(self, w, cat, key):
        out = defaultdict(float)
        for s, r, y, c, v in self.flows:
            if w[0] <= y <= w[1] and (cat is None or c == cat):
                out[key(s, r)] += v
        return out


def win(s):
    if "-" not in s:
        return int(s), int(s)  # one year: "2020"
    a, b = s.split("-")
    return int(a), int(b)


def name(s):
    return s.replace("_", " ")


def rank_of(d, who):
    order = sorted(d.items(), key=lambda kv: -kv[1])
    for i, (k, v) in enumerate(order, 1):
        if k == who and v > 0:
            return i
    return None


def measure(data, args):
    """Returns (figure, None) or (None, reason not checkable)."""
    cat = None
    if args and args[-1].startswith("cat="):
        cat = name(args.pop()[4:])
    kind = args[0]
    wins = [win(a) for a in args if a[:4].isdigit()]
    for w in wins:
        if not data.covered(w):
            return None, f"window {w[0]}-{w[1]} outside coverage {data.first}-{data.last}"
    if kind in ("impshare", "suprank"):
        r, s = name(args[1]), name(args[2])
        d = data.sums(wins[0], cat, lambda a, b: a if b == r else None)
        d.pop(None, None)
        tot = sum(d.values())
        if tot <= 0:
            return None, "no imports"
        if kind == "impshare":
            return 100 * d.get(s, 0.0) / tot, None
        return rank_of(d, s), None
    if kind in ("expshare", "exprank"):
        s, r = name(args[1]), name(args[2])
        d = data.sums(wins[0], cat, lambda a, b: b if a == s else None)
        d.pop(None, None)
        tot = sum(d.values())
        if tot <= 0:
            return None, "no exports"
        if kind == "expshare":
            return 100 * d.get(r, 0.0) / tot, None
        return rank_of(d, r), None
    if kind in ("gshare", "grank"):
        exp = args[1] == "exports"
        x = name(args[2])
        d = data.sums(wins[0], cat, (lambda a, b: a) if exp else (lambda a, b: b))
        tot = sum(d.values())
        if kind == "gshare":
            return 100 * d.get(x, 0.0) / tot, None
        return rank_of(d, x), None
    if kind == "change":
        exp = args[1] == "exports"
        x = name(args[2])
        key = (lambda a, b: a) if exp else (lambda a, b: b)
        a = data.sums(wins[0], cat, key).get(x, 0.0)
        b = data.sums(wins[1], cat, key).get(x, 0.0)
        if a <= 0:
            return None, "nothing in the first window"
        return 100 * (b / a - 1), None
    if kind == "pair":
        s, r = name(args[1]), name(args[2])
        return data.sums(wins[0], cat, lambda a, b: (a, b)).get((s, r), 0.0), None
    if kind == "diff":
        exp = args[1] == "exports"
        x, a, b = name(args[2]), name(args[3]), name(args[4])
        if exp:
            d = data.sums(wins[0], cat, lambda s, r: r if s == x else None)
        else:
            d = data.sums(wins[0], cat, lambda s, r: s if r == x else None)
        return d.get(a, 0.0) - d.get(b, 0.0), None
    raise ValueError(f"unknown measure {kind}")


def value(s):
    if "/" in s:
        p, q = s.split("/")
        return float(Fraction(int(p), int(q)) * 100), 0
    dec = len(s.split(".")[1]) if "." in s else 0
    return float(s), dec


def test(fig, t):
    op = t[0]
    if op == "zero":
        return fig == 0
    if op == "positive":
        return fig > 0
    if op in ("rank", "top"):
        n = int(t[1])
        if fig is None:
            return False
        return fig == n if op == "rank" else fig <= n
    if op in ("factor", "overfactor"):
        f = float(t[1])
        ratio = 1 + fig / 100
        if op == "overfactor":
            return ratio > f
        return f * 0.875 <= ratio < f * 1.125
    v, dec = value(t[1])
    h = 0.5 * 10 ** (-dec)
    # A whole number above 100 is rounded to its trailing zeros, to at most
    # a tenth of itself: "about 9,600 %" is rounded to hundreds.
    if dec == 0 and abs(v) > 100 and float(v).is_integer():
        digits = str(int(abs(v)))
        zeros = len(digits) - len(digits.rstrip("0"))
        h = 0.5 * 10 ** min(zeros, len(digits) - 2)
    eps = 1e-9 * max(abs(fig), 1)
    if op == "exact":
        return v - h - eps <= fig < v + h - eps
    if op == "about":
        return v - 5 * h - eps <= fig <= v + 5 * h + eps
    if op == "almost":
        # "fell by almost two-thirds": just short of the stated magnitude.
        if v < 0:
            return v + eps < fig <= v + 10 * h + eps
        return v - 10 * h - eps <= fig < v - eps
    if op == "over":
        return fig > v + eps
    if op == "under":
        return fig < v - eps
    if op == "atleast":
        return fig >= v - eps
    if op == "atmost":
        return fig <= v + eps
    raise ValueError(f"unknown test {op}")


def evaluate(data, spec):
    """Returns (reference figure text, verdict)."""
    figs, verdicts = [], []
    for part in spec.split(" & "):
        words = part.split()
        if words[0] == "none":
            return "-", "cannot"
        lhs, rhs = part.split("|")
        fig, why = measure(data, lhs.split())
        if why is not None:
            return "-", "cannot"
        t = rhs.split()
        if t[0] in ("rank", "top"):
            figs.append("-" if fig is None else f"rank {fig}")
        else:
            figs.append(f"{fig:.4f}")
        verdicts.append(test(fig, t))
    return "; ".join(figs), "supported" if all(verdicts) else "not_supported"


def main():
    args = sys.argv[1:]
    write = "--write" in args
    args = [a for a in args if a != "--write"]
    corpus = args[0] if args else "crates/claims/tests/corpus.tsv"
    register = args[1] if len(args) > 1 else REGISTER
    data = Data(load(register))
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, bad = [], 0
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            out.append(line)
            continue
        cols = line.split("\t")
        if cols[0] == "id":
            out.append(line)
            continue
        if len(cols) != 7:
            sys.exit(f"{corpus}:{n}: expected 7 tab-separated columns, got {len(cols)}")
        fig, verdict = evaluate(data, cols[4])
        if (cols[5], cols[6]) != (fig, verdict):
            bad += 1
            if not write:
                print(f"{corpus}:{n}: {cols[0]}: recorded {cols[5]} {cols[6]}, reference {fig} {verdict}")
        cols[5], cols[6] = fig, verdict
        out.append("\t".join(cols))
    if write:
        with open(corpus, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print(f"{corpus}: {bad} rows updated")
    elif bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
