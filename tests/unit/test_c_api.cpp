// The exported C API: error handling without a host, unknown ids, bad kinds, bad options, state JSON.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"

extern "C" {
int scw_create(const char* kind, const char* canvas_id);
int scw_destroy(int id);
int scw_set_data(int id, const char* json);
int scw_set_option(int id, const char* key, const char* value);
int scw_resize(int id, float css_w, float css_h, float dpr);
const char* scw_state(int id);
const char* scw_last_error();
const char* scw_stats();
}

using scw::test::Harness;

TEST_CASE("without a host every call fails cleanly") {
  scw::SetGlobalHost(nullptr);
  CHECK(scw_create("test-pattern", "c") == 0);
  CHECK(std::string(scw_last_error()).find("not running") != std::string::npos);
  CHECK(scw_set_data(1, "{}") == -1);
  CHECK(std::string(scw_state(1)).empty());
  CHECK(std::string(scw_stats()) == "{}");
}

TEST_CASE("calls with bad arguments return errors, never crash") {
  Harness h;
  scw::SetGlobalHost(h.host.get());
  CHECK(scw_create(nullptr, nullptr) == 0);
  CHECK(std::string(scw_last_error()).find("Unknown widget kind") != std::string::npos);
  CHECK(scw_create("test-pattern", nullptr) == 0);
  CHECK(std::string(scw_last_error()).find("canvas") != std::string::npos);
  CHECK(scw_destroy(42) == 0);
  CHECK(scw_set_data(42, "{}") == -1);
  CHECK(scw_resize(42, 10, 10, 1) == 0);
  CHECK(std::string(scw_state(42)).empty());
  CHECK(std::string(scw_last_error()).find("42") != std::string::npos);

  const int id = scw_create("test-pattern", "canvas-1");
  REQUIRE(id > 0);
  CHECK(scw_set_option(id, "theme", "purple") == 0);
  CHECK(std::string(scw_last_error()).find("purple") != std::string::npos);
  CHECK(scw_set_option(id, "textScale", "9") == 0);
  CHECK(scw_set_option(id, "nonsense", "1") == 0);
  CHECK(scw_set_option(id, "theme", "dark") == 1);
  CHECK(scw_set_option(id, nullptr, nullptr) == 0);
  CHECK(scw_set_data(id, nullptr) >= 0);  // null = default content, never a crash
  CHECK(scw_set_data(id, "[1,2") == 1);

  auto state = nlohmann::json::parse(scw_state(id));
  CHECK(state["widget"] == "test-pattern");
  CHECK(state.contains("selected"));
  auto stats = nlohmann::json::parse(scw_stats());
  CHECK(stats["instances"] == 1);
  CHECK(scw_destroy(id) == 1);
  scw::SetGlobalHost(nullptr);
}
