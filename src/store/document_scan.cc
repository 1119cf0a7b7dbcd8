// EventStore::ForEachDocument: stored documents read back as the StoreDocuments that
// wrote them, for parley merge.
#include <fmt/format.h>

#include "parley/store.h"
#include "store/event_store_impl.h"

namespace parley {

using store::Stmt;

Status EventStore::ForEachDocument(const std::function<Status(StoreDocument&&)>& fn) const {
  store::Db& db = impl_->db;
  // One snapshot: a writer committing meanwhile is not seen half-way.
  Status s = db.Exec("BEGIN");
  if (!s.ok()) return s;
  Stmt docs, events;
  s = docs.Prepare(db,
                   "SELECT id, doc_id, content_hash, url, source, title, pub_date, date_method,"
                   " date_confidence, text_bytes, signature FROM documents ORDER BY id");
  // A document's mentions in the order its events were coded (mention ids grow with it).
  if (s.ok())
    s = events.Prepare(
        db,
        "SELECT s.sentence_index, s.start_offset, s.text, e.date, e.source, e.target, e.code,"
        " e.root, e.quad_class, e.goldstein, m.source_start, m.source_end, m.target_start,"
        " m.target_end, m.verb_start, m.verb_end, m.source_text, m.target_text, m.verb_text,"
        " m.rule, m.issues, " +
            impl_->DateColumn("date_precision") + ", " + impl_->DateColumn("date_source") + ", " +
            impl_->DateColumn("date_confidence") + ", " + impl_->DateColumn("date_guessed") + ", " +
            impl_->DateColumn("future") + ", " + impl_->DateColumn("historical") +
            " FROM mentions m JOIN events e ON e.id = m.event"
            " JOIN sentences s ON s.id = m.sentence WHERE m.doc = ? ORDER BY m.id");
  while (s.ok() && docs.Step(&s)) {
    StoreDocument doc;
    doc.id.assign(docs.Text(1));
    doc.content_hash = static_cast<uint64_t>(docs.Int(2));
    doc.url.assign(docs.Text(3));
    doc.source.assign(docs.Text(4));
    doc.title.assign(docs.Text(5));
    doc.publication.date = docs.IsNull(6) ? 0 : static_cast<Date>(docs.Int(6));
    doc.publication.method.assign(docs.Text(7));
    doc.publication.confidence = docs.Double(8);
    doc.text_bytes = static_cast<uint32_t>(docs.Int(9));
    doc.signature.assign(docs.Text(10));
    events.Bind(1, docs.Int(0));
    while (events.Step(&s)) {
      Event& e = doc.events.emplace_back();
      e.doc_id = doc.id;
      e.sentence_index = static_cast<int32_t>(events.Int(0));
      doc.sentence_offsets.push_back(events.Offset(1));
      e.sentence.assign(events.Text(2));
      e.date = static_cast<Date>(events.Int(3));
      e.source.code.assign(events.Text(4));
      e.target.code.assign(events.Text(5));
      e.code.assign(events.Text(6));
      e.root.assign(events.Text(7));
      e.quad_class = static_cast<int32_t>(events.Int(8));
      e.goldstein = events.Double(9);
      e.source.start = events.Offset(10);
      e.source.end = events.Offset(11);
      e.target.start = events.Offset(12);
      e.target.end = events.Offset(13);
      e.verb.start = events.Offset(14);
      e.verb.end = events.Offset(15);
      e.source.text.assign(events.Text(16));
      e.target.text.assign(events.Text(17));
      e.verb.text.assign(events.Text(18));
      e.rule.assign(events.Text(19));
      e.issues.assign(events.Text(20));
      e.date_precision = ParseDatePrecision(events.Text(21));
      e.date_source = ParseEventDateSource(events.Text(22));
      e.date_confidence = events.Double(23);
      e.date_guessed = events.Int(24) != 0;
      e.future = events.Int(25) != 0;
      e.historical = events.Int(26) != 0;
      e.pub_date = doc.publication.date;
      e.pub_date_method = doc.publication.method;
      e.pub_date_confidence = doc.publication.confidence;
    }
    events.Reset();
    if (!s.ok()) break;
    s = fn(std::move(doc));
  }
  db.Exec("COMMIT").ok();
  return s;
}

}  // namespace parley
