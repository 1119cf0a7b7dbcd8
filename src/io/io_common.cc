#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "io/io_internal.h"
#include "parley/text.h"
#include "text/unicode.h"

namespace parley::io {
namespace {

// A binary file fed to us by mistake would otherwise print one warning per byte.
constexpr size_t kMaxIssuesPerText = 5;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

}  // namespace

Warner::Warner(WarningSink sink) : sink_(std::move(sink)) {}

void Warner::Raw(std::string_view raw_message) {
  ++count_;
  const std::string message = EscapeControlBytes(raw_message);
  if (sink_) {
    sink_(message);
  } else {
    std::fprintf(stderr, "parley: warning: %s\n", message.c_str());
  }
}

void Warner::AtLine(std::string_view origin, uint64_t line, std::string_view message) {
  if (line == 0) {
    Raw(fmt::format("{}: {}", origin, message));
  } else {
    Raw(fmt::format("{}:{}: {}", origin, line, message));
  }
}

void ReportTextIssues(const std::vector<text::TextIssue>& issues, Warner* warner,
                      std::string_view where, uint64_t base_offset) {
  const size_t shown = std::min(issues.size(), kMaxIssuesPerText);
  for (size_t i = 0; i < shown; ++i) {
    warner->Raw(fmt::format("{}byte offset {}: {}", where, base_offset + issues[i].offset,
                            issues[i].message));
  }
  if (issues.size() > shown) {
    warner->Raw(fmt::format("{}{} more text problems not shown", where, issues.size() - shown));
  }
}

void AppendJoinedLines(std::string_view raw, std::string* out) {
  size_t i = 0;
  bool need_space = false;
  while (i < raw.size()) {
    size_t nl = raw.find('\n', i);
    if (nl == std::string_view::npos) nl = raw.size();
    size_t b = i, e = nl;
    while (b < e && IsSpace(raw[b])) ++b;
    while (e > b && IsSpace(raw[e - 1])) --e;
    if (e > b) {
      if (need_space) out->push_back(' ');
      out->append(raw.data() + b, e - b);
      need_space = true;
    }
    i = nl + 1;
  }
}

void ResetDocument(Document* doc) {
  doc->id.clear();
  doc->date = 0;
  doc->date_source = DateSource::kUnknown;
  doc->text.clear();
  doc->title.clear();
  doc->url.clear();
  doc->source.clear();
  doc->place.clear();
  doc->origin.clear();
  doc->origin_line = 0;
  doc->expected_events.clear();
  doc->notes.clear();
  doc->category.clear();
  doc->options.clear();
  doc->expect_no_events = false;
  doc->expected_error.clear();
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace parley::io

namespace parley {

std::string EscapeControlBytes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto escape = [&out](unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
  };
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) {
        escape(c);
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    uint32_t bad = 0;
    const uint32_t len = text::internal::ValidSequenceLength(s, i, &bad);
    // C1 controls (U+0080..U+009F) are encoded as C2 80..C2 9F.
    const bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
    if (len == 0 || c1) {
      const size_t n = len == 0 ? std::max<uint32_t>(bad, 1) : len;
      for (size_t k = 0; k < n; ++k) escape(static_cast<unsigned char>(s[i + k]));
      i += n;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace parley
