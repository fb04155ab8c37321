// default_content.cpp — see default_content.h.
#include "content/default_content.h"

#if SCW_HAS_DEFAULT_CONTENT
extern const unsigned char kDefaultContent[];
#endif

namespace scw {
const char* DefaultContentText() {
#if SCW_HAS_DEFAULT_CONTENT
  return reinterpret_cast<const char*>(kDefaultContent);
#else
  return "{}";
#endif
}
}  // namespace scw
