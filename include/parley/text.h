// Text preparation: UTF-8 repair, Unicode normalisation, sentence splitting and
// tokenisation. Everything here keeps byte offsets into the text the user gave us
// (after invalid bytes are replaced and NFC is applied), so events can point at evidence.
#ifndef PARLEY_TEXT_H_
#define PARLEY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

// One problem found while cleaning text: byte offset into the raw input and what was wrong.
struct TextIssue {
  uint64_t offset = 0;
  std::string message;
};

// Returns `raw` as valid NFC UTF-8: invalid byte sequences become U+FFFD (each one
// reported in `issues` with its offset), NUL and other C0 controls except \t\n\r become
// spaces, CRLF becomes LF. Quotes and dashes are NOT folded here (offsets must stay
// meaningful); tokens carry folded forms instead. `issues` may be null.
std::string CleanText(std::string_view raw, std::vector<TextIssue>* issues);

// A half-open byte range [start, end) into some text.
struct Range {
  uint32_t start = 0;
  uint32_t end = 0;
};

// Splits cleaned text into sentences, skipping whitespace between them. Survives
// abbreviations (U.S., Feb., Gen., Mr., No.), initials (George W. Bush), decimals
// (3.5), ellipses, datelines ("SEOUL, Feb 10 - RIA Novosti."), and sentence-final
// punctuation inside closing quotes or brackets. Paragraph breaks (blank lines) always
// end a sentence. Stateless and thread-safe; `out` is cleared first and reused.
void SplitSentences(std::string_view text, std::vector<Range>* out);

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0;  // byte offsets into the sentence text
  uint32_t end = 0;
  uint32_t norm_start = 0;  // the token's normalised form lives in Sentence::norm
  uint32_t norm_len = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter is upper case in the source text
};

// A tokenised sentence. Reused across sentences by the coder so that tokenising does not
// allocate once its buffers have grown.
struct TokenizedSentence {
  std::string_view text;  // the sentence, a view into the document text
  std::vector<Token> tokens;
  // Normalised token forms, each upper-cased and folded (curly quotes -> ', dashes -> -,
  // accents stripped where ASCII has an equivalent), separated by single spaces.
  std::string norm;

  std::string_view Norm(const Token& t) const {
    return std::string_view(norm).substr(t.norm_start, t.norm_len);
  }
  std::string_view Text(const Token& t) const { return text.substr(t.start, t.end - t.start); }
};

// Splits `sentence` into tokens: words (keeping internal hyphens, apostrophes and periods
// of abbreviations such as "U.S."), numbers (1,000 / 3.5 / 2023), possessive "'s" as its
// own token, and punctuation (one token per mark). Fills `out` (clearing it first).
// Details: contractions split Treebank style ("didn't" -> DID N'T, "can't" -> CA N'T,
// "they're" -> THEY 'RE); "..." and "…" are one token "..."; `` and '' are '"'. When an
// abbreviation ends the sentence ("left the U.S.") its period is also emitted as a "."
// token that overlaps the abbreviation's last byte, so tokens are ordered by start but
// may share that one byte. Allocates nothing once `out`'s buffers have grown.
void Tokenize(std::string_view sentence, TokenizedSentence* out);

// The normalised form Tokenize gives a single word, without any splitting: upper case,
// Latin accents stripped, curly apostrophes, hyphens and quotes folded ("Erdoğan’s" ->
// "ERDOGAN'S"). For dictionary loaders, so their keys compare equal to Token norms.
std::string NormalizeWord(std::string_view word);

// True when `head` (the first bytes of a file) looks like binary data rather than text:
// a NUL byte in it, or more than a fifth of its first 8 KB being control characters
// (other than tab, line and page breaks) or bytes of invalid UTF-8 sequences. Latin-1 or
// Windows-1252 text, with a few stray high bytes, is still text. Loaders of text formats
// (dictionaries, inputs) use it to refuse a binary file with one message instead of a
// warning per garbage line.
bool LooksBinary(std::string_view head);

}  // namespace parley::text

#endif  // PARLEY_TEXT_H_
