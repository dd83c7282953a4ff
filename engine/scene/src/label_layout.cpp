#include "myoview/scene/label_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace myoview::scene {
namespace {

bool inside(const glm::vec4& box, glm::vec2 p) {
    return p.x >= box.x && p.x <= box.z && p.y >= box.y && p.y <= box.w;
}

// Assigns the labels (sorted by anchor height) to rows (sorted top to bottom), keeping their order, so that the
// sum of the vertical distances between each anchor and its row is least: the leader lines stay short and do not
// cross within a column. rows.size() >= heights.size(). Returns the row of each label.
std::vector<std::size_t> assign_rows(const std::vector<float>& heights, const std::vector<float>& rows) {
    const std::size_t n = heights.size(), m = rows.size();
    constexpr float kInf = std::numeric_limits<float>::max();
    // cost[i][j]: the least cost of the first i labels in the first j rows.
    std::vector<std::vector<float>> cost(n + 1, std::vector<float>(m + 1, kInf));
    for (std::size_t j = 0; j <= m; ++j) cost[0][j] = 0.0f;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = i; j <= m; ++j) {
            const float skip = cost[i][j - 1];
            const float take =
                cost[i - 1][j - 1] == kInf ? kInf : cost[i - 1][j - 1] + std::abs(rows[j - 1] - heights[i - 1]);
            cost[i][j] = std::min(skip, take);
        }
    }
    std::vector<std::size_t> row(n);
    std::size_t j = m;
    for (std::size_t i = n; i > 0; --i) {
        while (j > i && cost[i][j] == cost[i][j - 1]) --j;  // row j-1 is not needed for label i-1
        row[i - 1] = j - 1;
        --j;
    }
    return row;
}

}  // namespace

