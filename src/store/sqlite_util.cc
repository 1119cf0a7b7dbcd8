#include "store/sqlite_util.h"

#include <fmt/format.h>

namespace parley::store {

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Open(const std::string& path, bool read_only) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return Status::IOError(fmt::format("{}: cannot open: {}", path, message));
  }
  // Readers and the writer may overlap (export while coding): wait instead of failing.
  sqlite3_busy_timeout(db_, 10000);
  return Status::OK();
}

Status Db::Exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    Status s = Status::IOError(
        fmt::format("SQL failed: {} ({})", error ? error : "?", text.substr(0, 60)));
    sqlite3_free(error);
    return s;
  }
  return Status::OK();
}

Status Db::Error(std::string_view what) const {
  return Status::IOError(fmt::format("{}: {}", what, sqlite3_errmsg(db_)));
}

Stmt::~Stmt() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Status Stmt::Prepare(const Db& db, std::string_view sql) {
  db_ = db.get();
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt_, nullptr) != SQLITE_OK) {
    return Status::IOError(
        fmt::format("SQL prepare failed: {} ({})", sqlite3_errmsg(db_), sql.substr(0, 60)));
  }
  return Status::OK();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Stmt::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    *status = Status::IOError(fmt::format("SQL step failed: {}", sqlite3_errmsg(db_)));
  }
  return false;
}

Status Stmt::Run() {
  Status s;
  while (Step(&s)) {
  }
  return s;
}

std::string_view Stmt::Text(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (text == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace parley::store
