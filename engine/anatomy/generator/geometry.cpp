#include "geometry.h"

#include <algorithm>
#include <cmath>

namespace myoview::meshgen::geo {

float smoothstep(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

glm::vec3 any_perpendicular(glm::vec3 v) {
    const glm::vec3 axis = std::abs(v.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
    return glm::normalize(glm::cross(v, axis));
}

std::vector<glm::vec3> smooth_curve(const std::vector<glm::vec3>& points, int count) {
    std::vector<glm::vec3> dense;
    const std::size_t n = points.size();
    if (n == 1) return std::vector<glm::vec3>(static_cast<std::size_t>(count), points[0]);
    constexpr int kSub = 24;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const glm::vec3 p0 = i == 0 ? 2.0f * points[0] - points[1] : points[i - 1];
        const glm::vec3 p1 = points[i];
        const glm::vec3 p2 = points[i + 1];
        const glm::vec3 p3 = i + 2 < n ? points[i + 2] : 2.0f * points[n - 1] - points[n - 2];
        for (int k = 0; k < kSub; ++k) {
            const float t = static_cast<float>(k) / static_cast<float>(kSub);
            const float t2 = t * t;
            const float t3 = t2 * t;
            dense.push_back(0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                                    (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3));
        }
    }
    dense.push_back(points[n - 1]);
    std::vector<glm::vec3> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
        out.push_back(polyline_at(dense, static_cast<float>(k) / static_cast<float>(count - 1)));
    }
    return out;
}

glm::vec3 polyline_at(const std::vector<glm::vec3>& line, float t) {
    if (line.size() == 1) return line[0];
    float total = 0.0f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) total += glm::length(line[i + 1] - line[i]);
    if (total <= 0.0f) return line[0];
    float target = std::clamp(t, 0.0f, 1.0f) * total;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const float seg = glm::length(line[i + 1] - line[i]);
        if (target <= seg || i + 2 == line.size()) {
            const float f = seg > 0.0f ? std::clamp(target / seg, 0.0f, 1.0f) : 0.0f;
            return glm::mix(line[i], line[i + 1], f);
        }
        target -= seg;
    }
    return line.back();
}

glm::vec3 closest_on_segment(glm::vec3 a, glm::vec3 b, glm::vec3 p) {
    const glm::vec3 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    if (len2 <= 0.0f) return a;
    return a + ab * std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f);
}

glm::vec3 closest_on_polyline(const std::vector<glm::vec3>& line, glm::vec3 p, float* fraction) {
    glm::vec3 best = line[0];
    float best_d = 1e30f;
    float best_s = 0.0f;
    float run = 0.0f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const glm::vec3 q = closest_on_segment(line[i], line[i + 1], p);
        const float d = glm::length(q - p);
        if (d < best_d) {
            best_d = d;
            best = q;
            best_s = run + glm::length(q - line[i]);
        }
        run += glm::length(line[i + 1] - line[i]);
    }
    if (fraction != nullptr) *fraction = run > 0.0f ? best_s / run : 0.0f;
    return best;
}

void Binding::add(int b, float w) {
    if (b < 0 || w <= 0.0f) return;
    for (std::size_t i = 0; i < 4; ++i) {
        if (body[i] == b) {
            weight[i] += w;
            return;
        }
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (body[i] < 0) {
            body[i] = b;
            weight[i] = w;
            return;
        }
    }
    // Full: replace the smallest influence when the new one is larger.
    std::size_t smallest = 0;
    for (std::size_t i = 1; i < 4; ++i) {
        if (weight[i] < weight[smallest]) smallest = i;
    }
    if (w > weight[smallest]) {
        body[smallest] = b;
        weight[smallest] = w;
    }
}

void add_ring(Sweep& sweep, glm::vec3 center, glm::vec3 axis_a, glm::vec3 axis_b, float ra, float rb, int n,
              glm::vec3 color, const Binding& binding) {
    for (int i = 0; i < n; ++i) {
        const float th = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(n);
        sweep.points.push_back(center + axis_a * (ra * std::cos(th)) + axis_b * (rb * std::sin(th)));
        sweep.colors.push_back(color);
        sweep.bindings.push_back(binding);
    }
}

