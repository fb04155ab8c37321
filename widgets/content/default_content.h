// default_content.h — the default English document, embedded at build time (data/stemcell-explainer.en.json).
#pragma once

namespace scw {
// The embedded document as text ("{}" if the build had none).
const char* DefaultContentText();
}  // namespace scw
