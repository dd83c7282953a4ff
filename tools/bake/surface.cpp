#include "surface.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <numeric>

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <meshoptimizer.h>
#include <assimp/Importer.hpp>

namespace myoview::bake {

namespace {

struct UnionFind {
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (a < b) std::swap(a, b);
        parent[a] = b;  // the smaller index is the root: deterministic
    }
    std::vector<std::uint32_t> parent;
};

// An undirected edge with the triangle that uses it and whether it runs a -> b (lo -> hi) in that triangle.
struct EdgeUse {
    std::uint32_t lo;
    std::uint32_t hi;
    std::uint32_t tri;
    bool forward;
    bool operator<(const EdgeUse& o) const {
        if (lo != o.lo) return lo < o.lo;
        if (hi != o.hi) return hi < o.hi;
        return tri < o.tri;
    }
};

std::vector<EdgeUse> edge_uses(const TriMesh& mesh) {
    std::vector<EdgeUse> uses;
    uses.reserve(mesh.indices.size());
    for (std::uint32_t t = 0; t < mesh.triangle_count(); ++t) {
        for (std::uint32_t k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[3 * t + k];
            const std::uint32_t b = mesh.indices[3 * t + (k + 1) % 3];
            uses.push_back({std::min(a, b), std::max(a, b), t, a < b});
        }
    }
    std::sort(uses.begin(), uses.end());
    return uses;
}

void flip(TriMesh& mesh, std::uint32_t t) {
    std::swap(mesh.indices[3 * t + 1], mesh.indices[3 * t + 2]);
}

}  // namespace

Result<TriMesh> import_source(const std::filesystem::path& path) {
    Assimp::Importer importer;
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const aiScene* scene = importer.ReadFile(
        path.string(), aiProcess_Triangulate | aiProcess_PreTransformVertices | aiProcess_SortByPType);
    if (scene == nullptr) return Error(path.string() + ": Assimp cannot read it: " + importer.GetErrorString());
    TriMesh mesh;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
        const aiMesh* src = scene->mMeshes[m];
        if ((src->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) == 0) continue;
        const auto base = static_cast<std::uint32_t>(mesh.positions.size());
        for (unsigned i = 0; i < src->mNumVertices; ++i) {
            mesh.positions.emplace_back(src->mVertices[i].x, src->mVertices[i].y, src->mVertices[i].z);
        }
        for (unsigned f = 0; f < src->mNumFaces; ++f) {
            const aiFace& face = src->mFaces[f];
            if (face.mNumIndices != 3) continue;
            for (unsigned k = 0; k < 3; ++k) mesh.indices.push_back(base + face.mIndices[k]);
        }
    }
    if (mesh.indices.empty()) return Error(path.string() + ": no triangles");
    return mesh;
}

glm::vec3 bounds_min(const TriMesh& mesh) {
    glm::vec3 lo(std::numeric_limits<float>::max());
    for (const glm::vec3& p : mesh.positions) lo = glm::min(lo, p);
    return lo;
}

glm::vec3 bounds_max(const TriMesh& mesh) {
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : mesh.positions) hi = glm::max(hi, p);
    return hi;
}

void weld(TriMesh& mesh, float tolerance) {
    // Vertices within `tolerance` on every axis become one (the lowest index of the cluster keeps its position).
    std::vector<std::uint32_t> by_x(mesh.positions.size());
    std::iota(by_x.begin(), by_x.end(), 0u);
    std::stable_sort(by_x.begin(), by_x.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return mesh.positions[a].x < mesh.positions[b].x; });
    UnionFind clusters(mesh.positions.size());
    for (std::size_t i = 0; i < by_x.size(); ++i) {
        const glm::vec3 p = mesh.positions[by_x[i]];
        for (std::size_t j = i + 1; j < by_x.size() && mesh.positions[by_x[j]].x - p.x <= tolerance; ++j) {
            const glm::vec3 q = mesh.positions[by_x[j]];
            if (std::abs(q.y - p.y) <= tolerance && std::abs(q.z - p.z) <= tolerance) clusters.unite(by_x[i], by_x[j]);
        }
    }
    for (std::uint32_t v = 0; v < mesh.positions.size(); ++v) mesh.positions[v] = mesh.positions[clusters.find(v)];
    std::vector<unsigned int> remap(mesh.positions.size());
    const std::size_t unique =
        meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                    mesh.positions.size(), sizeof(glm::vec3));
    std::vector<glm::vec3> positions(unique);
    meshopt_remapVertexBuffer(positions.data(), mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3),
                              remap.data());
    std::vector<std::uint32_t> indices(mesh.indices.size());
    meshopt_remapIndexBuffer(indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
    // Drop collapsed triangles and repeats of the same three vertices (either winding).
    std::vector<std::array<std::uint32_t, 4>> keys;  // sorted vertices + triangle index
    for (std::uint32_t t = 0; t < indices.size() / 3; ++t) {
        std::array<std::uint32_t, 3> v{indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]};
        if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;
        std::sort(v.begin(), v.end());
        keys.push_back({v[0], v[1], v[2], t});
    }
    std::sort(keys.begin(), keys.end());
    std::vector<bool> keep(indices.size() / 3, false);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const bool repeat =
            i > 0 && keys[i][0] == keys[i - 1][0] && keys[i][1] == keys[i - 1][1] && keys[i][2] == keys[i - 1][2];
        if (!repeat) keep[keys[i][3]] = true;
    }
    mesh.indices.clear();
    for (std::uint32_t t = 0; t < keep.size(); ++t) {
        if (!keep[t]) continue;
        for (std::uint32_t k = 0; k < 3; ++k) mesh.indices.push_back(indices[3 * t + k]);
    }
    mesh.positions = std::move(positions);
}

