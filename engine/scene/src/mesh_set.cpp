#include "myoview/scene/mesh_set.h"

#include <cmath>
#include <limits>

namespace myoview::scene {
namespace {

// Whether the ray (origin, dir; dir normalised) meets the box [lo, hi] ahead of its origin: the slab test. A zero
// component of dir gives infinities, which the min / max absorb (only an origin exactly on that slab's plane would
// give a NaN).
bool ray_hits_box(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& lo, const glm::vec3& hi) {
    const glm::vec3 inv = 1.0f / dir;
    const glm::vec3 t0 = (lo - origin) * inv, t1 = (hi - origin) * inv;
    const glm::vec3 near_t = glm::min(t0, t1), far_t = glm::max(t0, t1);
    const float enter = std::max({near_t.x, near_t.y, near_t.z}), leave = std::min({far_t.x, far_t.y, far_t.z});
    return enter <= leave && leave >= 0.0f;
}

// Distance along the ray to the triangle (a, b, c), if the ray hits it (both faces count): Moller-Trumbore.
std::optional<float> ray_triangle(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& a,
                                  const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(dir, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) return std::nullopt;  // parallel to the plane
    const float inv = 1.0f / det;
    const glm::vec3 s = origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(dir, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(e2, q) * inv;
    if (t <= 0.0f) return std::nullopt;
    return t;
}

}  // namespace

Result<MeshSet> MeshSet::from_model(const assets::Model& model) {
    auto layout = assets::skin_layout(model, render::kMaxBones);
    if (!layout) return layout.error();
    MeshSet set;
    set.bone_names_ = layout->bone_names;
    set.bounds_ = model.bounds;
    for (std::size_t d = 0; d < layout->drawable.size(); ++d) {
        const assets::Mesh& m = model.meshes[layout->drawable[d]];
        SceneMesh out;
        out.id = assets::mesh_id(m);
        out.positions = m.positions;
        out.indices = m.indices;
        out.base_color = m.base_color;
        out.joints.assign(m.positions.size(), glm::uvec4(0u));
        out.weights.assign(m.positions.size(), glm::vec4(0.0f));
        glm::vec3 sum(0.0f);
        for (std::size_t v = 0; v < m.positions.size(); ++v) {
            sum += m.positions[v];
            if (!layout->skinned[d]) continue;
            for (int k = 0; k < 4; ++k) {
                const uint32_t j = m.joints[v][k];
                if (j < layout->joint_map[d].size()) out.joints[v][k] = layout->joint_map[d][j];
            }
            out.weights[v] = m.weights[v];
        }
        out.center = sum / static_cast<float>(m.positions.size());
        // The per-bone boxes of posed_box().
        std::vector<SceneMesh::Box> by_bone(render::kMaxBones);
        for (std::size_t v = 0; v < out.positions.size(); ++v) {
            const glm::vec4& w = out.weights[v];
            const float total = w.x + w.y + w.z + w.w;
            if (total == 0.0f) {
                out.static_box.add(out.positions[v]);
                continue;
            }
            if (std::abs(total - 1.0f) > 1e-3f) out.boxed = false;
            for (int k = 0; k < 4; ++k) {
                const uint32_t j = out.joints[v][k];
                if (w[k] == 0.0f) continue;
                if (j >= by_bone.size()) out.boxed = false;
                else by_bone[j].add(out.positions[v]);
            }
        }
        for (uint32_t j = 0; j < by_bone.size(); ++j) {
            if (!by_bone[j].empty()) out.bone_boxes.emplace_back(j, by_bone[j]);
        }
        set.meshes_.push_back(std::move(out));
    }
    return set;
}

std::optional<std::size_t> MeshSet::find(std::string_view id) const {
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        if (meshes_[i].id == id) return i;
    }
    return std::nullopt;
}

glm::vec3 MeshSet::posed_vertex(std::size_t i, std::size_t v, const render::SceneFrame& frame) const {
    const SceneMesh& mesh = meshes_[i];
    const glm::vec4 w = mesh.weights[v];
    glm::vec4 p(mesh.positions[v], 1.0f);
    if (w.x + w.y + w.z + w.w > 0.0f) {
        const glm::uvec4 j = mesh.joints[v];
        const auto& pal = frame.palette;
        auto bone = [&](uint32_t k) { return k < pal.size() ? pal[k] : glm::mat4(1.0f); };
        p = (w.x * bone(j.x) + w.y * bone(j.y) + w.z * bone(j.z) + w.w * bone(j.w)) * p;
    }
    const glm::mat4 model = i < frame.meshes.size() ? frame.meshes[i].model : glm::mat4(1.0f);
    return glm::vec3(model * p);
}

glm::vec3 MeshSet::posed_center(std::size_t i, const render::SceneFrame& frame) const {
    const SceneMesh& mesh = meshes_.at(i);
    glm::vec3 sum(0.0f);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) sum += posed_vertex(i, v, frame);
    return mesh.positions.empty() ? sum : sum / static_cast<float>(mesh.positions.size());
}

