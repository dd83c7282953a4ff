#pragma once
// Where a frame goes: a window's swapchain or an offscreen image. Both run the same per-frame protocol with the
// FrameRing (2 frames in flight, per-frame fence and acquire semaphore); the window presenter adds acquire/present
// and owns the one place that recreates the swapchain, on a resize event from the window or an OUT_OF_DATE /
// SUBOPTIMAL result (never by comparing sizes each frame), and skips frames while the window is minimized.
//
// Failures: a lost device, a failed submit or a failed present return an Error naming the step and the VkResult;
// nothing aborts and nothing waits without a bound. After such an Error the ring accepts no new frame; the caller
// ends the session (drain, report, teardown).

#include <functional>
#include <memory>
#include <optional>

#include "myoview/base/result.h"
#include "myoview/gpu/frames.h"
#include "myoview/gpu/offscreen.h"
#include "myoview/gpu/swapchain.h"
#include "myoview/render/context.h"
#include "myoview/render/scene_renderer.h"

namespace myoview::platform {
class Window;
}

namespace myoview::render {

// Records one frame: (command buffer, framebuffer index, frame-in-flight index).
using RecordFn = std::function<void(VkCommandBuffer, uint32_t, uint32_t)>;

enum class FrameOutcome { kPresented, kSkipped };

// For tests: the failures a real GPU produces but a software renderer cannot on demand. Frame `at_frame` (1-based,
// counting frames that reach the GPU) fails as named instead of doing the real call:
//   kSubmit      vkQueueSubmit returns VK_ERROR_OUT_OF_DEVICE_MEMORY (the frame's fence is left unsignalled)
//   kPresent     vkQueuePresentKHR returns VK_ERROR_SURFACE_LOST_KHR (window only)
//   kDeviceLost  the wait for the frame slot returns VK_ERROR_DEVICE_LOST
struct FaultInjection {
    enum class Kind { kNone, kSubmit, kPresent, kDeviceLost };
    Kind kind = Kind::kNone;
    long at_frame = 0;
};

class WindowPresenter {
public:
    static constexpr VkImageLayout kFinalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
    // Picks the swapchain format the renderer must be created with.
    static Result<VkFormat> surface_format(const GpuContext& ctx);
    static Result<std::unique_ptr<WindowPresenter>> create(GpuContext& ctx, platform::Window& window,
                                                           SceneRenderer& renderer, gpu::FrameRing& ring);
    // Acquires, records through `record`, submits, presents. Skips (returns kSkipped) while minimized, when the
    // swapchain is out of date (it is rebuilt before the next frame) or when no image came within the acquire bound.
    Result<FrameOutcome> draw(const RecordFn& record);
    VkExtent2D extent() const { return swapchain_.extent(); }
    int recreations() const { return recreations_; }
    void inject_fault(FaultInjection fault) { fault_ = fault; }

private:
    WindowPresenter(GpuContext& ctx, platform::Window& window, SceneRenderer& renderer, gpu::FrameRing& ring)
        : ctx_(ctx), window_(window), renderer_(renderer), ring_(ring) {}
    Status recreate();  // the one place the swapchain is rebuilt

    GpuContext& ctx_;
    platform::Window& window_;
    SceneRenderer& renderer_;
    gpu::FrameRing& ring_;
    gpu::Swapchain swapchain_;
    bool needs_recreate_ = false;
    int recreations_ = 0;
    long frames_ = 0;  // frames that reached the GPU
    FaultInjection fault_;
};

class OffscreenPresenter {
public:
    static Result<std::unique_ptr<OffscreenPresenter>> create(GpuContext& ctx, VkExtent2D extent,
                                                              SceneRenderer& renderer, gpu::FrameRing& ring);
    // Renders one frame; with read_back, copies the image out for pixels() (valid after wait_idle()).
    Status draw(const RecordFn& record, bool read_back);
    Status wait_idle();
    void inject_fault(FaultInjection fault) { fault_ = fault; }  // kPresent does not apply: there is no present
    gpu::Pixels pixels() const { return target_.pixels(); }
    VkExtent2D extent() const { return target_.extent(); }

private:
    OffscreenPresenter(GpuContext& ctx, gpu::FrameRing& ring) : ctx_(ctx), ring_(ring) {}
    GpuContext& ctx_;
    gpu::FrameRing& ring_;
    gpu::OffscreenTarget target_;
    long frames_ = 0;
    FaultInjection fault_;
};

}  // namespace myoview::render
