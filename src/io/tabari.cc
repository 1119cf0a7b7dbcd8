// TABARI text records:
//
//   950101  DEMO-01                 header: date (YYMMDD, or YYYYMMDD under SET: YYYY)
//   Arnor is about to restore ...   text lines
//   /*\n------------------------    comment block: kept in Document::notes
//   \n{ ARN / GON / 064 } */
//                                   a blank line ends the record
//
// Quirks of real files (all in the TABARI validation suite) handled here:
//   - blocks that do not start with a digit line are comments (TABARI's own rule), and so
//     are '#' lines;
//   - "\n" at the start of a line is a display line break, not text;
//   - a comment may open mid-line ("officials said./*") and may be left unclosed before
//     the blank line (it ends with the record; warned);
//   - "\n" lines after a closed comment continue it (expected events added below the
//     "*/", often closed again); any other stray "*/" means the author forgot the "/*":
//     the text before it on that line is treated as comment (warned);
//   - malformed dates (7 or 9 digits) leave the date unknown (warned);
//   - a repeated date ("950101  950101  AGENTS-11") or extra header words: the id is the
//     first non-numeric word after the date;
//   - a record may follow the previous one without a blank line;
//   - a block that starts with a digit but whose first line is not a valid header
//     ("95011  ID", "950101" without an id) is a broken record, not a comment: it is
//     reported with its line and skipped up to the next blank line.
#include <fmt/format.h>

#include "io/io_internal.h"

namespace parley::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

bool IsBlankLine(std::string_view line) {
  for (char c : line)
    if (!IsBlank(c)) return false;
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// A record header is 6-9 digits, blanks, and at least one more word. Text lines that
// happen to start with a number ("12-year break") do not qualify.
bool IsHeader(std::string_view line) {
  size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits < 6 || digits > 9 || digits == line.size() || !IsBlank(line[digits])) return false;
  return !Trim(line.substr(digits)).empty();
}

