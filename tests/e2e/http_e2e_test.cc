// The HTTP front of a real marginalia-server (--http): the JSON API reaches
// the same services with the same answers as gRPC, browser sessions are
// held in an HttpOnly, SameSite=Strict cookie and need the CSRF token, a
// student's session reads nothing of another student's essay, every
// response carries the security headers, and bad input gets a short JSON
// error that does not echo it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/http/http_names.h"
#include "tests/e2e/cli_server.h"
#include "tests/testing/test_pki.h"

namespace marginalia {
namespace {

using server::http::kApiPrefix;
using server::http::kContentSecurityPolicy;
using server::http::kCspHeader;
using server::http::kCsrfHeader;
using server::http::kSessionCookie;
using server::http::kSessionPath;
using ::testing::HasSubstr;
using ::testing::Not;

// The value of "key":"value" in compact JSON.
std::string CompactString(const std::string& json, const std::string& key) {
  std::string marker = "\"" + key + "\":\"";
  std::size_t at = json.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return json.substr(at, json.find('"', at) - at);
}

// One HTTP answer: status, headers and body.
struct Answer {
  int status = 0;
  httplib::Headers headers;
  std::string body;
  std::string Header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

// A browser or a script talking to the server's HTTP front.
class WebClient {
 public:
  explicit WebClient(const std::string& url) : client_(Base(url)) {
    client_.set_read_timeout(std::chrono::seconds(60));
  }

  Answer Send(const std::string& method, const std::string& path,
              const std::string& body, httplib::Headers headers,
              const std::string& type = "application/json") {
    if (!cookie_.empty()) headers.emplace("Cookie", cookie_);
    httplib::Result result =
        method == "GET" ? client_.Get(path.c_str(), headers)
        : method == "DELETE"
            ? client_.Delete(path.c_str(), headers)
            : client_.Post(path.c_str(), headers, body, type.c_str());
    Answer answer;
    if (!result) return answer;
    answer.status = result->status;
    answer.headers = result->headers;
    answer.body = result->body;
    return answer;
  }

  // POST /api/v1/SERVICE/METHOD.
  Answer Call(const std::string& method, const std::string& body,
              httplib::Headers headers = {}) {
    return Send("POST", absl::StrCat(kApiPrefix, method), body,
                std::move(headers));
  }

  // Signs in with `token`; keeps the cookie, returns the answer.
  Answer SignIn(const std::string& token) {
    Answer answer = Send("POST", std::string(kSessionPath),
                         absl::StrCat("{\"token\":\"", token, "\"}"), {});
    std::string set_cookie = answer.Header("Set-Cookie");
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_ = CompactString(answer.body, "csrfToken");
    return answer;
  }

  // A call made with the session cookie and its CSRF token.
  Answer SessionCall(const std::string& method, const std::string& body) {
    return Call(method, body, {{std::string(kCsrfHeader), csrf_}});
  }

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }

 private:
  // "http://127.0.0.1:PORT" from "http://127.0.0.1:PORT/".
  static std::string Base(std::string url) {
    if (!url.empty() && url.back() == '/') url.pop_back();
    return url;
  }

  httplib::Client client_;
  std::string cookie_;
  std::string csrf_;
};

httplib::Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

class HttpFrontTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(server_.address().empty()) << "server did not start";
    ASSERT_FALSE(server_.http_url().empty()) << "no HTTP front";
    server_.Ok(server_.admin(), {"course", "create", "hist"});
    tutor_ = server_.User("tutor");
    server_.Ok(server_.admin(),
               {"enrol", "tutor", "--course", "hist", "--role", "tutor"});
    for (const char* id : {"amy", "ben"}) {
      tokens_[id] = server_.User(id);
      // New users are in no course yet, so the administrator enrols them
      // (a tutor enrols only people already in a course they teach).
      server_.Ok(server_.admin(), {"enrol", id, "--course", "hist"});
    }
    server_.Ok(tutor_, {"assignment", "create", "hist101", "--course", "hist",
                        "--engine-feedback-now"});
  }

  // Submits a short essay as `id` through the CLI; its submission id.
  std::string Submit(const std::string& id) {
    std::string file = server_.dir().File(id + ".txt");
    testing::WriteFile(file, absl::StrCat("Essay of student ", id,
                                          ".\n\nThe press spread ideas.\n"));
    return JsonString(server_.Ok(tokens_[id], {"submit", file, "--assignment",
                                               "hist101", "--format", "json"}),
                      "id");
  }

