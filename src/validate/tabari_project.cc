// RunTabariProject: codes a TABARI validation project through Coder::CodeDocument (the
// same path `parley code` uses) and compares with each record's expected events.
//
// Record conventions (from the suite's own header and TABARI manual 10.1): expected
// events are "{ SRC / TGT / CODE }" blocks in the record's /* */ comment; "{---}" means
// no events, "{###}" a discard, "{+++}" a complex sentence; "-{" stops checking the
// blocks that follow; "{ OPTION: line }" applies an .options line from then on.
#include "validate/tabari_project.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "dict/dictionary.h"
#include "dict/readers.h"
#include "parley/coder.h"
#include "parley/reader.h"
#include "parley/validate.h"

namespace parley::validate {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Dirname(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// Records everything the validation needs to know about how a record was coded.
class OutcomeTrace : public CoderTrace {
 public:
  void OnOutcome(SentenceOutcome outcome, std::string_view why) override {
    if (why.empty()) outcomes.push_back(outcome);
  }
  std::vector<SentenceOutcome> outcomes;
};

bool IsRecordHeader(const std::string& line) {
  if (line.size() < 8) return false;
  for (int i = 0; i < 6; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return false;
  }
  return line[6] == ' ' || line[6] == '\t';
}

// Normalises "ARN / GON / 064" to "ARN GON 064"; returns "" when not an event.
std::string EventKey(std::string_view block) {
  std::string out;
  int fields = 0;
  size_t start = 0;
  while (start <= block.size()) {
    size_t slash = block.find('/', start);
    if (slash == std::string_view::npos) slash = block.size();
    std::string_view f = Trim(block.substr(start, slash - start));
    if (!out.empty()) out += ' ';
    out += std::string(f);
    ++fields;
    start = slash + 1;
  }
  return fields == 3 ? out : "";
}

}  // namespace

void ParseTabariExpectations(std::string_view cm, TabariRecord* rec) {
  size_t q = 0;
  while ((q = cm.find('{', q)) != std::string::npos) {
    size_t close = cm.find('}', q);
    size_t next_open = cm.find('{', q + 1);
    if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
      close = next_open == std::string::npos ? cm.size() : next_open;
    }
    std::string_view content = Trim(std::string_view(cm).substr(q + 1, close - q - 1));
    bool stop = q > 0 && cm[q - 1] == '-';
    q = close;
    if (content.starts_with("OPTION:")) {
      rec->options.emplace_back(Trim(content.substr(7)));
      continue;
    }
    if (rec->stop_checking) continue;
    if (stop) {
      rec->stop_checking = true;
      continue;
    }
    std::string compact;
    for (char c : content) {
      if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    if (compact == "---" || compact.empty()) {
      rec->expect_nothing = true;
    } else if (compact == "###") {
      rec->expect_discard = true;
    } else if (compact == "+++") {
      rec->expect_complex = true;
    } else {
      std::string key = EventKey(content);
      if (!key.empty()) rec->expected.push_back(key);
    }
  }
}

Status ReadTabariRecords(const std::string& path, std::vector<TabariRecord>* records) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  size_t i = 0;
  while (i < lines.size()) {
    if (!IsRecordHeader(lines[i])) {
      ++i;
      continue;
    }
    TabariRecord rec;
    rec.line = static_cast<uint32_t>(i + 1);
    rec.date = ParseDate(std::string_view(lines[i]).substr(0, 6));
    rec.id = std::string(Trim(std::string_view(lines[i]).substr(6)));
    std::string body;
    for (++i; i < lines.size() && !Trim(lines[i]).empty() && !IsRecordHeader(lines[i]); ++i) {
      body += lines[i];
      body += '\n';
    }
    // Split text from /* comments */.
    size_t p = 0;
    while (p < body.size()) {
      size_t open = body.find("/*", p);
      if (open == std::string::npos) {
        rec.text += body.substr(p);
        break;
      }
      rec.text += body.substr(p, open - p);
      size_t close = body.find("*/", open + 2);
      if (close == std::string::npos) close = body.size();
      rec.comment += body.substr(open + 2, close - open - 2);
      rec.comment += '\n';
      p = close + 2;
    }
    for (char& c : rec.text) {
      if (c == '\n') c = ' ';
    }
    rec.text = std::string(Trim(rec.text));
    ParseTabariExpectations(rec.comment, &rec);
    records->push_back(std::move(rec));
  }
  return Status::OK();
}

