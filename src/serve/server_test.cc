// Starts the real server on a free port and talks HTTP to it.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "query/test_store.h"

namespace parley::serve {
namespace {

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(query::EventDb::Open(query::testing::SeedStorePath(), &db_).ok());
    ServeOptions options;
    options.port = 0;
    server_ = new Server(db_.get(), &query::testing::BundledCoder(), options);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    db_.reset();
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client;
  }

  // GET `path`; expects `status` and a JSON body, which it returns.
  nlohmann::json Get(const std::string& path, int status) const {
    auto res = Client().Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, status) << path << " -> " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  void ExpectBadRequest(const std::string& path, const std::string& words) const {
    nlohmann::json j = Get(path, 400);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_NE(j["error"].get<std::string>().find(words), std::string::npos)
        << path << ": " << j["error"];
  }

  static std::unique_ptr<query::EventDb> db_;
  static Server* server_;
  static std::thread* thread_;
};

std::unique_ptr<query::EventDb> ServeTest::db_;
Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;

// Issue 13: the API filters what the CLI filters, and says how each date was found.
TEST_F(ServeTest, DateFiltersAndDateFields) {
  nlohmann::json all = Get("/api/dyad?a=RUS&b=KOR&interval=year", 200);
  EXPECT_GT(all["total"]["guessed"].get<int>(), 0);  // seeds 003 and 004 have no date
  nlohmann::json sure = Get("/api/dyad?a=RUS&b=KOR&interval=year&min_date_confidence=0.5", 200);
  EXPECT_EQ(sure["total"]["guessed"], 0);
  EXPECT_LT(sure["total"]["count"].get<int>(), all["total"]["count"].get<int>());
  nlohmann::json with_history = Get("/api/dyad?a=RUS&b=KOR&interval=year&historical=1", 200);
  EXPECT_GE(with_history["total"]["count"].get<int>(), all["total"]["count"].get<int>());
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&min_date_confidence=2", "min_date_confidence");
  ExpectBadRequest("/api/events?dyad=RUS-KOR&historical=maybe", "historical");
  nlohmann::json events = Get("/api/events?dyad=RUS-KOR&min_date_confidence=0.5", 200);
  ASSERT_FALSE(events["events"].empty());
  for (const nlohmann::json& e : events["events"]) {
    // Undated events stay (the undated row): there is no date to doubt.
    if (!e["date"].is_null()) EXPECT_GE(e["date_confidence"].get<double>(), 0.5);
    EXPECT_EQ(e["date_guessed"], false);
    EXPECT_TRUE(e.contains("date_precision") && e.contains("pub_date_method"));
  }
  EXPECT_TRUE(Get("/api/top?historical=1&min_date_confidence=0.2", 200).contains("events"));
}

TEST_F(ServeTest, DyadMatchesTheQueryModule) {
  nlohmann::json j = Get("/api/dyad?a=rus&b=KOR&interval=month", 200);
  query::DyadQuery q;
  q.a = "RUS";
  q.b = "KOR";
  query::DyadSeries series;
  ASSERT_TRUE(db_->Dyad(q, &series).ok());
  EXPECT_EQ(j, nlohmann::json::parse(query::DyadToJson(series)));
  EXPECT_EQ(j["total"]["count"], series.total.count);
  EXPECT_GT(series.total.count, 0);
}

TEST_F(ServeTest, EventsAndActors) {
  nlohmann::json j = Get("/api/events?dyad=RUS-KOR&code=16&limit=5", 200);
  ASSERT_GT(j["total"].get<int>(), 0);
  for (const auto& e : j["events"]) {
    EXPECT_EQ(e["code"].get<std::string>().substr(0, 2), "16");
    EXPECT_FALSE(e["sentence"].get<std::string>().empty());
  }
  j = Get("/api/actors?q=kor", 200);
  ASSERT_FALSE(j["actors"].empty());
  EXPECT_EQ(j["actors"][0]["code"], "KOR");
  j = Get("/api/top?country=true&limit=3", 200);
  EXPECT_EQ(j["actors"].size(), 3u);
}

TEST_F(ServeTest, BadParametersGet400WithAMessage) {
  ExpectBadRequest("/api/dyad?a=RUS", "required");
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&interval=fortnight", "interval");
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&from=2023-13-01", "from");
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&from=2023-03-01&to=2023-01-01", "after");
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&form=2023-01-01", "unknown parameter 'form'");
  ExpectBadRequest("/api/dyad?a=RUS%27--&b=KOR", "actor code");
  ExpectBadRequest("/api/dyad?a=RUS&b=KOR&directed=maybe", "directed");
  ExpectBadRequest("/api/events", "dyad");
  ExpectBadRequest("/api/events?dyad=RUSKOR", "dyad");
  ExpectBadRequest("/api/events?dyad=RUS-KOR&limit=abc", "limit");
  ExpectBadRequest("/api/events?dyad=RUS-KOR&limit=5000", "limit");
  ExpectBadRequest("/api/events?dyad=RUS-KOR&offset=-1", "offset");
  ExpectBadRequest("/api/events?dyad=RUS-KOR&code=abc", "code");
  ExpectBadRequest("/api/actors?limit=0", "limit");
  nlohmann::json j = Get("/api/nothing", 404);
  EXPECT_TRUE(j.contains("error"));
}

TEST_F(ServeTest, ExplainTakesJsonOrText) {
  auto res = Client().Post(
      "/api/explain",
      R"({"text": "Seoul joined the sanctions against Moscow.", "date": "2023-03-01"})",
      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["sentences"][0]["events"][0]["code"], "163");
  EXPECT_EQ(j["sentences"][0]["events"][0]["date"], "2023-03-01");
  res = Client().Post("/api/explain", "Seoul joined the sanctions against Moscow.", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = Client().Post("/api/explain", "{not json", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = Client().Post("/api/explain", R"({"text": "x", "date": "soon"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = Client().Post("/api/explain", "  ", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
}

TEST_F(ServeTest, NothingCanWrite) {
  auto client = Client();
  auto res = client.Delete("/api/dyad");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  res = client.Put("/api/events", "x", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  res = client.Post("/api/dyad", "a=RUS", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  // The store was opened read-only: the same numbers come back after the attempts.
  nlohmann::json j = Get("/api/dyad?a=RUS&b=KOR", 200);
  EXPECT_GT(j["total"]["count"].get<int>(), 0);
}

TEST_F(ServeTest, ManyConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_tcp_nodelay(true);
      client.set_keep_alive(true);
      for (int i = 0; i < 25; ++i) {
        auto res = client.Get("/api/dyad?a=RUS&b=KOR&interval=week");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 200);
}

}  // namespace
}  // namespace parley::serve
