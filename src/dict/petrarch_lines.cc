#include "dict/petrarch_lines.h"

#include <cstdio>

namespace parley::dict::petrarch {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(path + ": cannot open dictionary file");
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IOError(path + ": read error");
  return Status::OK();
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

namespace {

// Where a '#' or ';' comment starts, ignoring those inside [...] so that TABARI's discard
// code "[###]" survives.
size_t CommentStart(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (depth > 0) --depth;
    } else if ((c == '#' || c == ';') && depth == 0) {
      return i;
    }
  }
  return text.size();
}

}  // namespace

bool LineReader::Next(Line* line) {
  while (!rest_.empty()) {
    size_t eol = rest_.find('\n');
    std::string_view raw = rest_.substr(0, eol);
    rest_ = eol == std::string_view::npos ? std::string_view() : rest_.substr(eol + 1);
    ++number_;
    if (in_comment_) {
      size_t close = raw.find("-->");
      if (close == std::string_view::npos) continue;
      in_comment_ = false;
      open_comment_line_ = 0;
      raw = raw.substr(close + 3);
    }
    bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    std::string_view text = Trim(raw);
    if (text.empty()) continue;
    if (text.substr(0, 2) == "<!") {
      if (text.find("-->") == std::string_view::npos) {
        in_comment_ = true;
        open_comment_line_ = number_;
      }
      continue;
    }
    size_t open = text.find("<!--");
    if (open != std::string_view::npos) {
      size_t close = text.find("-->", open + 4);
      if (close == std::string_view::npos) {
        in_comment_ = true;
        open_comment_line_ = number_;
        text = text.substr(0, open);
      } else {
        // A view cannot hold both sides of an inline comment; entries never straddle one
        // in practice, so keep the side that has text.
        std::string_view before = Trim(text.substr(0, open));
        std::string_view after = Trim(text.substr(close + 3));
        text = before.empty() ? after : before;
      }
    }
    text = text.substr(0, CommentStart(text));
    text = Trim(text);
    if (text.empty()) continue;
    line->text = text;
    line->number = number_;
    line->indented = indented;
    return true;
  }
  return false;
}

void SplitWords(std::string_view phrase, std::vector<RawWord>* out, bool* trailing_underscore) {
  out->clear();
  bool trailing = false;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t start = i;
    while (i < phrase.size() && phrase[i] != '_' && !IsBlank(phrase[i])) ++i;
    if (i > start) out->push_back({phrase.substr(start, i - start), false});
    bool underscore = false;
    while (i < phrase.size() && (phrase[i] == '_' || IsBlank(phrase[i]))) {
      if (phrase[i] == '_') underscore = true;
      ++i;
    }
    if (underscore) {
      if (i >= phrase.size()) {
        trailing = true;
      } else if (!out->empty()) {
        out->back().joined_to_next = true;
      }
    }
  }
  if (trailing_underscore != nullptr) *trailing_underscore = trailing;
}

void AppendWord(std::string_view word, WordMatch match, bool adjacent_to_next, Phrase* phrase) {
  PatternElement e;
  e.kind = PatternElement::Kind::kWord;
  e.match = match;
  size_t n = word.size();
  // Treebank "DID N'T" is one token "DIDN'T" for the coder (as TABARI spells it).
  if (n == 3 && word[0] == 'N' && word[1] == '\'' && (word[2] == 'T' || word[2] == 't') &&
      !phrase->empty() && phrase->back().kind == PatternElement::Kind::kWord) {
    phrase->back().text += "N'T";
    phrase->back().match = match;
    phrase->back().adjacent_to_next = adjacent_to_next;
    return;
  }
  if (n > 2 && word[n - 2] == '\'' && (word[n - 1] == 'S' || word[n - 1] == 's')) {
    e.text = Upper(word.substr(0, n - 2));
    e.match = WordMatch::kExact;
    e.adjacent_to_next = true;
    phrase->push_back(std::move(e));
    PatternElement s;
    s.text = "'S";
    s.match = WordMatch::kExact;
    s.adjacent_to_next = adjacent_to_next;
    phrase->push_back(std::move(s));
    return;
  }
  e.text = Upper(word);
  e.adjacent_to_next = adjacent_to_next;
  phrase->push_back(std::move(e));
}

std::string Where(const std::string& path, uint32_t line, std::string_view message) {
  std::string out = path;
  out += ':';
  out += std::to_string(line);
  out += ": ";
  out += message;
  return out;
}

}  // namespace parley::dict::petrarch
