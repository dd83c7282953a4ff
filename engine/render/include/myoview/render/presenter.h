#pragma once
// Where a frame goes: a window's swapchain or an offscreen image. Both run the same per-frame protocol with the
// FrameRing (2 frames in flight, per-frame fence and acquire semaphore); the window presenter adds acquire/present
// and owns the one place that recreates the swapchain (OUT_OF_DATE, SUBOPTIMAL, resize), and skips frames while
// the window has no area (minimized).

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

class WindowPresenter {
public:
    static constexpr VkImageLayout kFinalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
    // Picks the swapchain format the renderer must be created with.
    static Result<VkFormat> surface_format(const GpuContext& ctx);
    static Result<std::unique_ptr<WindowPresenter>> create(GpuContext& ctx, platform::Window& window,
                                                           SceneRenderer& renderer, gpu::FrameRing& ring);
    // Acquires, records through `record`, submits, presents. Skips (returns kSkipped) while minimized or right
    // after a swapchain recreation.
    Result<FrameOutcome> draw(const RecordFn& record);
    VkExtent2D extent() const { return swapchain_.extent(); }
    int recreations() const { return recreations_; }

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
};

class OffscreenPresenter {
public:
    static Result<std::unique_ptr<OffscreenPresenter>> create(GpuContext& ctx, VkExtent2D extent,
                                                              SceneRenderer& renderer, gpu::FrameRing& ring);
    // Renders one frame; with read_back, copies the image out for pixels() (valid after wait_idle()).
    Status draw(const RecordFn& record, bool read_back);
    void wait_idle();
    gpu::Pixels pixels() const { return target_.pixels(); }
    VkExtent2D extent() const { return target_.extent(); }

private:
    OffscreenPresenter(GpuContext& ctx, gpu::FrameRing& ring) : ctx_(ctx), ring_(ring) {}
    GpuContext& ctx_;
    gpu::FrameRing& ring_;
    gpu::OffscreenTarget target_;
};

}  // namespace myoview::render
