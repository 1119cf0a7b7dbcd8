// Exports from the event store (parley/store.h) in the formats event-data users load:
//
//   gdelt           GDELT 2.0 event table: 61 tab-separated columns in GDELT 2.0 order, no
//                   header; codes as strings, actor codes split into country / known group /
//                   ethnic / religion / type parts, AvgTone 0, geography empty.
//   gdelt-mentions  GDELT 2.0 mentions table: 16 tab-separated columns, one row per
//                   sentence reporting an event; character offsets are byte offsets into
//                   the document text.
//   phoenix         Phoenix (OEDA) 26 tab-separated columns, no header.
//   plover          PLOVER JSONL: event types mapped from CAMEO (PloverEventType).
//   csv             RFC 4180 CSV with a header line.
//   jsonl           one JSON object per event.
// Column lists and the CAMEO->PLOVER mapping are documented in docs/store.md.
#ifndef PARLEY_EXPORT_H_
#define PARLEY_EXPORT_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "parley/status.h"
#include "parley/store.h"

namespace parley {

enum class ExportFormat : uint8_t { kGdelt, kGdeltMentions, kPhoenix, kPlover, kCsv, kJsonl };

// "gdelt", "gdelt-mentions", "phoenix", "plover", "csv", "jsonl"; InvalidArgument otherwise.
Status ParseExportFormat(std::string_view name, ExportFormat* format);

// Number of columns of a tab-separated format (61 GDELT events, 16 GDELT mentions,
// 26 Phoenix), 0 for the others.
int ExportColumnCount(ExportFormat format);

// A CAMEO actor code cut into GDELT's parts. The code is read in 3-letter chunks: a first
// chunk that is not a role, religion or international-actor prefix is the country; role
// chunks (GOV, MIL, REB, IGO, NGO...) fill type1..type3 in order; religion chunks fill
// religion1, religion2; the first other chunk is the known group (IGOUNO -> UNO), any later
// one the ethnic code. Parts absent from the code are empty.
struct ActorParts {
  std::string country;
  std::string known_group;
  std::string ethnic;
  std::string religion1;
  std::string religion2;
  std::string type1;
  std::string type2;
  std::string type3;
};
ActorParts SplitCameoActor(std::string_view code);

// The PLOVER event type for a CAMEO event code (one of AGREE, CONSULT, SUPPORT, CONCEDE,
// COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION,
// MOBILIZE, COERCE, ASSAULT), and in `mode` (may be null) a finer label where a CAMEO
// root folds into a broader PLOVER type ("investigate", "demand", "fight"...), else "".
// "" for a code that is not CAMEO.
std::string_view PloverEventType(std::string_view cameo_code, std::string_view* mode = nullptr);

// The header line of `format` (with '\n'), or "" for formats without one.
std::string_view ExportHeader(ExportFormat format);

// Appends one event as one line (with '\n') in `format` (not kGdeltMentions).
void AppendExportEvent(ExportFormat format, const StoredEvent& event, std::string* out);
// Appends one GDELT 2.0 mentions line (with '\n').
void AppendGdeltMention(const StoredMention& mention, std::string* out);

// Writes every event (or mention) of `store` matching `query` to `out` in `format`, with
// the header first. `rows` (may be null) gets the number of lines after the header.
Status ExportEvents(const EventStore& store, ExportFormat format, const EventQuery& query,
                    std::FILE* out, uint64_t* rows);

}  // namespace parley

#endif  // PARLEY_EXPORT_H_
