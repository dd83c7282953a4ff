#include "footprint.h"

#include <imgui.h>

#include <algorithm>
#include <limits>

namespace myoview::app {
namespace {
std::vector<glm::vec4>& noted() {
    static std::vector<glm::vec4> panels;
    return panels;
}
}  // namespace

void note_panel() {
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    noted().emplace_back(pos.x, pos.y, pos.x + size.x, pos.y + size.y);
}

void note_rect(glm::vec4 rect) { noted().push_back(rect); }

std::vector<glm::vec4> take_panels() {
    std::vector<glm::vec4> out;
    out.swap(noted());
    return out;
}

std::vector<glm::vec4> panels_so_far() { return noted(); }

glm::vec4 free_area(const std::vector<glm::vec4>& panels, float width, float height) {
    if (width <= 0.0f || height <= 0.0f) return {0.0f, 0.0f, 1.0f, 1.0f};
    auto tall = [&](const glm::vec4& p) { return p.w - p.y >= height / 3.0f; };
    auto corner = [&](const glm::vec4& p) { return p.z <= width / 3.0f || p.x >= width * 2.0f / 3.0f; };
    // The span between the panels at the sides: those taller than a third of the window always, and with
    // `corners` the short cards that stand in the left or right third too (the legend).
    auto span = [&](bool corners) {
        float x0 = 0.0f, x1 = width;
        for (const glm::vec4& p : panels) {
            if (!tall(p) && !(corners && corner(p))) continue;
            const float centre = (p.x + p.z) * 0.5f;
            if (centre < width * 0.5f) x0 = std::max(x0, p.z);
            else x1 = std::min(x1, p.x);
        }
        return glm::vec2(x0, x1);
    };
    // Beside the corner cards while the figure, tall and narrow, still fills the height there (the camera fits its
    // bounding box: 0.6 of the height wide is enough from the front); on a narrower window it passes behind them
    // rather than shrink.
    glm::vec2 x = span(true);
    if (x.y - x.x < 0.6f * height) x = span(false);
    // A figure between a card and the controls may be narrow (the kiosk's 1080p screen with a card open leaves it
    // 585 px: enough for its full height); only a sliver is given up (the figure passes behind the panels).
    if (x.y - x.x < std::min(width / 3.0f, 0.35f * height)) x = glm::vec2(0.0f, width);
    // The bands across the middle that reach into that span (the story's caption at the top, the kiosk's "touch
    // the screen" at the bottom): the figure stands between them while it keeps most of the height.
    glm::vec2 y(0.0f, height);
    for (const glm::vec4& p : panels) {
        if (tall(p) || corner(p) || p.z <= x.x || p.x >= x.y) continue;
        if ((p.y + p.w) * 0.5f < height * 0.5f) y.x = std::max(y.x, p.w);
        else y.y = std::min(y.y, p.y);
    }
    if (y.y - y.x < 0.55f * height) y = glm::vec2(0.0f, height);
    const float margin = 0.01f * width;
    return {std::min((x.x + margin) / width, 1.0f), y.x / height, std::max((x.y - margin) / width, 0.0f),
            y.y / height};
}

std::optional<glm::vec4> figure_rect(const scene::Scene& scene, glm::uvec2 viewport) {
    if (viewport.x == 0 || viewport.y == 0) return std::nullopt;
    const render::SceneFrame& frame = scene.frame();
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    const glm::mat4 view_projection = frame.camera.projection(w / h) * frame.camera.view();
    const scene::MeshSet& meshes = scene.meshes();
    glm::vec2 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    bool any = false;
    for (std::size_t m = 0; m < meshes.size(); ++m) {
        if (m < frame.meshes.size() && !frame.meshes[m].visible) continue;
        for (std::size_t v = 0; v < meshes.mesh(m).positions.size(); ++v) {
            const glm::vec4 clip = view_projection * glm::vec4(meshes.posed_vertex(m, v, frame), 1.0f);
            if (clip.w <= 0.0f) continue;
            const glm::vec2 at((clip.x / clip.w * 0.5f + 0.5f) * w, (clip.y / clip.w * 0.5f + 0.5f) * h);
            lo = glm::min(lo, at);
            hi = glm::max(hi, at);
            any = true;
        }
    }
    if (!any) return std::nullopt;
    return glm::vec4(lo, hi);
}

}  // namespace myoview::app
