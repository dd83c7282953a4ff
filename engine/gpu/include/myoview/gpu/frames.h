#pragma once
// Frames in flight (2). Each frame owns a command pool + buffer, a fence signalled when its GPU work is done and an
// acquire semaphore. A resource released while a frame may still use it is parked with defer() and destroyed after
// that frame's fence has signalled (the Granite habit), never earlier.

#include <vulkan/vulkan.h>

#include <array>
#include <functional>
#include <utility>
#include <vector>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"

namespace myoview::gpu {

inline constexpr uint32_t kFramesInFlight = 2;

struct FrameSlot {
    UniqueCommandPool pool;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    UniqueFence in_flight;         // signalled when the frame's submission completes
    UniqueSemaphore image_acquired;
    std::vector<std::function<void()>> deferred;  // run after in_flight signals
};

class FrameRing {
public:
    static Result<FrameRing> create(const Device& device);
    FrameRing() = default;
    ~FrameRing();
    FrameRing(FrameRing&& other) noexcept { *this = std::move(other); }
    FrameRing& operator=(FrameRing&& other) noexcept {
        if (this != &other) {
            device_ = std::exchange(other.device_, VK_NULL_HANDLE);
            slots_ = std::move(other.slots_);
            index_ = other.index_;
            last_begun_ = other.last_begun_;
        }
        return *this;
    }

    // Waits until the current slot's previous submission finished, runs its deferred releases and resets its
    // command pool. The fence is left signalled: reset it (reset_fence) right before submitting.
    FrameSlot& begin();
    void reset_fence(FrameSlot& slot);
    void advance() { index_ = (index_ + 1) % kFramesInFlight; }
    uint32_t index() const { return index_; }
    FrameSlot& current() { return slots_[index_]; }
    // Parks `release` until the GPU is done with every frame currently in flight.
    void defer(std::function<void()> release);
    // Waits for all frames and runs every deferred release (teardown, swapchain recreation).
    void drain();

private:
    VkDevice device_ = VK_NULL_HANDLE;
    std::array<FrameSlot, kFramesInFlight> slots_;
    uint32_t index_ = 0;
    uint32_t last_begun_ = 0;
};

}  // namespace myoview::gpu
