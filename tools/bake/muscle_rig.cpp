#include "muscle_rig.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

namespace myoview::bake {

namespace {

constexpr int kWeightSmoothingPasses = 24;
constexpr int kFibreSmoothingPasses = 24;  // the per-triangle gradient of t is noisy on a decimated surface: the length bands drawn across the fibres wriggled with 2 passes

float smoothstep01(float x) {
    const float t = std::clamp(x, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

glm::vec3 any_perpendicular(glm::vec3 n) {
    const glm::vec3 axis = std::abs(n.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
    return glm::normalize(glm::cross(n, axis));
}

// Distance over the edge graph from the nearest band vertex, and which band vertex that is. Vertices no band
// vertex reaches over the graph get the straight-line distance to the nearest band vertex.
void band_distances(const TriMesh& mesh, const std::vector<std::vector<std::uint32_t>>& adjacency,
                    const std::vector<std::uint32_t>& band, std::vector<double>& distance,
                    std::vector<std::uint32_t>& source) {
    const std::size_t n = mesh.positions.size();
    distance.assign(n, std::numeric_limits<double>::infinity());
    source.assign(n, UINT32_MAX);
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::uint32_t b : band) {
        distance[b] = 0.0;
        source[b] = b;
        queue.emplace(0.0, b);
    }
    while (!queue.empty()) {
        const auto [d, v] = queue.top();
        queue.pop();
        if (d > distance[v]) continue;
        for (std::uint32_t u : adjacency[v]) {
            const double nd = d + glm::length(glm::dvec3(mesh.positions[u]) - glm::dvec3(mesh.positions[v]));
            if (nd < distance[u]) {
                distance[u] = nd;
                source[u] = source[v];
                queue.emplace(nd, u);
            }
        }
    }
    for (std::uint32_t v = 0; v < n; ++v) {
        if (source[v] != UINT32_MAX) continue;
        for (std::uint32_t b : band) {
            const double d = glm::length(glm::dvec3(mesh.positions[v]) - glm::dvec3(mesh.positions[b]));
            if (d < distance[v]) {
                distance[v] = d;
                source[v] = b;
            }
        }
    }
}

}  // namespace

BoneProximity::BoneProximity(std::vector<glm::vec3> points, std::vector<int> bodies, float cell)
    : points_(std::move(points)), bodies_(std::move(bodies)), cell_(cell) {
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : points_) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    if (points_.empty()) lo = hi = glm::vec3(0.0f);
    origin_ = lo;
    dims_ = glm::max(glm::ivec3((hi - lo) / cell_) + 1, glm::ivec3(1));
    std::vector<std::uint32_t> count(static_cast<std::size_t>(dims_.x) * dims_.y * dims_.z + 1, 0);
    std::vector<std::size_t> cell_of(points_.size());
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const glm::ivec3 c = glm::clamp(glm::ivec3((points_[i] - origin_) / cell_), glm::ivec3(0), dims_ - 1);
        cell_of[i] = cell_index(c);
        ++count[cell_of[i] + 1];
    }
    for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    start_ = count;
    items_.resize(points_.size());
    for (std::size_t i = 0; i < points_.size(); ++i) items_[count[cell_of[i]]++] = static_cast<std::uint32_t>(i);
}

std::size_t BoneProximity::cell_index(glm::ivec3 c) const {
    return (static_cast<std::size_t>(c.z) * static_cast<std::size_t>(dims_.y) + static_cast<std::size_t>(c.y)) *
               static_cast<std::size_t>(dims_.x) +
           static_cast<std::size_t>(c.x);
}

int BoneProximity::nearest_body(glm::vec3 p, const std::vector<int>& allowed) const {
    const glm::ivec3 c = glm::clamp(glm::ivec3(glm::floor((p - origin_) / cell_)), glm::ivec3(0), dims_ - 1);
    // Distance from p to the grid's box: shells around a clamped cell are that much farther away.
    const glm::vec3 hi = origin_ + glm::vec3(dims_) * cell_;
    const float outside = glm::length(glm::max(glm::max(origin_ - p, p - hi), glm::vec3(0.0f)));
    const int max_r = std::max({dims_.x, dims_.y, dims_.z});
    float best = std::numeric_limits<float>::max();
    int best_body = -1;
    for (int r = 0; r <= max_r; ++r) {
        for (int z = c.z - r; z <= c.z + r; ++z) {
            if (z < 0 || z >= dims_.z) continue;
            for (int y = c.y - r; y <= c.y + r; ++y) {
                if (y < 0 || y >= dims_.y) continue;
                for (int x = c.x - r; x <= c.x + r; ++x) {
                    if (x < 0 || x >= dims_.x) continue;
                    if (std::max({std::abs(x - c.x), std::abs(y - c.y), std::abs(z - c.z)}) != r) continue;
                    const std::size_t ci = cell_index({x, y, z});
                    for (std::uint32_t k = start_[ci]; k < start_[ci + 1]; ++k) {
                        const std::uint32_t i = items_[k];
                        if (std::find(allowed.begin(), allowed.end(), bodies_[i]) == allowed.end()) continue;
                        const float d = glm::length(points_[i] - p);
                        if (d < best) {
                            best = d;
                            best_body = bodies_[i];
                        }
                    }
                }
            }
        }
        // Every point of a farther shell is at least r cells (plus the way into the grid) away.
        if (best_body >= 0 && best <= outside + static_cast<float>(r) * cell_) break;
    }
    return best_body;
}

std::vector<std::uint32_t> select_band(const std::vector<glm::vec3>& positions, glm::vec3 toward, float band) {
    float lo = std::numeric_limits<float>::max();
    float hi = std::numeric_limits<float>::lowest();
    for (const glm::vec3& p : positions) {
        const float s = glm::dot(p, toward);
        lo = std::min(lo, s);
        hi = std::max(hi, s);
    }
    const float threshold = hi - band * (hi - lo);
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < positions.size(); ++i) {
        if (glm::dot(positions[i], toward) >= threshold) out.push_back(i);
    }
    return out;
}

