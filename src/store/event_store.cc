#include <fmt/format.h>

#include <chrono>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "parley/store.h"
#include "store/adapters.h"
#include "store/event_store_impl.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace parley {

using store::Db;
using store::Stmt;

namespace {

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Identity of a stored document for the in-memory "seen" set.
std::string DocKey(std::string_view doc_id, uint64_t content_hash) {
  std::string key(doc_id);
  key.append(reinterpret_cast<const char*>(&content_hash), sizeof content_hash);
  return key;
}

// The smallest string greater than every string starting with `prefix` ("" = no bound).
std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (!end.empty()) end.back() = static_cast<char>(end.back() + 1);
  return end;
}

// The aggregation key of an event within one document.
using EventKey = std::tuple<Date, std::string_view, std::string_view, std::string_view>;

}  // namespace

Status EventStore::Impl::Load() {
  Stmt stmt;
  Status s = stmt.Prepare(
      db, "SELECT doc_id, content_hash, story_id, signature FROM documents ORDER BY id");
  if (!s.ok()) return s;
  while (stmt.Step(&s)) {
    uint64_t hash = static_cast<uint64_t>(stmt.Int(1));
    seen.insert(DocKey(stmt.Text(0), hash));
    Status restored = stories->Restore(stmt.Text(0), hash, stmt.Text(3), stmt.Int(2));
    if (!restored.ok()) return restored;
  }
  return s;
}