FragmentReport drop_fragments(TriMesh& mesh, std::size_t min_vertices, double min_fraction) {
    UnionFind uf(mesh.positions.size());
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        uf.unite(mesh.indices[3 * t], mesh.indices[3 * t + 1]);
        uf.unite(mesh.indices[3 * t], mesh.indices[3 * t + 2]);
    }
    std::vector<std::size_t> tris(mesh.positions.size(), 0);
    std::vector<std::size_t> verts(mesh.positions.size(), 0);
    std::vector<bool> used(mesh.positions.size(), false);
    for (std::uint32_t i : mesh.indices) used[i] = true;
    for (std::uint32_t v = 0; v < mesh.positions.size(); ++v) {
        if (used[v]) ++verts[uf.find(v)];
    }
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) ++tris[uf.find(mesh.indices[3 * t])];
    std::uint32_t largest = 0;
    for (std::uint32_t v = 0; v < tris.size(); ++v) {
        if (tris[v] > tris[largest]) largest = v;
    }
    const double total = static_cast<double>(mesh.triangle_count());
    FragmentReport report;
    std::vector<bool> keep_root(mesh.positions.size(), false);
    for (std::uint32_t v = 0; v < tris.size(); ++v) {
        if (tris[v] == 0) continue;
        const bool keep =
            v == largest || (verts[v] >= min_vertices && static_cast<double>(tris[v]) >= min_fraction * total);
        keep_root[v] = keep;
        if (keep) {
            ++report.components_kept;
        } else {
            ++report.components_dropped;
            report.triangles_dropped += tris[v];
        }
    }
    std::vector<std::uint32_t> indices;
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        if (!keep_root[uf.find(mesh.indices[3 * t])]) continue;
        for (std::size_t k = 0; k < 3; ++k) indices.push_back(mesh.indices[3 * t + k]);
    }
    mesh.indices = std::move(indices);
    return report;
}

glm::vec3 data_to_world(glm::vec3 p) {
    return {-(p.y + 140.0f) / 1000.0f, p.x / 1000.0f, p.z / 1000.0f};
}

void to_world(TriMesh& mesh) {
    for (glm::vec3& p : mesh.positions) p = data_to_world(p);
}

float decimate(TriMesh& mesh, float max_error_m, std::size_t min_triangles) {
    if (mesh.triangle_count() <= min_triangles) return 0.0f;
    const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    if (!(scale > 0.0f)) return 0.0f;
    std::vector<std::uint32_t> out(mesh.indices.size());
    float relative = 0.0f;
    const std::size_t count = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(),
                                               &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3),
                                               min_triangles * 3, max_error_m / scale, 0, &relative);
    out.resize(count);
    mesh.indices = std::move(out);
    return relative * scale;
}

EdgeReport edge_report(const TriMesh& mesh) {
    const std::vector<EdgeUse> uses = edge_uses(mesh);
    EdgeReport r;
    for (std::size_t i = 0; i < uses.size();) {
        std::size_t j = i;
        int forward = 0;
        while (j < uses.size() && uses[j].lo == uses[i].lo && uses[j].hi == uses[i].hi) {
            forward += uses[j].forward ? 1 : 0;
            ++j;
        }
        const std::size_t n = j - i;
        if (n == 1) {
            ++r.boundary;
        } else if (n > 2 || forward != 1) {
            ++r.non_manifold;
        }
        i = j;
    }
    return r;
}

