#pragma once
// Small models built in code for tests: boxes with per-face normals, and a model made of them.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/assets/model.h"

namespace myoview::testing {

// An axis-aligned box as a mesh with per-face normals (24 vertices, 12 triangles, counter-clockwise outside).
inline assets::Mesh box(const std::string& name, glm::vec3 center, glm::vec3 half, glm::vec4 color) {
    assets::Mesh m;
    m.name = m.node_name = name;
    m.base_color = color;
    for (int axis = 0; axis < 3; ++axis) {
        for (int sign = -1; sign <= 1; sign += 2) {
            glm::vec3 n(0.0f);
            n[axis] = static_cast<float>(sign);
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            const auto base = static_cast<uint32_t>(m.positions.size());
            for (int k = 0; k < 4; ++k) {
                glm::vec3 p = n * half;
                p[u] = ((k == 1 || k == 2) ? 1.0f : -1.0f) * half[u];
                p[v] = (k >= 2 ? 1.0f : -1.0f) * half[v];
                m.positions.push_back(center + p);
                m.normals.push_back(n);
            }
            const bool flip = sign < 0;
            const uint32_t tri[6] = {0, 1, 2, 0, 2, 3};
            for (int t = 0; t < 6; t += 3) {
                m.indices.push_back(base + tri[t]);
                m.indices.push_back(base + tri[t + (flip ? 2 : 1)]);
                m.indices.push_back(base + tri[t + (flip ? 1 : 2)]);
            }
        }
    }
    return m;
}

inline assets::Model model_of(std::vector<assets::Mesh> meshes) {
    assets::Model model;
    model.source_path = "test";
    for (auto& m : meshes) {
        for (const auto& p : m.positions) model.bounds.extend(p);
        model.meshes.push_back(std::move(m));
    }
    return model;
}

}  // namespace myoview::testing
