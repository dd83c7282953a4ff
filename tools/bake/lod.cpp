#include "lod.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <meshoptimizer.h>

namespace myoview::bake {
namespace {

// Distance from p to triangle (a, b, c): the closest point by Voronoi region (Ericson, Real-Time Collision
// Detection, 5.1.5).
double point_triangle_distance(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) {
    const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0 && d2 <= 0.0) return glm::length(p - a);
    const glm::dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0 && d4 <= d3) return glm::length(p - b);
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const glm::dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0 && d5 <= d6) return glm::length(p - c);
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const double denom = 1.0 / (va + vb + vc);
    return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

// The largest distance from a vertex of the full mesh to the level's surface (a one-sided Hausdorff distance: the
// level's own vertices are the full mesh's), stopping early once it exceeds `limit`.
double farthest_vertex(const MeshData& mesh, const std::vector<std::uint32_t>& level, double limit) {
    double farthest = 0.0;
    for (const glm::vec3& v : mesh.positions) {
        const glm::dvec3 p(v);
        double nearest = 1e9;
        for (std::size_t t = 0; t + 2 < level.size() && nearest > farthest; t += 3) {
            nearest = std::min(nearest, point_triangle_distance(p, glm::dvec3(mesh.positions[level[t]]),
                                                                glm::dvec3(mesh.positions[level[t + 1]]),
                                                                glm::dvec3(mesh.positions[level[t + 2]])));
        }
        farthest = std::max(farthest, nearest);
        if (farthest > limit) break;
    }
    return farthest;
}

}  // namespace

void build_lods(MeshData& mesh) {
    mesh.lods.clear();
    mesh.lod_errors_m.clear();
    if (mesh.positions.empty() || mesh.indices.empty()) return;
    const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    if (!(scale > 0.0f)) return;
    mesh.lods.reserve(std::size(kLodLevels));  // `previous` points into it
    const std::vector<std::uint32_t>* previous = &mesh.indices;
    for (const LodLevel& level : kLodLevels) {
        const auto target = static_cast<std::size_t>(static_cast<float>(mesh.indices.size() / 3) * level.target_share);
        // meshoptimizer's error is an estimate that thin parts (a muscle's edge, a rib) exceed severalfold: the level
        // is measured against the full mesh and simplified again with a smaller error until it keeps the bound.
        float meshopt_error = level.max_error_m;
        std::vector<std::uint32_t> accepted;
        double accepted_error = 0.0;
        for (int attempt = 0; attempt < 8; ++attempt, meshopt_error *= 0.6f) {
            std::vector<std::uint32_t> out(previous->size());
            // Simplified from the previous level, so the levels nest.
            const std::size_t count = meshopt_simplify(out.data(), previous->data(), previous->size(),
                                                       &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3),
                                                       target * 3, meshopt_error / scale, 0, nullptr);
            out.resize(count);
            if (count == 0) continue;
            const double error = farthest_vertex(mesh, out, level.max_error_m);
            if (error <= static_cast<double>(level.max_error_m)) {
                accepted = std::move(out);
                accepted_error = error;
                break;
            }
        }
        // Not worth its index buffer unless it drops at least 10 % of the triangles of the level before.
        if (accepted.empty() || accepted.size() * 10 > previous->size() * 9) break;
        std::vector<std::uint32_t> ordered(accepted.size());
        meshopt_optimizeVertexCache(ordered.data(), accepted.data(), accepted.size(), mesh.positions.size());
        mesh.lods.push_back(std::move(ordered));
        mesh.lod_errors_m.push_back(static_cast<float>(accepted_error));
        previous = &mesh.lods.back();
    }
}

}  // namespace myoview::bake