std::size_t close_small_holes(TriMesh& mesh, std::size_t max_loop) {
    const std::vector<EdgeUse> uses = edge_uses(mesh);
    // Boundary edges in the direction their triangle uses them; the hole runs the other way.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> boundary;  // (from, to) as in the triangle
    for (std::size_t i = 0; i < uses.size();) {
        std::size_t j = i;
        while (j < uses.size() && uses[j].lo == uses[i].lo && uses[j].hi == uses[i].hi) ++j;
        if (j - i == 1) {
            const EdgeUse& e = uses[i];
            boundary.emplace_back(e.forward ? e.lo : e.hi, e.forward ? e.hi : e.lo);
        }
        i = j;
    }
    std::sort(boundary.begin(), boundary.end());
    std::vector<bool> used(boundary.size(), false);
    auto next_edge = [&](std::uint32_t from) -> std::size_t {
        auto it = std::lower_bound(boundary.begin(), boundary.end(), std::make_pair(from, std::uint32_t{0}));
        for (; it != boundary.end() && it->first == from; ++it) {
            const auto e = static_cast<std::size_t>(it - boundary.begin());
            if (!used[e]) return e;
        }
        return SIZE_MAX;
    };
    std::vector<std::vector<std::uint32_t>> loops;
    // Walk the boundary; a walk that comes back to a vertex it already passed (two holes touching at a vertex)
    // splits off the loop between the two visits.
    for (std::size_t seed = 0; seed < boundary.size(); ++seed) {
        if (used[seed]) continue;
        std::vector<std::uint32_t> path{boundary[seed].first};
        used[seed] = true;
        std::uint32_t at = boundary[seed].second;
        while (true) {
            const auto pos = std::find(path.begin(), path.end(), at);
            if (pos != path.end()) {
                loops.emplace_back(pos, path.end());
                path.erase(pos, path.end());
                if (path.empty()) break;
            }
            path.push_back(at);
            const std::size_t e = next_edge(at);
            if (e == SIZE_MAX) break;  // an open chain: leave it
            used[e] = true;
            at = boundary[e].second;
        }
    }
    std::size_t closed = 0;
    for (const std::vector<std::uint32_t>& loop : loops) {
        if (loop.size() < 3 || loop.size() > max_loop) continue;
        if (loop.size() == 3) {
            mesh.indices.insert(mesh.indices.end(), {loop[2], loop[1], loop[0]});
            ++closed;
            continue;
        }
        glm::dvec3 c(0.0);
        for (std::uint32_t i : loop) c += glm::dvec3(mesh.positions[i]);
        c /= static_cast<double>(loop.size());
        const auto centre = static_cast<std::uint32_t>(mesh.positions.size());
        mesh.positions.emplace_back(c);
        for (std::size_t i = 0; i < loop.size(); ++i) {
            // The triangle used loop[i] -> loop[i+1]; the patch uses it the other way.
            const std::uint32_t a = loop[i];
            const std::uint32_t b = loop[(i + 1) % loop.size()];
            mesh.indices.insert(mesh.indices.end(), {b, a, centre});
        }
        ++closed;
    }
    return closed;
}

std::size_t orient_outward(TriMesh& mesh) {
    const std::size_t n = mesh.triangle_count();
    const std::vector<EdgeUse> uses = edge_uses(mesh);
    // Neighbour across each manifold edge: (triangle, neighbour); consistent when the two use it in opposite senses.
    std::vector<std::vector<std::pair<std::uint32_t, bool>>> adjacent(n);  // (neighbour, same direction now)
    for (std::size_t i = 0; i < uses.size();) {
        std::size_t j = i;
        while (j < uses.size() && uses[j].lo == uses[i].lo && uses[j].hi == uses[i].hi) ++j;
        if (j - i == 2) {
            const EdgeUse& a = uses[i];
            const EdgeUse& b = uses[i + 1];
            const bool same = a.forward == b.forward;
            adjacent[a.tri].emplace_back(b.tri, same);
            adjacent[b.tri].emplace_back(a.tri, same);
        }
        i = j;
    }
    // Breadth-first: flip[t] relative to the component's first triangle.
    std::vector<int> flip_state(n, -1);
    std::size_t flipped = 0;
    for (std::uint32_t seed = 0; seed < n; ++seed) {
        if (flip_state[seed] >= 0) continue;
        std::vector<std::uint32_t> component;
        std::deque<std::uint32_t> queue{seed};
        flip_state[seed] = 0;
        while (!queue.empty()) {
            const std::uint32_t t = queue.front();
            queue.pop_front();
            component.push_back(t);
            for (const auto& [u, same] : adjacent[t]) {
                if (flip_state[u] >= 0) continue;
                // Same direction on the shared edge: one of them must flip.
                flip_state[u] = same ? 1 - flip_state[t] : flip_state[t];
                queue.push_back(u);
            }
        }
        for (std::uint32_t t : component) {
            if (flip_state[t] == 1) flip(mesh, t);
        }
        glm::dvec3 centroid(0.0);
        for (std::uint32_t t : component) {
            for (std::uint32_t k = 0; k < 3; ++k) centroid += glm::dvec3(mesh.positions[mesh.indices[3 * t + k]]);
        }
        centroid /= static_cast<double>(3 * component.size());
        double volume = 0.0;
        for (std::uint32_t t : component) {
            const glm::dvec3 a = glm::dvec3(mesh.positions[mesh.indices[3 * t]]) - centroid;
            const glm::dvec3 b = glm::dvec3(mesh.positions[mesh.indices[3 * t + 1]]) - centroid;
            const glm::dvec3 c = glm::dvec3(mesh.positions[mesh.indices[3 * t + 2]]) - centroid;
            volume += glm::dot(a, glm::cross(b, c));
        }
        const bool outward = volume >= 0.0;
        for (std::uint32_t t : component) {
            if (!outward) flip(mesh, t);
            if ((flip_state[t] == 1) != !outward) ++flipped;
        }
    }
    return flipped;
}