LabelPlacement place_labels(const std::vector<LabelBox>& labels, const LabelArea& area) {
    LabelPlacement out;
    if (labels.empty()) return out;
    // A tall panel at a side (the controls, a card) narrows the area to the part beside it, as the figure's framing
    // does: a column is not cut off by it row by row.
    glm::vec4 f = area.free_px;
    const float middle = std::clamp(area.figure_centre.x, f.x, f.z);
    for (const glm::vec4& o : area.obstacles) {
        if (o.w - o.y < (f.w - f.y) / 3.0f || o.y >= f.w || o.w <= f.y) continue;
        if (o.x >= middle)
            f.z = std::min(f.z, o.x - area.gap);
        else if (o.z <= middle)
            f.x = std::max(f.x, o.z + area.gap);
    }
    if (f.z <= f.x || f.w <= f.y) {
        out.dropped = labels.size();
        return out;
    }
    float text_h = area.more_text.y;
    for (const LabelBox& l : labels) text_h = std::max(text_h, l.text.y);
    const float box_h = text_h + 2.0f * area.pad;
    const float step = box_h + area.gap;
    const bool has_figure = area.figure_px.z > area.figure_px.x;
    const float figure_x0 = has_figure ? area.figure_px.x : area.figure_centre.x;
    const float figure_x1 = has_figure ? area.figure_px.z : area.figure_centre.x;
    auto under_panel = [&](glm::vec2 p) {
        return std::any_of(area.obstacles.begin(), area.obstacles.end(),
                           [&](const glm::vec4& o) { return inside(o, p); });
    };

    // The labels each column may take: an anchor outside the free area or under a panel cannot be pointed at.
    std::vector<std::size_t> side[2];
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!inside(f, labels[i].anchor) || under_panel(labels[i].anchor)) {
            ++out.dropped;
            continue;
        }
        side[labels[i].left ? 0 : 1].push_back(i);
    }

    struct Column {
        float x0 = 0.0f, x1 = 0.0f;
        std::vector<float> rows;  // tops of the free rows
    } column[2];
    // The columns never meet: each stops at the figure's centre line, so a column squeezed by the window may stand
    // over the figure's edge but never over the other column.
    const float mid = std::clamp(area.figure_centre.x, f.x, f.z);
    for (int s = 0; s < 2; ++s) {
        float width = 0.0f;
        for (std::size_t i : side[s]) width = std::max(width, labels[i].text.x + 2.0f * area.pad);
        width = std::max(width, area.more_text.x + 2.0f * area.pad);
        Column& c = column[s];
        if (s == 0) {  // right-aligned, left of the figure, as near it as the free area allows
            c.x1 = std::min(std::max(figure_x0 - 2.0f * area.gap, f.x + width), mid - area.gap);
            c.x0 = std::max(c.x1 - width, f.x);
        } else {
            c.x0 = std::max(std::min(figure_x1 + 2.0f * area.gap, f.z - width), mid + area.gap);
            c.x1 = std::min(c.x0 + width, f.z);
        }
        if (c.x1 <= c.x0) continue;
        for (float y = f.y + area.gap; y + box_h <= f.w - area.gap; y += step) {
            const glm::vec4 row(c.x0, y, c.x1, y + box_h);
            if (std::none_of(area.obstacles.begin(), area.obstacles.end(),
                             [&](const glm::vec4& o) { return boxes_overlap(row, o); })) {
                c.rows.push_back(y);
            }
        }
        // A name wider than its squeezed column cannot be shown whole: it is left out (and counted).
        std::vector<std::size_t> fits;
        for (std::size_t i : side[s]) {
            if (labels[i].text.x + 2.0f * area.pad <= c.x1 - c.x0 + 0.01f)
                fits.push_back(i);
            else
                ++out.dropped;
        }
        side[s] = std::move(fits);
    }
    for (int s = 0; s < 2; ++s) {
        if (column[s].x1 <= column[s].x0) {
            out.dropped += side[s].size();
            side[s].clear();
        }
    }

    // Room for everything? If not, one row says how many are left out: the column with the most spare rows gives it.
    std::size_t capacity[2] = {column[0].rows.size(), column[1].rows.size()};
    std::size_t short_of = out.dropped;
    for (int s = 0; s < 2; ++s) short_of += side[s].size() > capacity[s] ? side[s].size() - capacity[s] : 0;
    int more_side = -1;
    if (short_of > 0) {
        auto spare = [&](int s) { return static_cast<long>(capacity[s]) - static_cast<long>(side[s].size()); };
        more_side = spare(0) >= spare(1) ? 0 : 1;
        if (capacity[more_side] == 0) more_side = 1 - more_side;
        if (capacity[more_side] > 0) {
            const float y = column[more_side].rows.back();
            column[more_side].rows.pop_back();
            --capacity[more_side];
            const Column& c = column[more_side];
            const float w = std::min(area.more_text.x + 2.0f * area.pad, c.x1 - c.x0);
            out.more_box =
                more_side == 0 ? glm::vec4(c.x1 - w, y, c.x1, y + box_h) : glm::vec4(c.x0, y, c.x0 + w, y + box_h);
        }
    }

    for (int s = 0; s < 2; ++s) {
        std::vector<std::size_t> keep = side[s];
        // The best seen first; ties keep the scene's order.
        std::stable_sort(keep.begin(), keep.end(),
                         [&](std::size_t a, std::size_t b) { return labels[a].priority > labels[b].priority; });
        if (keep.size() > capacity[s]) {
            out.dropped += keep.size() - capacity[s];
            keep.resize(capacity[s]);
        }
        std::stable_sort(keep.begin(), keep.end(),
                         [&](std::size_t a, std::size_t b) { return labels[a].anchor.y < labels[b].anchor.y; });
        std::vector<float> heights, centres;
        for (std::size_t i : keep) heights.push_back(labels[i].anchor.y);
        for (float y : column[s].rows) centres.push_back(y + box_h * 0.5f);
        const std::vector<std::size_t> row = assign_rows(heights, centres);
        const Column& c = column[s];
        for (std::size_t k = 0; k < keep.size(); ++k) {
            const float y = column[s].rows[row[k]];
            const float w = std::min(labels[keep[k]].text.x + 2.0f * area.pad, c.x1 - c.x0);
            PlacedLabel p;
            p.index = keep[k];
            p.box = s == 0 ? glm::vec4(c.x1 - w, y, c.x1, y + box_h) : glm::vec4(c.x0, y, c.x0 + w, y + box_h);
            p.line_end = glm::vec2(s == 0 ? p.box.z : p.box.x, y + box_h * 0.5f);
            out.placed.push_back(p);
        }
    }
    if (out.dropped == 0) out.more_box.reset();
    std::sort(out.placed.begin(), out.placed.end(),
              [](const PlacedLabel& a, const PlacedLabel& b) { return a.index < b.index; });
    return out;
}

}  // namespace myoview::scene