Status EventStore::Impl::PrepareWriters() {
  Status s;
  auto prep = [&](Stmt* stmt, std::string_view sql) {
    if (s.ok()) s = stmt->Prepare(db, sql);
  };
  prep(&doc_exists, "SELECT 1 FROM documents WHERE doc_id = ? AND content_hash = ?");
  prep(&insert_doc,
       "INSERT INTO documents (doc_id, content_hash, url, source, title, pub_date, date_method,"
       " date_confidence, story_id, text_bytes, signature, added_at)"
       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  prep(&insert_story,
       "INSERT INTO stories (id, num_documents) VALUES (?, 0) ON CONFLICT DO NOTHING");
  prep(&update_story,
       "UPDATE stories SET num_documents = num_documents + 1,"
       " first_date = CASE WHEN ?2 IS NULL THEN first_date WHEN first_date IS NULL OR ?2 < "
       "first_date THEN ?2 ELSE first_date END,"
       " last_date = CASE WHEN ?2 IS NULL THEN last_date WHEN last_date IS NULL OR ?2 > last_date "
       "THEN ?2 ELSE last_date END,"
       " first_doc = coalesce(first_doc, ?3) WHERE id = ?1");
  prep(&insert_sentence,
       "INSERT INTO sentences (doc, sentence_index, start_offset, text) VALUES (?,?,?,?)");
  prep(&find_event,
       "SELECT id FROM events WHERE story_key = ? AND date = ? AND source = ? AND target = ?"
       " AND code = ?");
  prep(&insert_event,
       "INSERT INTO events (story_key, date, source, target, code, root, quad_class, goldstein,"
       " added_at, date_precision, date_source, date_confidence, date_guessed, future,"
       " historical) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  prep(&add_source, "INSERT OR IGNORE INTO event_sources (event, source) VALUES (?, ?)");
  prep(&insert_mention,
       "INSERT INTO mentions (event, doc, sentence, source_start, source_end, target_start,"
       " target_end, verb_start, verb_end, source_text, target_text, verb_text, rule, issues)"
       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  prep(&update_event,
       "UPDATE events SET num_mentions = num_mentions + ?1, num_sources = num_sources + ?2,"
       " num_articles = num_articles + 1, first_mention = coalesce(first_mention, ?3)"
       " WHERE id = ?4");
  return s;
}

// The row of the event with `e`'s aggregation key, inserted when new. Most look-ups
// are answered from `event_ids` without SQL.
Status EventStore::Impl::FindOrInsertEvent(int64_t story_key, const Event& e, int64_t now,
                                           int64_t* id, AddResult* result) {
  key_buffer.clear();
  key_buffer.append(reinterpret_cast<const char*>(&story_key), sizeof story_key);
  key_buffer.append(reinterpret_cast<const char*>(&e.date), sizeof e.date);
  for (const std::string* part : {&e.source.code, &e.target.code, &e.code}) {
    key_buffer.append(*part);
    key_buffer.push_back('\0');
  }
  auto cached = event_ids.find(key_buffer);
  if (cached != event_ids.end()) {
    *id = cached->second;
    return Status::OK();
  }
  Status s;
  *id = 0;
  find_event.Bind(1, story_key);
  find_event.Bind(2, e.date);
  find_event.Bind(3, e.source.code);
  find_event.Bind(4, e.target.code);
  find_event.Bind(5, e.code);
  if (find_event.Step(&s)) *id = find_event.Int(0);
  find_event.Reset();
  if (!s.ok()) return s;
  if (*id == 0) {
    Stmt& u = insert_event;
    u.Bind(1, story_key);
    u.Bind(2, e.date);
    u.Bind(3, e.source.code);
    u.Bind(4, e.target.code);
    u.Bind(5, e.code);
    u.Bind(6, e.root);
    u.Bind(7, e.quad_class);
    u.Bind(8, e.goldstein);
    u.Bind(9, now);
    u.Bind(10, DatePrecisionName(e.date_precision));
    u.Bind(11, EventDateSourceName(e.date_source));
    u.Bind(12, e.date_confidence);
    u.Bind(13, static_cast<int64_t>(e.date_guessed));
    u.Bind(14, static_cast<int64_t>(e.future));
    u.Bind(15, static_cast<int64_t>(e.historical));
    s = u.Run();
    *id = sqlite3_last_insert_rowid(db.get());
    u.Reset();
    if (!s.ok()) return s;
    ++result->events_added;
  }
  event_ids.emplace(key_buffer, *id);
  return Status::OK();
}

// Writes one document and all its rows. Runs inside the batch transaction.
Status EventStore::Impl::AddDocument(const StoreDocument& doc, int64_t now, AddResult* result) {
  Status s;
  doc_exists.Reset();
  doc_exists.Bind(1, doc.id);
  doc_exists.Bind(2, static_cast<int64_t>(doc.content_hash));
  bool exists = doc_exists.Step(&s);
  doc_exists.Reset();
  if (!s.ok()) return s;
  if (exists) {
    ++result->documents_skipped;
    return s;
  }
  const int64_t story_id = stories->Assign(doc.id, doc.content_hash, doc.signature);
  insert_story.Bind(1, story_id);
  s = insert_story.Run();
  insert_story.Reset();
  if (!s.ok()) return s;
  Stmt& d = insert_doc;
  d.Bind(1, doc.id);
  d.Bind(2, static_cast<int64_t>(doc.content_hash));
  d.Bind(3, doc.url);
  d.Bind(4, doc.source);
  d.Bind(5, doc.title);
  if (doc.publication.date > 0) d.Bind(6, doc.publication.date);
  d.Bind(7, doc.publication.method);
  d.Bind(8, doc.publication.confidence);
  d.Bind(9, story_id);
  d.Bind(10, static_cast<int64_t>(doc.text_bytes));
  if (!doc.signature.empty()) d.BindBlob(11, doc.signature);
  d.Bind(12, now);
  int64_t doc_row = 0;
  s = d.Run();
  doc_row = sqlite3_last_insert_rowid(db.get());
  d.Reset();
  if (!s.ok()) return s;
  update_story.Bind(1, story_id);
  if (doc.publication.date > 0) update_story.Bind(2, doc.publication.date);
  update_story.Bind(3, doc_row);
  s = update_story.Run();
  update_story.Reset();
  if (!s.ok()) return s;

  const int64_t story_key = one_a_day ? 0 : story_id;
  // Per distinct event of this document: its row, what this document adds to it.
  struct Touched {
    int64_t id = 0;
    int64_t mentions = 0;
    int64_t new_source = 0;
    int64_t first_mention = 0;
  };
  std::map<EventKey, Touched> touched;
  int32_t sentence_index = -1;
  int64_t sentence_row = 0;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    if (e.sentence_index != sentence_index) {
      sentence_index = e.sentence_index;
      Stmt& st = insert_sentence;
      st.Bind(1, doc_row);
      st.Bind(2, e.sentence_index);
      st.BindOffset(3, i < doc.sentence_offsets.size() ? doc.sentence_offsets[i] : -1);
      st.Bind(4, e.sentence);
      s = st.Run();
      sentence_row = sqlite3_last_insert_rowid(db.get());
      st.Reset();
      if (!s.ok()) return s;
    }
    Touched& t = touched[EventKey{e.date, e.source.code, e.target.code, e.code}];
    if (t.id == 0) {
      s = FindOrInsertEvent(story_key, e, now, &t.id, result);
      if (!s.ok()) return s;
      // NumSources counts each publisher once per event.
      add_source.Bind(1, t.id);
      add_source.Bind(2, doc.source);
      s = add_source.Run();
      add_source.Reset();
      if (!s.ok()) return s;
      t.new_source = sqlite3_changes(db.get()) > 0 ? 1 : 0;
    }
    Stmt& m = insert_mention;
    m.Bind(1, t.id);
    m.Bind(2, doc_row);
    m.Bind(3, sentence_row);
    m.BindOffset(4, e.source.start);
    m.BindOffset(5, e.source.end);
    m.BindOffset(6, e.target.start);
    m.BindOffset(7, e.target.end);
    m.BindOffset(8, e.verb.start);
    m.BindOffset(9, e.verb.end);
    m.Bind(10, e.source.text);
    m.Bind(11, e.target.text);
    m.Bind(12, e.verb.text);
    m.Bind(13, e.rule);
    m.Bind(14, e.issues);
    s = m.Run();
    if (t.mentions == 0) t.first_mention = sqlite3_last_insert_rowid(db.get());
    m.Reset();
    if (!s.ok()) return s;
    ++t.mentions;
    ++result->mentions_added;
  }
  for (const auto& [key, t] : touched) {
    update_event.Bind(1, t.mentions);
    update_event.Bind(2, t.new_source);
    update_event.Bind(3, t.first_mention);
    update_event.Bind(4, t.id);
    s = update_event.Run();
    update_event.Reset();
    if (!s.ok()) return s;
  }
  ++result->documents_added;
  return Status::OK();
}

EventStore::EventStore(std::unique_ptr<Impl> impl, bool one_a_day)
    : impl_(std::move(impl)), one_a_day_(one_a_day) {}
EventStore::~EventStore() = default;

Status EventStore::Open(const std::string& path, const StoreOptions& options,
                        std::unique_ptr<EventStore>* out) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  Status s;
  if (!options.read_only) {
    s = store::CheckWritable(path);
    // The lock comes before anything is read: what this writer knows of the store (the
    // documents it holds, the story index) must include the previous writer's last commit.
    if (s.ok()) {
      auto on_wait = [&](int64_t pid) {
        if (options.on_wait) options.on_wait(path, pid);
      };
      s = store::StoreLock::Acquire(path, options.wait_for_writer, on_wait, &impl->lock);
    }
  }
  if (s.ok()) s = impl->db.Open(path, options.read_only);
  bool stored_one_a_day = options.one_a_day;
  if (s.ok())
    s = store::PrepareSchema(&impl->db, options.one_a_day, options.read_only, &stored_one_a_day);
  if (s.ok()) s = store::StoreSchemaVersion(&impl->db, &impl->schema_version);
  impl->one_a_day = stored_one_a_day;
  if (s.ok() && !options.read_only) s = impl->Load();
  if (s.ok() && !options.read_only) s = impl->PrepareWriters();
  if (!s.ok()) return s;
  out->reset(new EventStore(std::move(impl), stored_one_a_day));
  return Status::OK();
}

bool EventStore::Contains(std::string_view doc_id, uint64_t content_hash) const {
  std::lock_guard<std::mutex> lock(impl_->seen_mu);
  return impl_->seen.count(DocKey(doc_id, content_hash)) > 0;
}

Status EventStore::AddBatch(const std::vector<StoreDocument>& docs, AddResult* result) {
  if (impl_->failed) return Status::IOError("the store failed earlier; no more writes");
  AddResult local;
  if (result == nullptr) result = &local;
  Status s = impl_->db.Exec("BEGIN IMMEDIATE");
  if (!s.ok())
    return Status::IOError(fmt::format("cannot write to store {}: {}", impl_->path, s.message()));
  const int64_t now = NowSeconds();
  AddResult batch;
  for (const StoreDocument& doc : docs) {
    s = impl_->AddDocument(doc, now, &batch);
    if (!s.ok()) {
      s = Status::IOError(fmt::format(
          "cannot write to store {}: storing document '{}': {}; this batch was rolled back, "
          "the store keeps every earlier batch",
          impl_->path, doc.id, s.message()));
      break;
    }
  }
  if (s.ok()) {
    s = impl_->db.Exec("COMMIT");
    if (!s.ok())
      s = Status::IOError(fmt::format("cannot write to store {}: {}; this batch was rolled back",
                                      impl_->path, s.message()));
  }
  if (!s.ok()) {
    impl_->db.Exec("ROLLBACK").ok();
    // The story index may now hold stories that were rolled back.
    impl_->failed = true;
    impl_->event_ids.clear();
    return s;
  }
  {
    std::lock_guard<std::mutex> lock(impl_->seen_mu);
    for (const StoreDocument& doc : docs) impl_->seen.insert(DocKey(doc.id, doc.content_hash));
  }
  result->documents_added += batch.documents_added;
  result->documents_skipped += batch.documents_skipped;
  result->mentions_added += batch.mentions_added;
  result->events_added += batch.events_added;
  return Status::OK();
}

Status EventStore::GetCounts(StoreCounts* counts) const {
  Stmt stmt;
  Status s =
      stmt.Prepare(impl_->db,
                   "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
                   " (SELECT count(*) FROM stories), (SELECT count(*) FROM events),"
                   " (SELECT count(*) FROM mentions)");
  if (s.ok() && stmt.Step(&s)) {
    counts->documents = stmt.Int(0);
    counts->sentences = stmt.Int(1);
    counts->stories = stmt.Int(2);
    counts->events = stmt.Int(3);
    counts->mentions = stmt.Int(4);
  }
  return s;
}

std::string EventStore::Impl::DateColumn(std::string_view name) const {
  if (schema_version >= 2) return fmt::format("e.{}", name);
  return store::LegacyDateColumn(name);
}

Status EventStore::Impl::BuildFilter(const EventQuery& q, std::string* where) const {
  *where = " WHERE 1";
  if (q.from > 0) *where += " AND e.date >= :from";
  if (q.to > 0) *where += " AND e.date <= :to";
  if (!q.source_prefix.empty()) {
    *where += " AND e.source >= :src";
    if (!PrefixEnd(q.source_prefix).empty()) *where += " AND e.source < :src_end";
  }
  if (!q.target_prefix.empty()) {
    *where += " AND e.target >= :tgt";
    if (!PrefixEnd(q.target_prefix).empty()) *where += " AND e.target < :tgt_end";
  }
  return Status::OK();
}

// Text is bound as a copy: the prefix ends are temporaries of this function, and the
// statement is stepped after it returns.
void EventStore::Impl::BindFilter(const EventQuery& q, Stmt* stmt) const {
  auto index = [&](const char* name) { return sqlite3_bind_parameter_index(stmt->raw(), name); };
  auto bind_date = [&](const char* name, Date value) {
    if (int i = index(name); i > 0) stmt->Bind(i, value);
  };
  auto bind_text = [&](const char* name, const std::string& value) {
    if (int i = index(name); i > 0) stmt->BindCopy(i, value);
  };
  bind_date(":from", q.from);
  bind_date(":to", q.to);
  bind_text(":src", q.source_prefix);
  bind_text(":tgt", q.target_prefix);
  bind_text(":src_end", PrefixEnd(q.source_prefix));
  bind_text(":tgt_end", PrefixEnd(q.target_prefix));
}

Status EventStore::ForEachEvent(const EventQuery& query,
                                const std::function<void(const StoredEvent&)>& fn) const {
  std::string where;
  Status s = impl_->BuildFilter(query, &where);
  if (!s.ok()) return s;
  // g: one row per exported event with its counts and representative mention.
  std::string grouped;
  if (query.one_a_day) {
    grouped = fmt::format(
        "SELECT min(e.id) AS id, 0 AS story, e.date, e.source, e.target, e.code,"
        " count(m.id) AS nm, count(DISTINCT coalesce(d.source, '')) AS ns,"
        " count(DISTINCT m.doc) AS na, min(e.added_at) AS added, min(m.id) AS fm"
        " FROM events e JOIN mentions m ON m.event = e.id JOIN documents d ON d.id = m.doc{}"
        " GROUP BY e.date, e.source, e.target, e.code",
        where);
  } else {
    grouped = fmt::format(
        "SELECT e.id, e.story_key AS story, e.date, e.source, e.target, e.code,"
        " e.num_mentions AS nm, e.num_sources AS ns, e.num_articles AS na,"
        " e.added_at AS added, e.first_mention AS fm FROM events e{}",
        where);
  }
  std::string sql = fmt::format(
      "WITH g AS ({}) SELECT g.id, g.story, g.date, g.source, g.target, g.code, r.root,"
      " r.quad_class, r.goldstein, g.nm, g.ns, g.na, g.added, m.source_text, m.target_text,"
      " m.issues, d.doc_id, coalesce(nullif(d.url, ''), d.doc_id), coalesce(d.source, ''),"
      " s.sentence_index, s.text, {}, {}, {}, {}, {}, {}, d.pub_date, d.date_method,"
      " d.date_confidence"
      " FROM g JOIN events r ON r.id = g.id JOIN mentions m ON m.id = g.fm"
      " JOIN documents d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence"
      " JOIN events e ON e.id = g.id ORDER BY g.date, g.id",
      grouped, impl_->DateColumn("date_precision"), impl_->DateColumn("date_source"),
      impl_->DateColumn("date_confidence"), impl_->DateColumn("date_guessed"),
      impl_->DateColumn("future"), impl_->DateColumn("historical"));
  Stmt stmt;
  s = stmt.Prepare(impl_->db, sql);
  if (!s.ok()) return s;
  impl_->BindFilter(query, &stmt);
  StoredEvent e;
  while (stmt.Step(&s)) {
    e.event_id = stmt.Int(0);
    e.story_id = stmt.Int(1);
    e.date = static_cast<Date>(stmt.Int(2));
    e.source.assign(stmt.Text(3));
    e.target.assign(stmt.Text(4));
    e.code.assign(stmt.Text(5));
    e.root.assign(stmt.Text(6));
    e.quad_class = static_cast<int32_t>(stmt.Int(7));
    e.goldstein = stmt.Double(8);
    e.num_mentions = stmt.Int(9);
    e.num_sources = stmt.Int(10);
    e.num_articles = stmt.Int(11);
    e.added_at = stmt.Int(12);
    e.source_text.assign(stmt.Text(13));
    e.target_text.assign(stmt.Text(14));
    e.issues.assign(stmt.Text(15));
    e.doc_id.assign(stmt.Text(16));
    e.url.assign(stmt.Text(17));
    e.news_source.assign(stmt.Text(18));
    e.sentence_index = static_cast<int32_t>(stmt.Int(19));
    e.sentence.assign(stmt.Text(20));
    e.date_precision = ParseDatePrecision(stmt.Text(21));
    e.date_source = ParseEventDateSource(stmt.Text(22));
    e.date_confidence = stmt.Double(23);
    e.date_guessed = stmt.Int(24) != 0;
    e.future = stmt.Int(25) != 0;
    e.historical = stmt.Int(26) != 0;
    e.pub_date = stmt.IsNull(27) ? 0 : static_cast<Date>(stmt.Int(27));
    e.pub_date_method.assign(stmt.Text(28));
    e.pub_date_confidence = stmt.Double(29);
    fn(e);
  }
  return s;
}

Status EventStore::ForEachMention(const EventQuery& query,
                                  const std::function<void(const StoredMention&)>& fn) const {
  std::string where;
  Status s = impl_->BuildFilter(query, &where);
  if (!s.ok()) return s;
  std::string event_id =
      query.one_a_day ? "min(e.id) OVER (PARTITION BY e.date, e.source, e.target, e.code)" : "e.id";
  std::string sql = fmt::format(
      "SELECT {} AS eid, e.date, d.pub_date, d.doc_id, coalesce(nullif(d.url, ''), d.doc_id),"
      " coalesce(d.source, ''), s.sentence_index, s.start_offset, m.source_start,"
      " m.target_start, m.verb_start, d.text_bytes, d.date_confidence, e.added_at"
      " FROM events e JOIN mentions m ON m.event = e.id JOIN documents d ON d.id = m.doc"
      " JOIN sentences s ON s.id = m.sentence{} ORDER BY eid, m.id",
      event_id, where);
  Stmt stmt;
  s = stmt.Prepare(impl_->db, sql);
  if (!s.ok()) return s;
  impl_->BindFilter(query, &stmt);
  StoredMention m;
  auto in_doc = [&](int col) -> int32_t {
    if (stmt.IsNull(7) || stmt.IsNull(col)) return -1;
    return static_cast<int32_t>(stmt.Int(7) + stmt.Int(col));
  };
  while (stmt.Step(&s)) {
    m.event_id = stmt.Int(0);
    m.event_date = static_cast<Date>(stmt.Int(1));
    m.mention_date = static_cast<Date>(stmt.Int(2));
    m.doc_id.assign(stmt.Text(3));
    m.url.assign(stmt.Text(4));
    m.news_source.assign(stmt.Text(5));
    m.sentence_index = static_cast<int32_t>(stmt.Int(6));
    m.source_offset = in_doc(8);
    m.target_offset = in_doc(9);
    m.verb_offset = in_doc(10);
    m.doc_bytes = static_cast<int32_t>(stmt.Int(11));
    m.date_confidence = stmt.Double(12);
    m.added_at = stmt.Int(13);
    fn(m);
  }
  return s;
}

Status EventStore::ForEachStory(const std::function<void(const StoredStory&)>& fn) const {
  Stmt stmt;
  Status s =
      stmt.Prepare(impl_->db, "SELECT story_id, doc_id FROM documents ORDER BY story_id, id");
  if (!s.ok()) return s;
  StoredStory story;
  while (stmt.Step(&s)) {
    int64_t id = stmt.Int(0);
    if (id != story.story_id && !story.doc_ids.empty()) {
      fn(story);
      story.doc_ids.clear();
    }
    story.story_id = id;
    story.doc_ids.emplace_back(stmt.Text(1));
  }
  if (s.ok() && !story.doc_ids.empty()) fn(story);
  return s;
}

}  // namespace parley
