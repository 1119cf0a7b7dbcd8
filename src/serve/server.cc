#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "serve/event_loop.h"
#include "serve/request_framer.h"

namespace parley::serve {
namespace {

constexpr size_t kMaxExplainBytes = 64 * 1024;
// /api/explain answers for at most this many sentences and patterns per sentence
// ("truncated": true says some were left out): 64 KB of text can otherwise give tens of MB.
constexpr size_t kMaxExplainSentences = 200;
constexpr size_t kMaxExplainPatterns = 100;
// No answer is larger; the handlers' own caps keep real answers far below it.
constexpr size_t kMaxResponseBytes = 16 * 1024 * 1024;
constexpr const char* kJson = "application/json; charset=utf-8";

void SendError(httplib::Response& res, int status, std::string_view message);

void SendJson(httplib::Response& res, int status, std::string body) {
  if (body.size() > kMaxResponseBytes)
    return SendError(res, 500,
                     fmt::format("the answer would be larger than {} MB; narrow the query",
                                 kMaxResponseBytes >> 20));
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), kJson);
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status,
           nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
}

// Drops sentences and patterns beyond the caps above; true when any were dropped.
bool LimitExplanation(query::Explanation* x) {
  bool truncated = x->sentences.size() > kMaxExplainSentences;
  if (truncated) x->sentences.resize(kMaxExplainSentences);
  for (query::ExplainedSentence& s : x->sentences) {
    if (s.patterns.size() <= kMaxExplainPatterns) continue;
    s.patterns.resize(kMaxExplainPatterns);
    truncated = true;
  }
  return truncated;
}

LoopOptions MakeLoopOptions(const ServeOptions& options) {
  LoopOptions loop;
  loop.threads = options.threads > 0
                     ? options.threads
                     : static_cast<int>(std::max(16u, 2 * std::thread::hardware_concurrency()));
  loop.idle_timeout_ms = options.idle_timeout_ms;
  loop.request_timeout_ms = options.request_timeout_ms;
  loop.max_connections = options.max_connections;
  loop.max_response_bytes = kMaxResponseBytes + 64 * 1024;  // headers on top
  loop.limits.max_body = kMaxExplainBytes;
  loop.limits.post_paths = {"/api/explain"};
  return loop;
}

// 400 for a query error, 500 for anything else (the store could not be read).
void SendStatus(httplib::Response& res, const Status& s) {
  SendError(res, s.code() == Status::Code::kInvalidArgument ? 400 : 500, s.message());
}

// Rejects parameters the route does not know, so a typo ("form=") is not silently ignored.
Status CheckParams(const httplib::Request& req, std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : req.params) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      return Status::InvalidArgument(
          fmt::format("unknown parameter '{}' (this route takes {})", name, list));
    }
  }
  return Status::OK();
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

Status IntParam(const httplib::Request& req, const char* name, int* value) {
  std::string text = Param(req, name);
  if (text.empty()) return Status::OK();
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    return Status::InvalidArgument(fmt::format("{} '{}' is not a whole number", name, text));
  *value = v;
  return Status::OK();
}

Status BoolParam(const httplib::Request& req, const char* name, bool* value) {
  std::string text = Param(req, name);
  if (text.empty() || text == "0" || text == "false") {
    *value = false;
  } else if (text == "1" || text == "true") {
    *value = true;
  } else {
    return Status::InvalidArgument(fmt::format("{} must be true or false", name));
  }
  return Status::OK();
}

Status DateRange(const httplib::Request& req, Date* from, Date* to) {
  Status s = query::ParseDateParam(Param(req, "from"), "from", from);
  if (s.ok()) s = query::ParseDateParam(Param(req, "to"), "to", to);
  return s;
}

// historical=1 keeps historical events; min_date_confidence=0.5 drops guessed dates.
Status DateFilterParams(const httplib::Request& req, query::DateFilter* filter) {
  Status s = BoolParam(req, "historical", &filter->include_historical);
  if (s.ok())
    s = query::ParseConfidenceParam(Param(req, "min_date_confidence"), "min_date_confidence",
                                    &filter->min_date_confidence);
  return s;
}

}  // namespace