  WebClient Client() const { return WebClient(server_.http_url()); }

  CliServer server_{{"--http", "127.0.0.1:0"}};
  std::string tutor_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(HttpFrontTest, ABearerTokenCallsTheSameServicesAsGrpc) {
  std::string amy = Submit("amy");
  WebClient script = Client();
  Answer me =
      script.Call("AdminService/GetCurrentUser", "{}", Bearer(tokens_["amy"]));
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_THAT(me.body, HasSubstr("\"id\":\"amy\""));
  EXPECT_THAT(me.Header("Content-Type"), HasSubstr("application/json"));

  Answer listed =
      script.Call("SubmissionService/ListSubmissions",
                  R"({"assignmentId":"hist101"})", Bearer(tokens_["amy"]));
  EXPECT_EQ(listed.status, 200) << listed.body;
  EXPECT_THAT(listed.body, HasSubstr(amy));

  // No token: the service's own UNAUTHENTICATED, as JSON.
  Answer anonymous = script.Call("AdminService/GetCurrentUser", "{}");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(CompactString(anonymous.body, "code"), "UNAUTHENTICATED");
}

TEST_F(HttpFrontTest, SignInSetsAnHttpOnlyStrictCookieHoldingNoToken) {
  WebClient browser = Client();
  Answer signed_in = browser.SignIn(tokens_["amy"]);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  std::string set_cookie = signed_in.Header("Set-Cookie");
  EXPECT_THAT(set_cookie, HasSubstr(absl::StrCat(kSessionCookie, "=")));
  EXPECT_THAT(set_cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(set_cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(set_cookie, HasSubstr("Path=/"));
  EXPECT_THAT(set_cookie, Not(HasSubstr("Secure")));  // plaintext loopback
  // The cookie and the body hold a random session id and CSRF token, never
  // the API token.
  std::string id = browser.cookie().substr(browser.cookie().find('=') + 1);
  EXPECT_EQ(id.size(), 64u);
  EXPECT_EQ(browser.csrf().size(), 64u);
  EXPECT_NE(id, browser.csrf());
  EXPECT_THAT(signed_in.body + set_cookie, Not(HasSubstr(tokens_["amy"])));
  EXPECT_THAT(signed_in.body, HasSubstr("\"id\":\"amy\""));

  // A wrong token signs nobody in.
  WebClient stranger = Client();
  Answer refused = stranger.SignIn("not-a-token");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.Header("Set-Cookie"), "");
}

TEST_F(HttpFrontTest, ACookieCallWithoutTheCsrfTokenIsRefused) {
  WebClient browser = Client();
  ASSERT_EQ(browser.SignIn(tokens_["amy"]).status, 200);
  const std::string method = "AdminService/GetCurrentUser";

  Answer without = browser.Call(method, "{}");
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(CompactString(without.body, "code"), "PERMISSION_DENIED");
  EXPECT_THAT(without.body, HasSubstr(std::string(kCsrfHeader)));

  Answer wrong = browser.Call(
      method, "{}", {{std::string(kCsrfHeader), std::string(64, '0')}});
  EXPECT_EQ(wrong.status, 403);

  Answer with = browser.SessionCall(method, "{}");
  EXPECT_EQ(with.status, 200) << with.body;

  // A page reloaded asks again who is signed in, and gets the same token.
  Answer again = browser.Send("GET", std::string(kSessionPath), "", {});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(CompactString(again.body, "csrfToken"), browser.csrf());

  // Signing out needs the token too, and ends the session.
  Answer forged_out = browser.Send("DELETE", std::string(kSessionPath), "", {});
  EXPECT_EQ(forged_out.status, 403);
  Answer out = browser.Send("DELETE", std::string(kSessionPath), "",
                            {{std::string(kCsrfHeader), browser.csrf()}});
  EXPECT_EQ(out.status, 200);
  EXPECT_THAT(out.Header("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(browser.SessionCall(method, "{}").status, 401);
}

TEST_F(HttpFrontTest, AFormPostIsRefused) {
  // A cross-site form can send text/plain but not application/json.
  WebClient browser = Client();
  ASSERT_EQ(browser.SignIn(tokens_["amy"]).status, 200);
  Answer form = browser.Send(
      "POST", absl::StrCat(kApiPrefix, "AdminService/GetUser"), "{}",
      {{std::string(kCsrfHeader), browser.csrf()}}, "text/plain");
  EXPECT_EQ(form.status, 400);
  EXPECT_THAT(form.body, HasSubstr("application/json"));
}

TEST_F(HttpFrontTest, AStudentsSessionCannotReadAnotherStudentsEssay) {
  std::string ben = Submit("ben");
  Submit("amy");
  WebClient amy = Client();
  ASSERT_EQ(amy.SignIn(tokens_["amy"]).status, 200);
  std::string by_id = absl::StrCat(R"({"submissionId":")", ben, R"("})");
  const std::vector<std::pair<std::string, std::string>> reads = {
      {"SubmissionService/GetSubmission",
       absl::StrCat(R"({"id":")", ben, R"(","view":"SUBMISSION_VIEW_FULL"})")},
      {"SubmissionService/GetFeedback", by_id},
      {"SubmissionService/ListSubmissions",
       R"({"assignmentId":"hist101","author":"ben"})"},
      {"ReviewService/ListComments", by_id},
      {"ReviewService/ListReviews", by_id},
      {"ReviewService/GetPeerSummary", by_id},
      {"GradeService/GetGrade", by_id},
      {"GradeService/ListAuditEvents", by_id},
      {"AdminService/GetUser", R"({"id":"ben"})"},
  };
  for (const auto& [method, body] : reads) {
    Answer answer = amy.SessionCall(method, body);
    std::string code = CompactString(answer.body, "code");
    EXPECT_TRUE(code == "NOT_FOUND" || code == "PERMISSION_DENIED")
        << method << ": " << answer.status << " " << answer.body;
    EXPECT_TRUE(answer.status == 404 || answer.status == 403) << method;
    EXPECT_THAT(answer.body, Not(HasSubstr("Essay of student ben"))) << method;
  }
  // The same refusal as the gRPC API gives, word for word.
  Answer feedback = amy.SessionCall("SubmissionService/GetFeedback", by_id);
  ProcessResult cli = Cli(server_.address(), tokens_["amy"], {"feedback", ben});
  EXPECT_EQ(cli.exit_code, 1);
  EXPECT_THAT(cli.err, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(cli.err, HasSubstr(CompactString(feedback.body, "message")));
}

TEST_F(HttpFrontTest, EveryResponseCarriesTheSecurityHeaders) {
  WebClient browser = Client();
  ASSERT_EQ(browser.SignIn(tokens_["amy"]).status, 200);
  std::vector<Answer> answers = {
      browser.SessionCall("AdminService/GetCurrentUser", "{}"),      // 200
      browser.Call("AdminService/GetCurrentUser", "{}"),             // 403
      Client().Call("AdminService/GetCurrentUser", "{}"),            // 401
      browser.SessionCall("AdminService/NoSuchMethod", "{}"),        // 404
      browser.SessionCall("AdminService/GetUser", "{"),              // 400
      browser.Send("GET", "/no/such/page", "", {}),                  // 404
      browser.Send("GET", absl::StrCat(kApiPrefix, "A/B"), "", {}),  // 405
      browser.Send("GET", std::string(kSessionPath), "", {}),        // 200
      Client().Send("GET", std::string(kSessionPath), "", {}),       // 401
      browser.SessionCall("AdminService/GetUser",
                          std::string(9 << 20, ' ')),  // 413
      browser.Send("GET", "/", "", {}),                // the web app, 200
  };
  for (const Answer& answer : answers) {
    ASSERT_NE(answer.status, 0);
    EXPECT_EQ(answer.Header(std::string(kCspHeader)), kContentSecurityPolicy)
        << answer.status << " " << answer.body;
    EXPECT_EQ(answer.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(answer.Header("Referrer-Policy"), "no-referrer");
  }
  // API answers and errors are JSON; the page is HTML.
  for (std::size_t i = 0; i + 1 < answers.size(); ++i) {
    EXPECT_THAT(answers[i].Header("Content-Type"),
                HasSubstr("application/json"))
        << answers[i].status;
  }
  EXPECT_EQ(answers[9].status, 413);
  EXPECT_THAT(answers.back().Header("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(answers.back().body, HasSubstr("<script type=\"module\" src="));
}

TEST_F(HttpFrontTest, BadJsonIs400WithAShortMessageThatDoesNotEchoIt) {
  WebClient script = Client();
  const std::string marker = "ECHO-MARKER-7f3a";
  for (const std::string& body :
       {absl::StrCat(R"({"submissionId": ")", marker, R"(", )"),
        absl::StrCat(R"({")", marker, R"(": 1})"),
        absl::StrCat(R"({"submissionId": [")", marker, R"("]})"),
        absl::StrCat(std::string(10000, '['), marker)}) {
    Answer answer = script.Call("SubmissionService/GetSubmission", body,
                                Bearer(tokens_["amy"]));
    EXPECT_EQ(answer.status, 400) << answer.body;
    EXPECT_EQ(CompactString(answer.body, "code"), "INVALID_ARGUMENT");
    EXPECT_THAT(answer.body, Not(HasSubstr(marker)));
    EXPECT_LT(answer.body.size(), 200u) << answer.body;
  }
}

TEST_F(HttpFrontTest, UnknownMethodsAre404AndStreamsAreNotServed) {
  WebClient script = Client();
  for (const char* method :
       {"SubmissionService/NoSuchMethod", "NoSuchService/GetSubmission",
        "SubmissionService/GetSubmission/extra", "..%2F..%2Fetc/passwd",
        "grpc.health.v1.Health/Check"}) {
    Answer answer = script.Call(method, "{}", Bearer(tokens_["amy"]));
    EXPECT_EQ(answer.status, 404) << method << " " << answer.body;
    EXPECT_EQ(CompactString(answer.body, "code"), "NOT_FOUND") << method;
  }
  Answer stream = script.Call("SubmissionService/BatchCreateSubmissions", "{}",
                              Bearer(tokens_["amy"]));
  EXPECT_EQ(stream.status, 501);
  EXPECT_EQ(CompactString(stream.body, "code"), "UNIMPLEMENTED");
}

TEST_F(HttpFrontTest, FailedAuthenticationsAreLoggedWithTheBrowsersAddress) {
  WebClient script = Client();
  const std::string guess = "guess-91c2e7";
  Answer answer =
      script.Call("AdminService/GetCurrentUser", "{}", Bearer(guess));
  EXPECT_EQ(answer.status, 401);
  std::string log = *testing::ReadFile(server_.db() + ".server.log");
  EXPECT_THAT(log, HasSubstr("authentication failed from ipv4:127.0.0.1"));
  EXPECT_THAT(log, Not(HasSubstr("from inproc")));
  EXPECT_THAT(log, Not(HasSubstr(guess)));
}

TEST(HttpFrontTlsTest, WithACertificateItIsHttpsAndTheCookieIsSecure) {
  testing::TestPki pki;
  CliServer server({"--tls-cert", pki.server_cert(), "--tls-key",
                    pki.server_key(), "--http", "127.0.0.1:0"});
  ASSERT_THAT(server.http_url(), ::testing::StartsWith("https://"));
  // "https://127.0.0.1:PORT" and "127.0.0.1:PORT".
  std::string base = server.http_url().substr(0, server.http_url().size() - 1);
  std::string host_port = base.substr(std::string("https://").size());
  httplib::Client client(base);
  client.set_ca_cert_path(pki.ca().c_str());
  client.enable_server_certificate_verification(true);
  httplib::Result signed_in = client.Post(
      std::string(kSessionPath).c_str(),
      absl::StrCat("{\"token\":\"", server.admin(), "\"}"), "application/json");
  ASSERT_TRUE(signed_in) << httplib::to_string(signed_in.error());
  EXPECT_EQ(signed_in->status, 200) << signed_in->body;
  std::string cookie = signed_in->get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("; Secure"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_EQ(signed_in->get_header_value(std::string(kCspHeader)),
            kContentSecurityPolicy);

  // Plaintext to the same port gets no answer.
  httplib::Client plaintext("http://" + host_port);
  plaintext.set_read_timeout(std::chrono::seconds(10));
  EXPECT_FALSE(plaintext.Get(std::string(kSessionPath).c_str()));
}

TEST(HttpFrontTlsTest, PlaintextHttpIsRefusedWhereOthersCouldReachIt) {
  testing::TempDir dir;
  ProcessResult refused =
      RunProcess({BinaryPath("marginalia-server"), "--listen", "127.0.0.1:0",
                  "--http", "0.0.0.0:0", "--db", dir.File("m.db")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("--http 0.0.0.0:0 is not a loopback"));
}

}  // namespace
}  // namespace marginalia
