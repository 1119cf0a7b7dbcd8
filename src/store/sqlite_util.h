// Thin RAII helpers over the SQLite C API for the store: a connection, prepared
// statements with typed binds and column reads, and errors turned into parley::Status.
#ifndef PARLEY_STORE_SQLITE_UTIL_H_
#define PARLEY_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::store {

// The URI that opens the store at `path` for reading only (mode=ro). When the folder is
// read-only and the store has no -wal file (a store closed cleanly), SQLite could not
// create the -shm file it needs to read a WAL store, so the file is opened as immutable
// (read as it is on disk, no locking: nothing can write to it from here anyway).
std::string ReadOnlyUri(const std::string& path);

// OK when a writer can use the store at `path`: the file, if it exists, and its folder
// (where SQLite creates the -wal, -shm and lock files) are writable. Else IOError
// "cannot write to store X: read-only ...".
Status CheckWritable(const std::string& path);

// Owns one sqlite3 connection.
class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens `path` (creating it unless `read_only`; read-only through ReadOnlyUri). IOError
  // naming the path on failure.
  Status Open(const std::string& path, bool read_only);
  // Runs one or more SQL statements with no results.
  Status Exec(std::string_view sql);
  // IOError "<what>: <sqlite message>" for the connection's last error.
  Status Error(std::string_view what) const;
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement, reset and re-bound for each use.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Status Prepare(const Db& db, std::string_view sql);
  // Clears bindings and resets the statement for reuse.
  void Reset();

  // Binds are 1-based, as in SQLite.
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  // Text and blobs are not copied: `v` must stay valid until the statement is reset.
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  // Text that SQLite copies: for values that do not outlive the call (query filters
  // built in a helper), where Bind would leave the statement pointing at freed memory.
  void BindCopy(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  // Binds an offset, with -1 (unknown) as NULL.
  void BindOffset(int i, int32_t v) {
    if (v < 0) {
      BindNull(i);
    } else {
      Bind(i, v);
    }
  }

  sqlite3_stmt* raw() const { return stmt_; }

  // Steps once: true with a row ready, false when done. `status` gets any error.
  bool Step(Status* status);
  // Steps to completion, expecting no rows.
  Status Run();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const;
  // An offset column, NULL as -1.
  int32_t Offset(int col) const { return IsNull(col) ? -1 : static_cast<int32_t>(Int(col)); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace parley::store

#endif  // PARLEY_STORE_SQLITE_UTIL_H_
