// Scoring coded events against hand-coded gold records (PLOVER gold-standard JSONL:
// {id, date, text, gold: [{source: [...], target: [...], roots: [...], code, plover}]}).
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
  Document doc;  // id, date and text of the record
  std::vector<GoldItem> items;
};

// Reads a gold JSONL file. Bad lines are skipped and described in `warnings`.
Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* records,
                    std::vector<std::string>* warnings);

// True when `event` agrees with `item` on source and target country (first three
// letters of the code) and on the CAMEO root.
bool Matches(const Event& event, const GoldItem& item);

struct Score {
  int gold_items = 0;
  int gold_found = 0;      // gold items matched by at least one event
  int events = 0;
  int events_correct = 0;  // events that match some gold item of their record

  double Recall() const { return gold_items ? double(gold_found) / gold_items : 0.0; }
  double Precision() const { return events ? double(events_correct) / events : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Adds one record's outcome to `score`.
void ScoreRecord(const GoldRecord& record, const std::vector<Event>& events, Score* score);

}  // namespace parley::gold

#endif  // PARLEY_GOLD_H_
