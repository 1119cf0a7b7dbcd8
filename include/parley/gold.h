// Scoring coded events against hand-coded gold records. Two forms of gold JSONL:
// - with text (the PLOVER gold standard): {id, date, text, gold: [{source: [...],
//   target: [...], roots: [...], code, plover}]}: each record is coded as one document;
// - without text (the project's own sets, tests/gold/): a first line {"corpus": [paths]}
//   naming where the documents are (folders of articles, JSONL files; relative to the
//   working directory), then one line per sentence {doc, sentence_index, start, end,
//   half, gold: [...]}: each document is coded whole (so that the article's context
//   counts) and its events are scored against the sentence they come from.
#ifndef PARLEY_GOLD_H_
#define PARLEY_GOLD_H_

#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley::gold {

// One hand-coded event: any of `sources` and any of `targets` (first three letters of an
// actor code; an empty list means "no target") with a root in `roots`.
struct GoldItem {
  std::vector<std::string> sources;
  std::vector<std::string> targets;
  std::vector<std::string> roots;
};

struct GoldRecord {
  Document doc;  // id, date and text of the record (the text form); for the text-free form
                 // only doc.id (the document), origin and origin_line
  std::vector<GoldItem> items;
  // Text-free form: the sentence of document doc.id, by index (as the coder splits the
  // text) and byte range, and the half of the set it belongs to ("tune", "check" or "").
  bool by_sentence = false;
  int sentence_index = -1;
  int64_t start = -1, end = -1;
  std::string half;
};

struct GoldSet {
  std::vector<GoldRecord> records;
  std::vector<std::string> corpus;  // text-free form: where the documents are
};

// Reads a gold JSONL file of either form. Bad lines are skipped and described in
// `warnings` ("path:line: what"). IOError if the file cannot be read.
Status ReadGoldSet(const std::string& path, GoldSet* set, std::vector<std::string>* warnings);

// ReadGoldSet, keeping only the records.
Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* records,
                    std::vector<std::string>* warnings);

// True when `event` agrees with `item` on source and target country (first three
// letters of the code, on both sides) and on the CAMEO root. A gold item with several
// sources and no target (joint action) also accepts an event from one of its sources to
// another of another country (the same fact in dyadic form).
// `strict`: a joint item needs an event with no target, as PLOVER's own scoring does.
bool Matches(const Event& event, const GoldItem& item, bool strict = false);

struct Score {
  int gold_items = 0;
  int gold_found = 0;  // gold items matched by at least one event
  int events = 0;
  int events_correct = 0;  // events that match some gold item of their record

  double Recall() const { return gold_items ? double(gold_found) / gold_items : 0.0; }
  double Precision() const { return events ? double(events_correct) / events : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void Add(const Score& other) {
    gold_items += other.gold_items;
    gold_found += other.gold_found;
    events += other.events;
    events_correct += other.events_correct;
  }
};

// Adds one record's outcome to `score` (`strict` as for Matches).
void ScoreRecord(const GoldRecord& record, const std::vector<Event>& events, Score* score,
                 bool strict = false);

}  // namespace parley::gold

#endif  // PARLEY_GOLD_H_
