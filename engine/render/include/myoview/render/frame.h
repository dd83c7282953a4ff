#pragma once
// The value the renderer draws: one SceneFrame per frame, made by the scene layer (engine/scene) and consumed by
// SceneRenderer::record. Plain data, no Vulkan: the scene and its tests build it without a device.

#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/render/camera.h"
#include "myoview/render/colormap.h"

namespace myoview::render {

inline constexpr std::size_t kMaxHotSpots = 24;  // shaders/globals.glsl gets it as MYOVIEW_MAX_HOT_SPOTS
inline constexpr std::size_t kMaxBones = 32;     // live pose; the ghost pose takes the next 32 palette slots

// How muscles are coloured: the colormap, the tension scale (shared with the legend) and the length stripes.
struct TensionView {
    ColormapId colormap = ColormapId::kMagma;
    TensionScale scale;
    float stripes = 1.0f;  // 0 hides the length encoding
};

// A glowing spot on one mesh's surface (trigger points): world centre, radius, strength 0..1.
struct HotSpot {
    glm::vec3 center{0.0f};
    float radius = 0.02f;
    float strength = 0.0f;
    std::size_t mesh = 0;
    bool zone = false;  // a referred-pain area: drawn as a soft wash rather than a point
};

// How one mesh is drawn this frame.
struct MeshDrawState {
    bool visible = true;
    glm::vec4 tint{1.0f};        // rgb multiplies the mesh colour; a: opacity (< 1 draws in the translucent pass)
    float highlight = 0.0f;      // 0..1
    glm::mat4 model{1.0f};
    float tension = -1.0f;       // fraction of max isometric force; < 0: coloured by its material, not by tension
    float length_ratio = 1.0f;   // length / healthy length (drives the bands)
    bool outline = false;        // translucent as an outline: clear face-on, opaque toward the silhouette
    bool cut = false;            // the cutting plane removes what lies on its far side (SceneFrame::cut_plane)
};

struct SceneFrame {
    OrbitCamera camera;
    std::vector<MeshDrawState> meshes;  // one per drawable mesh, in the renderer's (assets::SkinLayout's) order
    // World-from-bind matrices: kMaxBones for the live pose, then kMaxBones for the ghost (the pose a session
    // started from); identity where unused.
    std::vector<glm::mat4> palette = std::vector<glm::mat4>(2 * kMaxBones, glm::mat4(1.0f));
    std::vector<std::size_t> ghost_meshes;  // drawn again as a faint outline with the ghost pose
    bool show_ghost = false;
    TensionView tension_view;
    std::vector<HotSpot> hot_spots;  // at most kMaxHotSpots are drawn
    double time_s = 0.0;             // seconds since the session began; drives the hot spots' pulse
    float exposure = 1.0f;
    // The cutting plane (xyz unit normal, w offset): a mesh marked `cut` drops its fragments where dot(xyz, p) > w.
    glm::vec4 cut_plane{0.0f, 0.0f, 1.0f, 1.0e9f};
};

}  // namespace myoview::render
