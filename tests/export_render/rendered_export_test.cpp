// The export as the viewer's headless loop will drive it: frames rendered by the real OffscreenPresenter (validation
// on), read back as gpu::Pixels, handed to open_export's sink one by one, with the progress line. The video decoded
// back must hold every rendered frame, in order, with its colours. Also a worked example of the loop.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "myoview/assets/model.h"
#include "myoview/export/frame_sink.h"
#include "myoview/export/progress.h"
#include "myoview/render/context.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"
#include "scratch_dir.h"
#include "test_models.h"
#include "video_probe.h"

namespace myoview::exporter {
namespace {

using myoview::testing::box;
using myoview::testing::model_of;

TEST(RenderedExport, RenderedFramesDecodeBackInOrderWithTheirColours) {
    constexpr uint32_t kWidth = 160, kHeight = 120;
    constexpr int kFps = 24;
    constexpr uint64_t kFrames = 24;

    render::GpuOptions gpu_options;
    gpu_options.validate = true;
    auto ctx = render::create_gpu_context(gpu_options, nullptr);
    ASSERT_TRUE(ctx) << ctx.error().full_text();
    {
        const assets::Model model =
            model_of({box("box", glm::vec3(0.0f), {0.3f, 0.15f, 0.2f}, {0.8f, 0.1f, 0.06f, 1.0f})});

        render::RenderTargetDesc desc;
        desc.color_format = gpu::OffscreenTarget::kFormat;
        desc.final_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        auto ring = gpu::FrameRing::create((*ctx)->device);
        ASSERT_TRUE(ring);
        auto renderer = render::SceneRenderer::create((*ctx)->device, desc);
        ASSERT_TRUE(renderer) << renderer.error().full_text();
        ASSERT_TRUE((*renderer)->set_model(model, &ring.value()));
        auto presenter = render::OffscreenPresenter::create(**ctx, {kWidth, kHeight}, **renderer, ring.value());
        ASSERT_TRUE(presenter);
        render::SceneFrame scene;
        scene.meshes.resize((*renderer)->mesh_count());
        render::OrbitCamera& camera = scene.camera;
        camera.set_preset(render::ViewPreset::kThreeQuarter);
        camera.frame(model.bounds, static_cast<float>(kWidth) / kHeight);
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            (*renderer)->record(cmd, image, frame, scene, nullptr);
        };

        testing::ScratchDir dir;
        ExportOptions options{.out = dir / "orbit.mp4", .fps = kFps, .width = kWidth, .height = kHeight};
        auto sink = open_export(options);
        ASSERT_TRUE(sink) << sink.error().message;
        std::FILE* log = std::tmpfile();
        ASSERT_NE(log, nullptr);
        Progress progress(kFrames, log);
        std::vector<std::array<double, 3>> rendered;
        for (uint64_t i = 0; i < kFrames; ++i) {
            ASSERT_TRUE((*presenter)->draw(record, true));
            ASSERT_TRUE((*presenter)->wait_idle());
            const gpu::Pixels pixels = (*presenter)->pixels();
            rendered.push_back(testing::mean_rgb(pixels));
            auto ok = (*sink)->add(pixels);
            ASSERT_TRUE(ok) << ok.error().message;
            progress.update(i + 1);
            // Turn 7.5 degrees and come closer each frame: the box fills more of every next picture.
            camera.orbit(25.0f, 0.0f);
            camera.zoom(0.3f);
        }
        progress.finish();
        std::fclose(log);
        ASSERT_TRUE((*sink)->finish());

        const testing::ProbedVideo v = testing::probe_video(options.out);
        ASSERT_EQ(v.error, "");
        EXPECT_EQ(v.codec, "h264");
        EXPECT_EQ(v.width, static_cast<int>(kWidth));
        EXPECT_EQ(v.height, static_cast<int>(kHeight));
        ASSERT_EQ(v.frames, kFrames);
        EXPECT_NEAR(v.duration_s, 1.0, 1.0 / kFps);
        // The box coming closer changes the picture's mean (between the first frame and the 13th, by more than three
        // times the tolerance), so decoded frames that are not the rendered ones, or far out of order, fail.
        double turn = 0;
        for (std::size_t ch = 0; ch < 3; ++ch) turn = std::max(turn, std::abs(rendered[12][ch] - rendered[0][ch]));
        // Rendered edges of saturated red lose more to yuv420p's halved chroma than the smooth test gradient does.
        constexpr double kTolerance = 4.0;
        EXPECT_GT(turn, 3 * kTolerance) << "the rendered frames hardly differ: this test could not fail";
        for (std::size_t i = 0; i < rendered.size(); ++i)
            for (std::size_t ch = 0; ch < 3; ++ch)
                EXPECT_NEAR(v.mean_rgb[i][ch], rendered[i][ch], kTolerance) << "frame " << i << " channel " << ch;
    }
    EXPECT_EQ((*ctx)->validation_messages(), 0);
}

}  // namespace
}  // namespace myoview::exporter
