# The web bundle: one wasm module + the loader, and the demo pages, all in dist/.
file(STRINGS "${CMAKE_SOURCE_DIR}/emsdk-version.txt" PINNED_EMSDK LIMIT_COUNT 1)
execute_process(COMMAND "${CMAKE_CXX_COMPILER}" --version OUTPUT_VARIABLE EMCC_VERSION_OUT ERROR_QUIET)
string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" EMCC_VERSION "${EMCC_VERSION_OUT}")
if(NOT EMCC_VERSION STREQUAL PINNED_EMSDK)
  message(WARNING "\n*** emcc is ${EMCC_VERSION}, but emsdk-version.txt pins ${PINNED_EMSDK}. ***\n"
                  "*** The bundle may differ in size and behaviour. Install emsdk ${PINNED_EMSDK}.   ***\n")
endif()

set(DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the bundle and demo pages are written")

target_sources(scw_shell PRIVATE shell/platform_html5.cpp shell/renderer_webgl2.cpp shell/glyphs_html5.cpp
  shell/libc_strtod.cpp     # strtod/strtof without musl's long-double __floatscan (~13 KB wasm)
  shell/libc_snprintf.cpp   # snprintf without printf's float formatting
  shell/libc_sincosf.cpp    # sinf/cosf without the large-argument reduction (__rem_pio2f)
  shell/libc_qsort.cpp)     # a shell sort instead of musl's smoothsort

# The loader is appended verbatim (--extern-post-js: outside emcc's minifier and Closure), so minify it first:
# esbuild (an npm devDependency, like Closure) renames its local names too (~1.5 KB brotli less than whitespace
# only); without node_modules, the acorn pass emcc itself uses strips comments and whitespace. Neither renames
# properties, evaluates strings or adds inline code, so the strict-CSP page keeps working.
find_program(NODE_EXE node REQUIRED)
set(LOADER_MIN_JS "${CMAKE_BINARY_DIR}/loader.min.js")
set(ESBUILD_BIN "${CMAKE_SOURCE_DIR}/node_modules/.bin/esbuild")
if(EXISTS "${ESBUILD_BIN}")
  add_custom_command(OUTPUT "${LOADER_MIN_JS}"
    COMMAND "${ESBUILD_BIN}" "${CMAKE_SOURCE_DIR}/web/loader.js" --minify --target=es2017 --log-level=warning
            "--outfile=${LOADER_MIN_JS}"
    DEPENDS "${CMAKE_SOURCE_DIR}/web/loader.js"
    COMMENT "Minifying web/loader.js (esbuild)" VERBATIM)
else()
  message(WARNING "esbuild not found (${ESBUILD_BIN}): the loader is only stripped of whitespace (+1.5 KB). "
                  "Run `npm ci` (or tools/setup.sh) to install it.")
  add_custom_command(OUTPUT "${LOADER_MIN_JS}"
    COMMAND "${NODE_EXE}" "${EMSCRIPTEN_ROOT_PATH}/tools/acorn-optimizer.js" "${CMAKE_SOURCE_DIR}/web/loader.js"
            minifyWhitespace > "${LOADER_MIN_JS}"
    DEPENDS "${CMAKE_SOURCE_DIR}/web/loader.js"
    COMMENT "Minifying web/loader.js" VERBATIM)
endif()
add_custom_target(scw_loader_min DEPENDS "${LOADER_MIN_JS}")

# The loader's extras (web/loader-extras.js: keyboard help, presenter toolbar, setState and scroll steps, toPNG),
# minified the same way: dist/stemcell-widgets.extras.js, which the page's loader fetches beside itself on first
# use, and a copy beside the tests' bundle (build/web/testing/). The offline bundle carries it inside instead
# (--extern-pre-js below: it defines StemCellWidgetsExtras before the loader runs, so nothing is fetched).
set(EXTRAS_MIN_JS "${CMAKE_BINARY_DIR}/loader-extras.min.js")
if(EXISTS "${ESBUILD_BIN}")
  add_custom_command(OUTPUT "${EXTRAS_MIN_JS}"
    COMMAND "${ESBUILD_BIN}" "${CMAKE_SOURCE_DIR}/web/loader-extras.js" --minify --target=es2017 --log-level=warning
            "--outfile=${EXTRAS_MIN_JS}"
    DEPENDS "${CMAKE_SOURCE_DIR}/web/loader-extras.js"
    COMMENT "Minifying web/loader-extras.js (esbuild)" VERBATIM)
else()
  add_custom_command(OUTPUT "${EXTRAS_MIN_JS}"
    COMMAND "${NODE_EXE}" "${EMSCRIPTEN_ROOT_PATH}/tools/acorn-optimizer.js" "${CMAKE_SOURCE_DIR}/web/loader-extras.js"
            minifyWhitespace > "${EXTRAS_MIN_JS}"
    DEPENDS "${CMAKE_SOURCE_DIR}/web/loader-extras.js"
    COMMENT "Minifying web/loader-extras.js" VERBATIM)
endif()
add_custom_command(OUTPUT "${DIST_DIR}/stemcell-widgets.extras.js" "${CMAKE_BINARY_DIR}/testing/stemcell-widgets.extras.js"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${DIST_DIR}" "${CMAKE_BINARY_DIR}/testing"
  COMMAND ${CMAKE_COMMAND} -E copy "${EXTRAS_MIN_JS}" "${DIST_DIR}/stemcell-widgets.extras.js"
  COMMAND ${CMAKE_COMMAND} -E copy "${EXTRAS_MIN_JS}" "${CMAKE_BINARY_DIR}/testing/stemcell-widgets.extras.js"
  DEPENDS "${EXTRAS_MIN_JS}"
  COMMENT "Copying the extras to dist/stemcell-widgets.extras.js and beside the tests' bundle" VERBATIM)
add_custom_target(scw_extras ALL DEPENDS "${DIST_DIR}/stemcell-widgets.extras.js"
  "${CMAKE_BINARY_DIR}/testing/stemcell-widgets.extras.js")

set(SCW_EXPORTS _scw_create _scw_destroy _scw_set_data _scw_set_option _scw_resize _scw_state _scw_set_state _scw_dom _scw_step _scw_strings _scw_last_error
  _scw_stats _scw_memory_bytes _scw_context_restored _scw_fonts_changed _malloc _free)
list(JOIN SCW_EXPORTS "," SCW_EXPORTS_CSV)

# No exceptions and no RTTI in the wasm (JSON_NOEXCEPTION is set for every build); MinSizeRel drops ImGui's
# asserts. LTO on every target, -Oz instead of CMake's -Os for MinSizeRel.
foreach(t imgui scw_widgets scw_shell)
  target_compile_options(${t} PRIVATE -fno-exceptions -fno-rtti -flto $<$<CONFIG:MinSizeRel>:-Oz>)
endforeach()

# Optional: Closure Compiler on the Emscripten glue (~4.4 KB brotli). Debian's emscripten ships none (its
# CLOSURE_COMPILER is 'closure-compiler', not installed; Debian's own package is from 2013 and too old):
# `npm ci` installs google-closure-compiler (package.json).
option(SCW_CLOSURE "Minify the Emscripten glue with Closure when node_modules/.bin/google-closure-compiler exists" ON)
set(CLOSURE_BIN "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
if(SCW_CLOSURE AND NOT EXISTS "${CLOSURE_BIN}")
  message(WARNING "Closure Compiler not found (${CLOSURE_BIN}): the glue is not minified by Closure (+4 KB). "
                  "Run `npm ci` (or tools/setup.sh) to install it.")
endif()

# Memory: the loader refuses content over 1 MB before it reaches the module, so a page's widgets need far less
# than the 256 MB maximum (a page of 24 widgets stays under 64 MB); a failed allocation is an error, never an abort
# (ABORTING_MALLOC=0).
# One bundle = the same objects linked with the page glue. OUTPUT_NAME.js (+ .wasm beside it unless SINGLE_FILE).
function(scw_bundle target output_name)
  add_executable(${target} shell/main_wasm.cpp widgets/registry.cpp)
  target_link_libraries(${target} PRIVATE scw_shell)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "${output_name}" SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${DIST_DIR}")
  add_dependencies(${target} scw_loader_min)
  target_compile_options(${target} PRIVATE -fno-exceptions -fno-rtti -flto $<$<CONFIG:MinSizeRel>:-Oz>)
  target_link_options(${target} PRIVATE
    "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2" "SHELL:-s ENVIRONMENT=web"
    "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s MAXIMUM_MEMORY=268435456"
    # Start at 8 MB and grow as needed (the default start is 16 MB with a 5 MB stack): a page of three widgets
    # uses about 6 MB. JSON nests at most 32 deep (content/json_text.h), so nothing recurses deeply: 1 MB of stack.
    "SHELL:-s INITIAL_MEMORY=8388608" "SHELL:-s TOTAL_STACK=1048576" "SHELL:-s FILESYSTEM=0" "SHELL:-s MODULARIZE=1"
    "SHELL:-s EXPORT_NAME=StemCellWidgetsModule" "SHELL:-s DYNAMIC_EXECUTION=0" "SHELL:-s MALLOC=emmalloc"
    "SHELL:-s EXPORTED_FUNCTIONS=${SCW_EXPORTS_CSV}"
    "SHELL:-s EXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8"   # the loader never uses ccall
    "SHELL:-s INCOMING_MODULE_JS_API=locateFile,print,printErr,onAbort,instantiateWasm"
    "SHELL:-s TEXTDECODER=2" "SHELL:-s ABORTING_MALLOC=0"
    # WebGL2 core is all the renderer uses; none of these JS paths is needed (~0.6 KB of glue, brotli).
    "SHELL:-s GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0" "SHELL:-s GL_EXTENSIONS_IN_PREFIXED_FORMAT=0"
    "SHELL:-s GL_POOL_TEMP_BUFFERS=0" "SHELL:-s GL_TRACK_ERRORS=0"
    "SHELL:-s HTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0"   # no fullscreen / pointer lock requests
    # wasm-opt repeats its passes while they shrink (~0.5 KB brotli), and inlines every function of up to 6
    # instructions (2 by default at -Oz): ~300 fewer functions, each of which V8 compiles lazily, on the main
    # thread, at its first call (~20 us apiece); 8 ms less main-thread CPU before the first frame (A/B), and
    # ~0.6 KB less after brotli (7 instructions is 0.7 KB more, 8 is 3.4 KB more).
    "SHELL:-s BINARYEN_EXTRA_PASSES=--converge,--always-inline-max-function-size=6"
    "SHELL:--extern-post-js ${LOADER_MIN_JS}"
    # The script's first line, "//# allFunctionsCalledOnLoad" (web/compile-hints.js): Chromium's explicit compile
    # hint (Chrome 126+; a plain comment elsewhere). V8 compiles the glue's and loader's functions on a background
    # thread while the script streams, instead of one by one at their first call on the main thread. A/B: main-thread
    # CPU before the first frame 84 -> 80 and 91 -> 86 ms (less in 14 and 13 of 15 pairs), first frame -2 / -6 ms.
    "SHELL:--extern-pre-js ${CMAKE_SOURCE_DIR}/web/compile-hints.js"
    -flto $<$<CONFIG:MinSizeRel>:-Oz>
    --no-entry ${ARGN})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${LOADER_MIN_JS}" "${CMAKE_SOURCE_DIR}/web/compile-hints.js")
  if(SCW_CLOSURE AND EXISTS "${CLOSURE_BIN}")
    target_link_options(${target} PRIVATE "SHELL:--closure 1")
    # emcc reads EM_CLOSURE_COMPILER from the environment; set it for the link step only.
    set_property(TARGET ${target} PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${CLOSURE_BIN} --")
  endif()
endfunction()

# After the link, one more wasm-opt round on the pages' .wasm files: functions ordered by how often they are
# called (smaller call indices), then -Oz again; emcc's own last steps leave a little for it (~0.5 KB brotli). It
# changes no import, export or table slot, so the glue is unchanged. Skipped if wasm-opt is not found.
find_program(WASM_OPT_EXE wasm-opt HINTS "${EMSCRIPTEN_ROOT_PATH}/../binaryen/bin")
function(scw_wasm_reopt target wasm)
  if(WASM_OPT_EXE)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND "${WASM_OPT_EXE}" --detect-features --reorder-functions -Oz "${wasm}" -o "${wasm}"
      COMMENT "wasm-opt --reorder-functions -Oz ${wasm}" VERBATIM)
  endif()
endfunction()

# The bundle pages link: stemcell-widgets.js + stemcell-widgets.wasm.
scw_bundle(stemcell-widgets stemcell-widgets)
scw_wasm_reopt(stemcell-widgets "${DIST_DIR}/stemcell-widgets.wasm")
# The lean module for pages without an explainer: the same objects and glue, the registry without the explainer
# (SCW_NO_EXPLAINER; ~9 KB brotli less). Only its .wasm goes to dist/ (stemcell-widgets.lean.wasm), beside the
# full one; the loader picks (web/loader.js, "the module"). Its glue must be the page glue byte for byte (but for
# the wasm's name), since the page's stemcell-widgets.js instantiates both: cmake/same_glue.cmake checks that.
scw_bundle(stemcell-widgets-lean stemcell-widgets.lean)
target_compile_definitions(stemcell-widgets-lean PRIVATE SCW_NO_EXPLAINER=1)
set_target_properties(stemcell-widgets-lean PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/lean")
add_dependencies(stemcell-widgets-lean stemcell-widgets)
scw_wasm_reopt(stemcell-widgets-lean "${CMAKE_BINARY_DIR}/lean/stemcell-widgets.lean.wasm")
add_custom_command(TARGET stemcell-widgets-lean POST_BUILD
  COMMAND "${CMAKE_COMMAND}" "-DPAGE_JS=${DIST_DIR}/stemcell-widgets.js" "-DLEAN_JS=${CMAKE_BINARY_DIR}/lean/stemcell-widgets.lean.js"
          "-DLEAN_WASM=${CMAKE_BINARY_DIR}/lean/stemcell-widgets.lean.wasm" "-DDIST_DIR=${DIST_DIR}"
          -P "${CMAKE_SOURCE_DIR}/cmake/same_glue.cmake"
  COMMENT "Checking the lean module's glue against the page glue; copying stemcell-widgets.lean.wasm to dist/" VERBATIM)
# The browser tests' bundle: the same, plus the test-only widgets (test-pattern). Never for pages, so it is
# written to build/web/testing/, not dist/ (tests/browser/lib.mjs serves it as /testing/).
# Without the page bundles' wasm-opt --converge (the same -Oz passes, once): it only shrinks the file (~0.5 KB)
# and took ~13 of the link's ~30 CPU-s (tools/test.sh builds this bundle every run). "," is an empty pass list.
scw_bundle(stemcell-widgets-testing stemcell-widgets.testing "SHELL:-s BINARYEN_EXTRA_PASSES=,")
target_compile_definitions(stemcell-widgets-testing PRIVATE SCW_TEST_WIDGETS=1)
set_target_properties(stemcell-widgets-testing PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/testing")
# For offline use (a lesson opened from a USB stick, file:// pages): one file, the wasm inlined. Browsers do
# not fetch a separate .wasm from file://, so this is the one to use there. Larger; never for web pages.
# It also carries the Spanish built-in content (as JS text before the glue), so data-lang="es" works from disk
# without a data-src; web pages fetch that document instead (the web bundle stays English-only, for its size).
find_program(PYTHON3_EXE python3 REQUIRED)
set(OFFLINE_CONTENT_JS "${CMAKE_BINARY_DIR}/offline-content.js")
add_custom_command(OUTPUT "${OFFLINE_CONTENT_JS}"
  COMMAND "${PYTHON3_EXE}" "${CMAKE_SOURCE_DIR}/tools/embed.py" jscontent "${OFFLINE_CONTENT_JS}"
          "es=${CMAKE_SOURCE_DIR}/data/stemcell-explainer.es.json"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/embed.py" "${CMAKE_SOURCE_DIR}/data/stemcell-explainer.es.json"
  COMMENT "Embedding the Spanish content for the offline bundle" VERBATIM)
add_custom_target(scw_offline_content DEPENDS "${OFFLINE_CONTENT_JS}")
# No wasm-opt --converge either (as the testing bundle): a file opened from disk, where ~0.5 KB does not count.
scw_bundle(stemcell-widgets-offline stemcell-widgets.offline "SHELL:-s SINGLE_FILE=1"
  "SHELL:--extern-pre-js ${OFFLINE_CONTENT_JS}" "SHELL:-s BINARYEN_EXTRA_PASSES=,")
add_dependencies(stemcell-widgets-offline scw_offline_content)
set_property(TARGET stemcell-widgets-offline APPEND PROPERTY LINK_DEPENDS "${OFFLINE_CONTENT_JS}")
# The offline bundle cannot fetch the loader's extras (file:// pages): they go inside, before the loader.
target_link_options(stemcell-widgets-offline PRIVATE "SHELL:--extern-pre-js ${EXTRAS_MIN_JS}")
add_dependencies(stemcell-widgets-offline scw_extras)
set_property(TARGET stemcell-widgets-offline APPEND PROPERTY LINK_DEPENDS "${EXTRAS_MIN_JS}")

# Demo pages beside the bundle.
file(GLOB DEMO_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/demo/*")
add_custom_target(scw_demo ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${DIST_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${DEMO_FILES} "${DIST_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/data/stemcell-explainer.en.json"
          "${CMAKE_SOURCE_DIR}/data/stemcell-explainer.es.json" "${CMAKE_SOURCE_DIR}/data/schema.json" "${DIST_DIR}/"
  COMMENT "Copying the demo pages and data to dist/"
  VERBATIM)

# The iframe embed page and its host-page helper (issue 12), beside the bundle.
add_custom_target(scw_embed ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${DIST_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/web/embed.html"
          "${CMAKE_SOURCE_DIR}/web/stemcell-embed.js" "${DIST_DIR}/"
  COMMENT "Copying the embed page and helper to dist/"
  VERBATIM)
