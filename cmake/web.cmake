# The web bundle: one wasm module + the loader, and the demo pages, all in dist/.
file(STRINGS "${CMAKE_SOURCE_DIR}/emsdk-version.txt" PINNED_EMSDK LIMIT_COUNT 1)
execute_process(COMMAND "${CMAKE_CXX_COMPILER}" --version OUTPUT_VARIABLE EMCC_VERSION_OUT ERROR_QUIET)
string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" EMCC_VERSION "${EMCC_VERSION_OUT}")
if(NOT EMCC_VERSION STREQUAL PINNED_EMSDK)
  message(WARNING "\n*** emcc is ${EMCC_VERSION}, but emsdk-version.txt pins ${PINNED_EMSDK}. ***\n"
                  "*** The bundle may differ in size and behaviour. Install emsdk ${PINNED_EMSDK}.   ***\n")
endif()

set(DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the bundle and demo pages are written")

target_sources(scw_shell PRIVATE shell/platform_html5.cpp shell/renderer_webgl2.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(scw_shell PRIVATE ${IMGUI_DIR}/backends)
target_compile_definitions(scw_shell PRIVATE IMGUI_IMPL_OPENGL_ES3)

set(SCW_EXPORTS _scw_create _scw_destroy _scw_set_data _scw_set_option _scw_resize _scw_state _scw_dom _scw_last_error
  _scw_stats _scw_context_restored _malloc _free)
list(JOIN SCW_EXPORTS "," SCW_EXPORTS_CSV)

add_executable(stemcell-widgets shell/main_wasm.cpp)
target_link_libraries(stemcell-widgets PRIVATE scw_shell)
set_target_properties(stemcell-widgets PROPERTIES OUTPUT_NAME "stemcell-widgets" SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${DIST_DIR}")
target_link_options(stemcell-widgets PRIVATE
  "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2" "SHELL:-s ENVIRONMENT=web"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s FILESYSTEM=0" "SHELL:-s MODULARIZE=1"
  "SHELL:-s EXPORT_NAME=StemCellWidgetsModule" "SHELL:-s DYNAMIC_EXECUTION=0" "SHELL:-s MALLOC=emmalloc"
  "SHELL:-s EXPORTED_FUNCTIONS=${SCW_EXPORTS_CSV}"
  "SHELL:-s EXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8"
  "SHELL:-s INCOMING_MODULE_JS_API=locateFile,print,printErr,onAbort,instantiateWasm"
  "SHELL:-s TEXTDECODER=2" "SHELL:-s ABORTING_MALLOC=0"
  "SHELL:--extern-post-js ${CMAKE_SOURCE_DIR}/web/loader.js"
  --no-entry)
set_property(TARGET stemcell-widgets APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/loader.js")
# No exceptions in the wasm (JSON_NOEXCEPTION is set for every build); MinSizeRel drops ImGui's asserts.
target_compile_options(imgui PRIVATE -fno-exceptions)
target_compile_options(scw_widgets PRIVATE -fno-exceptions)
target_compile_options(scw_shell PRIVATE -fno-exceptions)
target_compile_options(stemcell-widgets PRIVATE -fno-exceptions)

# Demo pages beside the bundle.
file(GLOB DEMO_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/demo/*")
add_custom_command(TARGET stemcell-widgets POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${DEMO_FILES} "${DIST_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/data/stemcell-explainer.en.json"
          "${CMAKE_SOURCE_DIR}/data/stemcell-explainer.es.json" "${CMAKE_SOURCE_DIR}/data/schema.json" "${DIST_DIR}/"
  VERBATIM)
