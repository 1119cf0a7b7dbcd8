// PETRARCH XML records:
//
//   <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
//   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//   <Text> Arnor is about to restore ... </Text>
//   <Parse> (ROOT ...) </Parse>                      ignored: we parse text ourselves
//   </Sentence>
//
// A small streaming tokenizer, not a general XML parser: it knows comments, CDATA,
// processing instructions, start/end/empty tags with quoted or bare attributes, and the
// five named entities plus numeric ones. <Config option= value=> elements outside a
// sentence are handed to the next sentence as Document::options. Tag names compare
// case-insensitively. Each record problem is reported with the line of its tag. A broken
// tag (an unbalanced attribute quote, a missing '>') ends at the next '<', which XML never
// allows inside a tag, so it costs only its own sentence: that sentence is skipped and
// named, and reading goes on with the next one.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "io/io_internal.h"
#include "text/unicode.h"

namespace parley::io {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

bool NameEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y | 0x20);
    if (x != y) return false;
  }
  return true;
}

// Decodes &amp; &lt; &gt; &quot; &apos; &#N; &#xH; and appends to `out`. Anything else
// after '&' is kept as written: hand-made files contain bare ampersands.
void AppendDecoded(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    size_t semi = s.find(';', amp);
    std::string_view name =
        semi == std::string_view::npos || semi - amp > 10 ? "" : s.substr(amp + 1, semi - amp - 1);
    bool decoded = true;
    if (name == "amp") {
      out->push_back('&');
    } else if (name == "lt") {
      out->push_back('<');
    } else if (name == "gt") {
      out->push_back('>');
    } else if (name == "quot") {
      out->push_back('"');
    } else if (name == "apos") {
      out->push_back('\'');
    } else if (name.size() >= 2 && name[0] == '#') {
      uint32_t cp = 0;
      bool hex = name[1] == 'x' || name[1] == 'X';
      bool ok = name.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
        char c = name[k];
        int digit = c >= '0' && c <= '9'                            ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                    : -1;
        if (digit < 0 || cp > 0x10FFFF) ok = false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        text::internal::AppendUtf8(static_cast<char32_t>(cp), out);
      } else {
        decoded = false;
      }
    } else {
      decoded = false;
    }
    if (decoded) {
      i = semi + 1;
    } else {
      out->push_back('&');
      i = amp + 1;
    }
  }
}

struct Token {
  enum Kind { kText, kStartTag, kEndTag, kOther, kMalformed } kind = kOther;
  std::string_view body;  // text, or the tag without '<', '/' and '>' (kMalformed: all of it)
  bool self_closing = false;
};

// Finds attribute `name` in a tag body; decoded value into `out`. False when absent.
bool Attribute(std::string_view tag, std::string_view name, std::string* out) {
  size_t i = 0;
  while (i < tag.size() && !IsSpace(tag[i])) ++i;  // the element name
  while (i < tag.size()) {
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    size_t name_start = i;
    while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '=') ++i;
    std::string_view attr = tag.substr(name_start, i - name_start);
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    std::string_view value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && IsSpace(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        char quote = tag[i];
        size_t close = tag.find(quote, i + 1);
        if (close == std::string_view::npos) close = tag.size();
        value = tag.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        size_t start = i;
        while (i < tag.size() && !IsSpace(tag[i])) ++i;
        value = tag.substr(start, i - start);
      }
    }
    if (attr.empty()) {
      ++i;
      continue;
    }
    if (NameEquals(attr, name)) {
      out->clear();
      AppendDecoded(value, out);
      return true;
    }
  }
  return false;
}

std::string_view TagName(std::string_view tag) {
  size_t i = 0;
  while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '/') ++i;
  return tag.substr(0, i);
}

class PetrarchXmlReader : public RecordReader {
 public:
  PetrarchXmlReader(std::unique_ptr<ByteSource> source, std::string origin, Warner* warner)
      : source_(std::move(source)), origin_(std::move(origin)), warner_(warner) {}

