#include "myoview/gpu/frames.h"

#include <string>

#include "myoview/base/log.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

Result<FrameRing> FrameRing::create(const Device& device, uint64_t wait_timeout_ns) {
    FrameRing ring;
    ring.device_ = device;
    ring.wait_timeout_ns_ = wait_timeout_ns;
    for (uint32_t i = 0; i < kFramesInFlight; ++i) {
        FrameSlot& slot = ring.slots_[i];
        const std::string suffix = " (frame " + std::to_string(i) + ")";
        VkCommandPoolCreateInfo pool{};
        pool.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
        pool.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
        pool.queueFamilyIndex = device.graphics_family();
        VkCommandPool p = VK_NULL_HANDLE;
        VkResult r = vkCreateCommandPool(device, &pool, nullptr, &p);
        if (r != VK_SUCCESS) return make_vk_error("creating a frame command pool", r);
        slot.pool = UniqueCommandPool(device, p);
        device.name(p, ("command pool" + suffix).c_str());

        VkCommandBufferAllocateInfo alloc{};
        alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
        alloc.commandPool = p;
        alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        alloc.commandBufferCount = 1;
        r = vkAllocateCommandBuffers(device, &alloc, &slot.cmd);
        if (r != VK_SUCCESS) return make_vk_error("allocating a frame command buffer", r);
        device.name(slot.cmd, ("command buffer" + suffix).c_str());

        VkFenceCreateInfo fence{};
        fence.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
        fence.flags = VK_FENCE_CREATE_SIGNALED_BIT;  // the first begin() must not wait forever
        VkFence f = VK_NULL_HANDLE;
        r = vkCreateFence(device, &fence, nullptr, &f);
        if (r != VK_SUCCESS) return make_vk_error("creating a frame fence", r);
        slot.in_flight = UniqueFence(device, f);
        device.name(f, ("in flight" + suffix).c_str());

        VkSemaphoreCreateInfo sem{};
        sem.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO;
        VkSemaphore s = VK_NULL_HANDLE;
        r = vkCreateSemaphore(device, &sem, nullptr, &s);
        if (r != VK_SUCCESS) return make_vk_error("creating a frame semaphore", r);
        slot.image_acquired = UniqueSemaphore(device, s);
        device.name(s, ("image acquired" + suffix).c_str());
    }
    return ring;
}

FrameRing::~FrameRing() {
    if (device_ == VK_NULL_HANDLE) return;
    if (auto s = drain(); !s) log::warn("at teardown: " + s.error().message);
}

Status FrameRing::wait(const FrameSlot& slot) const {
    const VkFence fence = slot.in_flight;
    const VkResult r = vkWaitForFences(device_, 1, &fence, VK_TRUE, wait_timeout_ns_);
    if (r == VK_TIMEOUT) {
        return make_vk_error("waiting for a frame: the GPU did not finish it within " +
                                 std::to_string(wait_timeout_ns_ / 1'000'000) + " ms",
                             r);
    }
    return vk_status("waiting for a frame to finish", r);
}

Result<FrameSlot*> FrameRing::begin() {
    FrameSlot& slot = slots_[index_];
    if (failed_ || slot.orphaned) {
        return Error("no new frame can start: an earlier frame failed on the GPU");
    }
    last_begun_ = index_;
    if (auto s = wait(slot); !s) {
        failed_ = true;
        return s.error();
    }
    for (auto& release : slot.deferred) release();
    slot.deferred.clear();
    if (auto s = vk_status("resetting a frame's command pool", vkResetCommandPool(device_, slot.pool, 0)); !s) {
        failed_ = true;
        return s.error();
    }
    return &slot;
}

Status FrameRing::reset_fence(FrameSlot& slot) {
    const VkFence fence = slot.in_flight;
    return vk_status("resetting a frame fence", vkResetFences(device_, 1, &fence));
}

void FrameRing::submit_failed(FrameSlot& slot) {
    slot.orphaned = true;
    failed_ = true;
}

void FrameRing::defer(std::function<void()> release) {
    // The most recently begun slot is the last to be waited for among those that may use the resource: every other
    // slot's submission happened earlier, so once this slot's fence signals (in a later begin()), all are done.
    slots_[last_begun_].deferred.push_back(std::move(release));
}

Status FrameRing::drain() {
    if (device_ == VK_NULL_HANDLE) return Ok{};
    Status status = Ok{};
    bool hung = false;
    for (const auto& slot : slots_) {
        if (slot.orphaned) continue;  // its fence will never signal
        if (auto s = wait(slot); !s) {
            hung = s.error().vk_result == VK_TIMEOUT;
            status = s;
            break;
        }
    }
    // Work outside the ring (uploads wait for themselves) is done too; a device that did not finish a frame in time
    // would not finish this either, so it is not asked.
    if (!hung) {
        if (auto s = vk_status("waiting for the GPU to go idle", vkDeviceWaitIdle(device_)); !s && status) status = s;
    }
    if (!status) failed_ = true;
    for (auto& slot : slots_) {
        for (auto& release : slot.deferred) release();
        slot.deferred.clear();
    }
    return status;
}

}  // namespace myoview::gpu
