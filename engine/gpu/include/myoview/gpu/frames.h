#pragma once
// Frames in flight (2). Each frame owns a command pool + buffer, a fence signalled when its GPU work is done and an
// acquire semaphore. A resource released while a frame may still use it is parked with defer() and destroyed after
// that frame's fence has signalled (the Granite habit), never earlier.
//
// Contract: no wait here lasts forever. Every fence wait is bounded (kGpuWaitTimeoutNs unless set otherwise) and a
// timeout or a lost device becomes an Error. A slot whose submission failed (submit_failed) has a fence that will
// never signal: it is never waited for again, and the ring refuses new frames (the caller ends the session).

#include <vulkan/vulkan.h>

#include <array>
#include <functional>
#include <utility>
#include <vector>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

inline constexpr uint32_t kFramesInFlight = 2;

struct FrameSlot {
    UniqueCommandPool pool;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    UniqueFence in_flight;         // signalled when the frame's submission completes
    UniqueSemaphore image_acquired;
    std::vector<std::function<void()>> deferred;  // run after in_flight signals
    bool orphaned = false;         // the fence was reset but its submission failed: it will never signal
};

class FrameRing {
public:
    // wait_timeout_ns bounds every fence wait (tests shorten it).
    static Result<FrameRing> create(const Device& device, uint64_t wait_timeout_ns = kGpuWaitTimeoutNs);
    FrameRing() = default;
    ~FrameRing();
    FrameRing(FrameRing&& other) noexcept { *this = std::move(other); }
    FrameRing& operator=(FrameRing&& other) noexcept {
        if (this != &other) {
            device_ = std::exchange(other.device_, VK_NULL_HANDLE);
            slots_ = std::move(other.slots_);
            index_ = other.index_;
            last_begun_ = other.last_begun_;
            wait_timeout_ns_ = other.wait_timeout_ns_;
            failed_ = std::exchange(other.failed_, false);
        }
        return *this;
    }

    // Waits (bounded) until the current slot's previous submission finished, runs its deferred releases and resets
    // its command pool. The fence is left signalled: reset it (reset_fence) right before submitting. An Error when
    // the wait fails or times out (the GPU hung or was lost) or after a failed submission.
    Result<FrameSlot*> begin();
    Status reset_fence(FrameSlot& slot);
    // The submission that was to signal slot's fence failed: never wait for that fence again, accept no new frame.
    void submit_failed(FrameSlot& slot);
    // The device is gone (a wait returned VK_ERROR_DEVICE_LOST): accept no new frame.
    void mark_failed() { failed_ = true; }
    bool failed() const { return failed_; }
    void advance() { index_ = (index_ + 1) % kFramesInFlight; }
    uint32_t index() const { return index_; }
    FrameSlot& current() { return slots_[index_]; }
    // Parks `release` until the GPU is done with every frame currently in flight.
    void defer(std::function<void()> release);
    // Waits (bounded) for every frame and then for the device, and runs every deferred release (teardown, swapchain
    // recreation). The releases run even when the wait fails: the session is ending and the GPU will touch nothing
    // more of ours.
    Status drain();

private:
    Status wait(const FrameSlot& slot) const;

    VkDevice device_ = VK_NULL_HANDLE;
    std::array<FrameSlot, kFramesInFlight> slots_;
    uint32_t index_ = 0;
    uint32_t last_begun_ = 0;
    uint64_t wait_timeout_ns_ = kGpuWaitTimeoutNs;
    bool failed_ = false;
};

}  // namespace myoview::gpu