  bool Next(Document* doc) override {
    Token token;
    if (has_replay_) {
      // The <Sentence> tag that cut short the previous sentence.
      has_replay_ = false;
      tag_line_ = replay_line_;
      StartSentence(Token{Token::kStartTag, replay_tag_, false}, doc);
    }
    while (NextToken(&token)) {
      if (token.kind == Token::kText) {
        if (in_sentence_ && in_text_) raw_text_.append(token.body);
        continue;
      }
      if (token.kind == Token::kOther) continue;
      if (token.kind == Token::kMalformed) {
        ReportMalformedTag(token.body, doc);
        continue;
      }
      std::string_view name = TagName(token.body);
      if (token.kind == Token::kStartTag) {
        if (NameEquals(name, "Sentence")) {
          if (in_sentence_) {
            warner_->AtLine(origin_, tag_line_,
                            fmt::format("<Sentence> inside sentence {} (missing </Sentence>); "
                                        "the earlier one ends here",
                                        doc->id));
            replay_tag_.assign(token.body);
            replay_line_ = tag_line_;
            has_replay_ = true;
            if (FinishSentence(doc)) return true;
            has_replay_ = false;
            tag_line_ = replay_line_;
          }
          StartSentence(token, doc);
          continue;
        }
        if (in_parse_) continue;  // parse trees are skipped whole
        if (NameEquals(name, "Config")) {
          std::string option, value;
          Attribute(token.body, "option", &option);
          Attribute(token.body, "value", &value);
          if (in_sentence_) {
            doc->options.push_back(option + "=" + value);
          } else {
            pending_options_.push_back(option + "=" + value);
          }
        } else if (!in_sentence_) {
          continue;
        } else if (NameEquals(name, "Text")) {
          in_text_ = !token.self_closing;
          has_text_ = true;
        } else if (NameEquals(name, "Parse")) {
          in_parse_ = !token.self_closing;
        } else if (NameEquals(name, "EventCoding")) {
          AddEventCoding(token, doc);
        }
        continue;
      }
      // End tags.
      if (NameEquals(name, "Sentence") && in_sentence_) {
        if (in_parse_ || in_text_) {
          warner_->AtLine(origin_, tag_line_,
                          fmt::format("sentence {}: <{}> not closed before </Sentence>", doc->id,
                                      in_parse_ ? "Parse" : "Text"));
        }
        if (FinishSentence(doc)) return true;
      } else if (NameEquals(name, "Parse")) {
        in_parse_ = false;
      } else if (in_parse_) {
        continue;
      } else if (NameEquals(name, "Text")) {
        in_text_ = false;
      }
    }
    if (!source_->error().empty()) warner_->AtLine(origin_, line_number_, source_->error());
    if (in_sentence_) {
      warner_->AtLine(origin_, doc->origin_line,
                      fmt::format("sentence {} is not closed before the end of the file", doc->id));
      in_text_ = in_parse_ = false;
      if (FinishSentence(doc)) return true;
    }
    return false;
  }

 private:
  // A broken tag (`tag` from its '<'): inside a sentence it spoils the sentence, which is
  // then skipped; a broken <Sentence> tag skips that sentence (its <Text> and the rest are
  // outside any sentence and ignored); any other broken tag is ignored.
  void ReportMalformedTag(std::string_view tag, const Document* doc) {
    std::string_view inner = tag.substr(1);
    if (!inner.empty() && inner.front() == '/') inner.remove_prefix(1);
    const std::string_view name = TagName(inner);
    std::string shown(tag.substr(0, 60));
    for (char& c : shown)
      if (c == '\n' || c == '\r') c = ' ';
    if (tag.size() > 60) shown += "...";
    if (in_sentence_) {
      warner_->AtLine(origin_, tag_line_,
                      fmt::format("malformed tag '{}' (unbalanced quote or missing '>') in "
                                  "sentence {}; sentence skipped",
                                  shown, doc->id));
      broken_ = true;
    } else if (NameEquals(name, "Sentence")) {
      warner_->AtLine(origin_, tag_line_,
                      fmt::format("malformed <Sentence> tag '{}' (unbalanced quote or missing "
                                  "'>'); sentence skipped",
                                  shown));
    } else {
      warner_->AtLine(origin_, tag_line_, fmt::format("malformed tag '{}'; ignored", shown));
    }
  }