double signed_volume(const TriMesh& mesh) {
    double volume = 0.0;
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        const glm::dvec3 a(mesh.positions[mesh.indices[3 * t]]);
        const glm::dvec3 b(mesh.positions[mesh.indices[3 * t + 1]]);
        const glm::dvec3 c(mesh.positions[mesh.indices[3 * t + 2]]);
        volume += glm::dot(a, glm::cross(b, c));
    }
    return volume / 6.0;
}

void order_for_export(TriMesh& mesh, std::vector<std::uint32_t>* remap_out) {
    std::vector<std::uint32_t> cache(mesh.indices.size());
    meshopt_optimizeVertexCache(cache.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
    std::vector<unsigned int> remap(mesh.positions.size());
    const std::size_t used =
        meshopt_optimizeVertexFetchRemap(remap.data(), cache.data(), cache.size(), mesh.positions.size());
    std::vector<glm::vec3> positions(used);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        if (remap[v] != ~0u) positions[remap[v]] = mesh.positions[v];
    }
    meshopt_remapIndexBuffer(mesh.indices.data(), cache.data(), cache.size(), remap.data());
    mesh.positions = std::move(positions);
    if (remap_out != nullptr) {
        remap_out->assign(remap.begin(), remap.end());
        for (std::uint32_t& r : *remap_out) {
            if (r == ~0u) r = UINT32_MAX;
        }
    }
}

std::vector<glm::vec3> smooth_normals(const TriMesh& mesh) {
    std::vector<glm::dvec3> acc(mesh.positions.size(), glm::dvec3(0.0));
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        std::array<glm::dvec3, 3> p;
        for (std::size_t k = 0; k < 3; ++k) p[k] = glm::dvec3(mesh.positions[mesh.indices[3 * t + k]]);
        const glm::dvec3 n = glm::cross(p[1] - p[0], p[2] - p[0]);
        const double len = glm::length(n);
        if (len <= 0.0) continue;
        const glm::dvec3 unit = n / len;
        for (std::size_t k = 0; k < 3; ++k) {
            const glm::dvec3 e1 = p[(k + 1) % 3] - p[k];
            const glm::dvec3 e2 = p[(k + 2) % 3] - p[k];
            const double l1 = glm::length(e1);
            const double l2 = glm::length(e2);
            if (l1 <= 0.0 || l2 <= 0.0) continue;
            const double angle = std::acos(std::clamp(glm::dot(e1, e2) / (l1 * l2), -1.0, 1.0));
            acc[mesh.indices[3 * t + k]] += unit * angle;
        }
    }
    std::vector<glm::vec3> normals(acc.size());
    for (std::size_t i = 0; i < acc.size(); ++i) {
        const double len = glm::length(acc[i]);
        normals[i] = len > 1e-12 ? glm::vec3(acc[i] / len) : glm::vec3(0.0f, 0.0f, 1.0f);
    }
    return normals;
}

std::vector<std::vector<std::uint32_t>> vertex_neighbours(const TriMesh& mesh) {
    std::vector<std::vector<std::uint32_t>> adj(mesh.positions.size());
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[3 * t + k];
            const std::uint32_t b = mesh.indices[3 * t + (k + 1) % 3];
            adj[a].push_back(b);
            adj[b].push_back(a);
        }
    }
    for (auto& list : adj) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return adj;
}

}  // namespace myoview::bake
