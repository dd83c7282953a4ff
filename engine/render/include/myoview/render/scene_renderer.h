#pragma once
// Draws the scene (background, opaque meshes, translucent layers, then an overlay callback for ImGui) into a
// colour target through one render pass with depth and MSAA. The same renderer serves the window (swapchain
// images, PRESENT_SRC) and headless rendering (an offscreen image, TRANSFER_SRC): only RenderTargetDesc differs.
//
// Contract: set_model and resize are called between frames; resources the GPU may still use are released
// through FrameRing::defer (set_model) or after FrameRing::drain (resize, by the caller).

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/assets/model.h"
#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/frames.h"
#include "myoview/gpu/handle.h"
#include "myoview/gpu/resources.h"
#include "myoview/render/camera.h"
#include "myoview/render/colormap.h"
#include "myoview/render/frame.h"

namespace myoview::render {

struct RenderTargetDesc {
    VkFormat color_format = VK_FORMAT_R8G8B8A8_SRGB;
    VkImageLayout final_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;  // reduced to what the device supports
};

// std140 mirror of shaders/globals.glsl.
struct FrameGlobals {
    glm::mat4 view;
    glm::mat4 proj;
    glm::vec4 camera_pos;
    glm::vec4 key_dir;
    glm::vec4 key_color;
    glm::vec4 fill_dir;
    glm::vec4 fill_color;
    glm::vec4 rim_color;
    glm::vec4 sky_color;
    glm::vec4 ground_color;
    glm::vec4 bg_top;
    glm::vec4 bg_bottom;
    glm::vec4 viewport;
    glm::vec4 tension_view;   // x: scale floor, y: scale range, z: full-scale tension, w: stripe strength
    glm::vec4 hot_spot_count;            // x: number of hot spots in use
    glm::vec4 hot_spots[kMaxHotSpots];   // xyz centre, w radius
    glm::vec4 hot_spot_info[kMaxHotSpots];  // x strength, y mesh index, z 1 = a zone (grouped by mesh)
    glm::vec4 cut_plane;                    // xyz unit normal, w offset (SceneFrame::cut_plane)
};
// The std140 layout of shaders/globals.glsl: every member is a vec4 or mat4 (16-byte aligned, no padding), so each
// offset is the sum of the sizes before it. A member added on one side only breaks one of these at compile time.
static_assert(offsetof(FrameGlobals, view) == 0 && offsetof(FrameGlobals, proj) == 64);
static_assert(offsetof(FrameGlobals, camera_pos) == 128 && offsetof(FrameGlobals, viewport) == 128 + 10 * 16);
static_assert(offsetof(FrameGlobals, tension_view) == 128 + 11 * 16 && offsetof(FrameGlobals, hot_spot_count) == 128 + 12 * 16);
static_assert(offsetof(FrameGlobals, hot_spots) == offsetof(FrameGlobals, hot_spot_count) + 16);
static_assert(offsetof(FrameGlobals, hot_spot_info) == offsetof(FrameGlobals, hot_spots) + kMaxHotSpots * 16);
static_assert(offsetof(FrameGlobals, cut_plane) == offsetof(FrameGlobals, hot_spot_info) + kMaxHotSpots * 16);
static_assert(sizeof(FrameGlobals) == offsetof(FrameGlobals, cut_plane) + 16);

// Background gradient colours in sRGB (what a designer picks); converted to linear for the shader.
inline constexpr glm::vec3 kBackgroundTopSrgb{0.20f, 0.25f, 0.31f};
inline constexpr glm::vec3 kBackgroundBottomSrgb{0.07f, 0.08f, 0.10f};

class SceneRenderer {
public:
    static Result<std::unique_ptr<SceneRenderer>> create(const gpu::Device& device, const RenderTargetDesc& desc);
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer&) = delete;
    SceneRenderer& operator=(const SceneRenderer&) = delete;

