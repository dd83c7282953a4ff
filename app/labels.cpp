#include "labels.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "myoview/scene/label_layout.h"

namespace myoview::app {
namespace {

// The rectangles of the Dear ImGui windows open this frame (panels, the card, the legend, captions, popups), in
// window pixels: the labels keep clear of all of them, not only of those that frame the figure.
std::vector<glm::vec4> open_windows() {
    std::vector<glm::vec4> out;
    const ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return out;
    for (const ImGuiWindow* w : ctx->Windows) {
        if (!w->Active || w->Hidden || w->IsFallbackWindow || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        out.emplace_back(w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
    }
    return out;
}

void draw_label(ImDrawList* draw, ImVec2 anchor, ImVec2 line_end, const glm::vec4& box, std::string_view name,
                float scale) {
    draw->AddCircleFilled(anchor, 3.0f * scale, IM_COL32(255, 255, 255, 230));
    draw->AddLine(anchor, line_end, IM_COL32(255, 255, 255, 170), 1.5f * scale);
    draw->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), IM_COL32(15, 20, 28, 200), 4.0f * scale);
    const ImVec2 size = ImGui::CalcTextSize(name.data(), name.data() + name.size());
    draw->AddText(ImVec2((box.x + box.z - size.x) * 0.5f, (box.y + box.w - size.y) * 0.5f),
                  IM_COL32(255, 255, 255, 255), name.data(), name.data() + name.size());
}

// "Label everything": every anchor the scene gives, placed in columns clear of the windows.
LabelsShown draw_all(const scene::LabelLayout& layout, const scene::Scene& scene, float scale,
                     const i18n::Strings& tr) {
    LabelsShown shown;
    shown.mode = "all";
    shown.panels = open_windows();
    const anatomy::Catalog* catalog = scene.catalog();
    std::vector<scene::LabelBox> boxes;
    std::vector<std::string_view> names;
    std::vector<std::size_t> meshes;
    for (const scene::LabelAnchor& a : layout.anchors) {
        const anatomy::Structure* s = catalog->find(scene.meshes().mesh(a.mesh).id);
        if (!s) continue;
        const std::string_view name = s->name(scene.language());
        const ImVec2 size = ImGui::CalcTextSize(name.data(), name.data() + name.size());
        boxes.push_back({a.anchor, glm::vec2(size.x, size.y), a.visible_px, a.left});
        names.push_back(name);
        meshes.push_back(a.mesh);
    }
    scene::LabelArea area;
    area.free_px = layout.free_px;
    area.figure_px = layout.figure_px;
    area.figure_centre = layout.figure_centre;
    area.obstacles = shown.panels;
    area.pad = 4.0f * scale;
    area.gap = 3.0f * scale;
    const std::string widest_more = tr.format("labels.more", {{"count", std::to_string(boxes.size())}});
    const ImVec2 more_size = ImGui::CalcTextSize(widest_more.c_str());
    area.more_text = glm::vec2(more_size.x, more_size.y);
    const scene::LabelPlacement placement = scene::place_labels(boxes, area);
    shown.free_px = layout.free_px;
    shown.figure_px = layout.figure_px;
    for (const scene::LabelBox& b : boxes) ++(b.left ? shown.left : shown.right);

    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    // The lines first, then the boxes: a line never crosses a name.
    for (const scene::PlacedLabel& p : placement.placed) {
        draw->AddLine(ImVec2(boxes[p.index].anchor.x, boxes[p.index].anchor.y), ImVec2(p.line_end.x, p.line_end.y),
                      IM_COL32(255, 255, 255, 150), 1.25f * scale);
    }
    for (const scene::PlacedLabel& p : placement.placed) {
        const ImVec2 anchor(boxes[p.index].anchor.x, boxes[p.index].anchor.y);
        draw_label(draw, anchor, anchor, p.box, names[p.index], scale);
        shown.ids.push_back(scene.meshes().mesh(meshes[p.index]).id);
        shown.boxes.push_back(p.box);
    }
    shown.more = placement.dropped;
    if (placement.more_box) {
        const glm::vec4& b = *placement.more_box;
        const std::string more = tr.format("labels.more", {{"count", std::to_string(placement.dropped)}});
        draw->AddRectFilled(ImVec2(b.x, b.y), ImVec2(b.z, b.w), IM_COL32(15, 20, 28, 160), 4.0f * scale);
        draw->AddText(ImVec2(b.x + area.pad, b.y + area.pad), IM_COL32(200, 210, 225, 255), more.c_str());
        shown.more_box = b;
    }
    return shown;
}

}  // namespace

LabelsShown draw_labels(const scene::LabelLayout& layout, const scene::Scene& scene, float scale,
                        const i18n::Strings& tr) {
    const anatomy::Catalog* catalog = scene.catalog();
    if (!catalog) return {};
    if (layout.all) return draw_all(layout, scene, scale, tr);
    LabelsShown shown;
    shown.mode = "some";
    shown.panels = open_windows();
    if (layout.anchors.empty()) return shown;
    struct Placed {
        ImVec2 anchor;
        std::string_view name;
        ImVec2 size;
        bool left;
        std::size_t mesh;
    };
    std::vector<Placed> placed;
    const ImVec2 centre(layout.figure_centre.x, layout.figure_centre.y);
    const ImVec2* figure_center = &centre;
    float reach = 0.0f;  // how far the labelled anchors spread from the figure's centre, horizontally
    for (const scene::LabelAnchor& a : layout.anchors) {
        const anatomy::Structure* s = catalog->find(scene.meshes().mesh(a.mesh).id);
        if (!s) continue;
        const std::string_view name = s->name(scene.language());
        placed.push_back({ImVec2(a.anchor.x, a.anchor.y), name,
                          ImGui::CalcTextSize(name.data(), name.data() + name.size()), a.left, a.mesh});
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
        const glm::vec4 box(text_x0 - pad, y - 2.0f * scale, text_x0 + p.size.x + pad, y + p.size.y + 2.0f * scale);
        if (std::any_of(shown.panels.begin(), shown.panels.end(),
                        [&](const glm::vec4& o) { return scene::boxes_overlap(box, o); })) {
            continue;  // nor over the legend or a caption inside it
        }
        next_y[side] = y + p.size.y + gap;
        const ImVec2 text_pos(p.left ? column_x - p.size.x : column_x, y);
        const ImVec2 line_end(column_x + (p.left ? 3.0f : -3.0f) * scale, y + p.size.y * 0.5f);
        draw_label(draw, p.anchor, line_end, box, p.name, scale);
        shown.ids.push_back(scene.meshes().mesh(p.mesh).id);
        shown.boxes.push_back(box);
    }
    return shown;
}

}  // namespace myoview::app
