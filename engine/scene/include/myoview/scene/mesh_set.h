#pragma once
// The model's drawable meshes on the CPU, in the renderer's order (assets::skin_layout): skinning, picking and
// posed centres, done on the CPU against a SceneFrame's bone palette. No Vulkan.

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/assets/model.h"
#include "myoview/base/result.h"
#include "myoview/render/frame.h"

namespace myoview::scene {

struct SceneMesh {
    std::string id;  // the node name ids bind through
    std::vector<glm::vec3> positions;  // bind pose, world
    std::vector<uint32_t> indices;
    std::vector<glm::uvec4> joints;  // palette indices (all zero with zero weights on a static mesh)
    std::vector<glm::vec4> weights;
    glm::vec4 base_color{1.0f};
    glm::vec3 center{0.0f};  // of the bind-pose vertices
    // For a bound on the posed mesh without posing it (MeshSet::posed_box): per palette bone, the bind-pose box of
    // the vertices it moves, and the box of the static ones. A posed vertex is a weighted mean of its bones' moves
    // of it, so it lies in the box around those bones' moved boxes (weights summing to 1; `boxed` says they do).
    struct Box {
        glm::vec3 lo{std::numeric_limits<float>::max()}, hi{-std::numeric_limits<float>::max()};
        void add(const glm::vec3& p) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        bool empty() const { return lo.x > hi.x; }
    };
    std::vector<std::pair<uint32_t, Box>> bone_boxes;
    Box static_box;
    bool boxed = true;
};

class MeshSet {
public:
    static Result<MeshSet> from_model(const assets::Model& model);

    std::size_t size() const { return meshes_.size(); }
    const SceneMesh& mesh(std::size_t i) const { return meshes_.at(i); }
    std::optional<std::size_t> find(std::string_view id) const;
    const std::vector<std::string>& bone_names() const { return bone_names_; }
    const assets::Bounds& bounds() const { return bounds_; }

    // Vertex v of mesh i as `frame` poses it (its palette and the mesh's model matrix), world space.
    glm::vec3 posed_vertex(std::size_t i, std::size_t v, const render::SceneFrame& frame) const;
    // Mean of mesh i's posed vertices.
    glm::vec3 posed_center(std::size_t i, const render::SceneFrame& frame) const;
    // The nearest visible, non-outline mesh under pixel (x, y) of a width x height view of `frame`: a ray cast
    // against every posed triangle (~220 k; tens of milliseconds on one core, so callers pick on demand).
    std::optional<std::size_t> pick(const render::SceneFrame& frame, float x, float y, float width,
                                    float height) const;
    // A box that holds mesh i as `frame` poses it, from its per-bone boxes (no vertex posed); the whole world when
    // its weights do not allow the bound.
    SceneMesh::Box posed_box(std::size_t i, const render::SceneFrame& frame) const;
    // pick() for several pixels at once: each mesh is posed once for all of them (the labels' visibility check asks
    // for a dozen; posing every vertex per pixel was 7 % of a headless frame).
    std::vector<std::optional<std::size_t>> pick_all(const render::SceneFrame& frame,
                                                     const std::vector<glm::vec2>& pixels, float width,
                                                     float height) const;

private:
    std::vector<SceneMesh> meshes_;
    std::vector<std::string> bone_names_;
    assets::Bounds bounds_;
};

}  // namespace myoview::scene
