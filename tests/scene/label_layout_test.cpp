// "Label everything"'s placement (scene::place_labels): boxes never overlap one another or a panel, stay in the free
// area, keep the order of their anchors in a column, and when rows run out the least seen are the ones left out,
// with one box saying how many.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "myoview/scene/label_layout.h"

namespace myoview::scene {
namespace {

// n labels spread over a 400 px tall figure at x 700..1100, alternating sides, priority = index.
std::vector<LabelBox> spread(int n) {
    std::vector<LabelBox> out;
    for (int i = 0; i < n; ++i) {
        const bool left = i % 2 == 0;
        out.push_back(
            {glm::vec2(left ? 820.0f : 980.0f, 300.0f + 400.0f * static_cast<float>(i) / static_cast<float>(n)),
             glm::vec2(120.0f + 7.0f * static_cast<float>(i % 5), 16.0f), i, left});
    }
    return out;
}

LabelArea area_1920() {
    LabelArea a;
    a.free_px = {0.0f, 0.0f, 1500.0f, 1080.0f};
    a.figure_px = {700.0f, 100.0f, 1100.0f, 1000.0f};
    a.figure_centre = {900.0f, 550.0f};
    a.obstacles = {{1520.0f, 12.0f, 1908.0f, 760.0f}, {12.0f, 920.0f, 360.0f, 1068.0f}};  // the panel, the legend
    a.more_text = {110.0f, 16.0f};
    return a;
}

void expect_clear(const LabelPlacement& p, const LabelArea& a) {
    std::vector<glm::vec4> boxes;
    for (const PlacedLabel& l : p.placed) boxes.push_back(l.box);
    if (p.more_box) boxes.push_back(*p.more_box);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const glm::vec4& b = boxes[i];
        EXPECT_GE(b.x, a.free_px.x);
        EXPECT_GE(b.y, a.free_px.y);
        EXPECT_LE(b.z, a.free_px.z);
        EXPECT_LE(b.w, a.free_px.w);
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes_overlap(b, boxes[j])) << i << " and " << j;
        for (const glm::vec4& o : a.obstacles) EXPECT_FALSE(boxes_overlap(b, o)) << "box " << i << " on a panel";
    }
}

TEST(LabelLayout, EveryLabelFitsBesideTheFigureWhenThereIsRoom) {
    const auto labels = spread(30);
    const LabelArea a = area_1920();
    const LabelPlacement p = place_labels(labels, a);
    EXPECT_EQ(p.placed.size(), 30u);
    EXPECT_EQ(p.dropped, 0u);
    EXPECT_FALSE(p.more_box);
    expect_clear(p, a);
    for (const PlacedLabel& l : p.placed) {
        // Beside the figure, on the anchor's side; the line ends on the box's edge toward the figure.
        if (labels[l.index].left) {
            EXPECT_LE(l.box.z, a.figure_px.x);
            EXPECT_FLOAT_EQ(l.line_end.x, l.box.z);
        } else {
            EXPECT_GE(l.box.x, a.figure_px.z);
            EXPECT_FLOAT_EQ(l.line_end.x, l.box.x);
        }
    }
}

TEST(LabelLayout, AColumnKeepsTheOrderOfItsAnchorsSoLinesDoNotCross) {
    const auto labels = spread(40);
    const LabelPlacement p = place_labels(labels, area_1920());
    for (const bool left : {true, false}) {
        std::vector<PlacedLabel> column;
        for (const PlacedLabel& l : p.placed) {
            if (labels[l.index].left == left) column.push_back(l);
        }
        std::sort(column.begin(), column.end(), [&](const PlacedLabel& a, const PlacedLabel& b) {
            return labels[a.index].anchor.y < labels[b.index].anchor.y;
        });
        for (std::size_t k = 1; k < column.size(); ++k) EXPECT_LT(column[k - 1].box.y, column[k].box.y);
    }
}

