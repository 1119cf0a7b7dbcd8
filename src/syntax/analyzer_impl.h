// Pieces of the analyzer that training shares: scratch buffers and the decoding steps.
#ifndef PARLEY_SYNTAX_ANALYZER_IMPL_H_
#define PARLEY_SYNTAX_ANALYZER_IMPL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/syntax.h"
#include "syntax/features.h"
#include "syntax/model.h"

namespace parley::syntax::internal {

struct TagScratch {
  std::vector<WordInfo> info;
  std::vector<uint16_t> tags;  // tag id + 1
  std::vector<int32_t> scores;
};

struct ParseScratch {
  std::vector<uint64_t> words;
  std::vector<uint16_t> tags;  // xpos id + 2 (1 is the root)
  std::vector<int32_t> label_scores;
  ParseState state;
};

// Keys of the lemma lexicon and of the suffix rules.
uint64_t LexiconKey(uint64_t form, uint16_t xpos_id, bool lower);
uint64_t RuleKey(std::string_view suffix, uint16_t xpos_id);
void LowerAscii(std::string_view s, std::string* out);

// Tags `words` into s->tags (and fills s->info).
void TagWords(const Model& m, const std::vector<WordSpan>& words, TagScratch* s);
// Lemmas of tagged words, as (start, length) spans into `buffer`.
void Lemmatize(const Model& m, const std::vector<WordSpan>& words, const TagScratch& t,
               std::string* buffer, std::vector<std::pair<uint32_t, uint32_t>>* spans,
               std::string* scratch);
// Parses words [from, from + count) of a tagged sentence into p->state (1-based within the
// piece).
void ParseWords(const Model& m, const TagScratch& t, size_t from, size_t count, ParseScratch* p);

}  // namespace parley::syntax::internal

#endif  // PARLEY_SYNTAX_ANALYZER_IMPL_H_
