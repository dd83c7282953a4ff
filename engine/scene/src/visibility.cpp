#include "myoview/scene/visibility.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myoview::scene {
namespace {

// The renderer's rule (SceneRenderer::record): a mesh goes to the translucent pass, which writes no depth, when its
// colour or its tint is not fully opaque.
bool see_through(const SceneMesh& mesh, const render::MeshDrawState& state) {
    return mesh.base_color.a < 0.999f || state.tint.a < 0.999f;
}

}  // namespace

bool PosedVertices::update(const MeshSet& meshes, const render::SceneFrame& frame,
                           const std::vector<std::size_t>& which) {
    const std::size_t n = meshes.size();
    bool same = valid_ && posed_.size() == n && frame.palette.size() >= render::kMaxBones &&
                std::equal(palette_.begin(), palette_.end(), frame.palette.begin());
    for (std::size_t i = 0; same && i < n; ++i) {
        same = models_[i] == (i < frame.meshes.size() ? frame.meshes[i].model : glm::mat4(1.0f));
    }
    if (!same) {
        palette_.assign(frame.palette.begin(),
                        frame.palette.begin() + std::min(frame.palette.size(), render::kMaxBones));
        models_.assign(n, glm::mat4(1.0f));
        for (std::size_t i = 0; i < n && i < frame.meshes.size(); ++i) models_[i] = frame.meshes[i].model;
        posed_.resize(n);
        centers_.resize(n, glm::vec3(0.0f));
        posed_generation_.resize(n, 0);
        ++generation_;
        valid_ = true;
    }
    auto bone = [&](uint32_t k) -> const glm::mat4& {
        static const glm::mat4 kIdentity(1.0f);
        return k < palette_.size() ? palette_[k] : kIdentity;
    };
    auto pose = [&](std::size_t i) {
        if (i >= n || posed_generation_[i] == generation_) return;
        posed_generation_[i] = generation_;
        const SceneMesh& mesh = meshes.mesh(i);
        const glm::mat4& model = models_[i];
        std::vector<glm::vec3>& out = posed_[i];
        out.resize(mesh.positions.size());
        glm::vec3 sum(0.0f);
        for (std::size_t v = 0; v < out.size(); ++v) {
            const glm::vec4 w = mesh.weights[v];
            glm::vec4 p(mesh.positions[v], 1.0f);
            if (w.x + w.y + w.z + w.w > 0.0f) {
                const glm::uvec4 j = mesh.joints[v];
                p = w.x * (bone(j.x) * p) + w.y * (bone(j.y) * p) + w.z * (bone(j.z) * p) + w.w * (bone(j.w) * p);
            }
            out[v] = glm::vec3(model * p);
            sum += out[v];
        }
        centers_[i] = out.empty() ? glm::vec3(0.0f) : sum / static_cast<float>(out.size());
    };
    if (which.empty()) {
        for (std::size_t i = 0; i < n; ++i) pose(i);
    } else {
        for (std::size_t i : which) pose(i);
    }
    return !same;
}

