#include "dict/tabari_syntax.h"

#include <cctype>

namespace parley::dict::tabari {
namespace {

using Kind = PatternElement::Kind;

// One lexical item of a phrase before alternatives are expanded.
struct Item {
  enum Type { kElement, kOpen, kBar, kClose } type = kElement;
  PatternElement element;
  bool no_endings = false;  // word ended in '='
  bool adjacent = false;    // joined to the next item by '_' or '~_'
};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads the connector after an item: '_' (adjacent, exact word), '~_' (adjacent, stem),
// '_ ' (exact, not adjacent) or blank. Returns whether the word is exact.
bool ReadConnector(std::string_view s, size_t* i, bool* adjacent) {
  *adjacent = false;
  if (*i < s.size() && s[*i] == '~' && *i + 1 < s.size() && s[*i + 1] == '_') {
    *i += 2;
    *adjacent = true;
    return false;
  }
  if (*i < s.size() && s[*i] == '_') {
    ++*i;
    while (*i < s.size() && s[*i] == '_') ++*i;
    *adjacent = *i < s.size() && !IsBlank(s[*i]);
    return true;
  }
  return false;
}

bool Lex(std::string_view s, std::vector<Item>* items, std::string* error) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsBlank(s[i])) {
      ++i;
      continue;
    }
    Item item;
    char c = s[i];
    if (c == '{' || c == '|' || c == '}') {
      item.type = c == '{' ? Item::kOpen : c == '|' ? Item::kBar : Item::kClose;
      ++i;
      ReadConnector(s, &i, &item.adjacent);
      items->push_back(item);
      continue;
    }
    if (c == '*' || c == '$' || c == '+' || c == '%' || c == '^') {
      item.element.kind = c == '*'   ? Kind::kVerb
                          : c == '$' ? Kind::kSource
                          : c == '+' ? Kind::kTarget
                          : c == '%' ? Kind::kCompound
                                     : Kind::kSkip;
      ++i;
      ReadConnector(s, &i, &item.adjacent);
      items->push_back(item);
      continue;
    }
    size_t start = i;
    while (i < s.size() && !IsBlank(s[i]) && s[i] != '_' && s[i] != '~' && s[i] != '=' &&
           s[i] != '{' && s[i] != '|' && s[i] != '}') {
      ++i;
    }
    if (i == start) {  // stray '~' or '='
      ++i;
      continue;
    }
    std::string word(s.substr(start, i - start));
    for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    bool exact = false;
    if (i < s.size() && s[i] == '=') {
      ++i;
      exact = true;
      item.no_endings = true;
    }
    bool adjacent = false;
    if (ReadConnector(s, &i, &adjacent)) exact = true;
    item.adjacent = adjacent;
    if (word[0] == '&') {
      item.element.kind = Kind::kSynset;
      item.element.text = word.substr(1);
      if (item.element.text.empty()) {
        *error = "empty synset name";
        return false;
      }
    } else {
      item.element.kind = Kind::kWord;
      item.element.text = std::move(word);
      item.element.match = exact ? WordMatch::kExact : WordMatch::kStem;
    }
    items->push_back(std::move(item));
  }
  return true;
}

// Expands alternative groups into plain sequences of items.
bool Expand(const std::vector<Item>& items, std::vector<std::vector<Item>>* out,
            std::string* error) {
  out->assign(1, {});
  size_t i = 0;
  while (i < items.size()) {
    const Item& it = items[i];
    if (it.type == Item::kElement) {
      for (auto& seq : *out) seq.push_back(it);
      ++i;
      continue;
    }
    if (it.type != Item::kOpen) {
      *error = "'|' or '}' outside an alternative set";
      return false;
    }
    // A connector written just before '{' ("DEMAND_{") joins the previous element.
    std::vector<std::vector<Item>> alternatives(1);
    size_t j = i + 1;
    for (; j < items.size() && items[j].type != Item::kClose; ++j) {
      if (items[j].type == Item::kOpen) {
        *error = "nested alternative sets";
        return false;
      }
      if (items[j].type == Item::kBar) {
        alternatives.emplace_back();
      } else {
        alternatives.back().push_back(items[j]);
      }
    }
    if (j == items.size()) {
      *error = "unclosed '{'";
      return false;
    }
    bool adjacent_after = items[j].adjacent;
    std::vector<std::vector<Item>> next;
    for (const auto& seq : *out) {
      for (auto alt : alternatives) {
        if (alt.empty()) continue;
        alt.back().adjacent = adjacent_after;
        auto combined = seq;
        combined.insert(combined.end(), alt.begin(), alt.end());
        next.push_back(std::move(combined));
      }
    }
    out->swap(next);
    i = j + 1;
  }
  return true;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsBlank(s[b])) ++b;
  while (e > b && IsBlank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string_view StripComment(std::string_view line) {
  size_t semi = line.find(';');
  if (semi != std::string_view::npos) line = line.substr(0, semi);
  return Trim(line);
}

bool ParsePhrase(std::string_view text, PhraseRole role, std::vector<Phrase>* out,
                 std::string* error) {
  out->clear();
  std::string s(Trim(text));
  for (char& c : s) {
    if (c == '-') c = '_';
  }
  std::vector<Item> items;
  if (!Lex(s, &items, error)) return false;
  std::vector<std::vector<Item>> sequences;
  if (!Expand(items, &sequences, error)) return false;
  for (auto& seq : sequences) {
    if (seq.empty()) continue;
    Phrase phrase;
    for (size_t k = 0; k < seq.size(); ++k) {
      PatternElement e = seq[k].element;
      e.adjacent_to_next = seq[k].adjacent && k + 1 < seq.size();
      bool last = k + 1 == seq.size();
      if (last && role == PhraseRole::kNounLike && e.kind == Kind::kWord &&
          e.match == WordMatch::kExact && !seq[k].no_endings) {
        e.match = WordMatch::kNounForms;
      }
      phrase.push_back(std::move(e));
    }
    out->push_back(std::move(phrase));
  }
  if (out->empty()) {
    *error = "empty phrase";
    return false;
  }
  return true;
}

EventCode ParseEventCode(std::string_view text) {
  EventCode code;
  std::string s;
  for (char c : text) {
    if (!IsBlank(c)) s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  // TABARI writes the null code with optional blanks: "- - -".
  if (s.size() && s.find_first_not_of('-') == std::string::npos) s = "---";
  if (!s.empty() && s.back() == '!') {
    code.dominant = true;
    s.pop_back();
  } else if (!s.empty() && s.back() == '?') {
    code.subordinate = true;
    s.pop_back();
  }
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    code.primary = s.substr(0, colon);
    code.paired = s.substr(colon + 1);
  } else {
    code.primary = s;
  }
  return code;
}

bool SplitPhraseAndCodes(std::string_view line, std::string_view* phrase,
                         std::vector<std::string_view>* codes) {
  codes->clear();
  size_t open = line.find('[');
  *phrase = Trim(line.substr(0, open == std::string_view::npos ? line.size() : open));
  // A ']' in the phrase means a lost '['; read on, the phrase would get a bogus word "]".
  if (phrase->find(']') != std::string_view::npos) return false;
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) return false;
    std::string_view inner = line.substr(open + 1, close - open - 1);
    if (inner.find('[') != std::string_view::npos) return false;  // "[ [010]": a lost ']'
    codes->push_back(Trim(inner));
    open = line.find('[', close);
    const size_t gap_end = open == std::string_view::npos ? line.size() : open;
    if (line.substr(close + 1, gap_end - close - 1).find(']') != std::string_view::npos)
      return false;
  }
  return true;
}

}  // namespace parley::dict::tabari