Status LoadTabariProject(const std::string& project_path, TabariProject* project,
                         std::vector<std::string>* warnings) {
  std::ifstream in(project_path);
  if (!in) return Status::IOError(project_path + ": cannot open");
  std::string dir = Dirname(project_path);
  std::string line;
  std::vector<std::string> actors, verbs, agents;
  while (std::getline(in, line)) {
    std::string_view t = Trim(line);
    if (!t.starts_with("<")) continue;
    size_t close = t.find('>');
    if (close == std::string_view::npos) continue;
    std::string tag(t.substr(1, close - 1));
    std::string value(Trim(t.substr(close + 1)));
    if (value.empty()) continue;
    std::string full = value[0] == '/' ? value : dir + "/" + value;
    if (tag == "actorsfile") actors.push_back(full);
    if (tag == "verbsfile") verbs.push_back(full);
    if (tag == "agentsfile") agents.push_back(full);
    if (tag == "optionsfile") project->options_file = full;
    if (tag == "textfile") project->text_file = full;
  }
  if (project->text_file.empty()) return Status::InvalidArgument(project_path + ": no <textfile>");
  dict::DictionaryBuilder builder;
  for (const auto& f : actors) {
    Status st = dict::ReadTabariActors(f, &builder, warnings);
    if (!st.ok()) return st;
  }
  for (const auto& f : agents) {
    Status st = dict::ReadTabariAgents(f, &builder, warnings);
    if (!st.ok()) return st;
  }
  for (const auto& f : verbs) {
    Status st = dict::ReadTabariVerbs(f, &builder, warnings);
    if (!st.ok()) return st;
  }
  Status st = builder.Build(&project->dictionary, warnings);
  if (!st.ok()) return Status::InvalidArgument(project_path + ": " + st.message());
  if (!project->options_file.empty()) {
    st = ReadTabariOptions(project->options_file, &project->options, warnings);
    if (!st.ok()) return st;
  }
  return Status::OK();
}

Status RunTabariProject(const std::string& project_path, Report* report) {
  TabariProject project;
  std::vector<std::string> warnings;
  Status st = LoadTabariProject(project_path, &project, &warnings);
  if (!st.ok()) return st;
  // Records are read and coded exactly as `parley code --options <.options> <text>`
  // reads and codes them: the io reader's Documents, their own options applied in order.
  ReaderOptions reader_options;
  reader_options.format = InputFormat::kTabari;
  reader_options.on_warning = [](std::string_view) {};
  std::unique_ptr<DocumentReader> reader;
  st = DocumentReader::Open({project.text_file}, reader_options, &reader);
  if (!st.ok()) return st;
  CoderOptions options = project.options;
  auto coder = std::make_unique<Coder>(project.dictionary, options);
  CoderScratch scratch;
  std::vector<Event> events;
  Document doc;
  while (reader->Next(&doc)) {
    if (doc.text.starts_with("This is the end of the standard validation records")) break;
    if (ApplyDocumentOptions(doc, &options, nullptr)) {
      coder = std::make_unique<Coder>(project.dictionary, options);
    }
    TabariRecord rec;
    ParseTabariExpectations(doc.notes, &rec);
    bool is_test =
        rec.expect_nothing || rec.expect_discard || rec.expect_complex || !rec.expected.empty();
    if (!is_test) {
      ++report->skipped;
      continue;
    }
    events.clear();
    OutcomeTrace trace;
    coder->CodeDocument(doc, &scratch, &events, &trace);
    std::vector<std::string> coded;
    for (const Event& e : events) {
      coded.push_back(e.source.code + " " + e.target.code + " " + e.code);
    }
    auto has = [&](SentenceOutcome o) {
      return std::find(trace.outcomes.begin(), trace.outcomes.end(), o) != trace.outcomes.end();
    };
    if (has(SentenceOutcome::kDiscarded)) coded.push_back("###");
    if (has(SentenceOutcome::kComplex)) coded.push_back("+++");
    std::vector<std::string> expected = rec.expected;
    if (rec.expect_discard) expected.push_back("###");
    if (rec.expect_complex) expected.push_back("+++");
    std::sort(coded.begin(), coded.end());
    std::sort(expected.begin(), expected.end());
    if (coded == expected) {
      ++report->passed;
    } else {
      ++report->failed;
      report->failures.push_back(Failure{doc.id, doc.text, expected, coded});
    }
    report->records.push_back(RecordEvents{doc.id, doc.origin_line, events});
  }
  return Status::OK();
}

}  // namespace parley::validate
