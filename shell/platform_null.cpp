// platform_null.cpp — the native platform: no event listeners; tests call Host's input functions directly
// and set the clock.
#include "host.h"
#include "null_backends.h"

namespace scw {
void NullPlatform::Attach(Instance&) { ++attached; }
void NullPlatform::Detach(Instance&) { --attached; }
double NullPlatform::Now() const { return now; }
}  // namespace scw
