// TABARI .actors, .verbs and .agents readers (TABARI manual chapters 5 and 6).
#include <cctype>
#include <fstream>
#include <sstream>

#include "dict/readers.h"
#include "dict/tabari_syntax.h"

namespace parley::dict {
namespace {

using tabari::ParsePhrase;
using tabari::PhraseRole;
using tabari::StripComment;
using tabari::Trim;

// Reads `path` into lines; a missing file is the only fatal error.
Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(std::move(line));
  }
  return Status::OK();
}

class Warner {
 public:
  Warner(const std::string& path, std::vector<std::string>* warnings)
      : path_(path), warnings_(warnings) {}
  void operator()(size_t line, const std::string& msg) const {
    if (warnings_ != nullptr) warnings_->push_back(path_ + ":" + std::to_string(line) + ": " + msg);
  }

 private:
  const std::string& path_;
  std::vector<std::string>* warnings_;
};

bool IsCommentLine(std::string_view trimmed) {
  return trimmed.empty() || trimmed[0] == '#' || trimmed[0] == '/';
}

bool IsFinish(std::string_view trimmed) { return trimmed.starts_with("~~FINISH"); }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Parses one actor code block: "USA", "USAGOV 991201-010114", "AR1 <911226",
// "HOBREB > 990816". Returns false with `error` set when malformed.
bool ParseActorCode(std::string_view block, ActorEntry* entry, std::string* error) {
  block = Trim(block);
  if (block.empty()) {
    *error = "empty code block []";
    return false;
  }
  size_t end = 0;
  while (end < block.size() && block[end] != ' ' && block[end] != '\t' && block[end] != '<' &&
         block[end] != '>') {
    ++end;
  }
  std::string code = Upper(block.substr(0, end));
  if (code.empty() || std::isdigit(static_cast<unsigned char>(code[0]))) {
    *error = "code block [" + std::string(block) + "] has no actor code";
    return false;
  }
  std::string restriction;
  for (char c : block.substr(end)) {
    if (c != ' ' && c != '\t') restriction += c;
  }
  if (restriction.empty()) {
    if (!entry->default_code.empty()) {
      *error = "more than one unrestricted code";
      return false;
    }
    entry->default_code = code;
    return true;
  }
  DatedCode dated;
  dated.code = code;
  bool ok = true;
  if (restriction[0] == '<') {
    dated.to = ParseDate(restriction.substr(1));
    ok = dated.to != 0;
  } else if (restriction[0] == '>') {
    dated.from = ParseDate(restriction.substr(1));
    ok = dated.from != 0;
  } else {
    size_t dash = restriction.find('-');
    ok = dash != std::string::npos;
    if (ok) {
      dated.from = ParseDate(restriction.substr(0, dash));
      dated.to = ParseDate(restriction.substr(dash + 1));
      ok = dated.from != 0 && dated.to != 0;
    }
  }
  if (!ok) {
    *error = "bad date restriction in [" + std::string(block) + "]";
    return false;
  }
  entry->dated.push_back(std::move(dated));
  return true;
}

// Accumulates one actor (its synonyms and code lines) until the next entry starts.
class ActorAccumulator {
 public:
  ActorAccumulator(DictionaryBuilder* builder, const Warner& warn)
      : builder_(builder), warn_(warn) {}

  void Start(const std::string& file, size_t line) {
    Flush();
    active_ = true;
    entry_ = ActorEntry{};
    entry_.origin = Origin{file, static_cast<uint32_t>(line)};
  }
  bool active() const { return active_; }
  ActorEntry* entry() { return &entry_; }

  void Flush() {
    if (!active_) return;
    active_ = false;
    if (entry_.phrases.empty()) return;
    if (entry_.default_code.empty() && entry_.dated.empty()) {
      warn_(entry_.origin.line, "actor has no code");
      return;
    }
    // TABARI 6.5.2: restrictions without an unrestricted code default to the null code.
    if (entry_.default_code.empty()) entry_.default_code = "---";
    builder_->AddActor(std::move(entry_));
  }

 private:
  DictionaryBuilder* builder_;
  const Warner& warn_;
  ActorEntry entry_;
  bool active_ = false;
};

bool AddPhrases(std::string_view text, PhraseRole role, std::vector<Phrase>* out, size_t line,
                const Warner& warn) {
  std::vector<Phrase> phrases;
  std::string error;
  if (!ParsePhrase(text, role, &phrases, &error)) {
    warn(line, error + " in '" + std::string(text) + "'");
    return false;
  }
  for (auto& p : phrases) out->push_back(std::move(p));
  return true;
}

}  // namespace