  // Next token from the source; counts lines. False at the end of input.
  bool NextToken(Token* token) {
    for (;;) {
      std::string_view w = source_->window();
      if (w.empty()) {
        if (source_->Fill()) continue;
        return false;
      }
      size_t length = 0;  // bytes the token spans
      if (w[0] != '<') {
        size_t lt = w.find('<');
        if (lt == std::string_view::npos) {
          if (source_->Fill()) continue;
          w = source_->window();  // a Fill() that adds nothing may still move the bytes
        }
        length = lt == std::string_view::npos ? w.size() : lt;
        *token = Token{Token::kText, w.substr(0, length), false};
      } else {
        // Classify "<!--", "<![CDATA[", "</" with enough bytes in view (input from a pipe
        // can stop anywhere; without this, correctness rests on re-classifying after
        // every Fill() below).
        if (w.size() < 9) {
          if (source_->Fill()) continue;
          w = source_->window();
        }
        std::string_view terminator = ">";
        size_t search_from = 1;
        Token::Kind kind = Token::kStartTag;
        if (w.substr(0, 4) == "<!--") {
          terminator = "-->";
          search_from = 4;
          kind = Token::kOther;
        } else if (w.substr(0, 9) == "<![CDATA[") {
          terminator = "]]>";
          search_from = 9;
          kind = Token::kText;
        } else if (w.substr(0, 2) == "<?" || w.substr(0, 2) == "<!") {
          kind = Token::kOther;
        } else if (w.substr(0, 2) == "</") {
          kind = Token::kEndTag;
        }
        const bool is_tag = kind == Token::kStartTag || kind == Token::kEndTag;
        size_t end = FindTagEnd(w, search_from, terminator, is_tag);
        if (end != std::string_view::npos && is_tag && w[end] == '<') {
          *token = Token{Token::kMalformed, w.substr(0, end), false};
          tag_line_ = line_number_ + 1;
          CountLines(w.substr(0, end));
          source_->Consume(end);
          return true;
        }
        if (end == std::string_view::npos) {
          if (source_->Fill()) continue;
          w = source_->window();
          warner_->AtLine(origin_, line_number_ + 1,
                          fmt::format("unterminated '{}' at the end of the file; ignored",
                                      w.substr(0, std::min<size_t>(w.size(), 20))));
          CountLines(w);
          source_->Consume(w.size());
          return false;
        }
        length = end + terminator.size();
        std::string_view body;
        bool self_closing = false;
        if (kind == Token::kText) {
          body = w.substr(9, end - 9);  // CDATA content, taken literally
        } else if (kind == Token::kEndTag) {
          body = w.substr(2, end - 2);
        } else {
          body = w.substr(1, end - 1);
          if (!body.empty() && body.back() == '/') {
            self_closing = true;
            body.remove_suffix(1);
          }
        }
        *token = Token{kind, body, self_closing};
        if (kind == Token::kText && in_sentence_ && in_text_) {
          // CDATA must not be entity-decoded: append it now and hand back an empty text.
          raw_text_cdata_.assign(body);
          token->kind = Token::kOther;
          AppendCdata();
        }
      }
      tag_line_ = line_number_ + 1;
      CountLines(w.substr(0, length));
      source_->Consume(length);
      return true;
    }
  }

  // Position of `terminator` in `w` at or after `from`. For a tag, '>' inside quoted
  // attribute values does not end it, and a '<' anywhere before its end (a broken tag: XML
  // allows '<' neither in tags nor in attribute values) is returned instead, so that an
  // unbalanced quote cannot swallow the rest of the file.
  static size_t FindTagEnd(std::string_view w, size_t from, std::string_view terminator,
                           bool is_tag) {
    if (!is_tag) return w.find(terminator, from);
    char quote = 0;
    for (size_t i = from; i < w.size(); ++i) {
      char c = w[i];
      if (c == '<') return i;
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return std::string_view::npos;
  }

  void CountLines(std::string_view consumed) {
    const char* p = consumed.data();
    const char* end = p + consumed.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
      ++line_number_;
      ++p;
    }
  }

