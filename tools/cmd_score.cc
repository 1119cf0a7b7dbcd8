// parley score GOLD.jsonl: codes each gold record as one document and reports recall and
// precision against the hand-coded events (source and target country, CAMEO root).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "commands.h"
#include "engine.h"
#include "parley/coder.h"
#include "parley/gold.h"
#include "parley/reader.h"

namespace parley::cli {
namespace {

struct ScoreFlags {
  std::string gold_path;
  EngineFlags engine;
  bool show_misses = false;
  std::vector<std::string> corpus;  // overrides the gold file's "corpus" line
  std::string half;                 // only records of this half
  bool strict = false;              // joint gold items need an event with no target
};

std::string Describe(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events)
    out += (out.empty() ? "" : "; ") + e.source.code + " " + e.target.code + " " + e.code;
  return out.empty() ? "(none)" : out;
}

std::string Describe(const gold::GoldItem& item) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "|") + x;
    return s.empty() ? std::string("-") : s;
  };
  return join(item.sources) + " " + join(item.targets) + " " + join(item.roots);
}

void ShowMiss(const gold::GoldRecord& record, std::string_view text, const gold::Score& one,
              const std::vector<Event>& events) {
  std::printf("%s %s", one.gold_found < one.gold_items ? "MISS" : "EXTRA", record.doc.id.c_str());
  if (record.by_sentence) std::printf(" sentence %d", record.sentence_index);
  std::printf("\n  text:  %.*s\n  gold:  ", static_cast<int>(text.size()), text.data());
  for (size_t i = 0; i < record.items.size(); ++i)
    std::printf("%s%s", i ? "; " : "", Describe(record.items[i]).c_str());
  std::printf("%s\n  coded: %s\n", record.items.empty() ? "(none)" : "", Describe(events).c_str());
}

// The text-free form: codes each document of the corpus that the records name, whole, and
// scores each record against the events of its sentence.
Status ScoreBySentence(const ScoreFlags& flags, const gold::GoldSet& set, const Coder& coder,
                       std::map<std::string, gold::Score>* by_half) {
  std::map<std::string, std::vector<const gold::GoldRecord*>> by_doc;
  for (const gold::GoldRecord& r : set.records) {
    if (r.by_sentence && (flags.half.empty() || r.half == flags.half)) {
      by_doc[r.doc.id].push_back(&r);
    }
  }
  const std::vector<std::string>& corpus = flags.corpus.empty() ? set.corpus : flags.corpus;
  if (corpus.empty()) {
    return Status::InvalidArgument(flags.gold_path +
                                   ": records have no text and no corpus is named (a "
                                   "{\"corpus\": [...]} line or --corpus)");
  }
  std::unique_ptr<DocumentReader> reader;
  if (Status s = DocumentReader::Open(corpus, ReaderOptions{}, &reader); !s.ok()) return s;
  CoderScratch scratch;
  Document doc;
  std::vector<Event> events, of_sentence;
  std::vector<text::Range> sentences;
  std::set<std::string> seen;
  while (reader->Next(&doc)) {
    auto it = by_doc.find(doc.id);
    if (it == by_doc.end() || !seen.insert(doc.id).second) continue;
    events.clear();
    coder.CodeDocument(doc, &scratch, &events);
    SplitSentencesForCoding(doc.text, &sentences, nullptr);
    for (const gold::GoldRecord* r : it->second) {
      int index = r->sentence_index;
      if (r->start >= 0) {
        // Offsets are the reference: find the sentence that starts there.
        index = -1;
        for (size_t i = 0; i < sentences.size(); ++i) {
          if (sentences[i].start == r->start) index = static_cast<int>(i);
        }
        if (index < 0 || sentences[index].end != r->end) {
          std::fprintf(stderr,
                       "parley score: warning: %s:%llu: no sentence of %s spans bytes %lld-%lld "
                       "(the text or the sentence splitter changed); record scored as "
                       "uncoded\n",
                       r->doc.origin.c_str(), static_cast<unsigned long long>(r->doc.origin_line),
                       r->doc.id.c_str(), static_cast<long long>(r->start),
                       static_cast<long long>(r->end));
        }
      }
      of_sentence.clear();
      for (const Event& e : events) {
        if (index >= 0 && e.sentence_index == index) of_sentence.push_back(e);
      }
      gold::Score one;
      gold::ScoreRecord(*r, of_sentence, &one, flags.strict);
      if (flags.show_misses &&
          (one.gold_found < one.gold_items || one.events_correct < one.events)) {
        const std::string_view text =
            index >= 0 && static_cast<size_t>(index) < sentences.size()
                ? std::string_view(doc.text).substr(sentences[index].start,
                                                    sentences[index].end - sentences[index].start)
                : std::string_view();
        ShowMiss(*r, text, one, of_sentence);
      }
      (*by_half)[r->half].Add(one);
    }
  }
  for (const auto& [id, records] : by_doc) {
    if (seen.count(id) == 0) {
      std::fprintf(stderr,
                   "parley score: warning: document %s (%zu records) is not in the corpus\n",
                   id.c_str(), records.size());
    }
  }
  return Status::OK();
}

