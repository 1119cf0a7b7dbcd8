// PETRARCH-1 and PETRARCH-2/Phoenix dictionary readers (format: PETRARCH docs,
// dictionaries.rst). Each file is read whole and parsed line by line on string_views.
//
// Conventions chosen where the formats leave room (see the tests for the behaviour):
// - Actor phrases: '_' joins consecutive words, a blank lets a few words intervene (the
//   unit tests expect "ITHILEN TELEVISION" to code "Ithilen state-run television"); every
//   word matches exactly (PETRARCH has no stems; a trailing '_' changes nothing).
// - Agent phrases: '_' joins consecutive words, a blank lets words intervene (docs). The
//   last word gets regular plurals unless a {...} list is given ({} = no plural).
// - Verb patterns: PETRARCH-2 groups {NOUN PHRASE} and (PREP PHRASE) become plain
//   sequential words joined by blanks (words may intervene), which the sparse coder can
//   match without a parse tree.
// - Verb lines with a non-empty {...} list still get regular forms: the shipped files give
//   incomplete lists ("BREAK {BROKE BROKEN}") and unused regular forms are harmless.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/petrarch_lines.h"
#include "dict/readers.h"

namespace parley::dict {
namespace {

using petrarch::AppendWord;
using petrarch::IsBlank;
using petrarch::Line;
using petrarch::LineReader;
using petrarch::RawWord;
using petrarch::SplitWords;
using petrarch::Trim;
using petrarch::Upper;
using petrarch::Where;

// Per-file state shared by all readers: the path for messages and the warning sink.
struct Context {
  const std::string& path;
  std::vector<std::string>* warnings;
  void Warn(uint32_t line, std::string_view message) const {
    if (warnings != nullptr) warnings->push_back(Where(path, line, message));
  }
  Origin At(uint32_t line) const { return Origin{path, line}; }
};

void FinishReading(const LineReader& reader, const Context& ctx) {
  if (reader.unterminated_comment_line() != 0)
    ctx.Warn(reader.unterminated_comment_line(), "unterminated <!-- comment swallows the rest");
}

// Builds a phrase of plain words; `blank_joins` decides what a blank between words means.
Phrase WordPhrase(std::string_view text, bool blank_joins, WordMatch last_match,
                  std::vector<RawWord>* scratch, bool* trailing_underscore = nullptr) {
  SplitWords(text, scratch, trailing_underscore);
  Phrase phrase;
  for (size_t i = 0; i < scratch->size(); ++i) {
    const RawWord& w = (*scratch)[i];
    bool last = i + 1 == scratch->size();
    bool adjacent = !last && (w.joined_to_next || blank_joins);
    AppendWord(w.text, last ? last_match : WordMatch::kExact, adjacent, &phrase);
  }
  return phrase;
}

// Extracts the text of the bracket group starting at `s[open]` ('[' or '{'); the group
// closes at `closers`. Returns false when it never closes.
bool TakeGroup(std::string_view s, size_t open, std::string_view closers, std::string_view* inner,
               size_t* after) {
  size_t close = s.find_first_of(closers, open + 1);
  if (close == std::string_view::npos) return false;
  *inner = s.substr(open + 1, close - open - 1);
  *after = close + 1;
  return true;
}

// ---------------------------------------------------------------------------------------
// Actors

bool ParseRestriction(std::string_view code, std::string_view restriction, DatedCode* out,
                      std::string* error) {
  out->code = Upper(code);
  restriction = Trim(restriction);
  auto date = [&](std::string_view text, Date* d) {
    text = Trim(text);
    bool digits = !text.empty();
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    *d = digits && (text.size() == 6 || text.size() == 8) ? ParseDate(text) : 0;
    if (*d == 0) *error = "bad date '" + std::string(text) + "' in actor date restriction";
    return *d != 0;
  };
  if (restriction.front() == '<') return date(restriction.substr(1), &out->to);
  if (restriction.front() == '>') return date(restriction.substr(1), &out->from);
  size_t dash = restriction.find('-');
  if (dash == std::string_view::npos) {
    *error = "date restriction '" + std::string(restriction) + "' needs <date, >date or date-date";
    return false;
  }
  return date(restriction.substr(0, dash), &out->from) &&
         date(restriction.substr(dash + 1), &out->to);
}

// Applies every "[CODE]" / "[CODE restriction]" group in `text` to `entry`.
void ParseActorCodes(std::string_view text, uint32_t line, const Context& ctx, ActorEntry* entry) {
  size_t i = 0;
  while (i < text.size()) {
    if (IsBlank(text[i])) {
      ++i;
      continue;
    }
    if (text[i] != '[') {
      ctx.Warn(line, "unexpected text '" + std::string(text.substr(i)) + "' after actor code");
      return;
    }
    std::string_view inner;
    if (!TakeGroup(text, i, "]", &inner, &i)) {
      ctx.Warn(line, "actor code is missing its closing ']'");
      return;
    }
    inner = Trim(inner);
    if (inner.empty()) {
      ctx.Warn(line, "empty actor code []");
      continue;
    }
    size_t blank = inner.find_first_of(" \t");
    std::string_view code = inner.substr(0, blank);
    if (code.front() >= '0' && code.front() <= '9') {
      ctx.Warn(line, "actor date restriction '" + std::string(inner) + "' has no code");
      continue;
    }
    if (blank == std::string_view::npos) {
      entry->default_code = Upper(code);
      continue;
    }
    DatedCode dated;
    std::string error;
    if (ParseRestriction(code, inner.substr(blank), &dated, &error)) {
      entry->dated.push_back(std::move(dated));
    } else {
      ctx.Warn(line, error);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Verbs

// "[064]", "[032:033]", "[:173]" (no primary event: null), "[---]".
bool ParseEventCode(std::string_view inner, uint32_t line, const Context& ctx, EventCode* code) {
  inner = Trim(inner);
  if (inner.empty()) {
    ctx.Warn(line, "empty event code []");
    return false;
  }
  std::string text = Upper(inner);
  std::string clean;
  for (char c : text)
    if (!IsBlank(c)) clean += c;
  // TABARI markers, kept by the CAMEO files: "!" dominant, "?" subordinate.
  if (!clean.empty() && clean.back() == '!') {
    code->dominant = true;
    clean.pop_back();
  } else if (!clean.empty() && clean.back() == '?') {
    code->subordinate = true;
    clean.pop_back();
  }
  size_t colon = clean.find(':');
  if (colon == std::string::npos) {
    code->primary = clean;
    code->paired.clear();
  } else {
    code->primary = clean.substr(0, colon);
    code->paired = clean.substr(colon + 1);
    if (code->primary.empty()) code->primary = "---";
  }
  return true;
}

// A verb phrase: "ABANDON", "+CORDON_OFF", "WIRE_+TAP", "LASH OUT". The '+' word (else the
// first) is the inflected head.
Phrase VerbPhrase(std::string_view text, std::vector<RawWord>* scratch) {
  SplitWords(text, scratch, nullptr);
  Phrase phrase;
  int head = -1;
  for (size_t i = 0; i < scratch->size(); ++i) {
    std::string_view w = (*scratch)[i].text;
    bool is_head = false;
    if (w.front() == '+') {
      w.remove_prefix(1);
      is_head = true;
    }
    if (w.empty()) continue;
    bool adjacent = i + 1 < scratch->size() && (*scratch)[i].joined_to_next;
    AppendWord(w, WordMatch::kExact, adjacent, &phrase);
    if (is_head && head < 0) head = static_cast<int>(phrase.size()) - 1;
  }
  if (!phrase.empty()) phrase[head < 0 ? 0 : head].is_verb_head = true;
  return phrase;
}

bool ParseVerbLine(std::string_view text, uint32_t line, const Context& ctx, VerbWord* verb,
                   std::vector<RawWord>* scratch) {
  size_t groups = text.find_first_of("{[");
  std::string_view phrase_text = Trim(text.substr(0, groups));
  std::string_view rest = groups == std::string_view::npos ? "" : text.substr(groups);
  verb->phrase = VerbPhrase(phrase_text, scratch);
  if (verb->phrase.empty()) {
    ctx.Warn(line, "verb line has no verb");
    return false;
  }
  size_t i = 0;
  while (i < rest.size()) {
    char c = rest[i];
    if (IsBlank(c)) {
      ++i;
      continue;
    }
    std::string_view inner;
    if (c == '{') {
      if (!TakeGroup(rest, i, "}", &inner, &i)) {
        ctx.Warn(line, "verb forms are missing their closing '}'");
        return false;
      }
      inner = Trim(inner);
      verb->generate_regular = !inner.empty();
      size_t j = 0;
      while (j < inner.size()) {
        while (j < inner.size() && IsBlank(inner[j])) ++j;
        size_t start = j;
        while (j < inner.size() && !IsBlank(inner[j])) ++j;
        if (j > start)
          verb->irregular.push_back(VerbPhrase(inner.substr(start, j - start), scratch));
      }
    } else if (c == '[') {
      if (!TakeGroup(rest, i, "]", &inner, &i)) {
        ctx.Warn(line, "verb code is missing its closing ']'");
        return false;
      }
      if (!ParseEventCode(inner, line, ctx, &verb->code)) return false;
    } else {
      ctx.Warn(line, "unexpected text '" + std::string(rest.substr(i)) + "' on verb line");
      return false;
    }
  }
  return true;
}

// "--- NAME [code] ---"; no code means the null code.
void ParseBlockHeader(std::string_view text, uint32_t line, const Context& ctx, VerbBlock* block) {
  while (!text.empty() && text.front() == '-') text.remove_prefix(1);
  size_t open = text.find('[');
  std::string_view tail = text;
  if (open != std::string_view::npos) {
    std::string_view inner;
    size_t after;
    if (TakeGroup(text, open, "]", &inner, &after)) {
      ParseEventCode(inner, line, ctx, &block->code);
      tail = text.substr(0, open);
    } else {
      ctx.Warn(line, "block code is missing its closing ']'");
      tail = text.substr(0, open);
    }
  } else {
    while (!tail.empty() && (tail.back() == '-' || IsBlank(tail.back()))) tail.remove_suffix(1);
  }
  if (block->code.primary.empty()) block->code.primary = "---";
  std::string_view name = Trim(tail);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  block->name = Upper(name);
  block->origin = ctx.At(line);
}

// Checks that the (PREP PHRASE) and {NOUN PHRASE} groups of a pattern body nest and close,
// and that no stray bracket is left: a pattern that lost a ')' would otherwise load as a
// different pattern and fire where the author never meant it to.
bool GroupsBalance(std::string_view body, std::string* error) {
  std::string open;  // the unclosed openers, innermost last
  for (char c : body) {
    if (c == '(' || c == '{') {
      open.push_back(c);
    } else if (c == ')' || c == '}') {
      const char opener = c == ')' ? '(' : '{';
      if (open.empty() || open.back() != opener) {
        *error = open.empty() ? std::string("unbalanced '") + c + "' (nothing to close)"
                              : std::string("unbalanced '") + c + "' closes '" + open.back() + "'";
        return false;
      }
      open.pop_back();
    } else if (c == '[' || c == ']') {
      *error = std::string("stray '") + c + "' in pattern";
      return false;
    }
  }
  if (!open.empty()) {
    *error = std::string("unbalanced '") + open.back() + "' (never closed)";
    return false;
  }
  return true;
}

// Appends the elements of a pattern body ("SAID_+ * (FOR {FINANCIAL AID}) $").
bool ParsePatternBody(std::string_view body, uint32_t line, const Context& ctx, Phrase* out,
                      std::vector<RawWord>* scratch) {
  if (std::string error; !GroupsBalance(body, &error)) {
    ctx.Warn(line, error + "; pattern skipped");
    return false;
  }
  std::string flat(body);
  for (char& c : flat)
    if (c == '{' || c == '}' || c == '(' || c == ')') c = ' ';
  SplitWords(flat, scratch, nullptr);
  int verbs = 0;
  for (size_t i = 0; i < scratch->size(); ++i) {
    const RawWord& w = (*scratch)[i];
    bool adjacent = i + 1 < scratch->size() && w.joined_to_next;
    PatternElement e;
    e.adjacent_to_next = adjacent;
    using Kind = PatternElement::Kind;
    if (w.text.front() == '*' && w.text.size() > 1) {
      // "*SCEPTICAL": a missing blank; read it as the verb followed by the word.
      e.kind = Kind::kVerb;
      e.adjacent_to_next = true;
      out->push_back(std::move(e));
      ++verbs;
      AppendWord(w.text.substr(1), WordMatch::kExact, adjacent, out);
      continue;
    }
    if (w.text == "*") {
      e.kind = Kind::kVerb;
      ++verbs;
    } else if (w.text == "$") {
      e.kind = Kind::kSource;
    } else if (w.text == "+") {
      e.kind = Kind::kTarget;
    } else if (w.text == "%") {
      e.kind = Kind::kCompound;
    } else if (w.text == "^") {
      e.kind = Kind::kSkip;
    } else if (w.text.front() == '&') {
      if (w.text.size() == 1) {
        ctx.Warn(line, "'&' without a synset name");
        return false;
      }
      e.kind = Kind::kSynset;
      e.text = Upper(w.text.substr(1));
    } else {
      AppendWord(w.text, WordMatch::kExact, adjacent, out);
      continue;
    }
    out->push_back(std::move(e));
  }
  if (verbs != 1) {
    ctx.Warn(line, verbs == 0 ? "pattern has no '*' verb position"
                              : "pattern has more than one '*' verb position");
    return false;
  }
  return true;
}

bool ParsePatternLine(std::string_view text, uint32_t line, const Context& ctx,
                      VerbPattern* pattern, std::vector<RawWord>* scratch) {
  if (text.size() > 1 && text[1] == '-') {
    ctx.Warn(line, "pattern line starts with '--'");
    return false;
  }
  text.remove_prefix(1);
  size_t open = text.rfind('[');
  if (open == std::string_view::npos) {
    ctx.Warn(line, "pattern has no [code]");
    return false;
  }
  std::string_view inner;
  size_t after;
  if (!TakeGroup(text, open, "]", &inner, &after)) {
    ctx.Warn(line, "pattern code is missing its closing ']'");
    return false;
  }
  if (!Trim(text.substr(after)).empty()) {
    ctx.Warn(line, "unexpected text after pattern code");
    return false;
  }
  if (!ParseEventCode(inner, line, ctx, &pattern->code)) return false;
  pattern->origin = ctx.At(line);
  return ParsePatternBody(text.substr(0, open), line, ctx, &pattern->elements, scratch);
}

// A synset member: consecutive words, synset references allowed ("+&TIETYPES").
Phrase SynsetMember(std::string_view text, bool plurals, std::vector<RawWord>* scratch) {
  bool trailing = false;
  SplitWords(text, scratch, &trailing);
  Phrase phrase;
  for (size_t i = 0; i < scratch->size(); ++i) {
    std::string_view w = (*scratch)[i].text;
    bool last = i + 1 == scratch->size();
    if (w.front() == '&' && w.size() > 1) {
      PatternElement e;
      e.kind = PatternElement::Kind::kSynset;
      e.text = Upper(w.substr(1));
      e.adjacent_to_next = !last;
      phrase.push_back(std::move(e));
      continue;
    }
    WordMatch match = last && plurals && !trailing ? WordMatch::kNounForms : WordMatch::kExact;
    AppendWord(w, match, !last, &phrase);
  }
  return phrase;
}

// ---------------------------------------------------------------------------------------
// Agents

using SubstitutionSets = std::unordered_map<std::string, std::vector<std::string>>;

// Expands every "!NAME!" marker of `text`, left to right; false (with a warning) for an
// unknown or unclosed marker, or when the forms would pass kMaxAgentForms. Text a set puts
// in is not expanded again, so a set that names itself ("!A! = X!A!") cannot loop.
constexpr size_t kMaxAgentForms = 4096;

bool ExpandMarkers(const std::string& text, const SubstitutionSets& sets, uint32_t line,
                   const Context& ctx, std::vector<std::string>* out) {
  struct Partial {
    std::string text;
    size_t scan_from;  // markers start at or after this offset
  };
  std::vector<Partial> work{{text, 0}};
  size_t produced = 0;
  while (!work.empty()) {
    Partial p = std::move(work.back());
    work.pop_back();
    const size_t open = p.text.find('!', p.scan_from);
    if (open == std::string::npos) {
      if (++produced > kMaxAgentForms) {
        ctx.Warn(line, "substitution markers in '" + text + "' expand to more than " +
                           std::to_string(kMaxAgentForms) + " phrases; agent skipped");
        return false;
      }
      out->push_back(std::move(p.text));
      continue;
    }
    const size_t close = p.text.find('!', open + 1);
    if (close == std::string::npos) {
      ctx.Warn(line, "unclosed substitution marker in '" + text + "'");
      return false;
    }
    const std::string marker = p.text.substr(open, close - open + 1);
    auto it = sets.find(marker);
    if (it == sets.end()) {
      ctx.Warn(line, "undefined substitution marker " + marker);
      return false;
    }
    // Pushed in reverse so the forms come out in the set's order.
    for (auto item = it->second.rbegin(); item != it->second.rend(); ++item) {
      work.push_back(
          {p.text.substr(0, open) + *item + p.text.substr(close + 1), open + item->size()});
    }
  }
  return true;
}

void ReadSubstitution(std::string_view text, uint32_t line, const Context& ctx,
                      SubstitutionSets* sets) {
  size_t eq = text.find('=');
  std::string name = Upper(Trim(text.substr(0, eq)));
  if (eq == std::string_view::npos || name.size() < 3 || name.back() != '!') {
    ctx.Warn(line, "substitution set must look like !NAME! = A, B");
    return;
  }
  std::vector<std::string>& items = (*sets)[name];
  items.clear();
  std::string_view list = text.substr(eq + 1);
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = Trim(list.substr(0, comma));
    if (!item.empty()) items.push_back(Upper(item));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (items.empty()) ctx.Warn(line, "substitution set " + name + " is empty");
}

bool ParseAgentLine(std::string_view text, uint32_t line, const Context& ctx,
                    const SubstitutionSets& sets, AgentEntry* agent,
                    std::vector<RawWord>* scratch) {
  size_t open = text.find('[');
  if (open == std::string_view::npos) {
    ctx.Warn(line, "agent has no [code]");
    return false;
  }
  std::string_view inner;
  size_t after;
  // "[~ENV}" occurs in the shipped files; accept either closer.
  if (!TakeGroup(text, open, "]}", &inner, &after)) {
    ctx.Warn(line, "agent code is missing its closing ']'");
    return false;
  }
  std::string code;
  for (char c : inner)
    if (!IsBlank(c)) code += c;
  code = Upper(code);
  if (!code.empty() && code.front() == '~') {
    agent->code = code.substr(1);
  } else if (!code.empty() && code.back() == '~') {
    agent->code = code.substr(0, code.size() - 1);
    agent->prefix = true;
  } else {
    ctx.Warn(line, "agent code [" + code + "] needs '~' before (suffix) or after (prefix) it");
    return false;
  }
  if (agent->code.empty()) {
    ctx.Warn(line, "empty agent code");
    return false;
  }
  std::string_view head = text.substr(0, open);
  size_t brace = head.find('{');
  bool has_plurals = brace != std::string_view::npos;
  std::string_view plurals;
  if (has_plurals) {
    size_t end;
    if (!TakeGroup(head, brace, "}", &plurals, &end)) {
      ctx.Warn(line, "agent plural list is missing its closing '}'");
      return false;
    }
    head = head.substr(0, brace);
  }
  head = Trim(head);
  if (head.empty()) {
    ctx.Warn(line, "agent has no phrase");
    return false;
  }
  if (head.find('!') != std::string_view::npos) {
    std::vector<std::string> forms;
    if (!ExpandMarkers(Upper(head), sets, line, ctx, &forms)) return false;
    for (const std::string& form : forms)
      agent->phrases.push_back(WordPhrase(form, false, WordMatch::kExact, scratch));
  } else {
    WordMatch last = has_plurals ? WordMatch::kExact : WordMatch::kNounForms;
    agent->phrases.push_back(WordPhrase(head, false, last, scratch));
  }
  size_t j = 0;
  while (j < plurals.size()) {
    while (j < plurals.size() && IsBlank(plurals[j])) ++j;
    size_t start = j;
    while (j < plurals.size() && !IsBlank(plurals[j])) ++j;
    if (j > start)
      agent->phrases.push_back(
          WordPhrase(plurals.substr(start, j - start), false, WordMatch::kExact, scratch));
  }
  agent->origin = ctx.At(line);
  return true;
}

// ---------------------------------------------------------------------------------------
// Issues

// Expands the PETRARCH issue shorthands: "a+b" -> "A B" and "A-B"; "n:word" -> singular and
// plural; "v:word" -> base, -S, -ED/-D, -ING. Works on the upper-cased line.
void ExpandIssueForms(const std::string& text, std::vector<std::string>* out) {
  size_t plus = text.find('+');
  if (plus != std::string::npos) {
    std::string blank = text, hyphen = text;
    blank[plus] = ' ';
    hyphen[plus] = '-';
    ExpandIssueForms(blank, out);
    ExpandIssueForms(hyphen, out);
    return;
  }
  size_t noun = text.find("N:");
  size_t verb = text.find("V:");
  bool is_noun = noun != std::string::npos && (verb == std::string::npos || noun < verb);
  size_t at = is_noun ? noun : verb;
  if (at == std::string::npos) {
    out->push_back(text);
    return;
  }
  std::string before = text.substr(0, at);
  std::string rest = text.substr(at + 2);
  size_t end = rest.find(' ');
  std::string root = rest.substr(0, end);
  std::string after = end == std::string::npos ? "" : rest.substr(end);
  std::vector<std::string> roots{root};
  if (!root.empty()) {
    if (is_noun) {
      roots.push_back(root.back() == 'Y' ? root.substr(0, root.size() - 1) + "IES" : root + "S");
    } else {
      roots.push_back(root + "S");
      if (root.back() == 'E') {
        roots.push_back(root + "D");
        roots.push_back(root.substr(0, root.size() - 1) + "ING");
      } else {
        roots.push_back(root + "ED");
        roots.push_back(root + "ING");
      }
    }
  }
  for (const std::string& r : roots) ExpandIssueForms(before + r + after, out);
}

}  // namespace

Status ReadPetrarchActors(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings) {
  std::string content;
  Status status = petrarch::ReadWholeFile(path, &content);
  if (!status.ok()) return status;
  Context ctx{path, warnings};
  LineReader reader(content);
  Line line;
  std::optional<ActorEntry> current;
  std::vector<RawWord> scratch;
  auto flush = [&] {
    if (current && !current->phrases.empty()) builder->AddActor(std::move(*current));
    current.reset();
  };
  // Phrase text runs to the first '['; the rest holds codes.
  auto add_phrase = [&](std::string_view text, uint32_t number) {
    size_t open = text.find('[');
    Phrase phrase = WordPhrase(Trim(text.substr(0, open)), false, WordMatch::kExact, &scratch);
    if (phrase.empty()) {
      ctx.Warn(number, "actor line has no phrase");
    } else {
      current->phrases.push_back(std::move(phrase));
    }
    if (open != std::string_view::npos) ParseActorCodes(text.substr(open), number, ctx, &*current);
  };
  while (reader.Next(&line)) {
    std::string_view text = line.text;
    if (text.front() == '+' || text.front() == '[') {
      if (!current) {
        ctx.Warn(line.number, "synonym or code before any primary actor phrase");
        continue;
      }
      if (text.front() == '+') {
        add_phrase(text.substr(1), line.number);
      } else {
        ParseActorCodes(text, line.number, ctx, &*current);
      }
      continue;
    }
    flush();
    current.emplace();
    current->origin = ctx.At(line.number);
    add_phrase(text, line.number);
  }
  flush();
  FinishReading(reader, ctx);
  return Status::OK();
}

Status ReadPetrarchAgents(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings) {
  std::string content;
  Status status = petrarch::ReadWholeFile(path, &content);
  if (!status.ok()) return status;
  Context ctx{path, warnings};
  LineReader reader(content);
  Line line;
  SubstitutionSets sets;
  std::vector<RawWord> scratch;
  while (reader.Next(&line)) {
    std::string_view text = line.text;
    if (text.front() == '!' && text.find('=') != std::string_view::npos) {
      ReadSubstitution(text, line.number, ctx, &sets);
      continue;
    }
    AgentEntry agent;
    if (ParseAgentLine(text, line.number, ctx, sets, &agent, &scratch))
      builder->AddAgent(std::move(agent));
  }
  FinishReading(reader, ctx);
  return Status::OK();
}

Status ReadPetrarchVerbs(const std::string& path, DictionaryBuilder* builder,
                         std::vector<std::string>* warnings) {
  std::string content;
  Status status = petrarch::ReadWholeFile(path, &content);
  if (!status.ok()) return status;
  Context ctx{path, warnings};
  LineReader reader(content);
  Line line;
  std::optional<VerbBlock> block;
  std::optional<Synset> synset;
  std::vector<RawWord> scratch;
  int transformations = 0;
  auto flush_synset = [&] {
    if (!synset) return;
    if (synset->members.empty())
      ctx.Warn(synset->origin.line, "synset &" + synset->name + " is empty");
    builder->AddSynset(std::move(*synset));
    synset.reset();
  };
  auto flush_block = [&] {
    if (!block) return;
    if (block->verbs.empty()) {
      ctx.Warn(block->origin.line, "verb block " + block->name + " has no verbs");
    } else {
      builder->AddVerbBlock(std::move(*block));
    }
    block.reset();
  };
  while (reader.Next(&line)) {
    std::string_view text = line.text;
    char c = text.front();
    if (text.substr(0, 3) == "---") {
      flush_synset();
      flush_block();
      block.emplace();
      ParseBlockHeader(text, line.number, ctx, &*block);
    } else if (c == '&') {
      flush_synset();
      synset.emplace();
      std::string_view label = text.substr(1);
      label = label.substr(0, label.find_first_of(" \t"));
      synset->generate_plurals = !(label.size() > 0 && label.back() == '_');
      while (!label.empty() && label.back() == '_') label.remove_suffix(1);
      if (label.empty()) {
        ctx.Warn(line.number, "synset label has no name");
        synset.reset();
        continue;
      }
      synset->name = Upper(label);
      synset->origin = ctx.At(line.number);
    } else if (c == '+' && synset) {
      Phrase member = SynsetMember(text.substr(1), synset->generate_plurals, &scratch);
      if (member.empty()) {
        ctx.Warn(line.number, "empty synset member");
      } else {
        synset->members.push_back(std::move(member));
        synset->member_lines.push_back(line.number);
      }
    } else if (c == '~') {
      ++transformations;
    } else if (c == '-') {
      flush_synset();
      if (!block) {
        ctx.Warn(line.number, "pattern outside a '--- NAME [code] ---' block");
        continue;
      }
      VerbPattern pattern;
      if (ParsePatternLine(text, line.number, ctx, &pattern, &scratch))
        block->patterns.push_back(std::move(pattern));
    } else if (c == '<') {
      ctx.Warn(line.number, "unexpected tag line in a PETRARCH verb file");
    } else {
      flush_synset();
      if (!block) {
        ctx.Warn(line.number, "verb outside a '--- NAME [code] ---' block");
        continue;
      }
      VerbWord verb;
      verb.origin = ctx.At(line.number);
      if (ParseVerbLine(text, line.number, ctx, &verb, &scratch))
        block->verbs.push_back(std::move(verb));
    }
  }
  flush_synset();
  flush_block();
  FinishReading(reader, ctx);
  if (transformations > 0 && warnings != nullptr)
    warnings->push_back(path + ": " + std::to_string(transformations) +
                        " transformation (~) lines not compiled (not supported yet)");
  return Status::OK();
}

Status ReadPetrarchDiscards(const std::string& path, DictionaryBuilder* builder,
                            std::vector<std::string>* warnings) {
  std::string content;
  Status status = petrarch::ReadWholeFile(path, &content);
  if (!status.ok()) return status;
  Context ctx{path, warnings};
  LineReader reader(content);
  Line line;
  std::vector<RawWord> scratch;
  while (reader.Next(&line)) {
    std::string_view text = line.text;
    DiscardEntry entry;
    if (text.front() == '+') {
      entry.whole_story = true;
      text.remove_prefix(1);
    }
    bool trailing = false;
    // The discard string matches as a prefix of the sentence text: a stem at its end
    // unless it ends with '_'.
    entry.phrase = WordPhrase(Trim(text), true, WordMatch::kStem, &scratch, &trailing);
    if (trailing && !entry.phrase.empty()) entry.phrase.back().match = WordMatch::kExact;
    if (entry.phrase.empty()) {
      ctx.Warn(line.number, "empty discard phrase");
      continue;
    }
    entry.origin = ctx.At(line.number);
    builder->AddDiscard(std::move(entry));
  }
  FinishReading(reader, ctx);
  return Status::OK();
}

Status ReadPetrarchIssues(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings) {
  std::string content;
  Status status = petrarch::ReadWholeFile(path, &content);
  if (!status.ok()) return status;
  Context ctx{path, warnings};
  LineReader reader(content);
  Line line;
  std::vector<RawWord> scratch;
  std::vector<std::string> forms;
  int uncoded = 0;
  uint32_t first_uncoded = 0;
  while (reader.Next(&line)) {
    std::string_view text = line.text;
    // Category tags group issues; "~" / "~~" exclusion phrases are not modelled yet.
    if (text.front() == '<' || text.front() == '~') continue;
    size_t open = text.find('[');
    std::string_view inner;
    size_t after;
    if (open == std::string_view::npos) {
      // PETRARCH skips phrases without a code by design (unfinished entries): one note.
      if (uncoded++ == 0) first_uncoded = line.number;
      continue;
    }
    if (!TakeGroup(text, open, "]", &inner, &after)) {
      ctx.Warn(line.number, "issue code is missing its closing ']'");
      continue;
    }
    std::string code = Upper(Trim(inner));
    std::string target = Upper(Trim(text.substr(0, open)));
    if (code.empty() || target.empty()) {
      ctx.Warn(line.number, "issue line needs a phrase and a [code]");
      continue;
    }
    forms.clear();
    ExpandIssueForms(target, &forms);
    for (const std::string& form : forms) {
      IssueEntry entry;
      entry.phrase = WordPhrase(form, true, WordMatch::kExact, &scratch);
      if (entry.phrase.empty()) continue;
      entry.code = code;
      entry.origin = ctx.At(line.number);
      builder->AddIssue(std::move(entry));
    }
  }
  if (uncoded > 0)
    ctx.Warn(first_uncoded, std::to_string(uncoded) + " issue phrase(s) without [code] skipped");
  FinishReading(reader, ctx);
  return Status::OK();
}

}  // namespace parley::dict
