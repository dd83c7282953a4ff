#pragma once
// Where "label everything" puts its labels (pure geometry, no Dear ImGui: the app measures the text and draws):
// two columns beside the figure, one box per row, each column's labels in the order of their anchors' heights so
// the leader lines do not cross, every box inside the free area and clear of every panel. When the rows run out, the
// labels whose structures are seen least are dropped and one row says how many ("N more").

#include <cstddef>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

namespace myoview::scene {

// A label to place: its anchor (window pixels), its text's size, how much of its structure is seen (the least seen
// go first when there is no room) and its side of the figure.
struct LabelBox {
    glm::vec2 anchor{0.0f};
    glm::vec2 text{0.0f};
    int priority = 0;
    bool left = false;
};

struct LabelArea {
    glm::vec4 free_px{0.0f};                      // x0, y0, x1, y1: every box stays inside
    glm::vec4 figure_px{1.0f, 1.0f, 0.0f, 0.0f};  // the figure's box: the columns stand beside it (x1 < x0: none)
    glm::vec2 figure_centre{0.0f};
    std::vector<glm::vec4> obstacles;  // panels, cards, the legend: no box touches them
    float pad = 4.0f;                  // around the text, inside its box
    float gap = 4.0f;                  // between boxes, and between the figure and a column
    glm::vec2 more_text{0.0f};         // the size of the "N more" text (for the largest N)
};

struct PlacedLabel {
    std::size_t index = 0;     // into the LabelBox list
    glm::vec4 box{0.0f};       // x0, y0, x1, y1, the padding included
    glm::vec2 line_end{0.0f};  // where the leader line from the anchor meets the box
};

struct LabelPlacement {
    std::vector<PlacedLabel> placed;    // in the order of LabelBox indices
    std::size_t dropped = 0;            // labels left out for want of room (or whose anchor lies under a panel)
    std::optional<glm::vec4> more_box;  // where "N more" goes, when dropped > 0
};

LabelPlacement place_labels(const std::vector<LabelBox>& labels, const LabelArea& area);

// Whether two boxes (x0, y0, x1, y1) overlap (touching edges do not).
inline bool boxes_overlap(const glm::vec4& a, const glm::vec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

}  // namespace myoview::scene
