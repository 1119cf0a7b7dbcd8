#include "store/sqlite_util.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace parley::store {
namespace {

std::string FolderOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// SQLite's message, with the system error behind an I/O failure ("disk I/O error (File
// too large)"), which says more than SQLite's own words.
std::string Describe(sqlite3* db) {
  std::string message = sqlite3_errmsg(db);
  const int error = sqlite3_system_errno(db);
  const int code = sqlite3_errcode(db) & 0xFF;
  if (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN ||
      code == SQLITE_READONLY) {
    if (error != 0) {
      message += fmt::format(" ({})", std::strerror(error));
    } else if (code == SQLITE_IOERR || code == SQLITE_FULL) {
      message += " (disk full, file-size limit or failing device)";
    }
  }
  return message;
}

}  // namespace

std::string ReadOnlyUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri.push_back(c);
    }
  }
  uri += "?mode=ro";
  // An empty -wal file (readers leave one behind) holds no pages.
  std::error_code ec;
  const std::string wal = path + "-wal";
  const bool wal_empty =
      !std::filesystem::exists(wal, ec) || std::filesystem::file_size(wal, ec) == 0;
  if (access(FolderOf(path).c_str(), W_OK) != 0 && wal_empty) uri += "&immutable=1";
  return uri;
}

Status CheckWritable(const std::string& path) {
  const std::string dir = FolderOf(path);
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (exists && access(path.c_str(), W_OK) != 0) {
    return Status::IOError(fmt::format(
        "cannot write to store {}: read-only file ({}); readers (export, dyad, serve) can "
        "still open it",
        path, std::strerror(errno)));
  }
  if (access(dir.c_str(), W_OK | X_OK) != 0) {
    const int error = errno;
    if (!exists)
      return Status::IOError(
          fmt::format("cannot create store {}: folder {}: {}", path, dir, std::strerror(error)));
    return Status::IOError(fmt::format(
        "cannot write to store {}: read-only folder {} ({}); a writer needs to create the "
        "-wal, -shm and .lock files beside the store. Readers (export, dyad, serve) can "
        "still open it",
        path, dir, std::strerror(error)));
  }
  return Status::OK();
}

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Open(const std::string& path, bool read_only) {
  int flags = read_only ? (SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  const std::string name = read_only ? ReadOnlyUri(path) : path;
  if (sqlite3_open_v2(name.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? Describe(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return Status::IOError(fmt::format("{}: cannot open: {}", path, message));
  }
  // Extended codes (SQLITE_IOERR_WRITE...) keep the system error for Describe.
  sqlite3_extended_result_codes(db_, 1);
  // Readers and the writer may overlap (export while coding): wait instead of failing.
  sqlite3_busy_timeout(db_, 10000);
  return Status::OK();
}

Status Db::Exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    Status s =
        Status::IOError(fmt::format("SQL failed: {} ({})", Describe(db_), text.substr(0, 60)));
    sqlite3_free(error);
    return s;
  }
  return Status::OK();
}

Status Db::Error(std::string_view what) const {
  return Status::IOError(fmt::format("{}: {}", what, Describe(db_)));
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
    *status = Status::IOError(fmt::format("SQL step failed: {}", Describe(db_)));
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
