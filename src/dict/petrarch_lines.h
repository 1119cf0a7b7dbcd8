// Line-level helpers shared by the PETRARCH dictionary readers and the file-kind detector:
// whole-file reading, comment stripping and phrase splitting, all on string_views so that
// a 2 MB actor file is read without per-line allocation beyond the entries themselves.
#ifndef PARLEY_DICT_PETRARCH_LINES_H_
#define PARLEY_DICT_PETRARCH_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/dictionary.h"
#include "parley/status.h"

namespace parley::dict::petrarch {

// Reads the whole file at `path` into `*out`.
Status ReadWholeFile(const std::string& path, std::string* out);

std::string_view Trim(std::string_view s);
bool IsBlank(char c);
// ASCII upper-casing; bytes >= 0x80 are kept as they are.
std::string Upper(std::string_view s);

// One dictionary line with comments removed and blanks trimmed; never empty.
struct Line {
  std::string_view text;
  uint32_t number = 0;    // 1-based line number in the file
  bool indented = false;  // the raw line began with a blank or tab
};

// Walks the lines of a dictionary file, skipping blank lines and comments: `#` and `;` to
// the end of the line, `<!-- ... -->` (possibly over several lines) and any line that
// starts with `<!`. Lines starting with `<` and not `<!` (e.g. `<ISSUE ...>`) are
// returned as they are.
class LineReader {
 public:
  explicit LineReader(std::string_view content) : rest_(content) {}
  bool Next(Line* line);
  // Line where an unterminated `<!--` comment began, 0 if none (check after the last Next).
  uint32_t unterminated_comment_line() const { return open_comment_line_; }

 private:
  std::string_view rest_;
  uint32_t number_ = 0;
  bool in_comment_ = false;
  uint32_t open_comment_line_ = 0;
};

// A word of a phrase as written: `joined_to_next` is true when an underscore (rather than
// only blanks) separates it from the next word.
struct RawWord {
  std::string_view text;
  bool joined_to_next = false;
};

// Splits "A_B C" into words. `trailing_underscore` (optional) reports a final '_'.
void SplitWords(std::string_view phrase, std::vector<RawWord>* out, bool* trailing_underscore);

// Appends the upper-cased `word` to `phrase` as kWord element(s). A possessive "X'S" becomes
// "X" + "'S" because the tokenizer makes the possessive its own token; a Treebank "N'T"
// joins the previous word ("DID N'T" -> "DIDN'T") because the coder joins it in the text.
void AppendWord(std::string_view word, WordMatch match, bool adjacent_to_next, Phrase* phrase);

// "file:line: message".
std::string Where(const std::string& path, uint32_t line, std::string_view message);

}  // namespace parley::dict::petrarch

#endif  // PARLEY_DICT_PETRARCH_LINES_H_
