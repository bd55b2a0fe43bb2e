#!/usr/bin/env python3
"""Writes the annotated seed article for docs/claims.md to stdout.

Runs `armsflow check-claims --verbose --format json` on the article and lists
every sentence with the claims found, verdicts and reasons. Long explanations
that enumerate SIPRI deals are cut after their totals (no SIPRI rows in docs).

  scripts/seed_article_doc.py ARMSFLOW_BIN ARTICLE [armsflow options...]
"""
import json
import re
import subprocess
import sys

binary, article, *opts = sys.argv[1:]
out = subprocess.run(
    [binary, "check-claims", article, "--verbose", "--format", "json", *opts],
    check=True, capture_output=True, text=True,
).stdout
table = json.loads(out)
notes = {}
skipped = {}
for n in table["notes"]:
    m = re.match(r"(\d+)\. ([^:\[]+?)(?: \[[^\]]*\])?: (.*)$", n)
    if m:
        notes[int(m.group(1))] = m.group(3).rstrip(".")
    m = re.match(r'Skipped: "(.*)" — (.*)\.$', n)
    if m:
        skipped[m.group(1)] = m.group(2)


def short(e):
    # "… worth 48.80 TIV in 2008, 2009: Lynx MRL (…)…" -> stop before the deal list.
    m = re.match(r"(SIPRI lists .*? deliveries from .*? worth [\d.]+ TIV in [\d, ]+):", e)
    return m.group(1) + " (the CLI lists the deals)" if m else e


with open(article, encoding="utf-8") as f:
    text = f.read()
sentences = []
for line in text.split("\n"):
    line = line.strip()
    if not line:
        continue
    # Split after . ! ? before a capital, but not after "6." or "z." / "B.".
    start = 0
    for m in re.finditer(r"[.!?]\s+(?=[A-ZÄÖÜ])", line):
        word = line[start : m.start()].split()[-1] if line[start : m.start()].split() else ""
        if m.group(0)[0] == "." and (word.isdigit() or len(word) == 1):
            continue
        sentences.append(line[start : m.start() + 1])
        start = m.end()
    sentences.append(line[start:])

rows = table["rows"]
seen = set()
for i, s in enumerate(sentences, 1):
    print(f"{i}. *{s}*")
    mine = [r for r in rows if r["sentence"] == s]
    if s in seen and mine:
        print("   - (the article repeats this sentence: same claims and verdicts as above)")
        continue
    seen.add(s)
    if not mine and s not in skipped:
        print("   - no claim")
    shown = set()
    for r in mine:
        if r["claim"] in shown:
            continue
        shown.add(r["claim"])
        print(f"   - `{r['claim']}` — **{r['verdict']}**: {short(notes[r['#']])}.")
    if s in skipped:
        print(f"   - skipped: {skipped[s]}.")
unmatched = [r for r in rows if r["sentence"] not in sentences]
if unmatched:
    sys.exit(f"sentences not matched: {[r['sentence'] for r in unmatched]}")