    // Uploads the model's meshes. Meshes of a previous model are released through `ring` when one is given.
    // closed_outward: every mesh is closed and wound outward (myoview's generated model, checked by its tests), so
    // back faces may be culled; imported files are drawn two-sided.
    Status set_model(const assets::Model& model, gpu::FrameRing* ring, bool closed_outward = false);
    // (Re)creates the MSAA colour and depth attachments and one framebuffer per final view.
    Status resize(VkExtent2D extent, const std::vector<VkImageView>& final_views);

    // Records `frame` into `cmd` for framebuffer `target_index`, using frame slot `frame_index`'s uniforms. The
    // renderer keeps no state of the scene between frames: everything it draws comes in `frame` (meshes beyond
    // frame.meshes.size() are not drawn).
    void record(VkCommandBuffer cmd, uint32_t target_index, uint32_t frame_index, const SceneFrame& frame,
                const std::function<void(VkCommandBuffer)>& overlay);

    // Level of detail: each mesh is drawn at the coarsest level (assets::Mesh::lods, within kLodErrorBoundM of the
    // full mesh) whose error, projected at the mesh's nearest point, stays under this many pixels. 0 draws every
    // mesh in full. Default 1 px: a level's silhouette moves by less than a pixel.
    void set_lod_pixel_error(float pixels) { lod_pixel_error_ = pixels; }
    float lod_pixel_error() const { return lod_pixel_error_; }
    // The level mesh i was drawn at by the last record() (0: full), and the triangles that record() drew.
    std::size_t drawn_level(std::size_t i) const { return meshes_.at(i).drawn_level; }
    std::size_t drawn_triangles() const { return drawn_triangles_; }

    // Render scale (one sample only): the 3D scene is drawn at scale x the target's size and stretched (bilinear) over
    // the target in a final full-resolution pass, the overlay (the UI) drawn sharp on top. A CPU device spends its
    // frame shading fragments, so this is its largest lever. set_render_scale(s) fixes it (clamped to
    // [kMinRenderScale, 1]; 1: off); set_render_scale(0) makes it follow the frame time: every few frames the scale
    // moves toward where the median interval between record() calls meets frame_time_target_ms (fragments cost as the
    // square of the scale). Default: 1 (off); the viewer turns it on for CPU devices.
    static constexpr float kMinRenderScale = 0.5f;
    void set_render_scale(float scale);
    void set_frame_time_target_ms(double ms) { frame_time_target_ms_ = ms; }
    // The scale the next record() draws at (the last one's, once the automatic scale has moved).
    float render_scale() const { return render_scale_; }
    bool render_scale_automatic() const { return render_scale_auto_; }

    VkRenderPass render_pass() const { return render_pass_; }
    VkSampleCountFlagBits samples() const { return samples_; }
    VkCommandPool upload_pool() const { return upload_pool_; }
    VkExtent2D extent() const { return extent_; }
    const assets::Bounds& bounds() const { return bounds_; }
    std::size_t mesh_count() const { return meshes_.size(); }
    const std::string& mesh_name(std::size_t i) const { return meshes_[i].name; }

private:
    // A level of detail: a range of the mesh's index buffer (level 0 = the full mesh) and its error bound.
    struct Level {
        uint32_t first_index = 0;
        uint32_t index_count = 0;
        float error_m = 0.0f;
    };
    struct GpuMesh {
        std::string name;
        gpu::Buffer vertices;
        gpu::Buffer indices;  // every level, finest first
        uint32_t index_count = 0;
        std::vector<Level> levels;
        float radius = 0.0f;           // of the bind-pose vertices about `center`
        std::size_t drawn_level = 0;   // chosen by the last record()
        glm::vec4 base_color{1.0f};
        bool uses_tangents = false;
        bool cull_back_faces = false;
        bool translucent = false;
        glm::vec3 center{0.0f};
    };
    explicit SceneRenderer(const gpu::Device& device) : device_(device) {}
    Status create_render_pass(const RenderTargetDesc& desc);
    Status create_scaled_passes(const RenderTargetDesc& desc);
    Status create_composite_pipeline();
    void update_render_scale();
    Status create_pipeline_layout();
    Status create_uniforms();
    void draw_mesh(VkCommandBuffer cmd, const GpuMesh& mesh, const MeshDrawState& state) const;
    std::size_t choose_level(const GpuMesh& mesh, const glm::mat4& model, const glm::vec3& eye,
                             float pixels_per_metre_at_1m) const;
    void draw_indices(VkCommandBuffer cmd, const GpuMesh& mesh) const;
    // Per mesh, this frame: its hot spots, a run [first, first + count) of the uniform block's, which holds them
    // grouped by mesh.
    struct SpotRun {
        std::uint16_t first = 0, count = 0;
    };
    std::vector<SpotRun> mesh_spots_;
    // This frame's tension colouring (a muscle's colour is one per draw: worked out here, not per pixel).
    TensionScale tension_scale_;
    std::array<glm::vec3, kColormapStops> colormap_linear_{};
    glm::vec3 tension_color(float tension) const;
    void draw_ghost(VkCommandBuffer cmd, const GpuMesh& mesh, const MeshDrawState& state) const;