Status ReadTabariActors(const std::string& path, DictionaryBuilder* builder,
                        std::vector<std::string>* warnings) {
  std::vector<std::string> lines;
  Status st = ReadLines(path, &lines);
  if (!st.ok()) return st;
  Warner warn(path, warnings);
  ActorAccumulator actor(builder, warn);
  enum class Section { kActors, kNouns, kAdjectives } section = Section::kActors;
  for (size_t n = 0; n < lines.size(); ++n) {
    const size_t line_no = n + 1;
    std::string_view raw = lines[n];
    std::string_view t = StripComment(raw);
    if (IsFinish(t)) break;
    if (IsCommentLine(t) || t.starts_with("~~")) continue;
    std::string upper = Upper(t);
    if (upper == "<NOUN>" || upper == "<NOUNS>") {
      actor.Flush();
      section = Section::kNouns;
      continue;
    }
    if (upper.starts_with("<ADJ")) {
      actor.Flush();
      section = Section::kAdjectives;
      continue;
    }
    if (upper.starts_with("</")) {
      section = Section::kActors;
      continue;
    }
    if (section != Section::kActors) {
      std::vector<Phrase> phrases;
      if (!AddPhrases(t, PhraseRole::kNounLike, &phrases, line_no, warn)) continue;
      for (auto& p : phrases) {
        if (section == Section::kNouns) {
          builder->AddNoun(std::move(p));
        } else {
          builder->AddAdjective(std::move(p));
        }
      }
      continue;
    }
    std::string_view phrase;
    std::vector<std::string_view> codes;
    if (!tabari::SplitPhraseAndCodes(t, &phrase, &codes)) {
      warn(line_no, "unbalanced [ ] brackets; line skipped");
      continue;
    }
    bool continuation = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    if (t[0] == '+') {
      if (!actor.active()) {
        warn(line_no, "synonym '+' line without an actor");
        continue;
      }
      AddPhrases(phrase.substr(1), PhraseRole::kNounLike, &actor.entry()->phrases, line_no, warn);
    } else if (phrase.empty() && continuation) {
      if (!actor.active()) {
        warn(line_no, "code line without an actor");
        continue;
      }
    } else {
      actor.Start(path, line_no);
      if (phrase.size() < 2) {
        warn(line_no, "phrase missing or too short");
        actor.Flush();
        continue;
      }
      if (!AddPhrases(phrase, PhraseRole::kNounLike, &actor.entry()->phrases, line_no, warn)) {
        actor.Flush();
        continue;
      }
    }
    for (std::string_view block : codes) {
      std::string error;
      if (!ParseActorCode(block, actor.entry(), &error)) warn(line_no, error);
    }
  }
  actor.Flush();
  return Status::OK();
}

