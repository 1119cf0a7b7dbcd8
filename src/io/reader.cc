#include "parley/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "io/io_internal.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

// Enough bytes to see past a comment banner at the top of a TABARI or XML file.
constexpr size_t kSniffBytes = 8192;

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != suffix[i]) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// True when the first line that is not blank or a '#' comment is a TABARI record header
// ("950101  DEMO-01") -- or, for a file that opens with a comment block, when some line
// after a blank line is.
bool LooksLikeTabari(std::string_view head) {
  bool after_blank = true;
  bool first_content = true;
  size_t i = 0;
  while (i < head.size()) {
    size_t eol = head.find('\n', i);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(i, eol - i);
    i = eol + 1;
    size_t k = 0;
    while (k < line.size() && IsBlank(line[k])) ++k;
    if (k == line.size()) {
      after_blank = true;
      continue;
    }
    if (line[0] == '#') continue;
    if (after_blank) {
      size_t digits = 0;
      while (digits < line.size() && IsDigit(line[digits])) ++digits;
      if (digits >= 6 && digits <= 9 && digits < line.size() && IsBlank(line[digits])) return true;
      // Plain prose at the very top (no banner) means this is not a record file.
      if (first_content && line.size() > 100) return false;
    }
    first_content = false;
    after_blank = false;
  }
  return false;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  return s;
}

}  // namespace

Status ParseInputFormat(std::string_view name, InputFormat* format) {
  if (name == "auto") {
    *format = InputFormat::kAuto;
  } else if (name == "text" || name == "txt") {
    *format = InputFormat::kPlainText;
  } else if (name == "jsonl" || name == "json") {
    *format = InputFormat::kJsonl;
  } else if (name == "tabari") {
    *format = InputFormat::kTabari;
  } else if (name == "petrarch" || name == "xml") {
    *format = InputFormat::kPetrarchXml;
  } else {
    return Status::InvalidArgument(fmt::format(
        "unknown input format '{}' (expected auto, text, jsonl, tabari or petrarch)", name));
  }
  return Status::OK();
}

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kPlainText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kTabari:
      return "tabari";
    case InputFormat::kPetrarchXml:
      return "petrarch";
  }
  return "auto";
}

InputFormat DetectInputFormat(std::string_view path, std::string_view head) {
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(path, ".xml")) return InputFormat::kPetrarchXml;
  std::string_view content = SkipBomAndSpace(head);
  if (!content.empty() && content.front() == '{') return InputFormat::kJsonl;
  if (!content.empty() && content.front() == '<') {
    // Markup at the top: an XML declaration, comment or element.
    if (content.substr(0, 5) == "<?xml" || content.substr(0, 4) == "<!--" ||
        head.find("<Sentence") != std::string_view::npos ||
        (content.size() > 1 &&
         ((content[1] >= 'A' && content[1] <= 'Z') || (content[1] >= 'a' && content[1] <= 'z'))))
      return InputFormat::kPetrarchXml;
  }
  if (LooksLikeTabari(head)) return InputFormat::kTabari;
  return InputFormat::kPlainText;
}

class DocumentReader::Impl {
 public:
  explicit Impl(ReaderOptions options)
      : options_(std::move(options)), warner_(options_.on_warning) {}

  // Adds the files of one input (see DocumentReader::Open).
  Status AddInput(const std::string& input) {
    if (input == "-") {
      files_.push_back(input);
      return Status::OK();
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(fmt::format("input not found: {}", input));
    if (fs::is_directory(st)) {
      ListFolder(input);
    } else {
      files_.push_back(input);  // regular file, FIFO, device, /dev/fd/N: the user asked
    }
    return Status::OK();
  }

  bool Next(Document* doc) {
    for (;;) {
      if (current_ == nullptr) {
        if (next_file_ == files_.size()) return false;
        OpenFile(files_[next_file_++]);
        continue;
      }
      if (current_->Next(doc)) {
        ++documents_;
        current_format_ = opened_format_;
        return true;
      }
      current_.reset();
    }
  }

  const std::vector<std::string>& files() const { return files_; }
  uint64_t documents() const { return documents_; }
  uint64_t warnings() const { return warner_.count(); }
  InputFormat current_format() const { return current_format_; }

 private:
  void OpenFile(const std::string& path) {
    std::unique_ptr<io::ByteSource> source;
    Status status = io::ByteSource::Open(path, options_.mmap_threshold, &source);
    if (!status.ok()) {
      warner_.AtLine(path, 0, fmt::format("{}; skipped", status.message()));
      return;
    }
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) {
      // Detect from the bytes the reader will parse anyway: the input is opened once, so
      // pipes and stdin work, and the format found is the one reported to callers.
      source->FillAtLeast(kSniffBytes);
      std::string_view head = source->window().substr(0, kSniffBytes);
      format = DetectInputFormat(path == "-" ? std::string_view() : std::string_view(path), head);
      // A NUL in a would-be article means a binary file (the article is the one record).
      // Record formats skip just the records with NULs.
      const size_t nul = head.find('\0');
      if (format == InputFormat::kPlainText && nul != std::string_view::npos) {
        warner_.AtLine(path, 0, fmt::format("looks binary (NUL byte at offset {}); skipped", nul));
        return;
      }
    }
    opened_format_ = format;
    switch (format) {
      case InputFormat::kJsonl:
        current_ = io::NewJsonlReader(std::move(source), path, &warner_);
        break;
      case InputFormat::kTabari:
        current_ = io::NewTabariReader(std::move(source), path, &warner_);
        break;
      case InputFormat::kPetrarchXml:
        current_ = io::NewPetrarchXmlReader(std::move(source), path, &warner_);
        break;
      case InputFormat::kAuto:
      case InputFormat::kPlainText:
        opened_format_ = InputFormat::kPlainText;
        current_ = io::NewPlainTextReader(std::move(source), path, &warner_);
        break;
    }
  }

