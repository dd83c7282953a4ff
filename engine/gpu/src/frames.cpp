#include "myoview/gpu/frames.h"

#include <string>

#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

Result<FrameRing> FrameRing::create(const Device& device) {
    FrameRing ring;
    ring.device_ = device;
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
    if (device_ != VK_NULL_HANDLE) drain();
}

FrameSlot& FrameRing::begin() {
    FrameSlot& slot = slots_[index_];
    last_begun_ = index_;
    const VkFence fence = slot.in_flight;
    MYOVIEW_VK_CHECK(vkWaitForFences(device_, 1, &fence, VK_TRUE, UINT64_MAX));
    for (auto& release : slot.deferred) release();
    slot.deferred.clear();
    MYOVIEW_VK_CHECK(vkResetCommandPool(device_, slot.pool, 0));
    return slot;
}

void FrameRing::reset_fence(FrameSlot& slot) {
    const VkFence fence = slot.in_flight;
    MYOVIEW_VK_CHECK(vkResetFences(device_, 1, &fence));
}

void FrameRing::defer(std::function<void()> release) {
    // The most recently begun slot is the last to be waited for among those that may use the resource: every other
    // slot's submission happened earlier, so once this slot's fence signals (in a later begin()), all are done.
    slots_[last_begun_].deferred.push_back(std::move(release));
}

void FrameRing::drain() {
    if (device_ == VK_NULL_HANDLE) return;
    vkDeviceWaitIdle(device_);
    for (auto& slot : slots_) {
        for (auto& release : slot.deferred) release();
        slot.deferred.clear();
    }
}

}  // namespace myoview::gpu