    const gpu::Device& device_;
    VkSampleCountFlagBits samples_ = VK_SAMPLE_COUNT_1_BIT;
    VkFormat color_format_ = VK_FORMAT_UNDEFINED;
    VkFormat depth_format_ = VK_FORMAT_D32_SFLOAT;
    gpu::UniqueCommandPool upload_pool_;
    gpu::UniqueRenderPass render_pass_;
    gpu::UniqueDescriptorSetLayout set_layout_;
    gpu::UniqueDescriptorPool descriptor_pool_;
    gpu::UniquePipelineLayout pipeline_layout_;
    // The scene's pipelines, one set per render pass they draw in: render_pass_ (the target's format) and, with the
    // render scale, scaled_pass_ (kScaledFormat).
    struct ScenePipelines {
        gpu::UniquePipeline background;
        gpu::UniquePipeline opaque;
        gpu::UniquePipeline opaque_culled;
        gpu::UniquePipeline translucent;
    };
    Status create_scene_pipelines(VkRenderPass pass, ScenePipelines& out, const char* which);
    ScenePipelines pipelines_;
    ScenePipelines scaled_pipelines_;
    std::vector<gpu::Buffer> uniforms_;           // one per frame in flight
    std::vector<gpu::Buffer> bone_buffers_;       // one per frame in flight, kMaxBones matrices
    std::vector<VkDescriptorSet> descriptor_sets_;
    gpu::Image msaa_color_;
    gpu::Image depth_;
    std::vector<gpu::UniqueFramebuffer> framebuffers_;
    VkExtent2D extent_{};
    std::vector<GpuMesh> meshes_;
    assets::Bounds bounds_;
    float lod_pixel_error_ = 1.0f;
    // The scaled scene's colour: linear half floats (support for drawing, blending and filtered sampling is required
    // of every Vulkan device), read by the composite pass.
    static constexpr VkFormat kScaledFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
    // Render scale: the scene pass into scaled_color_ (full size; the top-left scale x size drawn), then the composite
    // pass (compatible with render_pass_, so the overlay's pipelines work in it) onto the target.
    gpu::UniqueRenderPass scaled_pass_;     // colour ends SHADER_READ_ONLY
    gpu::UniqueRenderPass composite_pass_;  // nothing loaded or cleared: the composite covers every pixel
    gpu::UniqueDescriptorSetLayout composite_set_layout_;
    gpu::UniqueDescriptorPool composite_pool_;
    VkDescriptorSet composite_set_ = VK_NULL_HANDLE;
    gpu::UniquePipelineLayout composite_layout_;
    gpu::UniquePipeline composite_pipeline_;
    gpu::UniqueSampler sampler_;
    gpu::Image scaled_color_;
    gpu::UniqueFramebuffer scaled_framebuffer_;  // the composite pass uses framebuffers_ (compatible passes)
    float render_scale_ = 1.0f;
    bool render_scale_auto_ = false;
    double frame_time_target_ms_ = 33.3;
    std::vector<double> frame_intervals_ms_;  // since the scale last moved
    std::chrono::steady_clock::time_point last_record_{};
    std::size_t drawn_triangles_ = 0;
};

}  // namespace myoview::render