Status ReadTabariAgents(const std::string& path, DictionaryBuilder* builder,
                        std::vector<std::string>* warnings) {
  std::vector<std::string> lines;
  Status st = ReadLines(path, &lines);
  if (!st.ok()) return st;
  Warner warn(path, warnings);
  for (size_t n = 0; n < lines.size(); ++n) {
    const size_t line_no = n + 1;
    std::string_view t = StripComment(lines[n]);
    if (IsFinish(t)) break;
    if (IsCommentLine(t) || t.starts_with("~~") || t.starts_with("<")) continue;
    std::string_view phrase;
    std::vector<std::string_view> codes;
    if (!tabari::SplitPhraseAndCodes(t, &phrase, &codes) || codes.size() != 1) {
      warn(line_no, "expected 'PHRASE [~CODE]'");
      continue;
    }
    std::string code;
    for (char c : codes[0]) {
      if (c != ' ' && c != '\t')
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    AgentEntry entry;
    if (code.size() >= 2 && code.front() == '~') {
      entry.code = code.substr(1);
    } else if (code.size() >= 2 && code.back() == '~') {
      entry.code = code.substr(0, code.size() - 1);
      entry.prefix = true;
    } else {
      warn(line_no, "agent code [" + std::string(codes[0]) + "] lacks the '~' connector");
      continue;
    }
    if (!AddPhrases(phrase, PhraseRole::kNounLike, &entry.phrases, line_no, warn)) continue;
    entry.origin = Origin{path, static_cast<uint32_t>(line_no)};
    builder->AddAgent(std::move(entry));
  }
  return Status::OK();
}

Status ReadTabariVerbs(const std::string& path, DictionaryBuilder* builder,
                       std::vector<std::string>* warnings) {
  std::vector<std::string> lines;
  Status st = ReadLines(path, &lines);
  if (!st.ok()) return st;
  Warner warn(path, warnings);
  enum class Section { kVerbs, kSynsets, kTime, kSkip } section = Section::kVerbs;
  VerbBlock block;
  bool have_block = false;
  Synset synset;
  bool have_synset = false;
  auto flush_block = [&] {
    if (have_block) builder->AddVerbBlock(std::move(block));
    have_block = false;
    block = VerbBlock{};
  };
  auto flush_synset = [&] {
    if (have_synset) builder->AddSynset(std::move(synset));
    have_synset = false;
    synset = Synset{};
  };
  for (size_t n = 0; n < lines.size(); ++n) {
    const size_t line_no = n + 1;
    std::string_view t = StripComment(lines[n]);
    if (IsFinish(t)) break;
    if (IsCommentLine(t) || t.starts_with("~~")) continue;
    std::string upper = Upper(t);
    if (upper.starts_with("<SYNSET")) {
      section = Section::kSynsets;
      continue;
    }
    if (upper.starts_with("</SYNSET")) {
      flush_synset();
      section = Section::kVerbs;
      continue;
    }
    if (upper.starts_with("<TIME")) {
      section = Section::kTime;
      continue;
    }
    if (upper.starts_with("</")) {
      section = Section::kVerbs;
      continue;
    }
    if (upper.starts_with("<")) {  // <ATTRIB> and other sections we do not code from
      section = Section::kSkip;
      continue;
    }
    if (section == Section::kTime || section == Section::kSkip) continue;
    if (section == Section::kSynsets) {
      if (t[0] == '&') {
        flush_synset();
        std::string name = Upper(Trim(t.substr(1)));
        if (!name.empty() && name.back() == '_') {
          name.pop_back();
          synset.generate_plurals = false;
        }
        synset.name = name;
        synset.origin = Origin{path, static_cast<uint32_t>(line_no)};
        have_synset = !name.empty();
        if (!have_synset) warn(line_no, "empty synset name");
      } else if (t[0] == '+') {
        if (!have_synset) {
          warn(line_no, "synset member without '&NAME'");
          continue;
        }
        AddPhrases(t.substr(1), PhraseRole::kPattern, &synset.members, line_no, warn);
        synset.member_lines.resize(synset.members.size(), static_cast<uint32_t>(line_no));
      } else {
        warn(line_no, "expected '&NAME' or '+member' in <SYNSETS>");
      }
      continue;
    }
    if (t[0] == '{') {
      if (!have_block) {
        warn(line_no, "verb forms '{...}' without a verb");
        continue;
      }
      size_t close = t.find('}');
      if (close == std::string_view::npos) {
        warn(line_no, "missing '}' in verb forms");
        continue;
      }
      std::string_view body = t.substr(1, close - 1);
      std::stringstream ss{std::string(body)};
      std::string form;
      while (ss >> form) {
        std::vector<Phrase> phrases;
        std::string error;
        if (ParsePhrase(form, PhraseRole::kPattern, &phrases, &error)) {
          for (auto& p : phrases) block.verbs[0].irregular.push_back(std::move(p));
        } else {
          warn(line_no, error);
        }
      }
      continue;
    }
    std::string_view phrase;
    std::vector<std::string_view> codes;
    if (!tabari::SplitPhraseAndCodes(t, &phrase, &codes)) {
      warn(line_no, "unbalanced [ ] brackets; line skipped");
      continue;
    }
    if (codes.size() != 1) {
      warn(line_no, codes.empty() ? "no code [...]" : "more than one code block");
      continue;
    }
    EventCode code = tabari::ParseEventCode(codes[0]);
    if (t[0] == '-' && (t.size() == 1 || t[1] == ' ' || t[1] == '\t')) {
      if (!have_block) {
        warn(line_no, "pattern before any verb");
        continue;
      }
      std::vector<Phrase> phrases;
      std::string error;
      if (!ParsePhrase(phrase.substr(1), PhraseRole::kPattern, &phrases, &error)) {
        warn(line_no, error);
        continue;
      }
      for (auto& p : phrases) {
        int verbs = 0;
        for (const auto& e : p) verbs += e.kind == PatternElement::Kind::kVerb;
        if (verbs != 1) {
          warn(line_no, "pattern needs exactly one '*'");
          break;
        }
        block.patterns.push_back(
            VerbPattern{std::move(p), code, Origin{path, static_cast<uint32_t>(line_no)}});
      }
      continue;
    }
    flush_block();
    VerbWord word;
    std::vector<Phrase> phrases;
    std::string error;
    std::string text(phrase);
    bool no_endings = text.find('=') != std::string::npos;
    if (!ParsePhrase(text, PhraseRole::kPattern, &phrases, &error) || phrases.size() != 1) {
      warn(line_no, error.empty() ? "verb cannot contain alternatives" : error);
      continue;
    }
    word.phrase = std::move(phrases[0]);
    word.phrase[0].is_verb_head = true;
    word.generate_regular = !no_endings;
    word.origin = Origin{path, static_cast<uint32_t>(line_no)};
    block.name = text;
    block.code = code;
    block.origin = word.origin;
    block.verbs.push_back(std::move(word));
    have_block = true;
  }
  flush_block();
  flush_synset();
  return Status::OK();
}

}  // namespace parley::dict
