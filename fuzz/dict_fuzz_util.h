// Shared by the dictionary fuzz targets (fuzz/*_fuzz.cc): hands the fuzzer's bytes to a
// file reader through an in-memory file, builds the dictionary with a fixed partner file
// (actors for verb formats, verbs for actor formats) and codes one fixed sentence, checking
// the contracts later stages rely on. Any violation aborts.
#ifndef PARLEY_FUZZ_DICT_FUZZ_UTIL_H_
#define PARLEY_FUZZ_DICT_FUZZ_UTIL_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"

namespace parley::fuzz {

// An anonymous in-memory file holding `bytes`, readable by path (/proc/self/fd/N), so the
// readers run exactly as on disk without touching it.
class MemoryFile {
 public:
  MemoryFile(const uint8_t* data, size_t size) {
    fd_ = memfd_create("parley-fuzz", 0);
    if (fd_ < 0) std::abort();
    for (size_t done = 0; done < size;) {
      const ssize_t n = write(fd_, data + done, size - done);
      if (n <= 0) std::abort();
      done += static_cast<size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

inline void Check(bool ok) {
  if (!ok) std::abort();
}

// Every warning names the file it is about ("path:line: ..." or "path: ...").
inline void CheckWarnings(const std::vector<std::string>& warnings, const std::string& path) {
  for (const std::string& w : warnings) Check(w.rfind(path + ":", 0) == 0);
}

inline constexpr std::string_view kSentence =
    "Russian President Putin accused the Ukrainian government of aggression on Monday, "
    "and the United Nations urged both sides to negotiate.";

// Builds what `builder` holds and codes kSentence; checks every event's offsets and fields.
inline void BuildAndCode(dict::DictionaryBuilder* builder, const CoderOptions& options = {}) {
  std::vector<std::string> warnings;
  std::shared_ptr<const Dictionary> dictionary;
  if (!builder->Build(&dictionary, &warnings).ok()) return;
  Check(dictionary != nullptr);
  Coder coder(dictionary, options);
  CoderScratch scratch;
  Document doc;
  doc.id = "fuzz";
  doc.date = 20230210;
  doc.text = std::string(kSentence);
  std::vector<Event> events;
  coder.CodeDocument(doc, &scratch, &events);
  for (const Event& e : events) {
    const int32_t size = static_cast<int32_t>(e.sentence.size());
    for (const auto* span : {&e.source, &e.target}) {
      Check(span->start <= span->end && span->end <= size);
      Check(span->start >= 0 || (span->start == -1 && span->end == -1));
    }
    Check(e.verb.start <= e.verb.end && e.verb.end <= size);
    Check(!e.code.empty() && !e.rule.empty());
  }
}

// Fixed partners: a few actors and a verb block with patterns and a synset.
inline void AddFixedActors(dict::DictionaryBuilder* builder) {
  for (const auto& [words, code] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"RUSSIAN"}, "RUS"},
           {{"PUTIN"}, "RUSGOV"},
           {{"UKRAINIAN"}, "UKR"},
           {{"UNITED", "NATIONS"}, "IGOUNO"}}) {
    dict::ActorEntry entry;
    dict::Phrase phrase;
    for (size_t i = 0; i < words.size(); ++i) {
      dict::PatternElement e;
      e.text = words[i];
      e.adjacent_to_next = i + 1 < words.size();
      phrase.push_back(e);
    }
    entry.phrases.push_back(phrase);
    entry.default_code = code;
    entry.origin = {"fixed.actors", 1};
    builder->AddActor(std::move(entry));
  }
}

inline void AddFixedVerbs(dict::DictionaryBuilder* builder) {
  using Kind = dict::PatternElement::Kind;
  auto element = [](Kind kind, std::string text = "") {
    dict::PatternElement e;
    e.kind = kind;
    e.text = std::move(text);
    return e;
  };
  dict::Synset synset;
  synset.name = "CHARGE";
  synset.members = {{element(Kind::kWord, "AGGRESSION")}, {element(Kind::kWord, "CRIME")}};
  synset.origin = {"fixed.verbs", 1};
  builder->AddSynset(synset);
  dict::VerbBlock block;
  block.name = "ACCUSE";
  block.code.primary = "112";
  block.origin = {"fixed.verbs", 2};
  dict::VerbWord word;
  word.phrase = {element(Kind::kWord, "ACCUSE")};
  word.phrase[0].is_verb_head = true;
  word.origin = block.origin;
  block.verbs.push_back(word);
  dict::VerbPattern pattern;
  pattern.elements = {element(Kind::kSource), element(Kind::kVerb), element(Kind::kTarget),
                      element(Kind::kWord, "OF"), element(Kind::kSynset, "CHARGE")};
  pattern.code.primary = "112";
  pattern.origin = {"fixed.verbs", 3};
  block.patterns.push_back(pattern);
  builder->AddVerbBlock(block);
}

}  // namespace parley::fuzz

#endif  // PARLEY_FUZZ_DICT_FUZZ_UTIL_H_
