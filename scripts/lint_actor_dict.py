#!/usr/bin/env python3
"""Lint for parley's bundled PETRARCH-format actor dictionaries.

Usage: scripts/lint_actor_dict.py data/dict/parley.*.actors.txt

Checks every entry has a code, codes and phrases are well formed, date restrictions
parse, and no phrase is given conflicting codes anywhere in the files given.
Prints "file:line: message" for each problem and exits 1 if there were any.
"""
import re
import sys
from collections import defaultdict

# Role segments that may follow a country code (CAMEO-style).
ROLES = {
    "GOV", "MIL", "REB", "SEP", "INS", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED",
    "BUS", "EDU", "CVL", "REF", "HLH", "ELI", "LAB", "CRM", "UAF", "AGR", "ENV", "HRI",
    "MNC", "RAD", "SET", "IMG", "NGO", "IGO", "REL", "SOC", "DEV", "LEG",
}
# First segments that are not countries: organisations whose later segments are free.
ORG_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}
# Former states (ISO 3166-3 alpha-3) used in the country file.
FORMER = {"SUN", "YUG", "CSK", "DDR"}

CODE_RE = re.compile(r"^(---|[A-Z]{3}(?:[A-Z]{3}){0,4})$")
WORD_RE = re.compile(r"^[A-Z0-9][A-Z0-9.'\-]*$|^\.$")
DATE_RE = r"(\d{8})"
RESTRICT_RE = re.compile(
    r"^\[(\S+)(?:\s+(?:<" + DATE_RE + r"|>" + DATE_RE + r"|" + DATE_RE + "-" + DATE_RE + r"))?\]\s*(#.*)?$")


def valid_date(d):
    y, m, dd = int(d[:4]), int(d[4:6]), int(d[6:])
    return 1800 <= y <= 2100 and 1 <= m <= 12 and 1 <= dd <= 31


def check_code(code, countries, problems, where):
    if not CODE_RE.match(code):
        problems.append(f"{where}: malformed code '{code}'")
        return
    if code == "---":
        return
    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if head in ORG_PREFIXES:
        return
    if countries is not None and head not in countries and head not in FORMER:
        problems.append(f"{where}: code '{code}' does not start with a known country")
    for seg in rest:
        if seg not in ROLES:
            problems.append(f"{where}: code '{code}' has unknown role segment '{seg}'")


def parse(path, problems):
    """Returns a list of entries: dict(phrases=[(phrase, line)], code, dated=[...], line)."""
    entries = []
    cur = None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        where = f"{path}:{n}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("\t") or line.startswith(" "):
            if cur is None:
                problems.append(f"{where}: date restriction outside an entry")
                continue
            m = RESTRICT_RE.match(line.strip())
            if not m:
                problems.append(f"{where}: malformed date restriction '{line.strip()}'")
                continue
            code, before, after, frm, to = m.group(1, 2, 3, 4, 5)
            for d in (before, after, frm, to):
                if d and not valid_date(d):
                    problems.append(f"{where}: bad date {d}")
            if frm and to and frm > to:
                problems.append(f"{where}: date range runs backwards")
            cur["dated"].append((code, before, after, frm, to, where))
            continue
        body = line.split("#", 1)[0].rstrip()
        synonym = body.startswith("+")
        if synonym:
            body = body[1:]
            if cur is None:
                problems.append(f"{where}: synonym outside an entry")
                continue
        m = re.match(r"^(\S+)\s*(?:\[([^\]]*)\])?\s*$", body)
        if not m:
            problems.append(f"{where}: cannot parse '{line}'")
            continue
        phrase, code = m.group(1), m.group(2)
        if synonym and code:
            problems.append(f"{where}: code on a synonym line")
        words = phrase.rstrip("_").split("_")
        if not phrase.endswith("_"):
            problems.append(f"{where}: phrase '{phrase}' lacks the trailing '_' (exact match)")
        for w in words:
            if not WORD_RE.match(w):
                problems.append(f"{where}: bad word '{w}' in '{phrase}'")
        if synonym:
            cur["phrases"].append((phrase, where))
        else:
            cur = {"phrases": [(phrase, where)], "code": code, "dated": [], "where": where}
            entries.append(cur)
    return entries


def main(paths):
    problems = []
    all_entries = []
    for p in paths:
        all_entries += parse(p, problems)
    # Country heads are the default codes of plain three-letter entries.
    countries = {e["code"] for e in all_entries if e["code"] and len(e["code"]) == 3}
    seen = defaultdict(list)
    for e in all_entries:
        if not e["code"] and not e["dated"]:
            problems.append(f"{e['where']}: entry has no code")
        if e["code"]:
            check_code(e["code"], countries, problems, e["where"])
        for code, *_, where in e["dated"]:
            check_code(code, countries, problems, where)
        key = (e["code"], tuple(d[:5] for d in e["dated"]))
        for phrase, where in e["phrases"]:
            seen[phrase.rstrip("_")].append((key, where))
    for phrase, uses in seen.items():
        if len(uses) > 1:
            codes = {k for k, _ in uses}
            kind = "conflicting codes" if len(codes) > 1 else "duplicate"
            problems.append(f"{uses[1][1]}: {kind} for '{phrase}' (first at {uses[0][1]})")
    for p in problems:
        print(p)
    phrases = sum(len(e["phrases"]) for e in all_entries)
    print(f"{len(all_entries)} entries, {phrases} phrases, {len(problems)} problems",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
