#pragma once
// The fixture of the render tests that share one GPU context per test suite, with the Vulkan validation layer on:
// a test during which the layer reported anything fails (STYLE.md: zero validation messages is a test).

#include <utility>

#include <gtest/gtest.h>

#include "myoview/render/context.h"

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

    inline static GpuContext* ctx_ = nullptr;
};

}  // namespace myoview::render