  void AppendCdata() {
    // Protect literal '&' in CDATA from the entity decoding done at the end.
    for (char c : raw_text_cdata_) {
      if (c == '&') {
        raw_text_.append("&amp;");
      } else {
        raw_text_.push_back(c);
      }
    }
  }

  void StartSentence(const Token& token, Document* doc) {
    ResetDocument(doc);
    in_sentence_ = true;
    in_text_ = in_parse_ = has_text_ = broken_ = false;
    raw_text_.clear();
    doc->origin = origin_;
    doc->origin_line = tag_line_;
    Attribute(token.body, "id", &doc->id);
    Attribute(token.body, "category", &doc->category);
    Attribute(token.body, "source", &doc->source);
    std::string date;
    if (Attribute(token.body, "date", &date)) {
      doc->date = ParseDate(date);
      if (doc->date != 0) {
        doc->date_source = DateSource::kMetadata;
      } else {
        warner_->AtLine(
            origin_, tag_line_,
            fmt::format("sentence {}: date '{}' is not a date; left unknown", doc->id, date));
      }
    }
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", BaseName(origin_), tag_line_);
    doc->options = std::move(pending_options_);
    pending_options_.clear();
  }

  void AddEventCoding(const Token& token, Document* doc) {
    std::string source, target, code, flag;
    if (Attribute(token.body, "noevents", &flag) && NameEquals(flag, "true"))
      doc->expect_no_events = true;
    if (Attribute(token.body, "error", &flag)) doc->expected_error = flag;
    bool has_source = Attribute(token.body, "sourcecode", &source);
    bool has_target = Attribute(token.body, "targetcode", &target);
    bool has_code = Attribute(token.body, "eventcode", &code);
    if (has_source || has_target || has_code) {
      if (!(has_source && has_target && has_code)) {
        warner_->AtLine(origin_, tag_line_,
                        fmt::format("sentence {}: <EventCoding> needs sourcecode, targetcode "
                                    "and eventcode; ignored",
                                    doc->id));
        return;
      }
      doc->expected_events.push_back(fmt::format("{} {} {}", source, target, code));
    }
  }

  // Completes the open sentence into `doc`; false (with a warning) if it has no text.
  bool FinishSentence(Document* doc) {
    in_sentence_ = in_text_ = in_parse_ = false;
    if (broken_) return false;  // reported where the broken tag was
    if (!has_text_) {
      warner_->AtLine(origin_, doc->origin_line,
                      fmt::format("sentence {} has no <Text>; skipped", doc->id));
      return false;
    }
    decoded_.clear();
    AppendDecoded(raw_text_, &decoded_);
    joined_.clear();
    AppendJoinedLines(decoded_, &joined_);
    CleanInto(
        joined_, &doc->text, warner_,
        [&] { return fmt::format("{}:{}: sentence {} text ", origin_, doc->origin_line, doc->id); },
        0);
    return true;
  }

  std::unique_ptr<ByteSource> source_;
  std::string origin_;
  Warner* warner_;
  uint64_t line_number_ = 0;  // newlines consumed so far
  uint64_t tag_line_ = 0;     // 1-based line where the last token started
  bool in_sentence_ = false;
  bool in_text_ = false;
  bool in_parse_ = false;
  bool has_text_ = false;
  bool broken_ = false;  // the open sentence holds a malformed tag
  std::string raw_text_;
  std::string raw_text_cdata_;
  std::string decoded_;
  std::string joined_;
  std::vector<std::string> pending_options_;
  bool has_replay_ = false;
  std::string replay_tag_;
  uint64_t replay_line_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> NewPetrarchXmlReader(std::unique_ptr<ByteSource> source,
                                                   std::string origin, Warner* warner) {
  return std::make_unique<PetrarchXmlReader>(std::move(source), std::move(origin), warner);
}

}  // namespace parley::io