void MeshBuilder::add(const Sweep& sweep) {
    const int m = sweep.ring_size;
    const int rings = sweep.ring_count();
    if (m < 3 || rings < 2) return;
    const auto base = static_cast<std::uint32_t>(positions_.size());
    for (std::size_t i = 0; i < sweep.points.size(); ++i) {
        positions_.push_back(sweep.points[i]);
        colors_.push_back(sweep.colors[i]);
        bindings_.push_back(sweep.bindings[i]);
        glm::vec3 f(0.0f);
        if (!sweep.fibres.empty()) f = sweep.fibres[i];
        if (glm::length(f) < 1e-6f) {
            const int r = static_cast<int>(i) / m;
            const int k = static_cast<int>(i) % m;
            const int r0 = std::max(r - 1, 0);
            const int r1 = std::min(r + 1, rings - 1);
            f = sweep.points[static_cast<std::size_t>(r1 * m + k)] - sweep.points[static_cast<std::size_t>(r0 * m + k)];
        }
        fibres_.push_back(f);
    }
    Component comp;
    comp.first_index = static_cast<std::uint32_t>(indices_.size());
    auto at = [&](int r, int k) { return base + static_cast<std::uint32_t>(r * m + ((k % m + m) % m)); };
    auto tri = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        indices_.push_back(a);
        indices_.push_back(b);
        indices_.push_back(c);
    };
    for (int r = 0; r + 1 < rings; ++r) {
        for (int k = 0; k < m; ++k) {
            tri(at(r, k), at(r, k + 1), at(r + 1, k + 1));
            tri(at(r, k), at(r + 1, k + 1), at(r + 1, k));
        }
    }
    // End caps: the polygon in the winding that makes every edge shared with opposite direction, triangulated
    // as a strip from both ends toward the middle (pairs point k with point m - k: across a lens, not a fan).
    auto cap = [&](const std::vector<std::uint32_t>& poly) {
        int l = 0;
        int h = static_cast<int>(poly.size()) - 1;
        bool left = true;
        while (h - l > 1) {
            if (left) {
                tri(poly[static_cast<std::size_t>(l)], poly[static_cast<std::size_t>(l + 1)],
                    poly[static_cast<std::size_t>(h)]);
                ++l;
            } else {
                tri(poly[static_cast<std::size_t>(l)], poly[static_cast<std::size_t>(h - 1)],
                    poly[static_cast<std::size_t>(h)]);
                --h;
            }
            left = !left;
        }
    };
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> last;
    for (int k = 0; k < m; ++k) {
        first.push_back(at(0, -k));  // 0, m-1, m-2, ...: reversed
        last.push_back(at(rings - 1, k));
    }
    // Start the reversed polygon at point 0 as well so both caps pair k with m - k.
    cap(first);
    cap(last);
    comp.index_count = static_cast<std::uint32_t>(indices_.size()) - comp.first_index;
    components_.push_back(comp);
}

MeshData MeshBuilder::build(const std::string& id, StructureKind kind, glm::vec3 base_color) const {
    std::vector<std::uint32_t> idx = indices_;
    // Orient each closed component outward: positive signed volume.
    for (const Component& c : components_) {
        double vol = 0.0;
        for (std::uint32_t t = c.first_index; t < c.first_index + c.index_count; t += 3) {
            const glm::dvec3 a(positions_[idx[t]]);
            const glm::dvec3 b(positions_[idx[t + 1]]);
            const glm::dvec3 d(positions_[idx[t + 2]]);
            vol += glm::dot(a, glm::cross(b, d));
        }
        if (vol < 0.0) {
            for (std::uint32_t t = c.first_index; t < c.first_index + c.index_count; t += 3) {
                std::swap(idx[t + 1], idx[t + 2]);
            }
        }
    }
    MeshData mesh;
    mesh.id = id;
    mesh.kind = kind;
    mesh.base_color = base_color;
    std::vector<std::uint32_t> remap(positions_.size(), UINT32_MAX);
    for (std::uint32_t& i : idx) {
        if (remap[i] == UINT32_MAX) {
            remap[i] = static_cast<std::uint32_t>(mesh.positions.size());
            mesh.positions.push_back(positions_[i]);
            const glm::vec3 f = fibres_[i];
            const float len = glm::length(f);
            mesh.tangents.emplace_back(len > 1e-9f ? f / len : glm::vec3(0.0f, 0.0f, 1.0f), 1.0f);
            mesh.colors.emplace_back(colors_[i], 1.0f);
            const Binding& b = bindings_[i];
            float sum = 0.0f;
            for (float w : b.weight) sum += w;
            std::array<std::uint16_t, 4> joints{0, 0, 0, 0};
            glm::vec4 weights(0.0f);
            for (std::size_t k = 0; k < 4; ++k) {
                if (b.body[k] >= 0 && sum > 0.0f && static_cast<std::size_t>(b.body[k]) < body_count_) {
                    joints[k] = static_cast<std::uint16_t>(b.body[k]);
                    weights[static_cast<glm::length_t>(k)] = b.weight[k] / sum;
                }
            }
            if (sum <= 0.0f) weights.x = 1.0f;  // unbound: first body (thorax)
            mesh.joints.push_back(joints);
            mesh.weights.push_back(weights);
        }
        i = remap[i];
    }
    mesh.indices = std::move(idx);
    compute_normals(mesh);
    // Fibre directions perpendicular to the normal read better in shading; keep them unit length.
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        glm::vec3 f(mesh.tangents[i]);
        const glm::vec3 n = mesh.normals[i];
        glm::vec3 g = f - n * glm::dot(f, n);
        if (glm::length(g) < 1e-4f) g = any_perpendicular(n);
        mesh.tangents[i] = glm::vec4(glm::normalize(g), 1.0f);
    }
    return mesh;
}

void compute_normals(MeshData& mesh) {
    std::vector<glm::dvec3> acc(mesh.positions.size(), glm::dvec3(0.0));
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a(mesh.positions[mesh.indices[t]]);
        const glm::dvec3 b(mesh.positions[mesh.indices[t + 1]]);
        const glm::dvec3 c(mesh.positions[mesh.indices[t + 2]]);
        const glm::dvec3 n = glm::cross(b - a, c - a);  // length = 2 * area: area weighting
        for (std::size_t k = 0; k < 3; ++k) acc[mesh.indices[t + k]] += n;
    }
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t i = 0; i < acc.size(); ++i) {
        const double len = glm::length(acc[i]);
        mesh.normals[i] = len > 0.0 ? glm::vec3(acc[i] / len) : glm::vec3(0.0f, 0.0f, 1.0f);
    }
}

}  // namespace myoview::meshgen::geo