  // Adds all non-hidden regular files below `dir`, sorted by path; hidden folders are not
  // entered. Whatever cannot be listed or is not a regular file is reported and skipped.
  void ListFolder(const std::string& dir) {
    std::vector<std::string> found;
    std::vector<std::string> pending{dir};
    while (!pending.empty()) {
      const std::string folder = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(folder, ec);
      if (ec) {
        warner_.AtLine(folder, 0, fmt::format("cannot list folder: {}; skipped", ec.message()));
        continue;
      }
      for (fs::directory_iterator end; it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (IsHidden(p)) continue;
        const std::string name = p.string();
        std::error_code link_ec, target_ec;
        const fs::file_status link = it->symlink_status(link_ec);
        const fs::file_status target = it->status(target_ec);
        if (fs::is_symlink(link) && fs::is_directory(target)) {
          warner_.AtLine(name, 0, "symbolic link to a folder, not followed; skipped");
        } else if (fs::is_directory(target)) {
          pending.push_back(name);
        } else if (fs::is_regular_file(target)) {
          found.push_back(name);
        } else if (fs::is_symlink(link) && (target_ec || !fs::exists(target))) {
          warner_.AtLine(name, 0,
                         fmt::format("dangling symbolic link ({}); skipped",
                                     target_ec ? target_ec.message() : "target missing"));
        } else if (link_ec || target_ec) {
          warner_.AtLine(
              name, 0,
              fmt::format("cannot stat: {}; skipped", (link_ec ? link_ec : target_ec).message()));
        } else {
          warner_.AtLine(name, 0,
                         fmt::format("not a regular file ({}); skipped", KindName(target)));
        }
      }
      if (ec) {
        warner_.AtLine(folder, 0,
                       fmt::format("listing stopped part way: {}; rest skipped", ec.message()));
      }
    }
    std::sort(found.begin(), found.end());
    files_.insert(files_.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
  }

  static bool IsHidden(const fs::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
  }

  static std::string_view KindName(const fs::file_status& st) {
    switch (st.type()) {
      case fs::file_type::fifo:
        return "a FIFO";
      case fs::file_type::socket:
        return "a socket";
      case fs::file_type::block:
        return "a block device";
      case fs::file_type::character:
        return "a character device";
      default:
        return "unknown kind";
    }
  }

  std::vector<std::string> files_;
  size_t next_file_ = 0;
  ReaderOptions options_;
  io::Warner warner_;
  std::unique_ptr<io::RecordReader> current_;
  InputFormat opened_format_ = InputFormat::kAuto;   // of the file being read
  InputFormat current_format_ = InputFormat::kAuto;  // of the last document returned
  uint64_t documents_ = 0;
};

Status DocumentReader::Open(const std::vector<std::string>& inputs, ReaderOptions options,
                            std::unique_ptr<DocumentReader>* reader) {
  if (inputs.empty()) return Status::InvalidArgument("no inputs given");
  auto impl = std::make_unique<Impl>(std::move(options));
  for (const std::string& input : inputs) {
    Status s = impl->AddInput(input);
    if (!s.ok()) return s;
  }
  reader->reset(new DocumentReader(std::move(impl)));
  return Status::OK();
}

DocumentReader::DocumentReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(Document* doc) { return impl_->Next(doc); }
InputFormat DocumentReader::current_format() const { return impl_->current_format(); }
const std::vector<std::string>& DocumentReader::files() const { return impl_->files(); }
uint64_t DocumentReader::documents_read() const { return impl_->documents(); }
uint64_t DocumentReader::warnings() const { return impl_->warnings(); }

}  // namespace parley
