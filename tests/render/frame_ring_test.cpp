// The frame ring on the real driver: no wait on a fence lasts forever. A fence that will never signal (its
// submission was lost, or the GPU hung) ends in an Error within the ring's bound, and a failed submission is never
// waited for at all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "myoview/gpu/frames.h"
#include "myoview/render/context.h"

namespace myoview::gpu {
namespace {

using ::testing::HasSubstr;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::unique_ptr<render::GpuContext> make_context() {
    render::GpuOptions options;
    options.validate = true;
    auto ctx = render::create_gpu_context(options, nullptr);
    if (!ctx) ADD_FAILURE() << ctx.error().full_text();
    return ctx ? std::move(ctx).value() : nullptr;
}

TEST(FrameRing, AFenceThatNeverSignalsEndsInAnErrorWithinTheBoundNotAHang) {
    auto ctx = make_context();
    ASSERT_TRUE(ctx);
    {
        auto ring = FrameRing::create(ctx->device, 200'000'000);  // 0.2 s
        ASSERT_TRUE(ring);
        // Slot 0's fence is reset as before a submission that never reaches the GPU (and is not reported failed:
        // a hung GPU looks like this), so it will never signal.
        auto first = ring->begin();
        ASSERT_TRUE(first);
        ASSERT_TRUE(ring->reset_fence(*first.value()));
        ring->advance();
        ASSERT_TRUE(ring->begin());
        ring->advance();

        const auto start = std::chrono::steady_clock::now();
        auto again = ring->begin();
        const double waited = seconds_since(start);
        ASSERT_FALSE(again) << "waited on a fence that cannot signal and got it";
        EXPECT_THAT(again.error().message, HasSubstr("did not finish it within 200 ms"));
        EXPECT_EQ(again.error().vk_result, VK_TIMEOUT);
        EXPECT_GE(waited, 0.15);
        EXPECT_LT(waited, 2.0);
        EXPECT_TRUE(ring->failed());
        EXPECT_FALSE(ring->begin()) << "a failed ring starts no new frame";

        const auto drain_start = std::chrono::steady_clock::now();
        EXPECT_FALSE(ring->drain()) << "drain reports the frame that never finished";
        EXPECT_LT(seconds_since(drain_start), 2.0);
    }
    EXPECT_EQ(ctx->validation_messages(), 0);
}

TEST(FrameRing, AFailedSubmissionIsNeverWaitedFor) {
    auto ctx = make_context();
    ASSERT_TRUE(ctx);
    {
        auto ring = FrameRing::create(ctx->device);  // the default bound: 20 s, which this must not spend
        ASSERT_TRUE(ring);
        auto slot = ring->begin();
        ASSERT_TRUE(slot);
        ASSERT_TRUE(ring->reset_fence(*slot.value()));
        ring->submit_failed(*slot.value());  // what the presenters do when vkQueueSubmit fails
        ring->advance();

        const auto start = std::chrono::steady_clock::now();
        auto next = ring->begin();
        ASSERT_FALSE(next);
        EXPECT_THAT(next.error().message, HasSubstr("an earlier frame failed"));
        EXPECT_TRUE(ring->drain()) << "the device itself is fine: drain succeeds";
        EXPECT_LT(seconds_since(start), 1.0) << "waited on the orphaned fence";
    }
    EXPECT_EQ(ctx->validation_messages(), 0);
}

TEST(FrameRing, DeferredReleasesRunOnlyAfterTheFrameThatMayUseThemFinished) {
    auto ctx = make_context();
    ASSERT_TRUE(ctx);
    auto ring = FrameRing::create(ctx->device);
    ASSERT_TRUE(ring);
    int released = 0;
    ASSERT_TRUE(ring->begin());
    ring->defer([&] { ++released; });
    ring->advance();
    ASSERT_TRUE(ring->begin());
    EXPECT_EQ(released, 0) << "slot 0 has not been waited for again yet";
    ring->advance();
    ASSERT_TRUE(ring->begin());  // slot 0 again: its fence is waited, its releases run
    EXPECT_EQ(released, 1);
    EXPECT_TRUE(ring->drain());
    EXPECT_EQ(ctx->validation_messages(), 0);
}

}  // namespace
}  // namespace myoview::gpu
