// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/syntax.h"

namespace parley::syntax {
namespace {

// Parses a decimal integer that is the whole of `s`; false otherwise.
bool ParseInt(std::string_view s, int* value) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(s.data(), s.data() + s.size(), *value);
  return true;
}

// Splits `line` on tabs into at most 11 fields (the 11th means too many).
size_t SplitFields(std::string_view line, std::string_view fields[11]) {
  size_t n = 0;
  size_t start = 0;
  while (n < 11) {
    const size_t tab = line.find('\t', start);
    fields[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n;
}

class Reader {
 public:
  Reader(std::string_view name, std::vector<Sentence>* out, std::vector<std::string>* errors)
      : name_(name), out_(out), errors_(errors) {}

  // Handles one line (without its newline); false when reading must stop.
  bool Line(std::string_view line, size_t line_number) {
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return EndSentence(line_number);
    if (skipping_) return true;
    if (line.front() == '#') {
      if (current_.words.empty()) {
        current_.comments.emplace_back(line);
        return true;
      }
      return Fail(line_number, "comment line inside a sentence");
    }
    std::string_view f[11];
    const size_t n = SplitFields(line, f);
    if (n != 10) {
      return Fail(line_number, "expected 10 tab-separated fields, found " +
                                   (n > 10 ? std::string("more") : std::to_string(n)));
    }
    const std::string_view id = f[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      // Multiword token or empty node: checked for shape, then skipped.
      const size_t sep = id.find_first_of("-.");
      int a = 0, b = 0;
      if (!ParseInt(id.substr(0, sep), &a) || !ParseInt(id.substr(sep + 1), &b)) {
        return Fail(line_number, "bad ID '" + std::string(id) + "'");
      }
      return true;
    }
    int number = 0;
    if (!ParseInt(id, &number)) return Fail(line_number, "bad ID '" + std::string(id) + "'");
    if (number != static_cast<int>(current_.words.size()) + 1) {
      return Fail(line_number, "ID " + std::string(id) + " out of sequence (expected " +
                                   std::to_string(current_.words.size() + 1) + ")");
    }
    if (f[1].empty()) return Fail(line_number, "empty FORM");
    for (int i = 2; i < 10; ++i) {
      if (f[i].empty()) return Fail(line_number, "empty field " + std::to_string(i + 1));
    }
    Word w;
    w.form = f[1];
    w.lemma = f[2];
    w.upos = f[3];
    w.xpos = f[4];
    w.feats = f[5];
    if (f[6] != "_") {
      if (!ParseInt(f[6], &w.head)) {
        return Fail(line_number, "bad HEAD '" + std::string(f[6]) + "'");
      }
    }
    w.deprel = f[7];
    w.deps = f[8];
    w.misc = f[9];
    head_lines_.push_back(line_number);
    current_.words.push_back(std::move(w));
    return true;
  }

  // Ends the sentence at a blank line or at the end of the text.
  bool EndSentence(size_t line_number) {
    if (!skipping_ && !current_.words.empty()) {
      const int n = static_cast<int>(current_.words.size());
      for (int i = 0; i < n; ++i) {
        if (current_.words[i].head > n) {
          skipping_ = true;
          if (!Fail(head_lines_[i], "HEAD " + std::to_string(current_.words[i].head) +
                                        " beyond the sentence's " + std::to_string(n) + " words")) {
            return false;
          }
          break;
        }
      }
      if (!skipping_) out_->push_back(std::move(current_));
    }
    current_ = Sentence();
    head_lines_.clear();
    skipping_ = false;
    return true;
  }

  Status status() const { return status_; }

 private:
  bool Fail(size_t line_number, const std::string& what) {
    const std::string message =
        std::string(name_) + ":" + std::to_string(line_number) + ": " + what;
    skipping_ = true;
    if (errors_ == nullptr) {
      status_ = Status::Corruption(message);
      return false;
    }
    errors_->push_back(message);
    return true;
  }

  std::string_view name_;
  std::vector<Sentence>* out_;
  std::vector<std::string>* errors_;
  Sentence current_;
  std::vector<size_t> head_lines_;
  bool skipping_ = false;  // the current sentence had an error: drop it
  Status status_;
};

}  // namespace

Status ReadConllu(std::string_view text, std::string_view name, std::vector<Sentence>* out,
                  std::vector<std::string>* errors) {
  Reader reader(name, out, errors);
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_number;
    if (!reader.Line(text.substr(pos, nl - pos), line_number)) return reader.status();
    pos = nl + 1;
  }
  if (!reader.EndSentence(line_number)) return reader.status();
  return Status::OK();
}

Status ReadConlluFile(const std::string& path, std::vector<Sentence>* out,
                      std::vector<std::string>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open CoNLL-U file " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path);
  return ReadConllu(buffer.str(), path, out, errors);
}

void AppendConllu(const Sentence& sentence, std::string* out) {
  for (const std::string& c : sentence.comments) {
    out->append(c);
    out->push_back('\n');
  }
  int id = 0;
  for (const Word& w : sentence.words) {
    out->append(std::to_string(++id));
    for (const std::string* field : {&w.form, &w.lemma, &w.upos, &w.xpos, &w.feats}) {
      out->push_back('\t');
      out->append(field->empty() ? "_" : *field);
    }
    out->push_back('\t');
    out->append(w.head < 0 ? "_" : std::to_string(w.head));
    for (const std::string* field : {&w.deprel, &w.deps, &w.misc}) {
      out->push_back('\t');
      out->append(field->empty() ? "_" : *field);
    }
    out->push_back('\n');
  }
  out->push_back('\n');
}

}  // namespace parley::syntax
