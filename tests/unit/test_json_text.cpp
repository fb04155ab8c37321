// JSON text -> document: syntax errors with line, column and a fix; size and nesting limits.
#include <doctest/doctest.h>

#include <string>

#include "content/json_text.h"

using namespace scw;

namespace {
std::string ErrorOf(const std::string& text) {
  nlohmann::json j;
  std::vector<Problem> p;
  if (ParseJsonText(text, &j, &p)) return "";
  REQUIRE(p.size() == 1);
  CHECK(p[0].path == "");
  return p[0].message;
}
}  // namespace

TEST_CASE("valid documents parse") {
  nlohmann::json j;
  std::vector<Problem> p;
  CHECK(ParseJsonText(R"({"a": [1, 2, {"b": "ü"}]})", &j, &p));
  CHECK(j["a"][2]["b"] == "ü");
  CHECK(p.empty());
}

TEST_CASE("a trailing comma names its line, column and the fix") {
  const std::string m = ErrorOf("{\n  \"label\": \"ok\",\n  \"extra\": [1, 2,],\n}\n");
  CHECK(m.find("line 3, column 18") != std::string::npos);
  CHECK(m.find("unexpected ']'") != std::string::npos);
  CHECK(m.find("trailing comma") != std::string::npos);
}

TEST_CASE("single quotes, bare words and a truncated document each get their own advice") {
  CHECK(ErrorOf("{'a': 1}").find("double quotes") != std::string::npos);
  CHECK(ErrorOf("{\"a\": yes}").find("double quotes") != std::string::npos);
  const std::string m = ErrorOf("{\"a\": [1, 2");
  CHECK(m.find("end of the document") != std::string::npos);
  CHECK(m.find("closed") != std::string::npos);
  CHECK(ErrorOf("").find("end of the document") != std::string::npos);
}

TEST_CASE("columns count characters, not bytes") {
  const std::string m = ErrorOf("{\"é\": \"ñ\" \"x\"}");
  CHECK(m.find("line 1, column 11") != std::string::npos);
}

TEST_CASE("nesting deeper than 32 is refused without recursion") {
  std::string deep(10000, '[');
  CHECK(ErrorOf(deep).find("32 levels") != std::string::npos);
  std::string ok(32, '[');
  ok += std::string(32, ']');
  CHECK(ErrorOf(ok).empty());
  CHECK(ErrorOf("[" + ok + "]").find("32 levels") != std::string::npos);
  // Where: the 33rd bracket, on its line and column, so a site owner can find it in a long document.
  CHECK(ErrorOf("{\n  \"a\": " + std::string(40, '[')).find("(at line 2, column 39)") != std::string::npos);
}

TEST_CASE("documents over 1 MB are refused") {
  std::string big = "\"" + std::string(kMaxDocumentBytes, 'a') + "\"";
  CHECK(ErrorOf(big).find("1 MB") != std::string::npos);
}

TEST_CASE("encoding problems are named as such, not as a syntax slip") {
  const std::string lone = ErrorOf("{\"a\": \"\\ud800\"}");
  CHECK(lone.find("lone surrogate") != std::string::npos);
  CHECK(lone.find("double quotes") == std::string::npos);
  const std::string bytes = ErrorOf(std::string("{\"a\": \"\xff\xfe\"}"));
  CHECK(bytes.find("not UTF-8") != std::string::npos);
}
