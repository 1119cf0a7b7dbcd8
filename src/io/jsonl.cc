// JSONL: one JSON object per line with "text" (required), "id", "date", "title", "url",
// "source". Other keys are ignored. A line that is not a JSON object, has no "text",
// holds a NUL byte, or has a known field of the wrong type (text: string; id: string or
// integer; date: string, or a YYYYMMDD integer; title, url, source: string or number; any
// of them may be null) is reported (file:line, and the field with its expected type) and
// skipped. Parsed with simdjson's DOM parser, in place when the bytes after the line may
// be read (simdjson needs padding), else from a copy.
// Not On Demand: its kernel is chosen at compile time, and our portable x86-64 build
// would get the slow fallback one; the DOM parser picks AVX2 etc. at run time.
#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <string>

#include "io/io_internal.h"
#include "parley/text.h"

namespace parley::io {
namespace {

static_assert(kReadPadding >= simdjson::SIMDJSON_PADDING);

bool IsBlankLine(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> source, std::string origin, Warner* warner)
      : source_(std::move(source)), origin_(std::move(origin)), warner_(warner) {}

  bool Next(Document* doc) override {
    std::string_view line;
    for (;;) {
      line_offset_ = source_->offset();
      if (!source_->NextLine(&line)) break;
      ++line_number_;
      if (line_number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      if (IsBlankLine(line)) continue;
      if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
        // simdjson would reject it too, but with a message that names no cause.
        warner_->AtLine(origin_, line_number_,
                        fmt::format("NUL byte at column {}; line skipped",
                                    static_cast<const char*>(nul) - line.data() + 1));
        continue;
      }
      if (ParseLine(line, doc)) return true;
    }
    if (!source_->error().empty()) warner_->AtLine(origin_, line_number_, source_->error());
    return false;
  }

 private:
  bool ParseLine(std::string_view line, Document* doc) {
    std::string_view json = line;
    simdjson::padded_string_view padded;
    if (source_->ReadableFrom(line.data() + line.size()) >= simdjson::SIMDJSON_PADDING) {
      padded = simdjson::padded_string_view(line.data(), line.size(),
                                            line.size() + simdjson::SIMDJSON_PADDING);
    } else {
      copy_.assign(line.data(), line.size());
      copy_.append(simdjson::SIMDJSON_PADDING, ' ');
      padded = simdjson::padded_string_view(copy_.data(), line.size(), copy_.size());
    }
    simdjson::error_code error = Parse(padded, doc);
    if (error == simdjson::UTF8_ERROR) {
      // Repair the bytes and try again, so one bad byte costs a warning, not the record.
      CleanInto(
          json, &repaired_, warner_, [&] { return fmt::format("{}:{}: ", origin_, line_number_); },
          line_offset_);
      repaired_.append(simdjson::SIMDJSON_PADDING, ' ');
      padded = simdjson::padded_string_view(
          repaired_.data(), repaired_.size() - simdjson::SIMDJSON_PADDING, repaired_.size());
      error = Parse(padded, doc);
    }
    if (error == simdjson::NO_SUCH_FIELD) {
      warner_->AtLine(origin_, line_number_, "record has no \"text\"; skipped");
      return false;
    }
    if (error == simdjson::INCORRECT_TYPE && !type_error_.empty()) {
      warner_->AtLine(origin_, line_number_, fmt::format("{}; record skipped", type_error_));
      return false;
    }
    if (error != simdjson::SUCCESS) {
      warner_->AtLine(
          origin_, line_number_,
          fmt::format("not a valid JSON object ({}); skipped", simdjson::error_message(error)));
      return false;
    }
    return true;
  }

