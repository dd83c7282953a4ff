#include "labels.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace myoview::app {
namespace {
// Muscles of the story; each is labelled on one side only (whichever the screen shows further left, away from
// the controls on the right).
constexpr std::array<std::string_view, 12> kLabelled{
    "pec_major_sternal", "pec_major_clavicular", "pec_minor",   "deltoid_anterior",
    "trapezius_upper",   "trapezius_middle",     "trapezius_lower", "rhomboid_major",
    "deltoid_posterior", "serratus_anterior",    "sternocleidomastoid", "levator_scapulae"};
constexpr int kRecheckFrames = 15;
}  // namespace

Labels::Labels(const render::SceneRenderer& renderer) {
    for (std::string_view base : kLabelled) {
        std::optional<std::size_t> right, left;
        for (std::size_t i = 0; i < renderer.mesh_count(); ++i) {
            if (renderer.mesh_name(i) == std::string(base) + "_r") right = i;
            if (renderer.mesh_name(i) == std::string(base) + "_l") left = i;
        }
        if (right && left) labels_.push_back({*right, *left, false});
    }
}

void Labels::draw(const render::SceneRenderer& renderer, const render::OrbitCamera& camera, float width, float height,
                  const anatomy::Catalog& catalog, const std::string& language, float scale) {
    if (width <= 0.0f || height <= 0.0f) return;
    const glm::mat4 view_proj = camera.projection(width / height) * camera.view();
    auto to_screen = [&](glm::vec3 p) -> std::optional<ImVec2> {
        const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
        if (clip.w <= 0.0f) return std::nullopt;
        return ImVec2((clip.x / clip.w * 0.5f + 0.5f) * width, (clip.y / clip.w * 0.5f + 0.5f) * height);
    };
    const auto figure_center = to_screen(camera.target());
    if (!figure_center) return;
    const bool recheck = frame_++ % kRecheckFrames == 0;

    struct Placed {
        ImVec2 anchor;
        std::string_view name;
        ImVec2 size;
        bool left;
    };
    std::vector<Placed> placed;
    float reach = 0.0f;  // how far the labelled anchors spread from the figure's centre, horizontally
    for (Label& label : labels_) {
        const auto anchor_right = to_screen(renderer.posed_center(label.right));
        const auto anchor_left = to_screen(renderer.posed_center(label.left));
        if (!anchor_right || !anchor_left) continue;
        label.mesh = anchor_right->x <= anchor_left->x ? label.right : label.left;
        const auto anchor = label.mesh == label.right ? anchor_right : anchor_left;
        if (!renderer.draw_state(label.mesh).visible) continue;
        if (recheck) {
            // Shown only where this muscle is what the eye sees at its centre (not hidden behind another).
            const auto hit = renderer.pick(camera, anchor->x, anchor->y, width, height);
            label.visible = hit && *hit == label.mesh;
        }
        if (!label.visible) continue;
        const anatomy::Structure* s = catalog.find(renderer.mesh_name(label.mesh));
        if (!s) continue;
        const std::string_view name = s->name(language);
        placed.push_back({*anchor, name, ImGui::CalcTextSize(name.data(), name.data() + name.size()),
                          anchor->x < figure_center->x});
        reach = std::max(reach, std::abs(anchor->x - figure_center->x));
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