class Server::Impl {
 public:
  Impl(const query::EventDb* db, const Coder* coder, const ServeOptions& options)
      : server_(MakeLoopOptions(options)), db_(db), coder_(coder) {
    server_.set_payload_max_length(kMaxExplainBytes);
    Routes(options);
  }

  EventLoopServer server_;

 private:
  void Routes(const ServeOptions& options) {
    server_.Get("/api/dyad", [this](const auto& req, auto& res) { Dyad(req, res); });
    server_.Get("/api/events", [this](const auto& req, auto& res) { Events(req, res); });
    server_.Get("/api/actors", [this](const auto& req, auto& res) { Actors(req, res); });
    server_.Get("/api/top", [this](const auto& req, auto& res) { Top(req, res); });
    server_.Post("/api/explain", [this](const auto& req, auto& res) { Explain(req, res); });
    server_.Get("/api/explain",
                [](const auto&, auto& res) { SendError(res, 405, "POST the text to explain"); });
    // Nothing can write: every other method is refused outright.
    auto refuse = [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 405, "the workbench is read-only");
    };
    server_.Put(".*", refuse);
    server_.Patch(".*", refuse);
    server_.Delete(".*", refuse);
    server_.Post(R"((?!/api/explain$).*)", refuse);
    if (!options.web_dir.empty()) server_.set_mount_point("/", options.web_dir);
    server_.Get("/", [](const auto&, auto& res) {
      res.set_content(
          "<!doctype html><title>parley</title><p>The workbench page was not built "
          "(scripts/build.sh builds it). The JSON API is under /api/.</p>",
          "text/html; charset=utf-8");
    });
    // Every error answer is JSON, whatever produced it (a route, httplib's own checks).
    server_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 404 && req.path.rfind("/api/", 0) == 0)
        return SendError(res, 404, "no such API route: " + req.path);
      if (res.status == 404) return SendError(res, 404, "not found: " + req.path);
      SendError(res, res.status, std::string(ReasonPhrase(res.status)));
    });
    server_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          SendError(res, 500, "internal error");
        });
    if (options.log_requests) {
      server_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        std::fprintf(stderr, "parley serve: %s %s %d\n", req.method.c_str(), req.path.c_str(),
                     res.status);
      });
    }
  }

  void Dyad(const httplib::Request& req, httplib::Response& res) {
    query::DyadQuery q;
    Status s = CheckParams(
        req, {"a", "b", "interval", "from", "to", "directed", "historical", "min_date_confidence"});
    if (s.ok() && (Param(req, "a").empty() || Param(req, "b").empty()))
      s = Status::InvalidArgument("a and b (actor codes) are required");
    if (s.ok()) s = query::NormalizeActorCode(Param(req, "a"), &q.a);
    if (s.ok()) s = query::NormalizeActorCode(Param(req, "b"), &q.b);
    if (s.ok() && req.has_param("interval"))
      s = query::ParseInterval(Param(req, "interval"), &q.interval);
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = BoolParam(req, "directed", &q.directed);
    if (s.ok()) s = DateFilterParams(req, &q.dates);
    query::DyadSeries series;
    if (s.ok()) s = db_->Dyad(q, &series);
    if (!s.ok()) return SendStatus(res, s);
    SendJson(res, 200, query::DyadToJson(series));
  }

  void Events(const httplib::Request& req, httplib::Response& res) {
    query::EventListQuery q;
    Status s = CheckParams(req, {"dyad", "code", "from", "to", "limit", "offset", "directed",
                                 "historical", "min_date_confidence"});
    if (s.ok() && Param(req, "dyad").empty())
      s = Status::InvalidArgument("dyad (e.g. RUS-KOR) is required");
    if (s.ok()) s = query::ParseDyad(Param(req, "dyad"), &q.a, &q.b);
    if (s.ok()) q.code = Param(req, "code");
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = IntParam(req, "limit", &q.limit);
    if (s.ok()) s = IntParam(req, "offset", &q.offset);
    if (s.ok()) s = BoolParam(req, "directed", &q.directed);
    if (s.ok()) s = DateFilterParams(req, &q.dates);
    query::EventList list;
    if (s.ok()) s = db_->Events(q, &list);
    if (!s.ok()) return SendStatus(res, s);
    SendJson(res, 200, query::EventListToJson(list));
  }

  void Actors(const httplib::Request& req, httplib::Response& res) {
    int limit = 20;
    Status s = CheckParams(req, {"q", "limit"});
    if (s.ok()) s = IntParam(req, "limit", &limit);
    std::vector<query::ActorMatch> actors;
    if (s.ok()) s = db_->Actors(Param(req, "q"), limit, &actors);
    if (!s.ok()) return SendStatus(res, s);
    SendJson(res, 200, query::ActorsToJson(actors));
  }

  void Top(const httplib::Request& req, httplib::Response& res) {
    query::TopQuery q;
    Status s =
        CheckParams(req, {"from", "to", "limit", "country", "historical", "min_date_confidence"});
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = IntParam(req, "limit", &q.limit);
    if (s.ok()) s = BoolParam(req, "country", &q.by_country);
    if (s.ok()) s = DateFilterParams(req, &q.dates);
    query::TopResult top;
    if (s.ok()) s = db_->Top(q, &top);
    if (!s.ok()) return SendStatus(res, s);
    SendJson(res, 200, query::TopToJson(top));
  }

  // Body: {"text": "...", "date": "YYYY-MM-DD"} as JSON, or the text itself as plain text.
  void Explain(const httplib::Request& req, httplib::Response& res) {
    if (coder_ == nullptr) return SendError(res, 503, "no coder loaded");
    std::string text, date_text;
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) == 0) {
      nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object() || !body.contains("text") ||
          !body["text"].is_string())
        return SendError(res, 400, "body must be a JSON object with a string field \"text\"");
      text = body["text"].get<std::string>();
      if (body.contains("date")) {
        if (!body["date"].is_string()) return SendError(res, 400, "date must be a string");
        date_text = body["date"].get<std::string>();
      }
    } else {
      text = req.body;
      date_text = Param(req, "date");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      return SendError(res, 400, "no text to explain");
    Date date = 0;
    if (Status s = query::ParseDateParam(date_text, "date", &date); !s.ok())
      return SendStatus(res, s);
    query::Explanation explanation = query::Explain(*coder_, text, date);
    explanation.truncated = LimitExplanation(&explanation);
    SendJson(res, 200, query::ExplanationToJson(explanation));
  }

  const query::EventDb* db_;
  const Coder* coder_;
};

Server::Server(const query::EventDb* db, const Coder* coder, ServeOptions options)
    : impl_(std::make_unique<Impl>(db, coder, options)), options_(std::move(options)) {}

Server::~Server() { Stop(); }

Status Server::Bind() { return impl_->server_.Bind(options_.host, options_.port, &port_); }

Status Server::Run() { return impl_->server_.Run(); }

void Server::Stop() {
  if (impl_) impl_->server_.Stop();
}

std::string Server::HandleRaw(std::string_view bytes) {
  FramingLimits limits = MakeLoopOptions(options_).limits;
  std::string input(bytes), out;
  for (;;) {
    RequestFramer framer(&limits);
    RequestFramer::State state = framer.FeedEof(input);
    if (state == RequestFramer::State::kError)
      return out + ErrorResponse(framer.status(), framer.message());
    if (state != RequestFramer::State::kComplete) return out;
    input.erase(0, framer.consumed());
    bool close = false;
    out += impl_->server_.Handle(framer.request(), -1, &close);
    if (close) return out;
  }
}

}  // namespace parley::serve
