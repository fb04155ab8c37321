# cmake -DPAGE_JS=… -DLEAN_JS=… -DLEAN_WASM=… -DDIST_DIR=… -P same_glue.cmake
# The page's stemcell-widgets.js instantiates both stemcell-widgets.wasm and stemcell-widgets.lean.wasm, so the
# lean link's glue must equal it but for the wasm's file name (same imports, same minified names). Then the lean
# wasm is copied beside the full one.
file(READ "${PAGE_JS}" page)
file(READ "${LEAN_JS}" lean)
string(REPLACE "\"stemcell-widgets.lean.wasm\"" "\"stemcell-widgets.wasm\"" lean "${lean}")
if(NOT page STREQUAL lean)
  message(FATAL_ERROR "The lean module's glue (${LEAN_JS}) differs from the page glue (${PAGE_JS}) by more than "
                      "the wasm's name: the page glue cannot instantiate stemcell-widgets.lean.wasm. Link both with "
                      "the same options (cmake/web.cmake, scw_bundle).")
endif()
file(COPY "${LEAN_WASM}" DESTINATION "${DIST_DIR}")
