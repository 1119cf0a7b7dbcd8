#!/usr/bin/env python3
"""Syntax and coverage check for parley's bundled PETRARCH-style verb dictionaries.

Usage: check_bundled_dict.py VERBS_FILE [--codes CAMEO_TSV] [--roots 09-20]
                             [--discards FILE] [--issues FILE]

Checks what parley's reader will insist on (one '*' per pattern, a code in [...],
synsets defined before use, well-formed multi-word verbs) plus house rules for the
bundled files (a verb appears in one block only, codes exist in the CAMEO table).
Prints counts and which CAMEO codes the file can produce. Exit status 1 on errors.
"""
import argparse
import re
import sys

CODE_RE = re.compile(r"^(---|###|\d{2,4})(:(---|\d{2,4}))?$")
WORD_RE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]*$")


def strip_comment(line):
    pos = line.find("#")
    # '###' is a code, not a comment, when it sits inside [...].
    while pos >= 0 and line[pos:pos + 4] == "###]":
        pos = line.find("#", pos + 4)
    return (line[:pos] if pos >= 0 else line).rstrip()


class Checker:
    def __init__(self, path, valid_codes):
        self.path = path
        self.valid_codes = valid_codes
        self.errors = []
        self.synsets = {}
        self.blocks = []
        self.verb_owner = {}
        self.codes_used = set()
        self.pattern_count = 0

    def error(self, lineno, msg):
        self.errors.append(f"{self.path}:{lineno}: {msg}")

    def check_code(self, lineno, code):
        if not CODE_RE.match(code):
            self.error(lineno, f"malformed code [{code}]")
            return
        for part in code.split(":"):
            if part in ("---", "###"):
                continue
            if self.valid_codes and part not in self.valid_codes:
                self.error(lineno, f"code {part} is not in the CAMEO table")
            self.codes_used.add(part)

    def check_phrase_word(self, lineno, word, allow_plus=False):
        text = word[1:] if allow_plus and word.startswith("+") else word
        if "'" in text or '"' in text:
            self.error(lineno, f"quote in '{word}' (tokens never contain quotes)")
        parts = text.split("_")
        for part in parts:
            if part == "":
                continue
            if part.startswith("+"):
                part = part[1:]
            if not WORD_RE.match(part):
                self.error(lineno, f"bad word '{part}' in '{word}'")

    def verb_forms(self, lineno, line):
        m = re.match(r"^(\S+)\s*(\{([^}]*)\})?\s*$", line)
        if not m:
            self.error(lineno, f"cannot parse verb line '{line}'")
            return None
        base = m.group(1)
        forms = m.group(3).split() if m.group(3) is not None else []
        if m.group(2) is not None and not forms:
            self.error(lineno, "empty {...}")
        for form in [base] + forms:
            plus = form.count("+")
            if "_" in form:
                if plus != 1:
                    self.error(lineno, f"multi-word verb '{form}' needs exactly one '+'")
            elif plus:
                self.error(lineno, f"single-word verb '{form}' must not carry '+'")
            self.check_phrase_word(lineno, form.replace("+", ""))
        return base.replace("+", "")

    def parse(self):
        block = None
        synset = None
        with open(self.path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = strip_comment(raw.rstrip("\n"))
                if not line.strip():
                    synset = None
                    continue
                line = line.strip()
                if line.startswith("&"):
                    name = line[1:].strip()
                    if not re.match(r"^[A-Z0-9_\-]+$", name) or "_" in name.rstrip("_"):
                        self.error(lineno, f"bad synset label '{line}' (use '-' inside names: "
                                   "'_' joins words in patterns)")
                    if block is not None:
                        self.error(lineno, "synset defined after verb blocks began")
                    key = name.rstrip("_")
                    if key in self.synsets:
                        self.error(lineno, f"synset &{key} defined twice")
                    self.synsets[key] = []
                    synset = key
                    continue
                if line.startswith("---"):
                    m = re.match(r"^---\s+(.+?)\s+\[([^\]]+)\]\s+---$", line)
                    if not m:
                        self.error(lineno, f"malformed block header '{line}'")
                        block = None
                        continue
                    self.check_code(lineno, m.group(2))
                    block = {"name": m.group(1), "code": m.group(2), "line": lineno,
                             "verbs": [], "patterns": []}
                    self.blocks.append(block)
                    synset = None
                    continue
                if line.startswith("+") and synset is not None:
                    member = line[1:].strip()
                    self.check_phrase_word(lineno, member)
                    self.synsets[synset].append(member)
                    continue
                if line.startswith("-"):
                    if block is None:
                        self.error(lineno, "pattern outside a verb block")
                        continue
                    self.parse_pattern(lineno, line, block)
                    continue
                if block is None:
                    self.error(lineno, f"unexpected line '{line}'")
                    continue
                verb = self.verb_forms(lineno, line)
                if verb:
                    if verb in self.verb_owner:
                        self.error(lineno, f"verb {verb} already in block "
                                   f"'{self.verb_owner[verb]}'")
                    self.verb_owner[verb] = block["name"]
                    block["verbs"].append(verb)
        for b in self.blocks:
            if not b["verbs"]:
                self.error(b["line"], f"block '{b['name']}' has no verbs")

    def parse_pattern(self, lineno, line, block):
        m = re.match(r"^-\s+(.*?)\s*\[([^\]]+)\]\s*$", line)
        if not m:
            self.error(lineno, f"pattern without [code]: '{line}'")
            return
        self.check_code(lineno, m.group(2))
        tokens = m.group(1).split()
        if tokens.count("*") != 1:
            self.error(lineno, "pattern needs exactly one '*'")
        for sym in "$+%":
            if tokens.count(sym) > 1:
                self.error(lineno, f"'{sym}' used more than once")
        for tok in tokens:
            if tok in ("*", "$", "+", "%", "^"):
                continue
            if tok.startswith("&"):
                if tok[1:].rstrip("_") not in self.synsets:
                    self.error(lineno, f"unknown synset {tok}")
                continue
            if "&" in tok:
                self.error(lineno, f"synset must be a token of its own: '{tok}'")
                continue
            for piece in tok.split("_"):
                if piece.startswith("&"):
                    key = piece[1:].rstrip("_")
                    if key not in self.synsets:
                        self.error(lineno, f"unknown synset {piece}")
                elif piece in ("", "$", "+", "%", "*"):
                    if piece == "*" :
                        self.error(lineno, f"'*' joined to a word in '{tok}'")
                else:
                    self.check_phrase_word(lineno, piece)
        block["patterns"].append((tokens, m.group(2)))
        self.pattern_count += 1


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                codes[cols[0]] = (cols[1], cols[2])
    # Some tables write the codebook's 183 (non-military bombing) as 1883.
    if "1883" in codes and "183" not in codes:
        codes["183"] = codes["1883"]
    return codes


def check_simple(path, kind, valid_issue=re.compile(r"^[A-Z0-9_]+$")):
    errors, count = [], 0
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            count += 1
            if kind == "issues":
                m = re.match(r"^(\S+)\s+\[([^\]]+)\]$", line)
                if not m or not valid_issue.match(m.group(2)):
                    errors.append(f"{path}:{lineno}: expected 'PHRASE [CODE]'")
                    continue
                phrase = m.group(1)
            else:
                phrase = line[1:] if line.startswith("+") else line
                if " " in phrase.strip():
                    errors.append(f"{path}:{lineno}: join words with '_'")
            for piece in phrase.split("_"):
                if piece and not WORD_RE.match(piece.upper()):
                    errors.append(f"{path}:{lineno}: bad word '{piece}'")
    return count, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("verbs")
    ap.add_argument("--codes")
    ap.add_argument("--roots", default="09-20")
    ap.add_argument("--discards")
    ap.add_argument("--issues")
    args = ap.parse_args()
    table = load_codes(args.codes) if args.codes else {}
    valid = set(table)
    chk = Checker(args.verbs, valid)
    chk.parse()
    errors = list(chk.errors)
    verbs = sum(len(b["verbs"]) for b in chk.blocks)
    print(f"{args.verbs}: {len(chk.synsets)} synsets "
          f"({sum(len(v) for v in chk.synsets.values())} members), "
          f"{len(chk.blocks)} verb blocks, {verbs} verbs, {chk.pattern_count} patterns")
    if table:
        lo, hi = args.roots.split("-")
        wanted = sorted(c for c, (root, _) in table.items() if lo <= root <= hi)
        # A root ("14") is produced by its residual code ("140").
        produced = set(chk.codes_used) | ({"1883"} if "183" in chk.codes_used else set())
        produced |= {c[:2] for c in chk.codes_used if c.endswith("0")
                                          and len(c) == 3}
        missing = [c for c in wanted if c not in produced]
        print(f"CAMEO codes in roots {args.roots}: {len(wanted)}; reachable: "
              f"{len(wanted) - len(missing)}; missing: {' '.join(missing) or 'none'}")
        outside = sorted(c for c in chk.codes_used if not (lo <= table[c][0] <= hi))
        if outside:
            print(f"codes outside roots {args.roots}: {' '.join(outside)}")
    for kind, path in (("discards", args.discards), ("issues", args.issues)):
        if path:
            count, errs = check_simple(path, kind)
            print(f"{path}: {count} entries")
            errors += errs
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
