#include "labels.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace myoview::app {

void draw_labels(const scene::LabelLayout& layout, const scene::Scene& scene, float scale) {
    const anatomy::Catalog* catalog = scene.catalog();
    if (!catalog || layout.anchors.empty()) return;
    struct Placed {
        ImVec2 anchor;
        std::string_view name;
        ImVec2 size;
        bool left;
    };
    std::vector<Placed> placed;
    const ImVec2 centre(layout.figure_centre.x, layout.figure_centre.y);
    const ImVec2* figure_center = &centre;
    float reach = 0.0f;  // how far the labelled anchors spread from the figure's centre, horizontally
    for (const scene::LabelAnchor& a : layout.anchors) {
        const anatomy::Structure* s = catalog->find(scene.meshes().mesh(a.mesh).id);
        if (!s) continue;
        const std::string_view name = s->name(scene.language());
        placed.push_back({ImVec2(a.anchor.x, a.anchor.y), name, ImGui::CalcTextSize(name.data(), name.data() + name.size()),
                          a.left});
        reach = std::max(reach, std::abs(a.anchor.x - centre.x));
    }
    // Two columns beside the figure, each sorted by height and pushed apart so no two labels overlap.
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.anchor.y < b.anchor.y; });
    const float gap = 6.0f * scale;
    float next_y[2] = {-1e9f, -1e9f};
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (const Placed& p : placed) {
        const int side = p.left ? 0 : 1;
        const float column_x = figure_center->x + (p.left ? -1.0f : 1.0f) * (reach + 60.0f * scale);
        const float y = std::max(p.anchor.y - p.size.y * 0.5f, next_y[side]);
        // Only inside the free area: a label never draws over an open card or panel.
        const float text_x0 = p.left ? column_x - p.size.x : column_x;
        const float pad = 4.0f * scale;
        if (text_x0 - pad < layout.free_px.x || text_x0 + p.size.x + pad > layout.free_px.z ||
            y - pad < layout.free_px.y || y + p.size.y + pad > layout.free_px.w) {
            continue;
        }
        next_y[side] = y + p.size.y + gap;
        const ImVec2 text_pos(p.left ? column_x - p.size.x : column_x, y);
        const ImVec2 line_end(column_x + (p.left ? 3.0f : -3.0f) * scale, y + p.size.y * 0.5f);
        draw->AddCircleFilled(p.anchor, 3.0f * scale, IM_COL32(255, 255, 255, 230));
        draw->AddLine(p.anchor, line_end, IM_COL32(255, 255, 255, 170), 1.5f * scale);
        draw->AddRectFilled(ImVec2(text_pos.x - 4.0f * scale, text_pos.y - 2.0f * scale),
                            ImVec2(text_pos.x + p.size.x + 4.0f * scale, text_pos.y + p.size.y + 2.0f * scale),
                            IM_COL32(15, 20, 28, 200), 4.0f * scale);
        draw->AddText(text_pos, IM_COL32(255, 255, 255, 255), p.name.data(), p.name.data() + p.name.size());
    }
}

}  // namespace myoview::app
