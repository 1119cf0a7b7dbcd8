#include "parley/writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "util/files.h"

namespace parley {
namespace {

constexpr std::string_view kReplacement = "\\ufffd";

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0 if invalid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Appends `s` as a quoted JSON string. Runs of bytes that need no escaping are copied
// in one append.
void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of plain bytes
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s, i);
      if (len > 0) {
        i += len;
        continue;
      }
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20) {
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out->append(esc, 6);
        } else {
          out->append(kReplacement);  // a byte that starts no valid UTF-8 sequence
        }
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, i - run);
  out->push_back('"');
}

template <typename Int>
void AppendInt(Int value, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, end - buf);
}

void AppendOffset(int32_t offset, std::string* out) {
  if (offset < 0) {
    out->append("null");
  } else {
    AppendInt(offset, out);
  }
}

void AppendDouble(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, end - buf);
}

void AppendDate(Date date, std::string* out) {
  if (date <= 0) {
    out->append("null");
    return;
  }
  char buf[12];
  fmt::format_to(buf, "\"{:04d}-{:02d}-{:02d}\"", date / 10000, date / 100 % 100, date % 100);
  out->append(buf, 12);
}

// A 0..1 confidence with three decimals ("0.665"), so that outputs stay short and stable.
void AppendConfidence(double value, std::string* out) {
  if (!std::isfinite(value)) value = 0;
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(value * 1000) / 1000);
  out->append(buf, end - buf);
}

void AppendTsvDate(Date date, std::string* out) {
  if (date <= 0) return;
  char buf[10];
  fmt::format_to(buf, "{:04d}-{:02d}-{:02d}", date / 10000, date / 100 % 100, date % 100);
  out->append(buf, 10);
}

void AppendActor(std::string_view key, const ActorSpan& actor, std::string* out) {
  out->append(",\"");
  out->append(key);
  out->append("\":{\"code\":");
  AppendJsonString(actor.code, out);
  out->append(",\"text\":");
  AppendJsonString(actor.text, out);
  out->append(",\"start\":");
  AppendOffset(actor.start, out);
  out->append(",\"end\":");
  AppendOffset(actor.end, out);
  out->push_back('}');
}

// Appends `s` with tabs and line breaks turned into spaces, so it stays one TSV field.
void AppendTsvField(std::string_view s, std::string* out) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      out->append(s.data() + run, i - run);
      out->push_back(' ');
      run = i + 1;
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void AppendTsvOffset(int32_t offset, std::string* out) {
  if (offset >= 0) AppendInt(offset, out);
}

}  // namespace

Status ParseEventFormat(std::string_view name, EventFormat* format) {
  if (name == "jsonl" || name == "json") {
    *format = EventFormat::kJsonl;
  } else if (name == "tsv") {
    *format = EventFormat::kTsv;
  } else {
    return Status::InvalidArgument(
        fmt::format("unknown output format '{}' (expected jsonl or tsv)", name));
  }
  return Status::OK();
}

void EventWriter::AppendJsonl(const Event& e, std::string* out) {
  out->append("{\"doc_id\":");
  AppendJsonString(e.doc_id, out);
  out->append(",\"sentence_index\":");
  AppendInt(e.sentence_index, out);
  out->append(",\"sentence\":");
  AppendJsonString(e.sentence, out);
  out->append(",\"date\":");
  AppendDate(e.date, out);
  AppendActor("source", e.source, out);
  AppendActor("target", e.target, out);
  out->append(",\"code\":");
  AppendJsonString(e.code, out);
  out->append(",\"root\":");
  AppendJsonString(e.root, out);
  out->append(",\"quad_class\":");
  AppendInt(e.quad_class, out);
  out->append(",\"goldstein\":");
  AppendDouble(e.goldstein, out);
  out->append(",\"verb\":{\"text\":");
  AppendJsonString(e.verb.text, out);
  out->append(",\"start\":");
  AppendOffset(e.verb.start, out);
  out->append(",\"end\":");
  AppendOffset(e.verb.end, out);
  out->append("},\"rule\":");
  AppendJsonString(e.rule, out);
  if (!e.issues.empty()) {
    out->append(",\"issues\":");
    AppendJsonString(e.issues, out);
  }
  // How the date was found (docs/dates.md).
  out->append(",\"date_precision\":\"");
  out->append(DatePrecisionName(e.date_precision));
  out->append("\",\"date_source\":\"");
  out->append(EventDateSourceName(e.date_source));
  out->append("\",\"date_confidence\":");
  AppendConfidence(e.date_confidence, out);
  out->append(",\"date_guessed\":");
  out->append(e.date_guessed ? "true" : "false");
  out->append(",\"future\":");
  out->append(e.future ? "true" : "false");
  out->append(",\"historical\":");
  out->append(e.historical ? "true" : "false");
  out->append(",\"pub_date\":");
  AppendDate(e.pub_date, out);
  out->append(",\"pub_date_method\":");
  AppendJsonString(e.pub_date_method, out);
  out->append(",\"pub_date_confidence\":");
  AppendConfidence(e.pub_date_confidence, out);
  out->append("}\n");
}

