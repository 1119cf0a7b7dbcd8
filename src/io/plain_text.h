// Plain-text article parsing (header lines, dateline), shared by the reader and tests.
#ifndef PARLEY_IO_PLAIN_TEXT_H_
#define PARLEY_IO_PLAIN_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/io_internal.h"
#include "parley/document.h"

namespace parley::io {

// A dateline opening an article: "SEOUL, Feb 10 – RIA Novosti. ", "KYIV, Ukraine (AP) — ".
struct Dateline {
  size_t length = 0;        // bytes to strip: the dateline and the blanks after it
  std::string_view place;   // "SEOUL"
  std::string_view source;  // "RIA Novosti"; empty when absent
  int month = 0;            // 0 when the dateline has no date
  int day = 0;
  int year = 0;  // 0 when the dateline has no year
};

// Recognises a dateline at the start of `text`. It needs an upper-case place and a
// separator (dash, colon) or a parenthesised source; false leaves `out` empty.
bool ParseDateline(std::string_view text, Dateline* out);

// Fills `doc` from one plain-text article (see plain_text.cc for the layout). Offsets in
// warnings are `base_offset` + offset in `content`.
void ParseArticle(std::string_view content, std::string_view id, std::string_view origin,
                  uint64_t base_offset, Warner* warner, Document* doc);

}  // namespace parley::io

#endif  // PARLEY_IO_PLAIN_TEXT_H_