Result<MuscleRig> rig_muscle(const TriMesh& mesh, const std::vector<glm::vec3>& normals, glm::vec3 origin_toward,
                             float origin_band, const std::vector<int>& origin_bodies, glm::vec3 insertion_toward,
                             float insertion_band, const std::vector<int>& insertion_bodies,
                             const BoneProximity& bones) {
    const std::size_t n = mesh.positions.size();
    MuscleRig rig;
    rig.origin_band = select_band(mesh.positions, origin_toward, origin_band);
    rig.insertion_band = select_band(mesh.positions, insertion_toward, insertion_band);
    std::vector<bool> in_origin(n, false);
    std::vector<bool> in_insertion(n, false);
    for (std::uint32_t v : rig.origin_band) in_origin[v] = true;
    for (std::uint32_t v : rig.insertion_band) in_insertion[v] = true;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (in_origin[v] && in_insertion[v])
            return Error("origin and insertion bands overlap (vertex " + std::to_string(v) +
                         "): narrow the bands or change 'toward'");
    }

    const std::vector<std::vector<std::uint32_t>> adjacency = vertex_neighbours(mesh);
    std::vector<double> d_o;
    std::vector<double> d_i;
    std::vector<std::uint32_t> src_o;
    std::vector<std::uint32_t> src_i;
    band_distances(mesh, adjacency, rig.origin_band, d_o, src_o);
    band_distances(mesh, adjacency, rig.insertion_band, d_i, src_i);
    rig.t.assign(n, 0.0f);
    for (std::size_t v = 0; v < n; ++v) {
        const double sum = d_o[v] + d_i[v];
        rig.t[v] = sum > 0.0 ? static_cast<float>(d_o[v] / sum) : 0.5f;
    }

    // Fibres: the surface gradient of t.
    glm::dvec3 origin_centre(0.0);
    glm::dvec3 insertion_centre(0.0);
    for (std::uint32_t v : rig.origin_band) origin_centre += glm::dvec3(mesh.positions[v]);
    for (std::uint32_t v : rig.insertion_band) insertion_centre += glm::dvec3(mesh.positions[v]);
    const glm::vec3 axis = glm::vec3(insertion_centre / static_cast<double>(rig.insertion_band.size()) -
                                     origin_centre / static_cast<double>(rig.origin_band.size()));
    std::vector<glm::dvec3> gradient(n, glm::dvec3(0.0));
    for (std::size_t tri = 0; tri < mesh.triangle_count(); ++tri) {
        const std::uint32_t i0 = mesh.indices[3 * tri];
        const std::uint32_t i1 = mesh.indices[3 * tri + 1];
        const std::uint32_t i2 = mesh.indices[3 * tri + 2];
        const glm::dvec3 p0(mesh.positions[i0]);
        const glm::dvec3 p1(mesh.positions[i1]);
        const glm::dvec3 p2(mesh.positions[i2]);
        const glm::dvec3 cross = glm::cross(p1 - p0, p2 - p0);
        const double twice_area = glm::length(cross);
        if (twice_area <= 1e-14) continue;
        const glm::dvec3 normal = cross / twice_area;
        const glm::dvec3 g = (static_cast<double>(rig.t[i0]) * glm::cross(normal, p2 - p1) +
                              static_cast<double>(rig.t[i1]) * glm::cross(normal, p0 - p2) +
                              static_cast<double>(rig.t[i2]) * glm::cross(normal, p1 - p0)) /
                             twice_area;
        const glm::dvec3 weighted = g * (0.5 * twice_area);
        gradient[i0] += weighted;
        gradient[i1] += weighted;
        gradient[i2] += weighted;
    }
    auto project = [&](std::size_t v, glm::vec3 g) {
        const glm::vec3 nrm = normals[v];
        glm::vec3 f = g - nrm * glm::dot(g, nrm);
        if (glm::length(f) < 1e-6f) f = axis - nrm * glm::dot(axis, nrm);
        if (glm::length(f) < 1e-9f) f = any_perpendicular(nrm);
        return glm::normalize(f);
    };
    rig.fibres.assign(n, glm::vec3(0.0f));
    for (std::size_t v = 0; v < n; ++v) rig.fibres[v] = project(v, glm::vec3(gradient[v]));
    for (int pass = 0; pass < kFibreSmoothingPasses; ++pass) {
        std::vector<glm::vec3> next(n);
        for (std::size_t v = 0; v < n; ++v) {
            glm::vec3 sum = rig.fibres[v];
            for (std::uint32_t u : adjacency[v]) sum += rig.fibres[u];
            next[v] = project(v, sum);
        }
        rig.fibres = std::move(next);
    }

    // Skin weights over the union of both ends' bodies.
    rig.bodies = origin_bodies;
    rig.bodies.insert(rig.bodies.end(), insertion_bodies.begin(), insertion_bodies.end());
    std::sort(rig.bodies.begin(), rig.bodies.end());
    rig.bodies.erase(std::unique(rig.bodies.begin(), rig.bodies.end()), rig.bodies.end());
    auto local = [&](int body) {
        return static_cast<std::size_t>(std::find(rig.bodies.begin(), rig.bodies.end(), body) - rig.bodies.begin());
    };
    std::vector<int> band_body(n, -1);
    for (std::uint32_t v : rig.origin_band) {
        const int b = bones.nearest_body(mesh.positions[v], origin_bodies);
        band_body[v] = b >= 0 ? b : origin_bodies.front();
    }
    for (std::uint32_t v : rig.insertion_band) {
        const int b = bones.nearest_body(mesh.positions[v], insertion_bodies);
        band_body[v] = b >= 0 ? b : insertion_bodies.front();
    }
    const std::size_t m = rig.bodies.size();
    std::vector<float> w(n * m, 0.0f);
    for (std::size_t v = 0; v < n; ++v) {
        const float s = smoothstep01(rig.t[v]);
        w[v * m + local(band_body[src_o[v]])] += 1.0f - s;
        w[v * m + local(band_body[src_i[v]])] += s;
    }
    std::vector<bool> allowed_origin(m, false);
    std::vector<bool> allowed_insertion(m, false);
    for (int b : origin_bodies) allowed_origin[local(b)] = true;
    for (int b : insertion_bodies) allowed_insertion[local(b)] = true;
    // Band vertices stay on their end's bodies; blending among those bodies (a seam between head and neck along the
    // upper trapezius' origin, say) is smoothed like everything else.
    auto hold = [&](std::vector<float>& field, std::size_t v) {
        const std::vector<bool>* allowed =
            in_origin[v] ? &allowed_origin : (in_insertion[v] ? &allowed_insertion : nullptr);
        if (allowed == nullptr) return;
        float sum = 0.0f;
        for (std::size_t k = 0; k < m; ++k) {
            if (!(*allowed)[k]) field[v * m + k] = 0.0f;
            sum += field[v * m + k];
        }
        if (sum <= 0.0f) {
            field[v * m + local(band_body[v])] = 1.0f;
            return;
        }
        for (std::size_t k = 0; k < m; ++k) field[v * m + k] /= sum;
    };
    for (int pass = 0; pass < kWeightSmoothingPasses; ++pass) {
        std::vector<float> next(n * m, 0.0f);
        for (std::size_t v = 0; v < n; ++v) {
            const float k_self = 0.5f;
            const float k_each = adjacency[v].empty() ? 0.0f : 0.5f / static_cast<float>(adjacency[v].size());
            for (std::size_t k = 0; k < m; ++k) {
                float value = (adjacency[v].empty() ? 1.0f : k_self) * w[v * m + k];
                for (std::uint32_t u : adjacency[v]) value += k_each * w[u * m + k];
                next[v * m + k] = value;
            }
            hold(next, v);
        }
        w = std::move(next);
    }
    rig.weights.assign(n, std::vector<float>(m, 0.0f));
    for (std::size_t v = 0; v < n; ++v) {
        for (std::size_t k = 0; k < m; ++k) rig.weights[v][k] = w[v * m + k];
    }
    return rig;
}

}  // namespace myoview::bake
