// Level of detail on the bundled model (the bake's MSFT_lod levels, engine/render's choice by pixels of error): the
// choice follows the distance, a close-up draws the full meshes, and the default view with levels is the same picture
// as without them.
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

namespace myoview::render {
namespace {

const std::filesystem::path kGlb = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/models/anatomy.glb";

class LevelOfDetail : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        GpuOptions options;
        options.validate = true;
        auto ctx = create_gpu_context(options, nullptr);
        ASSERT_TRUE(ctx) << ctx.error().full_text();
        ctx_ = std::move(ctx).value().release();
        assets::ImportOptions import;
        import.convert_y_up_to_z_up = true;
        auto model = assets::import_model(kGlb, import);
        ASSERT_TRUE(model) << model.error().full_text();
        model_ = new assets::Model(std::move(model).value());
    }
    static void TearDownTestSuite() {
        delete model_;
        delete ctx_;
        model_ = nullptr;
        ctx_ = nullptr;
    }
    void SetUp() override {
        ASSERT_NE(ctx_, nullptr);
        ASSERT_NE(model_, nullptr);
    }
    void TearDown() override {
        if (ctx_) {
            EXPECT_EQ(ctx_->validation_messages(), 0) << "Vulkan validation messages were reported";
        }
    }

    struct Frame {
        gpu::Pixels pixels;
        std::size_t triangles = 0;
        std::vector<std::size_t> levels;  // per mesh
    };
    // One frame of the bundled model (front view, framed as the viewer frames it, zoomed by `zoom_steps`), with
    // levels of detail under `pixel_error` pixels (0: none).
    Frame render(uint32_t w, uint32_t h, float zoom_steps, float pixel_error) {
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
        auto presenter = OffscreenPresenter::create(*ctx_, {w, h}, **renderer, ring.value());
        EXPECT_TRUE(presenter);
        if (!presenter) return out;
        OrbitCamera camera;
        camera.set_preset(ViewPreset::kFront);
        camera.frame(model_->bounds, static_cast<float>(w) / static_cast<float>(h));
        camera.zoom(zoom_steps);
        SceneFrame scene;
        scene.camera = camera;
        scene.meshes.resize((*renderer)->mesh_count());
        for (std::size_t i = 0; i < scene.meshes.size(); ++i) {
            // Each mesh at its material's opacity (the skin is translucent), as the scene layer draws it by default.
            for (const auto& m : model_->meshes) {
                if (m.node_name == (*renderer)->mesh_name(i)) scene.meshes[i].tint.a = m.base_color.a;
            }
        }
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            (*renderer)->record(cmd, image, frame, scene, nullptr);
        };
        EXPECT_TRUE((*presenter)->draw(record, true));
        EXPECT_TRUE((*presenter)->wait_idle());
        out.pixels = (*presenter)->pixels();
        out.triangles = (*renderer)->drawn_triangles();
        for (std::size_t i = 0; i < (*renderer)->mesh_count(); ++i) out.levels.push_back((*renderer)->drawn_level(i));
        return out;
    }

    static GpuContext* ctx_;
    static assets::Model* model_;
};
GpuContext* LevelOfDetail::ctx_ = nullptr;
assets::Model* LevelOfDetail::model_ = nullptr;

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
    EXPECT_GE(with_levels, model_->meshes.size() * 9 / 10) << "most meshes should have coarser levels";
}

TEST_F(LevelOfDetail, TheChoiceFollowsTheDistanceAndACloseUpDrawsTheFullMeshes) {
    const std::size_t full = full_triangles(*model_);
    const Frame none = render(640, 360, 0.0f, 0.0f);
    EXPECT_EQ(none.triangles, full) << "pixel error 0 draws every mesh in full";
    EXPECT_TRUE(std::all_of(none.levels.begin(), none.levels.end(), [](std::size_t l) { return l == 0; }));

    const Frame far_away = render(640, 360, -12.0f, 1.0f);  // zoomed out: the figure a few hundred pixels tall
    const Frame framed = render(640, 360, 0.0f, 1.0f);
    const Frame close_up = render(640, 360, 14.0f, 1.0f);  // zoomed in as far as the camera goes
    EXPECT_LT(far_away.triangles, full / 4) << "far away, the coarsest levels";
    EXPECT_LE(far_away.triangles, framed.triangles);
    EXPECT_LT(framed.triangles, close_up.triangles) << "nearer, finer";
    // Up close the meshes in front of the camera are drawn in full.
    std::size_t full_up_close = 0;
    for (std::size_t l : close_up.levels) full_up_close += l == 0 ? 1 : 0;
    EXPECT_GT(full_up_close, 0u);
    std::size_t coarsest_far = 0;
    for (std::size_t l : far_away.levels) coarsest_far += l == 2 ? 1 : 0;
    EXPECT_GE(coarsest_far, far_away.levels.size() * 9 / 10);
}

TEST_F(LevelOfDetail, TheDefaultViewLooksTheSameWithAndWithoutLevels) {
    // 1920x1080, the view the viewer opens on: at most 1 pixel of error, so hardly a pixel changes colour visibly.
    const Frame full = render(1920, 1080, 0.0f, 0.0f);
    const Frame lod = render(1920, 1080, 0.0f, 1.0f);
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
    std::printf("default view 1920x1080: %zu of %zu triangles; %.4f %% of the pixels differ by more than 24/255\n",
                lod.triangles, full.triangles, 100.0 * fraction);
    EXPECT_LT(fraction, 0.005) << "levels of detail changed the picture visibly";
}

}  // namespace
}  // namespace myoview::render
