// The JSON writer behind state() and the parallel DOM: what it writes parses back to exactly what went in.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "ui/json_writer.h"

using scw::JsonWriter;

TEST_CASE("awkward strings round-trip: quotes, backslashes, control characters, JS line terminators, UTF-8") {
  const std::string cases[] = {"plain", "", "say \"hi\"", "back\\slash", "tab\tnew\nline\r", std::string("nul\0x", 5),
                               "\x01\x1f", "line\xE2\x80\xA8sep\xE2\x80\xA9para", "Células madre — β",
                               "</script><img src=x onerror=alert(1)>"};
  for (const std::string& s : cases) {
    CAPTURE(s);
    JsonWriter w;
    w.BeginObject().Field("s", s).Key("list").BeginArray().String(s).String("second").EndArray().EndObject();
    const std::string text = w.Take();
    CHECK(text.find("\xE2\x80\xA8") == std::string::npos);  // never raw U+2028 in the output
    const auto j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["s"] == s);
    CHECK(j["list"][0] == s);
    CHECK(j["list"][1] == "second");
  }
}

TEST_CASE("numbers, booleans and null are valid JSON; non-finite numbers do not break the document") {
  JsonWriter w;
  w.BeginObject().Field("i", -42).Field("d", 2.5).Field("b", true).Key("n").Null()
      .Key("inf").Number(INFINITY).Key("nan").Number(NAN).EndObject();
  const auto j = nlohmann::json::parse(w.Take(), nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["i"] == -42);
  CHECK(j["d"].get<double>() == doctest::Approx(2.5));
  CHECK(j["b"] == true);
  CHECK(j["n"].is_null());
}