void VisibilityMap::build(const MeshSet& meshes, const PosedVertices& posed, const render::SceneFrame& frame,
                          glm::uvec2 viewport) {
    meshes_.assign(meshes.size(), {});
    figure_px_ = {1.0f, 1.0f, 0.0f, 0.0f};
    if (viewport.x == 0 || viewport.y == 0 || posed.size() != meshes.size()) {
        width_ = height_ = 0;
        return;
    }
    constexpr float kFar = std::numeric_limits<float>::max();
    const float vw = static_cast<float>(viewport.x), vh = static_cast<float>(viewport.y);
    width_ = std::min(kWidth, viewport.x);
    height_ = std::max(1u, static_cast<uint32_t>(std::lround(static_cast<float>(width_) * vh / vw)));
    const std::size_t count = static_cast<std::size_t>(width_) * height_;
    opaque_id_.assign(count, 0u);
    opaque_depth_.assign(count, kFar);
    layer_depth_.assign(count, kFar);

    const glm::mat4 view_proj = frame.camera.projection(vw / vh) * frame.camera.view();
    const glm::mat4 unproject = glm::inverse(view_proj);
    const glm::vec3 eye = frame.camera.position();
    const glm::vec3 plane_normal(frame.cut_plane);
    const float W = static_cast<float>(width_), H = static_cast<float>(height_);
    std::vector<glm::vec4> screen;  // x, y in ID pixels, depth (0 near .. 1 far), 1 / clip w (0: behind the eye)
    std::vector<float> beyond;      // distance past the cutting plane / clip w (perspective-correct interpolation)
    struct Extent {
        int x0 = std::numeric_limits<int>::max(), y0 = std::numeric_limits<int>::max(), x1 = -1, y1 = -1;
    };
    std::vector<Extent> extent(meshes.size());

    // Draws mesh m: opaque into the ID image (nearest wins), see-through into layer_depth_ (its own nearest surface,
    // where it lies in front of the finished opaque depth).
    auto rasterise = [&](std::size_t m, bool see_through_pass) {
        const SceneMesh& mesh = meshes.mesh(m);
        const std::vector<glm::vec3>& p = posed.mesh(m);
        const bool cut = frame.meshes[m].cut;
        screen.resize(p.size());
        beyond.resize(p.size());
        for (std::size_t v = 0; v < p.size(); ++v) {
            const glm::vec4 clip = view_proj * glm::vec4(p[v], 1.0f);
            if (clip.w <= 1e-6f) {
                screen[v] = glm::vec4(0.0f);
                continue;
            }
            const float inv = 1.0f / clip.w;
            screen[v] = {(clip.x * inv * 0.5f + 0.5f) * W, (clip.y * inv * 0.5f + 0.5f) * H, clip.z * inv, inv};
            beyond[v] = cut ? (glm::dot(plane_normal, p[v]) - frame.cut_plane.w) * inv : 0.0f;
        }
        const uint32_t id = static_cast<uint32_t>(m) + 1u;
        Extent& e = extent[m];
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const uint32_t ia = mesh.indices[t], ib = mesh.indices[t + 1], ic = mesh.indices[t + 2];
            const glm::vec4 &a = screen[ia], &b = screen[ib], &c = screen[ic];
            if (a.w <= 0.0f || b.w <= 0.0f || c.w <= 0.0f) continue;  // crosses the eye's plane: not in this view
            // A cut opens the closed mesh: its inside (back faces) stays undrawn, as the renderer culls them.
            if (cut && glm::dot(glm::cross(p[ib] - p[ia], p[ic] - p[ia]), eye - p[ia]) <= 0.0f) continue;
            const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            if (std::abs(area) < 1e-12f) continue;
            const float inv_area = 1.0f / area;
            // The pixel centres inside the triangle's box, clamped in float first: a vertex near the eye's plane
            // projects far outside, and a float beyond int's range may not be converted.
            const float min_x = std::clamp(std::min({a.x, b.x, c.x}) - 0.5f, -1.0f, W);
            const float max_x = std::clamp(std::max({a.x, b.x, c.x}) - 0.5f, -1.0f, W);
            const float min_y = std::clamp(std::min({a.y, b.y, c.y}) - 0.5f, -1.0f, H);
            const float max_y = std::clamp(std::max({a.y, b.y, c.y}) - 0.5f, -1.0f, H);
            const int x0 = std::max(0, static_cast<int>(std::ceil(min_x)));
            const int x1 = std::min(static_cast<int>(width_) - 1, static_cast<int>(std::floor(max_x)));
            const int y0 = std::max(0, static_cast<int>(std::ceil(min_y)));
            const int y1 = std::min(static_cast<int>(height_) - 1, static_cast<int>(std::floor(max_y)));
            for (int y = y0; y <= y1; ++y) {
                const float py = static_cast<float>(y) + 0.5f;
                for (int x = x0; x <= x1; ++x) {
                    const float px = static_cast<float>(x) + 0.5f;
                    const float wa = ((b.x - px) * (c.y - py) - (b.y - py) * (c.x - px)) * inv_area;
                    const float wb = ((c.x - px) * (a.y - py) - (c.y - py) * (a.x - px)) * inv_area;
                    const float wc = 1.0f - wa - wb;
                    if (wa < 0.0f || wb < 0.0f || wc < 0.0f) continue;
                    const float z = wa * a.z + wb * b.z + wc * c.z;
                    if (z < 0.0f || z > 1.0f) continue;
                    if (cut) {
                        const float d =
                            (wa * beyond[ia] + wb * beyond[ib] + wc * beyond[ic]) / (wa * a.w + wb * b.w + wc * c.w);
                        if (d > 0.0f) continue;  // the shader's discard: dot(n, p) > w
                    }
                    const std::size_t i = static_cast<std::size_t>(y) * width_ + static_cast<std::size_t>(x);
                    if (z >= opaque_depth_[i]) continue;
                    if (!see_through_pass) {
                        opaque_depth_[i] = z;
                        opaque_id_[i] = id;
                    } else if (z < layer_depth_[i]) {
                        layer_depth_[i] = z;
                    } else {
                        continue;
                    }
                    e.x0 = std::min(e.x0, x);
                    e.y0 = std::min(e.y0, y);
                    e.x1 = std::max(e.x1, x);
                    e.y1 = std::max(e.y1, y);
                }
            }
        }
    };

    // Mesh m's seen pixels (seen(i), at depth(i)) within its extent: how many, how many inside, and the anchor, the
    // seen pixel nearest their centre, preferring one inside (a line that ends on an edge reads as pointing at the
    // neighbour).
    float fx0 = W, fy0 = H, fx1 = -1.0f, fy1 = -1.0f;
    auto measure = [&](std::size_t m, auto seen, auto depth) {
        const Extent& e = extent[m];
        MeshVisibility& out = meshes_[m];
        glm::vec2 sum(0.0f);
        for (int y = e.y0; y <= e.y1; ++y) {
            for (int x = e.x0; x <= e.x1; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * width_ + static_cast<std::size_t>(x);
                if (!seen(i)) continue;
                ++out.pixels;
                sum += glm::vec2(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
                const bool inside = x > 0 && y > 0 && x + 1 < static_cast<int>(width_) &&
                                    y + 1 < static_cast<int>(height_) && seen(i - 1) && seen(i + 1) &&
                                    seen(i - width_) && seen(i + width_);
                if (inside) ++out.inside_pixels;
                fx0 = std::min(fx0, static_cast<float>(x));
                fy0 = std::min(fy0, static_cast<float>(y));
                fx1 = std::max(fx1, static_cast<float>(x) + 1.0f);
                fy1 = std::max(fy1, static_cast<float>(y) + 1.0f);
            }
        }
        if (out.pixels == 0) return;
        const glm::vec2 centre = sum / static_cast<float>(out.pixels);
        float best = kFar;
        std::size_t best_at = 0;
        for (int y = e.y0; y <= e.y1; ++y) {
            for (int x = e.x0; x <= e.x1; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * width_ + static_cast<std::size_t>(x);
                if (!seen(i)) continue;
                const bool inside = x > 0 && y > 0 && x + 1 < static_cast<int>(width_) &&
                                    y + 1 < static_cast<int>(height_) && seen(i - 1) && seen(i + 1) &&
                                    seen(i - width_) && seen(i + width_);
                if (out.inside_pixels > 0 && !inside) continue;
                const float d =
                    glm::length(glm::vec2(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f) - centre);
                if (d < best) {
                    best = d;
                    best_at = i;
                }
            }
        }
        const float x = static_cast<float>(best_at % width_) + 0.5f, y = static_cast<float>(best_at / width_) + 0.5f;
        const glm::vec4 world = unproject * glm::vec4(x / W * 2.0f - 1.0f, y / H * 2.0f - 1.0f, depth(best_at), 1.0f);
        out.anchor = glm::vec3(world) / world.w;
    };

    // Opaque first (they write depth), then each see-through mesh against the finished opaque depth: every
    // see-through surface in front of the opaque ones is seen (the eye looks through one veil at the next).
    std::vector<std::size_t> see_through_meshes;
    for (std::size_t m = 0; m < meshes.size() && m < frame.meshes.size(); ++m) {
        const render::MeshDrawState& st = frame.meshes[m];
        if (!st.visible) continue;
        if (see_through(meshes.mesh(m), st))
            see_through_meshes.push_back(m);
        else
            rasterise(m, false);
    }
    for (std::size_t m = 0; m < meshes.size() && m < frame.meshes.size(); ++m) {
        if (extent[m].x1 < 0 || !frame.meshes[m].visible || see_through(meshes.mesh(m), frame.meshes[m])) continue;
        const uint32_t id = static_cast<uint32_t>(m) + 1u;
        measure(
            m, [&](std::size_t i) { return opaque_id_[i] == id; }, [&](std::size_t i) { return opaque_depth_[i]; });
    }
    for (std::size_t m : see_through_meshes) {
        rasterise(m, true);
        if (extent[m].x1 < 0) continue;
        measure(
            m, [&](std::size_t i) { return layer_depth_[i] < kFar; }, [&](std::size_t i) { return layer_depth_[i]; });
        const Extent& e = extent[m];
        for (int y = e.y0; y <= e.y1; ++y) {
            std::fill_n(layer_depth_.begin() + static_cast<std::ptrdiff_t>(y) * width_ + e.x0, e.x1 - e.x0 + 1, kFar);
        }
    }
    const float to_window_x = vw / W, to_window_y = vh / H;
    if (fx1 >= fx0) figure_px_ = {fx0 * to_window_x, fy0 * to_window_y, fx1 * to_window_x, fy1 * to_window_y};
}

}  // namespace myoview::scene
