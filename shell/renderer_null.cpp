// renderer_null.cpp — the native renderer: no GPU. It builds the font atlas (as a GPU renderer would) and
// keeps the last frame's draw data counts so headless tests can see that something was drawn.
#include <imgui.h>

#include "host.h"
#include "null_backends.h"

namespace scw {

bool NullRenderer::Attach(Instance&) { return true; }
void NullRenderer::Detach(Instance&) {}
void NullRenderer::UploadFonts(Instance&) {
  unsigned char* pixels;
  int w, h;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  ImGui::GetIO().Fonts->SetTexID((ImTextureID)(intptr_t)1);
  ++font_uploads;
}
void NullRenderer::Draw(Instance& inst, ImDrawData* dd) {
  last_id = inst.id;
  last_vertices = dd ? dd->TotalVtxCount : 0;
  ++draws;
}

}  // namespace scw