  // Fills `doc` from one JSON object. NO_SUCH_FIELD when "text" is missing;
  // INCORRECT_TYPE, with `type_error_` naming the field, when a field has the wrong type.
  simdjson::error_code Parse(simdjson::padded_string_view json, Document* doc) {
    ResetDocument(doc);
    type_error_.clear();
    simdjson::dom::element root;
    if (auto error = parser_.parse(json.data(), json.length(), false).get(root)) return error;
    simdjson::dom::object object;
    if (auto error = root.get_object().get(object)) return error;
    bool has_text = false;
    std::string_view raw_text;
    std::string_view date_text;
    for (simdjson::dom::key_value_pair field : object) {
      std::string_view key = field.key;
      simdjson::dom::element value = field.value;
      if (key == "text") {
        if (value.is_null()) continue;  // as if absent
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS)
          return TypeError("text", value, "a string");
        raw_text = text;  // lives in the parser until the next parse
        has_text = true;
      } else if (key == "id") {
        if (!IsIntegerOrNull(value) && value.type() != simdjson::dom::element_type::STRING)
          return TypeError("id", value, "a string or an integer");
        ScalarText(value, &doc->id);
      } else if (key == "date") {
        ScalarText(value, &date_);
        const bool is_string = value.type() == simdjson::dom::element_type::STRING;
        if (!is_string && !value.is_null() && (!IsIntegerOrNull(value) || ParseDate(date_) == 0))
          return TypeError("date", value, "a string (a date such as \"2023-02-10\")");
        date_text = date_;
      } else if (key == "title" || key == "url" || key == "source") {
        std::string* out = key == "title" ? &doc->title : key == "url" ? &doc->url : &doc->source;
        if (ScalarText(value, out) != simdjson::SUCCESS) return TypeError(key, value, "a string");
      }
    }
    if (!has_text) return simdjson::NO_SUCH_FIELD;
    doc->origin = origin_;
    doc->origin_line = line_number_;
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", BaseName(origin_), line_number_);
    if (!date_text.empty()) {
      doc->date = ParseDate(date_text);
      if (doc->date != 0) {
        doc->date_source = DateSource::kMetadata;
      } else {
        warner_->AtLine(origin_, line_number_,
                        fmt::format("\"date\" '{}' is not a date; date left unknown", date_text));
      }
    }
    CleanInto(
        raw_text, &doc->text, warner_,
        [&] { return fmt::format("{}:{}: text ", origin_, line_number_); }, 0);
    return simdjson::SUCCESS;
  }

  static bool IsIntegerOrNull(simdjson::dom::element value) {
    auto type = value.type();
    return type == simdjson::dom::element_type::INT64 ||
           type == simdjson::dom::element_type::UINT64 ||
           type == simdjson::dom::element_type::NULL_VALUE;
  }

  static std::string_view TypeName(simdjson::dom::element value) {
    switch (value.type()) {
      case simdjson::dom::element_type::ARRAY:
        return "an array";
      case simdjson::dom::element_type::OBJECT:
        return "an object";
      case simdjson::dom::element_type::BOOL:
        return "a boolean";
      case simdjson::dom::element_type::STRING:
        return "a string";
      case simdjson::dom::element_type::NULL_VALUE:
        return "null";
      default:
        return "a number";
    }
  }

  simdjson::error_code TypeError(std::string_view field, simdjson::dom::element value,
                                 std::string_view expected) {
    std::string shown;
    if (value.is_number()) shown = fmt::format(" ({})", simdjson::to_string(value));
    type_error_ =
        fmt::format("field \"{}\" is {}{}, expected {}", field, TypeName(value), shown, expected);
    return simdjson::INCORRECT_TYPE;
  }

  // A string or number field as text; null leaves `out` empty.
  static simdjson::error_code ScalarText(simdjson::dom::element value, std::string* out) {
    out->clear();
    switch (value.type()) {
      case simdjson::dom::element_type::STRING:
        out->assign(std::string_view(value));
        return simdjson::SUCCESS;
      case simdjson::dom::element_type::INT64:
        out->assign(std::to_string(int64_t(value)));
        return simdjson::SUCCESS;
      case simdjson::dom::element_type::UINT64:
        out->assign(std::to_string(uint64_t(value)));
        return simdjson::SUCCESS;
      case simdjson::dom::element_type::DOUBLE:
        out->assign(simdjson::to_string(value));
        return simdjson::SUCCESS;
      case simdjson::dom::element_type::NULL_VALUE:
        return simdjson::SUCCESS;
      default:
        return simdjson::INCORRECT_TYPE;
    }
  }

  std::unique_ptr<ByteSource> source_;
  std::string origin_;
  Warner* warner_;
  uint64_t line_number_ = 0;
  uint64_t line_offset_ = 0;  // file offset of the current line
  simdjson::dom::parser parser_;
  std::string copy_;
  std::string repaired_;
  std::string date_;
  std::string type_error_;  // why the last Parse() returned INCORRECT_TYPE
};

}  // namespace

std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<ByteSource> source, std::string origin,
                                             Warner* warner) {
  return std::make_unique<JsonlReader>(std::move(source), std::move(origin), warner);
}

}  // namespace parley::io
