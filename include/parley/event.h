// Event: one coded CAMEO event with the evidence that produced it.
#ifndef PARLEY_EVENT_H_
#define PARLEY_EVENT_H_

#include <cstdint>
#include <string>

#include "parley/document.h"

namespace parley {

// A coded span: `code` is the CAMEO actor code ("RUSGOV"); `text` is the words that
// matched; [start, end) are byte offsets into the event's sentence. Offsets are -1 when
// the actor was not in the sentence (for example a default source).
struct ActorSpan {
  std::string code;
  std::string text;
  int32_t start = -1;
  int32_t end = -1;
};

struct VerbSpan {
  std::string text;
  int32_t start = -1;
  int32_t end = -1;
};

struct Event {
  std::string doc_id;
  int32_t sentence_index = 0;  // 0-based index of the sentence in its document
  std::string sentence;        // the sentence text the offsets refer to
  Date date = 0;
  ActorSpan source;
  ActorSpan target;
  std::string code;        // CAMEO event code as a string ("036", "1056")
  std::string root;        // first two digits of `code`
  int32_t quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  VerbSpan verb;
  std::string rule;        // dictionary entry that fired, "file:line"
  std::string issues;      // optional issue codes, ";"-separated
};

}  // namespace parley

#endif  // PARLEY_EVENT_H_