TEST(LabelLayout, WithoutRoomTheLeastSeenAreLeftOutAndCounted) {
    auto labels = spread(120);
    LabelArea a = area_1920();
    const LabelPlacement p = place_labels(labels, a);
    ASSERT_GT(p.dropped, 0u);
    EXPECT_EQ(p.placed.size() + p.dropped, labels.size());
    ASSERT_TRUE(p.more_box) << "\"N more\" has its own row";
    expect_clear(p, a);
    // Within a side, every label placed is seen at least as much as every one left out.
    for (const bool left : {true, false}) {
        int least_placed = 1 << 30, most_dropped = -1;
        std::vector<bool> placed(labels.size(), false);
        for (const PlacedLabel& l : p.placed) placed[l.index] = true;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i].left != left) continue;
            if (placed[i])
                least_placed = std::min(least_placed, labels[i].priority);
            else
                most_dropped = std::max(most_dropped, labels[i].priority);
        }
        EXPECT_GT(least_placed, most_dropped);
    }
}

TEST(LabelLayout, PanelsInTheFreeAreaAndAnchorsUnderThemAreAvoided) {
    auto labels = spread(30);
    LabelArea a = area_1920();
    a.obstacles.push_back({300.0f, 200.0f, 700.0f, 600.0f});   // a card over the left column's rows
    a.obstacles.push_back({960.0f, 290.0f, 1000.0f, 330.0f});  // over one right anchor (980, 313)
    const LabelPlacement p = place_labels(labels, a);
    expect_clear(p, a);
    EXPECT_GE(p.dropped, 1u) << "the anchor under the card cannot be pointed at";
    for (const PlacedLabel& l : p.placed) {
        const glm::vec2 at = labels[l.index].anchor;
        EXPECT_FALSE(at.x >= 960.0f && at.x <= 1000.0f && at.y >= 290.0f && at.y <= 330.0f);
    }
}

TEST(LabelLayout, ANarrowWindowStillGivesNoOverlap) {
    auto labels = spread(60);
    LabelArea a;
    a.free_px = {0.0f, 0.0f, 640.0f, 360.0f};
    a.figure_px = {200.0f, 20.0f, 440.0f, 340.0f};
    a.figure_centre = {320.0f, 180.0f};
    for (LabelBox& l : labels) l.anchor = glm::vec2(l.left ? 280.0f : 360.0f, 40.0f + l.anchor.y * 0.5f - 150.0f);
    a.more_text = {90.0f, 14.0f};
    const LabelPlacement p = place_labels(labels, a);
    expect_clear(p, a);
    EXPECT_EQ(p.placed.size() + p.dropped, labels.size());
    EXPECT_GT(p.placed.size(), 10u);
    EXPECT_TRUE(place_labels({}, a).placed.empty());
}

TEST(LabelLayout, OneLongNameDoesNotPushAColumnOverTheOther) {
    // A laptop's 1280x720 with the panel at 888: little room right of the figure, and one name 400 px wide there.
    LabelArea a;
    a.free_px = {13.0f, 0.0f, 875.0f, 720.0f};
    a.figure_px = {500.0f, 80.0f, 760.0f, 660.0f};
    a.figure_centre = {640.0f, 360.0f};
    a.more_text = {110.0f, 16.0f};
    std::vector<LabelBox> labels;
    for (int i = 0; i < 20; ++i) {
        const bool left = i % 2 == 0;
        labels.push_back({glm::vec2(left ? 560.0f : 700.0f, 100.0f + 25.0f * static_cast<float>(i)),
                          glm::vec2(i == 1 ? 400.0f : 150.0f, 16.0f), 100 - i, left});
    }
    const LabelPlacement p = place_labels(labels, a);
    expect_clear(p, a);
    int right = 0;
    for (const PlacedLabel& l : p.placed) {
        if (!labels[l.index].left) ++right;
        EXPECT_NE(l.index, 1u) << "wider than its column";
        if (labels[l.index].left)
            EXPECT_LE(l.box.z, a.figure_centre.x);
        else
            EXPECT_GE(l.box.x, a.figure_centre.x);
    }
    EXPECT_EQ(right, 9) << "the other right-hand names are shown";
    EXPECT_EQ(p.dropped, 1u);
}

}  // namespace
}  // namespace myoview::scene
