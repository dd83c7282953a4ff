#pragma once
// What the eye sees of each mesh, for "label everything": a small ID image (mesh index per pixel, depth-tested)
// rasterised on the CPU from the same posed triangles, visibility flags, translucency and cutting plane the renderer
// draws. A structure is seen where it is the nearest opaque surface, or a see-through surface (the x-ray muscles)
// in front of every opaque one; pec minor under pec major covers no pixel until the cut or the x-ray shows it.
//
// Why the CPU and not a GPU ID pass: the answer is needed by the scene (no Vulkan, engine/README.md) in the frame it
// is asked for, headless and in tests without a device; at kWidth x 180 the whole image costs a few milliseconds
// (every triangle is a pixel or two at this size), and it is redone only when the picture changed.

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/render/frame.h"
#include "myoview/scene/mesh_set.h"

namespace myoview::scene {

// The posed world vertices of every mesh, reposed only when the pose changed (the live bone palette or a model
// matrix): label anchors, the ID image and posed centres share them.
class PosedVertices {
public:
    // Poses the meshes `which` lists (every mesh when it is empty) as `frame` does, those not posed yet with this
    // pose; returns true when the pose changed since the last call. The story's labels need two dozen meshes posed,
    // "label everything" all of them.
    bool update(const MeshSet& meshes, const render::SceneFrame& frame, const std::vector<std::size_t>& which = {});
    const std::vector<glm::vec3>& mesh(std::size_t i) const { return posed_.at(i); }
    glm::vec3 center(std::size_t i) const { return centers_.at(i); }
    std::size_t size() const { return posed_.size(); }

private:
    std::vector<std::vector<glm::vec3>> posed_;
    std::vector<glm::vec3> centers_;
    std::vector<glm::mat4> palette_;  // the live kMaxBones the vertices were posed with
    std::vector<glm::mat4> models_;
    std::vector<std::uint64_t> posed_generation_;  // per mesh: the pose it was posed with
    std::uint64_t generation_ = 0;                 // bumped when the pose changes
    bool valid_ = false;
};

// One mesh's share of the ID image.
struct MeshVisibility {
    int pixels = 0;          // ID pixels where the eye sees this mesh
    int inside_pixels = 0;   // of those, the ones whose four neighbours are this mesh too: a patch, not a sliver
    glm::vec3 anchor{0.0f};  // world point on a seen pixel of it nearest the centre of its seen pixels (inside the
                             // seen region when it has an inside), so a leader line ends on the structure
};

class VisibilityMap {
public:
    static constexpr uint32_t kWidth = 320;  // ID pixels across; the height follows the viewport's aspect

    // Rasterises `frame` as a viewport of `viewport` pixels sees it, as the renderer draws it: meshes hidden in the
    // frame are left out; opaque meshes hide what lies behind them; see-through ones (tint or colour alpha < 1: the
    // skin's veil, the x-ray muscles) hide nothing but are seen where they lie in front of every opaque surface; a
    // mesh marked `cut` loses what lies beyond the cutting plane, and its back faces (the inside the cut opens) are
    // not drawn, as the renderer culls them.
    void build(const MeshSet& meshes, const PosedVertices& posed, const render::SceneFrame& frame, glm::uvec2 viewport);

    const std::vector<MeshVisibility>& meshes() const { return meshes_; }
    uint32_t width() const { return width_; }
    uint32_t height() const { return height_; }
    // The nearest opaque mesh at ID pixel (x, y), index + 1; 0 for the background.
    uint32_t opaque_id(uint32_t x, uint32_t y) const { return opaque_id_[y * width_ + x]; }
    // The bounding box of every drawn pixel (opaque or see-through, the skin included) in window pixels
    // (x0, y0, x1, y1); x1 < x0 when nothing is drawn.
    glm::vec4 figure_px() const { return figure_px_; }

private:
    uint32_t width_ = 0, height_ = 0;
    std::vector<uint32_t> opaque_id_;                // index + 1 of the nearest opaque mesh
    std::vector<float> opaque_depth_, layer_depth_;  // layer: one see-through mesh at a time
    std::vector<MeshVisibility> meshes_;
    glm::vec4 figure_px_{1.0f, 1.0f, 0.0f, 0.0f};
};

}  // namespace myoview::scene