std::string_view NextWord(std::string_view* s) {
  *s = TrimLeft(*s);
  size_t end = 0;
  while (end < s->size() && !IsBlank((*s)[end])) ++end;
  std::string_view word = s->substr(0, end);
  s->remove_prefix(end);
  return word;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

class TabariReader : public RecordReader {
 public:
  TabariReader(std::unique_ptr<ByteSource> source, std::string origin, Warner* warner)
      : source_(std::move(source)), origin_(std::move(origin)), warner_(warner) {}

  bool Next(Document* doc) override {
    std::string_view line;
    for (;;) {
      if (has_pending_header_) {
        has_pending_header_ = false;
        StartRecord(pending_header_, pending_line_, doc);
      }
      if (!source_->NextLine(&line)) break;
      ++line_number_;
      if (!in_record_) {
        // Outside records only a header matters; any other block is a comment.
        if (IsHeader(line)) {
          StartRecord(line, line_number_, doc);
        } else if (IsBlankLine(line)) {
          at_block_start_ = true;
          continue;
        } else if (at_block_start_ && IsDigit(line.front())) {
          std::string_view shown = Trim(line).substr(0, 80);
          warner_->AtLine(origin_, line_number_,
                          fmt::format("malformed record header '{}' (expected a YYMMDD or "
                                      "YYYYMMDD date, blanks and an id); record skipped",
                                      shown));
        }
        at_block_start_ = false;
        continue;
      }
      if (IsBlankLine(line)) {
        at_block_start_ = true;
        FinishRecord(doc);
        return true;
      }
      if (!in_comment_ && IsHeader(line)) {
        pending_header_.assign(line);
        pending_line_ = line_number_;
        has_pending_header_ = true;
        FinishRecord(doc);
        return true;
      }
      if (!in_comment_ && line.front() == '#') continue;
      AddLine(line, doc);
    }
    if (!source_->error().empty()) warner_->AtLine(origin_, line_number_, source_->error());
    if (in_record_) {
      FinishRecord(doc);
      return true;
    }
    return false;
  }

 private:
  void StartRecord(std::string_view header, uint64_t line_number, Document* doc) {
    ResetDocument(doc);
    in_record_ = true;
    in_comment_ = false;
    seen_comment_ = false;
    raw_text_.clear();
    doc->origin = origin_;
    doc->origin_line = line_number;
    std::string_view rest = header;
    std::string_view date_word = NextWord(&rest);
    doc->date = ParseDate(date_word);
    if (doc->date != 0) {
      doc->date_source = DateSource::kHeader;
    } else {
      warner_->AtLine(origin_, line_number,
                      fmt::format("record date '{}' is neither YYMMDD nor YYYYMMDD; date "
                                  "left unknown",
                                  date_word));
    }
    // Skip a repeated date, but never the last word: that is the id whatever it looks like.
    std::string_view id = NextWord(&rest);
    while (AllDigits(id) && !Trim(rest).empty()) id = NextWord(&rest);
    doc->id.assign(id);
  }

  void AddLine(std::string_view line, Document* doc) {
    std::string_view rest = TrimLeft(line);
    const bool marked = rest.substr(0, 2) == "\\n";
    if (marked) rest.remove_prefix(2);
    // "\n" lines after a closed comment continue it: authors add expected events below
    // the "*/" and close again ("{ GON / FOR / 044 }  */").
    const bool continues_comment = marked && !in_comment_ && seen_comment_;
    if (continues_comment) in_comment_ = true;
    AddSegments(rest, doc);
    if (continues_comment && in_comment_) in_comment_ = false;
  }

  void AddSegments(std::string_view rest, Document* doc) {
    while (!rest.empty()) {
      if (in_comment_) {
        size_t close = rest.find("*/");
        AppendNote(rest.substr(0, close), doc);
        if (close == std::string_view::npos) {
          FlushNoteLine(doc);
          return;
        }
        in_comment_ = false;
        rest.remove_prefix(close + 2);
        continue;
      }
      size_t open = rest.find("/*");
      size_t close = rest.find("*/");
      if (close != std::string_view::npos && close < open) {
        warner_->AtLine(origin_, line_number_,
                        "'*/' without an open '/*'; the text before it is taken as a comment");
        AppendNote(rest.substr(0, close), doc);
        FlushNoteLine(doc);
        rest.remove_prefix(close + 2);
        continue;
      }
      std::string_view text = rest.substr(0, open);
      if (!Trim(text).empty()) {
        raw_text_.append(text);
        raw_text_.push_back('\n');
      }
      if (open == std::string_view::npos) return;
      in_comment_ = true;
      seen_comment_ = true;
      comment_line_ = line_number_;
      rest.remove_prefix(open + 2);
      if (rest.substr(0, 2) == "\\n") rest.remove_prefix(2);
    }
    FlushNoteLine(doc);
  }

  void AppendNote(std::string_view piece, Document* doc) {
    piece = Trim(piece);
    if (piece.substr(0, 2) == "\\n") piece = Trim(piece.substr(2));
    if (piece.empty()) return;
    if (note_line_open_) doc->notes.push_back(' ');
    doc->notes.append(piece);
    note_line_open_ = true;
  }

  void FlushNoteLine(Document* doc) {
    if (note_line_open_) doc->notes.push_back('\n');
    note_line_open_ = false;
  }

  void FinishRecord(Document* doc) {
    if (in_comment_) {
      warner_->AtLine(origin_, comment_line_,
                      fmt::format("comment '/*' in record {} is not closed before the record "
                                  "ends; closed there",
                                  doc->id));
    }
    FlushNoteLine(doc);
    while (!doc->notes.empty() && doc->notes.back() == '\n') doc->notes.pop_back();
    ExtractExpectedEvents(doc);
    in_record_ = false;
    in_comment_ = false;
    joined_.clear();
    AppendJoinedLines(raw_text_, &joined_);
    CleanInto(
        joined_, &doc->text, warner_,
        [&] { return fmt::format("{}:{}: record {} text ", origin_, doc->origin_line, doc->id); },
        0);
  }

  // Copies the plain "{ SRC / TGT / CODE }" expectations from the notes into
  // Document::expected_events ("SRC TGT CODE") and "{---}" into expect_no_events, so
  // callers can treat TABARI and PETRARCH records alike. Special forms ("-{...}" do not
  // check, "{+++}", "{###}", "{ OPTION: ... }") stay in `notes` only.
  static void ExtractExpectedEvents(Document* doc) {
    std::string_view notes = doc->notes;
    size_t i = 0;
    while ((i = notes.find('{', i)) != std::string_view::npos) {
      size_t close = notes.find('}', i);
      if (close == std::string_view::npos) return;
      std::string_view inside = Trim(notes.substr(i + 1, close - i - 1));
      const bool skip = i > 0 && notes[i - 1] == '-';
      i = close + 1;
      if (skip) continue;
      if (inside == "---") {
        doc->expect_no_events = true;
        continue;
      }
      size_t slash1 = inside.find('/');
      size_t slash2 = slash1 == std::string_view::npos ? slash1 : inside.find('/', slash1 + 1);
      if (slash2 == std::string_view::npos ||
          inside.find('/', slash2 + 1) != std::string_view::npos)
        continue;
      std::string_view source = Trim(inside.substr(0, slash1));
      std::string_view target = Trim(inside.substr(slash1 + 1, slash2 - slash1 - 1));
      std::string_view code = Trim(inside.substr(slash2 + 1));
      if (source.empty() || target.empty() || code.empty()) continue;
      doc->expected_events.push_back(fmt::format("{} {} {}", source, target, code));
    }
  }

  std::unique_ptr<ByteSource> source_;
  std::string origin_;
  Warner* warner_;
  uint64_t line_number_ = 0;
  bool in_record_ = false;
  bool at_block_start_ = true;  // outside records: the previous line was blank (or none)
  bool in_comment_ = false;
  bool seen_comment_ = false;  // this record has had a /* comment
  bool note_line_open_ = false;
  uint64_t comment_line_ = 0;
  std::string raw_text_;
  std::string joined_;
  bool has_pending_header_ = false;
  std::string pending_header_;
  uint64_t pending_line_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> NewTabariReader(std::unique_ptr<ByteSource> source,
                                              std::string origin, Warner* warner) {
  return std::make_unique<TabariReader>(std::move(source), std::move(origin), warner);
}

}  // namespace parley::io
