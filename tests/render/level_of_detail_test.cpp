// Level of detail on the bundled model (the bake's MSFT_lod levels, engine/render's choice by pixels of error): the
// choice follows the distance, a close-up draws the full meshes, and the default view with levels is the same picture
// as without them. Render scale: the scene drawn smaller and stretched is the same picture, softer; the automatic
// scale goes down when frames are slower than the target and back up when they are faster.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "myoview/assets/import.h"
#include "myoview/render/context.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"
#include "validated_gpu.h"

namespace myoview::render {
namespace {

const std::filesystem::path kGlb = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/models/anatomy.glb";

class LevelOfDetail : public ValidatedGpu {
protected:
    static void SetUpTestSuite() {
        ValidatedGpu::SetUpTestSuite();
        assets::ImportOptions import;
        import.convert_y_up_to_z_up = true;
        auto model = assets::import_model(kGlb, import);
        ASSERT_TRUE(model) << model.error().full_text();
        model_ = new assets::Model(std::move(model).value());
    }
    static void TearDownTestSuite() {
        delete model_;
        model_ = nullptr;
        ValidatedGpu::TearDownTestSuite();
    }
    void SetUp() override {
        ValidatedGpu::SetUp();
        ASSERT_NE(model_, nullptr);
    }

    struct Frame {
        gpu::Pixels pixels;
        std::size_t triangles = 0;
        std::vector<std::size_t> levels;  // per mesh
    };
    // One frame of the bundled model (front view, framed as the viewer frames it, zoomed by `zoom_steps`), with
    // levels of detail under `pixel_error` pixels (0: none).
    Frame render(uint32_t w, uint32_t h, float zoom_steps, float pixel_error, float render_scale = 1.0f, int frames = 1,
                 double target_ms = 33.3, float* scale_out = nullptr) {
        Frame out;
        RenderTargetDesc desc;
        desc.color_format = gpu::OffscreenTarget::kFormat;
        desc.samples = VK_SAMPLE_COUNT_1_BIT;
        auto ring = gpu::FrameRing::create(ctx_->device);
        EXPECT_TRUE(ring);
        auto renderer = SceneRenderer::create(ctx_->device, desc);
        EXPECT_TRUE(renderer) << renderer.error().full_text();
        if (!ring || !renderer) return out;
        EXPECT_TRUE((*renderer)->set_model(*model_, &ring.value(), true));
        (*renderer)->set_lod_pixel_error(pixel_error);
        (*renderer)->set_render_scale(render_scale);
        (*renderer)->set_frame_time_target_ms(target_ms);
        auto presenter = OffscreenPresenter::create(*ctx_, {w, h}, **renderer, ring.value());
        EXPECT_TRUE(presenter);
        if (!presenter) return out;
        OrbitCamera camera;
        camera.set_preset(ViewPreset::kFront);
        camera.frame(model_->bounds, static_cast<float>(w) / static_cast<float>(h));
        camera.zoom(zoom_steps);
        const SceneFrame scene = default_frame(**renderer, *model_, camera);
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            (*renderer)->record(cmd, image, frame, scene, nullptr);
        };
        for (int f = 0; f < frames; ++f) EXPECT_TRUE((*presenter)->draw(record, f + 1 == frames));
        EXPECT_TRUE((*presenter)->wait_idle());
        if (scale_out) *scale_out = (*renderer)->render_scale();
        out.pixels = (*presenter)->pixels();
        out.triangles = (*renderer)->drawn_triangles();
        for (std::size_t i = 0; i < (*renderer)->mesh_count(); ++i) out.levels.push_back((*renderer)->drawn_level(i));
        return out;
    }

