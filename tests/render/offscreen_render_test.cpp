// Offscreen renders on the real Vulkan driver (lavapipe on CI) with the validation layer on: pixels where
// geometry must be, background where nothing is, colours within tolerance, and zero validation messages.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include <glm/gtc/matrix_transform.hpp>

#include "myoview/assets/model.h"
#include "myoview/render/context.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"
#include "test_models.h"
#include "validated_gpu.h"

namespace myoview::render {
namespace {

using testing::box;
using testing::model_of;

float srgb_encode(float c) { return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f; }
float srgb_decode(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

// What shaders/background.frag writes at pixel (x, y), in 8-bit sRGB.
glm::vec3 expected_background(uint32_t x, uint32_t y, uint32_t w, uint32_t h) {
    const glm::vec2 uv((static_cast<float>(x) + 0.5f) / static_cast<float>(w),
                       (static_cast<float>(y) + 0.5f) / static_cast<float>(h));
    const glm::vec3 top(srgb_decode(kBackgroundTopSrgb.r), srgb_decode(kBackgroundTopSrgb.g),
                        srgb_decode(kBackgroundTopSrgb.b));
    const glm::vec3 bottom(srgb_decode(kBackgroundBottomSrgb.r), srgb_decode(kBackgroundBottomSrgb.g),
                           srgb_decode(kBackgroundBottomSrgb.b));
    const float t = uv.y * uv.y * (3.0f - 2.0f * uv.y);
    const glm::vec2 d = uv - glm::vec2(0.5f, 0.45f);
    const glm::vec3 c = glm::mix(top, bottom, t) * (1.0f - 0.35f * glm::dot(d, d));
    return glm::vec3(srgb_encode(c.r), srgb_encode(c.g), srgb_encode(c.b)) * 255.0f;
}

glm::vec3 rgb(const gpu::Pixels& p, uint32_t x, uint32_t y) {
    const uint8_t* px = p.at(x, y);
    return {px[0], px[1], px[2]};
}

class OffscreenRender : public ValidatedGpu {
protected:
    // Renders `model` seen from `preset`, framed on `frame_bounds` (or the model's bounds).
    gpu::Pixels render(const assets::Model& model, uint32_t w, uint32_t h, ViewPreset preset = ViewPreset::kFront,
                       const assets::Bounds* frame_bounds = nullptr, std::size_t* samples = nullptr) {
        RenderTargetDesc desc;
        desc.color_format = gpu::OffscreenTarget::kFormat;
        desc.final_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        auto ring = gpu::FrameRing::create(ctx_->device);
        EXPECT_TRUE(ring);
        auto renderer = SceneRenderer::create(ctx_->device, desc);
        EXPECT_TRUE(renderer) << renderer.error().full_text();
        if (!ring || !renderer) return {};
        EXPECT_TRUE((*renderer)->set_model(model, &ring.value()));
        if (samples) *samples = static_cast<std::size_t>((*renderer)->samples());
        auto presenter = OffscreenPresenter::create(*ctx_, {w, h}, **renderer, ring.value());
        EXPECT_TRUE(presenter);
        if (!presenter) return {};
        OrbitCamera camera;
        camera.set_preset(preset);
        camera.frame(frame_bounds ? *frame_bounds : model.bounds, static_cast<float>(w) / static_cast<float>(h));
        const SceneFrame scene = default_frame(**renderer, model, camera);
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            (*renderer)->record(cmd, image, frame, scene, nullptr);
        };
        // Two frames: the second reuses attachments the first wrote (frames-in-flight hazards show up here).
        EXPECT_TRUE((*presenter)->draw(record, false));
        EXPECT_TRUE((*presenter)->draw(record, true));
        EXPECT_TRUE((*presenter)->wait_idle());
        return (*presenter)->pixels();
    }
};

constexpr glm::vec4 kRed{0.8f, 0.08f, 0.06f, 1.0f};
constexpr glm::vec4 kBlue{0.05f, 0.1f, 0.85f, 1.0f};

assets::Bounds cube_scene_bounds() {
    assets::Bounds b;  // three times the cube, so the cube sits in the middle of the picture
    b.extend(glm::vec3(-0.75f));
    b.extend(glm::vec3(0.75f));
    return b;
}

TEST_F(OffscreenRender, BackgroundIsTheGradientWhereNothingIsDrawn) {
    const auto model = model_of({box("cube", glm::vec3(0.0f), glm::vec3(0.25f), kRed)});
    const auto bounds = cube_scene_bounds();
    const gpu::Pixels p = render(model, 320, 240, ViewPreset::kFront, &bounds);
    ASSERT_EQ(p.width, 320u);
    for (auto [x, y] : {std::pair{2u, 2u}, {317u, 2u}, {2u, 237u}, {317u, 237u}, {160u, 3u}, {5u, 120u}}) {
        const glm::vec3 want = expected_background(x, y, p.width, p.height);
        const glm::vec3 got = rgb(p, x, y);
        EXPECT_NEAR(got.r, want.r, 3.0f) << x << "," << y;
        EXPECT_NEAR(got.g, want.g, 3.0f) << x << "," << y;
        EXPECT_NEAR(got.b, want.b, 3.0f) << x << "," << y;
    }
    EXPECT_GT(rgb(p, 160, 3).b, rgb(p, 160, 236).b) << "the gradient is lighter at the top";
}

TEST_F(OffscreenRender, GeometryAppearsWhereItIsAndNowhereElse) {
    const auto model = model_of({box("cube", glm::vec3(0.0f), glm::vec3(0.25f), kRed)});
    const auto bounds = cube_scene_bounds();
    const gpu::Pixels p = render(model, 320, 240, ViewPreset::kFront, &bounds);
    const glm::vec3 center = rgb(p, 160, 120);
    EXPECT_GT(center.r, 90.0f);
    EXPECT_GT(center.r, 2.5f * center.g) << "a red surface reads red";
    EXPECT_GT(center.r, 2.5f * center.b);
    int red = 0;
    for (uint32_t y = 0; y < p.height; ++y)
        for (uint32_t x = 0; x < p.width; ++x) {
            const glm::vec3 c = rgb(p, x, y);
            if (c.r > 2.0f * c.b && c.r > 60.0f) ++red;
        }
    // The cube spans a third of the framed scene: roughly (240/3)^2 pixels of the 320x240 image.
    EXPECT_GT(red, 2500);
    EXPECT_LT(red, 16000);
}

TEST_F(OffscreenRender, NearerSurfaceWinsWhateverTheDrawOrder) {
    // The front view camera is on +x: the red box at +x is in front of the blue one.
    const auto bounds = cube_scene_bounds();
    for (bool red_first : {true, false}) {
        std::vector<assets::Mesh> meshes{box("near", glm::vec3(0.3f, 0.0f, 0.0f), glm::vec3(0.15f), kRed),
                                         box("far", glm::vec3(-0.3f, 0.0f, 0.0f), glm::vec3(0.3f), kBlue)};
        if (!red_first) std::swap(meshes[0], meshes[1]);
        const gpu::Pixels p = render(model_of(std::move(meshes)), 240, 240, ViewPreset::kFront, &bounds);
        const glm::vec3 c = rgb(p, 120, 120);
        EXPECT_GT(c.r, c.b * 2.0f) << "red_first=" << red_first;
    }
}

TEST_F(OffscreenRender, TranslucentLayerBlendsOverTheOpaqueScene) {
    const auto bounds = cube_scene_bounds();
    const gpu::Pixels opaque = render(model_of({box("body", glm::vec3(0.0f), glm::vec3(0.25f), kRed)}), 200, 200,
                                      ViewPreset::kFront, &bounds);
    const gpu::Pixels veiled =
        render(model_of({box("body", glm::vec3(0.0f), glm::vec3(0.25f), kRed),
                         box("skin", glm::vec3(0.1f, 0.0f, 0.0f), glm::vec3(0.45f), glm::vec4(0.9f, 0.9f, 0.95f, 0.35f))}),
               200, 200, ViewPreset::kFront, &bounds);
    const glm::vec3 a = rgb(opaque, 100, 100), b = rgb(veiled, 100, 100);
    EXPECT_GT(b.g, a.g + 15.0f) << "the pale layer lightens what is behind it";
    EXPECT_GT(b.r, b.g) << "the red behind still shows through";
}

TEST_F(OffscreenRender, LightingShadesFacesDifferently) {
    // Three-quarter view from above: the top, front and side faces get different light; no flat grey.
    const auto model = model_of({box("cube", glm::vec3(0.0f), glm::vec3(0.25f), glm::vec4(0.7f, 0.7f, 0.7f, 1.0f))});
    const auto bounds = cube_scene_bounds();
    const gpu::Pixels p = render(model, 300, 300, ViewPreset::kThreeQuarter, &bounds);
    float lo = 255.0f, hi = 0.0f;
    for (uint32_t y = 100; y < 200; y += 4)
        for (uint32_t x = 100; x < 200; x += 4) {
            const glm::vec3 c = rgb(p, x, y);
            const float l = (c.r + c.g + c.b) / 3.0f;
            const glm::vec3 bg = expected_background(x, y, p.width, p.height);
            if (glm::length(c - bg) < 6.0f) continue;
            lo = std::min(lo, l);
            hi = std::max(hi, l);
        }
    EXPECT_GT(hi - lo, 25.0f);
}

TEST_F(OffscreenRender, MultisamplingSmoothsSilhouettes) {
    const auto model = model_of({box("cube", glm::vec3(0.0f), glm::vec3(0.25f), kRed)});
    const auto bounds = cube_scene_bounds();
    std::size_t samples = 0;
    const gpu::Pixels p = render(model, 240, 240, ViewPreset::kThreeQuarter, &bounds, &samples);
    EXPECT_GE(samples, 4u) << "lavapipe supports 4x MSAA; the renderer must use it";
    // Along each row, the pixel where background turns into the cube's red should often be a blend of the two.
    int blended = 0;
    for (uint32_t y = 60; y < 180; ++y) {
        for (uint32_t x = 1; x < p.width; ++x) {
            const glm::vec3 c = rgb(p, x, y);
            const glm::vec3 bg = expected_background(x, y, p.width, p.height);
            const bool is_bg = glm::length(c - bg) < 4.0f;
            if (is_bg) continue;
            // Without MSAA the first covered pixel has the face's own colour (as the pixels just inside); with it,
            // partly covered edge pixels mix background and face.
            const glm::vec3 inner = rgb(p, std::min(x + 3, p.width - 1), y);
            if (glm::length(c - inner) > 12.0f) ++blended;
            break;
        }
    }
    EXPECT_GT(blended, 20);
}

TEST_F(OffscreenRender, RendersTheSameSceneAtAnySizeIncludingTiny) {
    // The cube framed on its own bounds fills the middle of the view at every size and aspect: the centre pixel is
    // the cube's red, a corner (where there is one away from the cube) the background.
    const auto model = model_of({box("cube", glm::vec3(0.0f), glm::vec3(0.25f), kRed)});
    for (auto [w, h] : {std::pair{1u, 1u}, {17u, 3u}, {3u, 17u}, {640u, 360u}}) {
        const gpu::Pixels p = render(model, w, h);
        ASSERT_EQ(p.width, w);
        ASSERT_EQ(p.height, h);
        ASSERT_EQ(p.rgba.size(), static_cast<std::size_t>(w) * h * 4);
        const glm::vec3 centre = rgb(p, w / 2, h / 2);
        if (w * h == 1) {
            // One pixel is the whole view: its samples see cube and background; the cube shows as a redder pixel.
            const glm::vec3 bg = expected_background(0, 0, 1, 1);
            EXPECT_GT(centre.r - centre.b, bg.r - bg.b + 10.0f) << "1x1: " << centre.r << "," << centre.b;
            continue;
        }
        EXPECT_GT(centre.r, 90.0f) << w << "x" << h;
        EXPECT_GT(centre.r, 2.5f * centre.b) << w << "x" << h << ": the centre is the red cube";
        if (w >= 64) {
            const glm::vec3 corner = rgb(p, 1, 1), want = expected_background(1, 1, w, h);
            EXPECT_LT(glm::length(corner - want), 6.0f) << w << "x" << h << ": the corner is background";
        }
    }
}

TEST_F(OffscreenRender, AModelWithoutTrianglesIsRefusedCleanly) {
    RenderTargetDesc desc;
    auto renderer = SceneRenderer::create(ctx_->device, desc);
    ASSERT_TRUE(renderer);
    assets::Model empty;
    empty.source_path = "empty.obj";
    const Status s = (*renderer)->set_model(empty, nullptr);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("empty.obj"), std::string::npos);
}

}  // namespace
}  // namespace myoview::render
