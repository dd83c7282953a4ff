#include "footprint.h"

#include <imgui.h>

#include <algorithm>

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

std::vector<glm::vec4> take_panels() {
    std::vector<glm::vec4> out;
    out.swap(noted());
    return out;
}

glm::vec4 free_area(const std::vector<glm::vec4>& panels, float width, float height) {
    if (width <= 0.0f || height <= 0.0f) return {0.0f, 0.0f, 1.0f, 1.0f};
    float x0 = 0.0f, x1 = width;
    for (const glm::vec4& p : panels) {
        if (p.w - p.y < height / 3.0f) continue;  // a legend, a caption: the figure may pass behind them
        const float centre = (p.x + p.z) * 0.5f;
        if (centre < width * 0.5f) x0 = std::max(x0, p.z);
        else x1 = std::min(x1, p.x);
    }
    // Never less than a third of the width: on a small window the panels collapse rather than squeeze the figure.
    if (x1 - x0 < width / 3.0f) {
        x0 = 0.0f;
        x1 = width;
    }
    const float margin = 0.01f * width;
    return {std::min((x0 + margin) / width, 1.0f), 0.0f, std::max((x1 - margin) / width, 0.0f), 1.0f};
}

}  // namespace myoview::app