void PrintScore(const char* what, const gold::Score& s) {
  std::printf("%srecall %.3f (%d/%d), precision %.3f (%d/%d), F1 %.3f\n", what, s.Recall(),
              s.gold_found, s.gold_items, s.Precision(), s.events_correct, s.events, s.F1());
}

int RunScore(const ScoreFlags& flags) {
  Profile profile;
  if (Status p = SelectProfile(flags.engine, InputFormat::kAuto, &profile); !p.ok()) {
    std::fprintf(stderr, "parley score: %s\n", p.ToString().c_str());
    return 2;
  }
  gold::GoldSet set;
  std::vector<std::string> warnings;
  Status s = gold::ReadGoldSet(flags.gold_path, &set, &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "parley score: warning: %s\n", w.c_str());
  std::unique_ptr<Coder> coder;
  if (s.ok()) s = MakeCoder(flags.engine, &coder);
  if (!s.ok()) {
    std::fprintf(stderr, "parley score: %s\n", s.ToString().c_str());
    return 1;
  }
  std::map<std::string, gold::Score> by_half;
  CoderScratch scratch;
  std::vector<Event> events;
  size_t records = 0;
  for (const gold::GoldRecord& record : set.records) {
    if (record.by_sentence) continue;
    ++records;
    events.clear();
    coder->CodeDocument(record.doc, &scratch, &events);
    gold::Score one;
    gold::ScoreRecord(record, events, &one, flags.strict);
    if (flags.show_misses && (one.gold_found < one.gold_items || one.events_correct < one.events))
      ShowMiss(record, record.doc.text, one, events);
    by_half[record.half].Add(one);
  }
  const size_t sentence_records =
      std::count_if(set.records.begin(), set.records.end(), [&](const gold::GoldRecord& r) {
        return r.by_sentence && (flags.half.empty() || r.half == flags.half);
      });
  if (sentence_records > 0) {
    if (Status b = ScoreBySentence(flags, set, *coder, &by_half); !b.ok()) {
      std::fprintf(stderr, "parley score: %s\n", b.ToString().c_str());
      return 1;
    }
  }
  gold::Score total;
  for (const auto& [half, score] : by_half) total.Add(score);
  std::printf("records %zu, gold events %d, coded events %d\n", records + sentence_records,
              total.gold_items, total.events);
  PrintScore("", total);
  if (by_half.size() > 1 || (by_half.size() == 1 && !by_half.begin()->first.empty())) {
    for (const auto& [half, score] : by_half) {
      const std::string label = "  " + (half.empty() ? std::string("(no half)") : half) + ": ";
      PrintScore(label.c_str(), score);
    }
  }
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("score", "Score coding against hand-coded gold JSONL");
  auto flags = std::make_shared<ScoreFlags>();
  cmd->add_option("gold", flags->gold_path,
                  "Gold JSONL ({id,date,text,gold:[...]}, or text-free {doc,start,end,gold:[...]})")
      ->required();
  cmd->add_option("--dict", flags->engine.dict_paths, "Dictionary file or folder (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file");
  AddSyntaxFlags(cmd, &flags->engine);
  AddProfileFlag(cmd, &flags->engine);
  cmd->add_flag("--misses", flags->show_misses, "List records with missed or wrong events");
  cmd->add_option("--corpus", flags->corpus,
                  "Where the documents of a text-free gold file are (repeatable; overrides its "
                  "\"corpus\" line)");
  cmd->add_option("--half", flags->half, "Score only the records of this half (tune, check)");
  cmd->add_flag("--strict", flags->strict,
                "A joint gold event (several sources, no target) needs an event with no target; "
                "by default one member towards another also counts");
  cmd->callback([=] { *exit_code = RunScore(*flags); });
}

}  // namespace parley::cli
