#pragma once
// Name labels with leader lines for what the scene says the eye sees (scene::Scene::label_anchors): the story's
// muscles in two columns beside the figure, or, with "label everything", every structure seen, placed by
// scene::place_labels clear of every open panel and card, the least seen left out when there is no room.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/i18n/strings.h"
#include "myoview/scene/scene.h"

namespace myoview::app {

// What the labels showed in a frame (the report's "labels"; tests check it).
struct LabelsShown {
    std::string mode = "off";           // all | some | off
    std::vector<std::string> ids;       // the labelled structures
    std::vector<glm::vec4> boxes;       // their boxes, window pixels (x0, y0, x1, y1), in the order of ids
    std::size_t more = 0;               // left out for want of room ("N more")
    std::optional<glm::vec4> more_box;  // where "N more" is written
    std::vector<glm::vec4> panels;      // the open panels and cards the labels kept clear of
    glm::vec4 free_px{0.0f};            // the area the labels stay in
    glm::vec4 figure_px{0.0f};          // the figure's box on screen ("all" only)
    std::size_t left = 0, right = 0;    // anchors on each side of the figure's centre line ("all" only)
};

// Draws the labels of `layout` behind the UI windows (call it after every panel of the frame is drawn: it keeps clear
// of the windows open now).
LabelsShown draw_labels(const scene::LabelLayout& layout, const scene::Scene& scene, float scale,
                        const i18n::Strings& tr);

}  // namespace myoview::app