SceneMesh::Box MeshSet::posed_box(std::size_t i, const render::SceneFrame& frame) const {
    const SceneMesh& mesh = meshes_.at(i);
    SceneMesh::Box out;
    if (!mesh.boxed) {
        out.add(glm::vec3(-std::numeric_limits<float>::max()));
        out.add(glm::vec3(std::numeric_limits<float>::max()));
        return out;
    }
    const glm::mat4 model = i < frame.meshes.size() ? frame.meshes[i].model : glm::mat4(1.0f);
    auto add_moved = [&](const SceneMesh::Box& box, const glm::mat4& m) {
        if (box.empty()) return;
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 corner((c & 1) ? box.hi.x : box.lo.x, (c & 2) ? box.hi.y : box.lo.y,
                                   (c & 4) ? box.hi.z : box.lo.z);
            out.add(glm::vec3(m * glm::vec4(corner, 1.0f)));
        }
    };
    add_moved(mesh.static_box, model);
    for (const auto& [j, box] : mesh.bone_boxes) {
        add_moved(box, model * (j < frame.palette.size() ? frame.palette[j] : glm::mat4(1.0f)));
    }
    return out;
}

std::optional<std::size_t> MeshSet::pick(const render::SceneFrame& frame, float x, float y, float width,
                                         float height) const {
    const auto hits = pick_all(frame, {glm::vec2(x, y)}, width, height);
    return hits.empty() ? std::nullopt : hits.front();
}

std::vector<std::optional<std::size_t>> MeshSet::pick_all(const render::SceneFrame& frame,
                                                          const std::vector<glm::vec2>& pixels, float width,
                                                          float height) const {
    std::vector<std::optional<std::size_t>> best(pixels.size());
    if (width <= 0.0f || height <= 0.0f || pixels.empty()) return best;
    const glm::mat4 inv = glm::inverse(frame.camera.projection(width / height) * frame.camera.view());
    struct Ray {
        glm::vec3 origin, dir;
    };
    std::vector<Ray> rays;
    for (const glm::vec2& p : pixels) {
        // The projection flips y, so framebuffer y (down) maps to clip y directly.
        const glm::vec2 ndc(2.0f * p.x / width - 1.0f, 2.0f * p.y / height - 1.0f);
        const glm::vec4 near_point = inv * glm::vec4(ndc, 0.0f, 1.0f);
        const glm::vec4 far_point = inv * glm::vec4(ndc, 1.0f, 1.0f);
        const glm::vec3 origin = glm::vec3(near_point) / near_point.w;
        rays.push_back({origin, glm::normalize(glm::vec3(far_point) / far_point.w - origin)});
    }
    std::vector<float> best_t(pixels.size(), std::numeric_limits<float>::max());
    std::vector<glm::vec3> posed;
    for (std::size_t m = 0; m < meshes_.size(); ++m) {
        if (m < frame.meshes.size() && (!frame.meshes[m].visible || frame.meshes[m].outline)) continue;
        const SceneMesh& mesh = meshes_[m];
        // Most rays miss most meshes: a mesh is posed only when a ray meets its bound (posing every vertex of the
        // model for each hover pick was most of the pick's time).
        const SceneMesh::Box bound = posed_box(m, frame);
        std::vector<std::size_t> near_rays;
        for (std::size_t r = 0; r < rays.size(); ++r) {
            if (ray_hits_box(rays[r].origin, rays[r].dir, bound.lo, bound.hi)) near_rays.push_back(r);
        }
        if (near_rays.empty()) continue;
        posed.resize(mesh.positions.size());
        for (std::size_t v = 0; v < posed.size(); ++v) posed[v] = posed_vertex(m, v, frame);
        const bool cut = m < frame.meshes.size() && frame.meshes[m].cut;
        for (const std::size_t r : near_rays) {
            const Ray& ray = rays[r];
            for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
                const auto hit = ray_triangle(ray.origin, ray.dir, posed[mesh.indices[t]], posed[mesh.indices[t + 1]],
                                              posed[mesh.indices[t + 2]]);
                if (!hit || *hit >= best_t[r]) continue;
                if (cut && glm::dot(glm::vec3(frame.cut_plane), ray.origin + ray.dir * *hit) > frame.cut_plane.w) {
                    continue;
                }
                best_t[r] = *hit;
                best[r] = m;
            }
        }
    }
    return best;
}

}  // namespace myoview::scene