std::string_view EventWriter::TsvHeader() {
  return "doc_id\tsentence_index\tdate\tsource_code\tsource_text\tsource_start\tsource_end\t"
         "target_code\ttarget_text\ttarget_start\ttarget_end\tcode\troot\tquad_class\t"
         "goldstein\tverb\tverb_start\tverb_end\trule\tissues\tsentence\t"
         "date_precision\tdate_source\tdate_confidence\tdate_guessed\tfuture\thistorical\t"
         "pub_date\tpub_date_method\tpub_date_confidence\n";
}

void EventWriter::AppendTsv(const Event& e, std::string* out) {
  const auto tab = [out] { out->push_back('\t'); };
  AppendTsvField(e.doc_id, out);
  tab();
  AppendInt(e.sentence_index, out);
  tab();
  AppendTsvDate(e.date, out);
  for (const ActorSpan* actor : {&e.source, &e.target}) {
    tab();
    AppendTsvField(actor->code, out);
    tab();
    AppendTsvField(actor->text, out);
    tab();
    AppendTsvOffset(actor->start, out);
    tab();
    AppendTsvOffset(actor->end, out);
  }
  tab();
  AppendTsvField(e.code, out);
  tab();
  AppendTsvField(e.root, out);
  tab();
  AppendInt(e.quad_class, out);
  tab();
  if (std::isfinite(e.goldstein)) AppendDouble(e.goldstein, out);
  tab();
  AppendTsvField(e.verb.text, out);
  tab();
  AppendTsvOffset(e.verb.start, out);
  tab();
  AppendTsvOffset(e.verb.end, out);
  tab();
  AppendTsvField(e.rule, out);
  tab();
  AppendTsvField(e.issues, out);
  tab();
  AppendTsvField(e.sentence, out);
  tab();
  out->append(DatePrecisionName(e.date_precision));
  tab();
  out->append(EventDateSourceName(e.date_source));
  tab();
  AppendConfidence(e.date_confidence, out);
  tab();
  out->push_back(e.date_guessed ? '1' : '0');
  tab();
  out->push_back(e.future ? '1' : '0');
  tab();
  out->push_back(e.historical ? '1' : '0');
  tab();
  AppendTsvDate(e.pub_date, out);
  tab();
  AppendTsvField(e.pub_date_method, out);
  tab();
  AppendConfidence(e.pub_date_confidence, out);
  out->push_back('\n');
}

EventWriter::EventWriter(std::FILE* out, EventFormat format, size_t flush_bytes)
    : out_(out), format_(format), flush_bytes_(flush_bytes) {
  buffer_.reserve(flush_bytes_ + 4096);
  if (format_ == EventFormat::kTsv) buffer_.append(TsvHeader());
}

Status EventWriter::Open(const std::string& path, EventFormat format,
                         std::unique_ptr<EventWriter>* writer, size_t flush_bytes) {
  if (path == "-") {
    *writer = std::make_unique<EventWriter>(stdout, format, flush_bytes);
    return Status::OK();
  }
  std::unique_ptr<util::AtomicFile> file;
  Status s = util::AtomicFile::Create(path, &file);
  if (!s.ok()) return s;
  *writer = std::make_unique<EventWriter>(file->get(), format, flush_bytes);
  (*writer)->file_ = std::move(file);
  return Status::OK();
}

EventWriter::~EventWriter() {
  if (file_ != nullptr) {
    Discard();
  } else {
    Close().ok();
  }
}

void EventWriter::Discard() {
  closed_ = true;
  buffer_.clear();
  if (file_ != nullptr) file_->Abandon();
}

Status EventWriter::Write(const Event& event) {
  if (closed_) return Status::IOError("event writer is closed");
  if (format_ == EventFormat::kJsonl) {
    AppendJsonl(event, &buffer_);
  } else {
    AppendTsv(event, &buffer_);
  }
  ++events_;
  if (buffer_.size() >= flush_bytes_) return Flush();
  return Status::OK();
}

Status EventWriter::Flush() {
  if (closed_) return Status::OK();
  // One fwrite of whole lines followed by fflush: the kernel sees whole lines only.
  size_t written = buffer_.empty() ? 0 : std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  bool ok = written == buffer_.size();
  buffer_.clear();
  if (std::fflush(out_) != 0) ok = false;
  if (!ok) return Status::IOError(fmt::format("writing events failed: {}", std::strerror(errno)));
  return Status::OK();
}

Status EventWriter::Close() {
  if (closed_) return Status::OK();
  Status status = Flush();
  closed_ = true;
  if (file_ != nullptr) {
    if (status.ok()) return file_->Commit();
    file_->Abandon();
  }
  return status;
}

}  // namespace parley