    inline static assets::Model* model_ = nullptr;
};

std::size_t full_triangles(const assets::Model& model) {
    std::size_t n = 0;
    for (const auto& m : model.meshes) n += m.indices.size() / 3;
    return n;
}

TEST_F(LevelOfDetail, TheBundledModelCarriesTwoCoarserLevelsPerMesh) {
    std::size_t with_levels = 0;
    for (const auto& m : model_->meshes) {
        if (m.lods.empty()) continue;
        ++with_levels;
        std::size_t previous = m.indices.size();
        for (const auto& lod : m.lods) {
            EXPECT_LT(lod.size(), previous) << m.node_name << ": a level no coarser than the one before";
            previous = lod.size();
        }
    }
    // The bake skips a level that would drop under 10 % of the triangles: a few small bones have none.
    EXPECT_GE(with_levels, model_->meshes.size() * 4 / 5) << "most meshes should have coarser levels";
}

TEST_F(LevelOfDetail, TheChoiceFollowsTheDistanceAndACloseUpDrawsTheFullMeshes) {
    const std::size_t full = full_triangles(*model_);
    const Frame none = render(640, 360, 0.0f, 0.0f);
    EXPECT_EQ(none.triangles, full) << "pixel error 0 draws every mesh in full";
    EXPECT_TRUE(std::all_of(none.levels.begin(), none.levels.end(), [](std::size_t l) { return l == 0; }));

    const Frame far_away = render(640, 360, -12.0f, 1.0f);  // zoomed out: the figure a few hundred pixels tall
    const Frame framed = render(640, 360, 0.0f, 1.0f);
    const Frame close_up = render(640, 360, 14.0f, 1.0f);  // zoomed in as far as the camera goes
    std::size_t coarsest = 0;
    for (const auto& m : model_->meshes) coarsest += (m.lods.empty() ? m.indices.size() : m.lods.back().size()) / 3;
    EXPECT_EQ(far_away.triangles, coarsest) << "far away, every mesh at its coarsest level";
    EXPECT_LT(coarsest, full / 2);
    EXPECT_LE(far_away.triangles, framed.triangles);
    EXPECT_LT(framed.triangles, close_up.triangles) << "nearer, finer";
    // Up close the meshes in front of the camera are drawn in full.
    std::size_t full_up_close = 0;
    for (std::size_t l : close_up.levels) full_up_close += l == 0 ? 1 : 0;
    EXPECT_GT(full_up_close, 0u);
}

TEST_F(LevelOfDetail, TheDefaultViewLooksTheSameWithAndWithoutLevels) {
    // The window's default size (1280x720) and the view the viewer opens on: at most 1 pixel of error, so hardly a
    // pixel changes colour visibly. (At 1920x1080 the nearest meshes need every triangle; drawn at half scale, as a
    // CPU device does, the picture is 960x540 and the levels apply.)
    const Frame full = render(1280, 720, 0.0f, 0.0f);
    const Frame lod = render(1280, 720, 0.0f, 1.0f);
    ASSERT_EQ(full.pixels.rgba.size(), lod.pixels.rgba.size());
    ASSERT_FALSE(full.pixels.rgba.empty());
    EXPECT_LT(lod.triangles, full.triangles) << "the default view should not need every triangle";
    std::size_t differing = 0;
    const std::size_t pixel_count = full.pixels.rgba.size() / 4;
    for (std::size_t p = 0; p < pixel_count; ++p) {
        int diff = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int a = full.pixels.rgba[4 * p + c], b = lod.pixels.rgba[4 * p + c];
            diff = std::max(diff, std::abs(a - b));
        }
        if (diff > 24) ++differing;
    }
    const double fraction = static_cast<double>(differing) / static_cast<double>(pixel_count);
    std::printf("default view 1280x720: %zu of %zu triangles; %.4f %% of the pixels differ by more than 24/255\n",
                lod.triangles, full.triangles, 100.0 * fraction);
    EXPECT_LT(fraction, 0.005) << "levels of detail changed the picture visibly";
}

// Mean absolute difference per channel (0..255) between two pictures, and the share of pixels that differ by more
// than `threshold` in some channel.
std::pair<double, double> difference(const gpu::Pixels& a, const gpu::Pixels& b, int threshold) {
    double sum = 0.0;
    std::size_t over = 0;
    const std::size_t n = std::min(a.rgba.size(), b.rgba.size()) / 4;
    for (std::size_t p = 0; p < n; ++p) {
        int worst = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int d = std::abs(int{a.rgba[4 * p + c]} - int{b.rgba[4 * p + c]});
            sum += d;
            worst = std::max(worst, d);
        }
        over += worst > threshold ? 1 : 0;
    }
    return {sum / static_cast<double>(3 * std::max<std::size_t>(n, 1)),
            static_cast<double>(over) / static_cast<double>(std::max<std::size_t>(n, 1))};
}

TEST_F(LevelOfDetail, AHalfScaleSceneIsTheSamePictureSofter) {
    float used = 0.0f;
    const Frame full = render(640, 360, 0.0f, 0.0f, 1.0f);
    const Frame half = render(640, 360, 0.0f, 0.0f, 0.5f, 1, 33.3, &used);
    EXPECT_FLOAT_EQ(used, 0.5f);
    ASSERT_EQ(half.pixels.width, 640u) << "the target keeps its size";
    const auto [mean, share] = difference(full.pixels, half.pixels, 64);
    std::printf("half scale against full: mean difference %.2f / 255, %.2f %% of pixels off by more than 64\n", mean,
                100.0 * share);
    EXPECT_GT(mean, 0.0) << "a half-scale scene is softer: some pixels must differ";
    EXPECT_LT(mean, 6.0) << "the same picture";
    EXPECT_LT(share, 0.05) << "only edges may differ much";
    // The background's gradient and the figure's place survive: a pixel in the corner is background in both.
    EXPECT_LE(std::abs(int{full.pixels.at(5, 5)[0]} - int{half.pixels.at(5, 5)[0]}), 2);
}

TEST_F(LevelOfDetail, TheAutomaticScaleFollowsTheFrameTime) {
    float scale = 0.0f;
    // A target no frame meets: the scale steps down (at most 25 % each 8 frames) to its floor.
    render(160, 90, 0.0f, 1.0f, 0.0f, 48, 0.001, &scale);
    EXPECT_FLOAT_EQ(scale, SceneRenderer::kMinRenderScale);
    // A target every frame beats: it stays at 1.
    render(160, 90, 0.0f, 1.0f, 0.0f, 48, 1e6, &scale);
    EXPECT_FLOAT_EQ(scale, 1.0f);
}

}  // namespace
}  // namespace myoview::render
