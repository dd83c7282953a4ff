#pragma once
// The fixture of the render tests that share one GPU context per test suite, with the Vulkan validation layer on:
// a test during which the layer reported anything fails (STYLE.md: zero validation messages is a test).

#include <utility>

#include <gtest/gtest.h>

#include "myoview/assets/model.h"
#include "myoview/render/camera.h"
#include "myoview/render/context.h"
#include "myoview/render/frame.h"
#include "myoview/render/scene_renderer.h"

namespace myoview::render {

class ValidatedGpu : public ::testing::Test {
protected:
    // A suite that needs more (a model) calls this first from its own SetUpTestSuite.
    static void SetUpTestSuite() {
        GpuOptions options;
        options.validate = true;
        auto ctx = create_gpu_context(options, nullptr);
        ASSERT_TRUE(ctx) << ctx.error().full_text();
        ctx_ = std::move(ctx).value().release();
    }
    static void TearDownTestSuite() {
        delete ctx_;
        ctx_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(ctx_, nullptr) << "no GPU context (see the suite's set-up failure)"; }
    void TearDown() override {
        if (ctx_) {
            EXPECT_EQ(ctx_->validation_messages(), 0) << "Vulkan validation messages were reported";
        }
    }

    // A frame of `model` as `renderer` holds it, seen by `camera`: each mesh at its material's opacity (the skin is
    // translucent), as the scene layer draws it by default.
    static SceneFrame default_frame(const SceneRenderer& renderer, const assets::Model& model,
                                    const OrbitCamera& camera) {
        SceneFrame frame;
        frame.camera = camera;
        frame.meshes.resize(renderer.mesh_count());
        for (std::size_t i = 0; i < frame.meshes.size(); ++i) {
            for (const auto& m : model.meshes) {
                if (m.node_name == renderer.mesh_name(i)) frame.meshes[i].tint.a = m.base_color.a;
            }
        }
        return frame;
    }

    inline static GpuContext* ctx_ = nullptr;
};

}  // namespace myoview::render
