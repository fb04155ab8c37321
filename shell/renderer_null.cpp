// renderer_null.cpp — the native renderer: no GPU. It builds the font atlas (as a GPU renderer would) and
// keeps the last frame's vertex count so headless tests can see that something was drawn.
#include <imgui.h>

#include "host.h"
#include "null_backends.h"

namespace scw {

bool NullRenderer::Attach(Instance&) { return true; }
void NullRenderer::Detach(Instance&) {}
void NullRenderer::PrepareFonts(Instance& inst) {
  for (auto it = uploaded_.begin(); it != uploaded_.end();) it = FontSetLive(it->first, it->second.first) ? std::next(it) : uploaded_.erase(it);
  auto found = uploaded_.find(inst.fonts.get());
  if (found != uploaded_.end() && found->second.second == inst.fonts->fonts.builds) return;
  unsigned char* pixels;
  int w, h;
  inst.fonts->atlas->GetTexDataAsAlpha8(&pixels, &w, &h);  // what a GPU renderer would upload
  inst.fonts->atlas->SetTexID((ImTextureID)(intptr_t)1);
  uploaded_[inst.fonts.get()] = {inst.fonts->serial, inst.fonts->fonts.builds};
  ++font_uploads;
}

void NullRenderer::Draw(Instance& inst, const ImDrawList& dl) {
  last_id = inst.id;
  last_vertices = dl.VtxBuffer.Size;
  last_commands = 0;  // the draw calls a GPU renderer would make
  for (const ImDrawCmd& c : dl.CmdBuffer) last_commands += c.ElemCount > 0 && !c.UserCallback;
  ++draws;
}

}  // namespace scw
