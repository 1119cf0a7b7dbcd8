#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace parley::serve {
namespace {

constexpr size_t kMaxExplainBytes = 64 * 1024;
constexpr const char* kJson = "application/json; charset=utf-8";

void SendJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), kJson);
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status,
           nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
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

}  // namespace

class Server::Impl {
 public:
  Impl(const query::EventDb* db, const Coder* coder, const ServeOptions& options)
      : db_(db), coder_(coder) {
    size_t threads = options.threads > 0
                         ? options.threads
                         : std::max<size_t>(16, 2 * std::thread::hardware_concurrency());
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_.set_payload_max_length(kMaxExplainBytes);
    server_.set_tcp_nodelay(true);
    Routes(options);
  }

  httplib::Server server_;

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
    server_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (res.status == 404 && req.path.rfind("/api/", 0) == 0)
        SendError(res, 404, "no such API route: " + req.path);
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
    Status s = CheckParams(req, {"a", "b", "interval", "from", "to", "directed"});
    if (s.ok() && (Param(req, "a").empty() || Param(req, "b").empty()))
      s = Status::InvalidArgument("a and b (actor codes) are required");
    if (s.ok()) s = query::NormalizeActorCode(Param(req, "a"), &q.a);
    if (s.ok()) s = query::NormalizeActorCode(Param(req, "b"), &q.b);
    if (s.ok() && req.has_param("interval"))
      s = query::ParseInterval(Param(req, "interval"), &q.interval);
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = BoolParam(req, "directed", &q.directed);
    query::DyadSeries series;
    if (s.ok()) s = db_->Dyad(q, &series);
    if (!s.ok()) return SendStatus(res, s);
    SendJson(res, 200, query::DyadToJson(series));
  }

  void Events(const httplib::Request& req, httplib::Response& res) {
    query::EventListQuery q;
    Status s = CheckParams(req, {"dyad", "code", "from", "to", "limit", "offset", "directed"});
    if (s.ok() && Param(req, "dyad").empty())
      s = Status::InvalidArgument("dyad (e.g. RUS-KOR) is required");
    if (s.ok()) s = query::ParseDyad(Param(req, "dyad"), &q.a, &q.b);
    if (s.ok()) q.code = Param(req, "code");
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = IntParam(req, "limit", &q.limit);
    if (s.ok()) s = IntParam(req, "offset", &q.offset);
    if (s.ok()) s = BoolParam(req, "directed", &q.directed);
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
    Status s = CheckParams(req, {"from", "to", "limit", "country"});
    if (s.ok()) s = DateRange(req, &q.from, &q.to);
    if (s.ok()) s = IntParam(req, "limit", &q.limit);
    if (s.ok()) s = BoolParam(req, "country", &q.by_country);
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
    SendJson(res, 200, query::ExplanationToJson(query::Explain(*coder_, text, date)));
  }

  const query::EventDb* db_;
  const Coder* coder_;
};

Server::Server(const query::EventDb* db, const Coder* coder, ServeOptions options)
    : impl_(std::make_unique<Impl>(db, coder, options)), options_(std::move(options)) {}

Server::~Server() { Stop(); }

Status Server::Bind() {
  if (options_.port == 0) {
    port_ = impl_->server_.bind_to_any_port(options_.host);
    if (port_ > 0) return Status::OK();
  } else if (impl_->server_.bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
    return Status::OK();
  }
  return Status::IOError(fmt::format("cannot listen on {}:{}", options_.host, options_.port));
}

Status Server::Run() {
  if (!impl_->server_.listen_after_bind())
    return Status::IOError(
        fmt::format("server on {}:{} stopped with an error", options_.host, port_));
  return Status::OK();
}

void Server::Stop() {
  if (impl_) impl_->server_.stop();
}

}  // namespace parley::serve
