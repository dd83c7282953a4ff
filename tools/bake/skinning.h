#pragma once
// One vertex's skin influences, reduced to glTF's four joints with weights that sum to exactly 1.

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

namespace myoview::bake {

struct VertexSkin {
    std::array<std::uint8_t, 4> joints{0, 0, 0, 0};
    glm::vec4 weights{1.0f, 0.0f, 0.0f, 0.0f};
};

// Keeps the four largest (body, weight) pairs (ties: lower body first), renormalises them and quantises to multiples
// of 1/1024 by largest remainder, so the four floats sum to exactly 1. Largest first; unused slots carry weight 0 on
// joint 0. All weights zero or no pair: weight 1 on `fallback_body`.
VertexSkin quantize_skin(std::vector<std::pair<int, float>> influences, int fallback_body);

}  // namespace myoview::bake
