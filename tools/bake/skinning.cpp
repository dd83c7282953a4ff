#include "skinning.h"

#include <algorithm>
#include <cmath>

namespace myoview::bake {

VertexSkin quantize_skin(std::vector<std::pair<int, float>> influences, int fallback_body) {
    constexpr int kSteps = 1024;
    // Merge repeats of a body, drop non-positive weights.
    std::sort(influences.begin(), influences.end());
    std::vector<std::pair<int, float>> merged;
    for (const auto& [body, w] : influences) {
        if (!(w > 0.0f) || body < 0) continue;
        if (!merged.empty() && merged.back().first == body) {
            merged.back().second += w;
        } else {
            merged.emplace_back(body, w);
        }
    }
    std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (merged.size() > 4) merged.resize(4);
    std::vector<std::pair<int, int>> kept;  // (body, steps of 1/1024)
    if (merged.empty()) {
        kept.emplace_back(fallback_body, kSteps);
    } else {
        double sum = 0.0;
        for (const auto& [body, w] : merged) sum += static_cast<double>(w);
        std::array<int, 4> q{0, 0, 0, 0};
        std::array<double, 4> remainder{0.0, 0.0, 0.0, 0.0};
        int used = 0;
        for (std::size_t k = 0; k < merged.size(); ++k) {
            const double exact = static_cast<double>(merged[k].second) / sum * kSteps;
            q[k] = static_cast<int>(std::floor(exact));
            remainder[k] = exact - q[k];
            used += q[k];
        }
        for (int left = kSteps - used; left > 0; --left) {
            std::size_t best = 0;
            for (std::size_t k = 1; k < merged.size(); ++k) {
                if (remainder[k] > remainder[best]) best = k;
            }
            ++q[best];
            remainder[best] = -1.0;
        }
        // Slots that rounded to zero are dropped; the order stays largest first.
        for (std::size_t k = 0; k < merged.size(); ++k) {
            if (q[k] > 0) kept.emplace_back(merged[k].first, q[k]);
        }
        std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    VertexSkin out;
    for (std::size_t k = 0; k < 4; ++k) {
        if (k < kept.size()) {
            out.joints[k] = static_cast<std::uint8_t>(kept[k].first);
            out.weights[static_cast<glm::length_t>(k)] = static_cast<float>(kept[k].second) / kSteps;
            continue;
        }
        // Unused slot: weight 0 on joint 0 (glTF validators flag a zero weight on any other joint).
        out.joints[k] = 0;
        out.weights[static_cast<glm::length_t>(k)] = 0.0f;
    }
    return out;
}

}  // namespace myoview::bake
