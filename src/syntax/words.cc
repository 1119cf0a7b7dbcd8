// UD English words from parley's tokens. parley's tokenizer already splits clitics the
// Treebank way (did|n't, Russia|'s, they|'re); UD English additionally splits hyphens
// inside words and a few fused forms (cannot, gonna), which is what is done here.
#include <string_view>
#include <vector>

#include "parley/syntax.h"

namespace parley::syntax {
namespace {

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Fused forms UD English writes as two words, with the length of the first.
struct Fused {
  std::string_view lower;
  size_t split;
};
constexpr Fused kFused[] = {{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}};

void Push(std::string_view sentence, size_t start, size_t end, std::vector<WordSpan>* out) {
  out->push_back(WordSpan{sentence.substr(start, end - start), static_cast<uint32_t>(start),
                          static_cast<uint32_t>(end)});
}

// Emits a word token, split at internal hyphens ("anti-war" -> anti - war).
void PushWord(std::string_view sentence, size_t start, size_t end, std::vector<WordSpan>* out) {
  const std::string_view w = sentence.substr(start, end - start);
  for (const Fused& f : kFused) {
    if (EqualsLower(w, f.lower)) {
      Push(sentence, start, start + f.split, out);
      Push(sentence, start + f.split, end, out);
      return;
    }
  }
  size_t piece = start;
  for (size_t i = start + 1; i + 1 < end; ++i) {
    if (sentence[i] == '-' && sentence[i - 1] != '-' && sentence[i + 1] != '-') {
      Push(sentence, piece, i, out);
      Push(sentence, i, i + 1, out);
      piece = i + 1;
    }
  }
  Push(sentence, piece, end, out);
}

}  // namespace

void UdWords(const text::TokenizedSentence& tokens, std::vector<WordSpan>* out) {
  out->clear();
  const std::string_view s = tokens.text;
  for (const text::Token& t : tokens.tokens) {
    if (t.kind == text::TokenKind::kWord) {
      PushWord(s, t.start, t.end, out);
    } else {
      Push(s, t.start, t.end, out);
    }
  }
}

}  // namespace parley::syntax
