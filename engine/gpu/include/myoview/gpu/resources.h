#pragma once
// Buffers and images with their own memory allocation (one allocation each: the scene has tens of objects, not
// thousands, so a sub-allocator would buy nothing yet), and one-shot command submission for uploads.

#include <vulkan/vulkan.h>

#include <cstddef>
#include <functional>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"

namespace myoview::gpu {

struct Buffer {
    UniqueBuffer buffer;
    UniqueMemory memory;
    VkDeviceSize size = 0;
    void* mapped = nullptr;  // persistently mapped when host-visible, else null
};

struct Image {
    UniqueImage image;
    UniqueMemory memory;
    UniqueImageView view;
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkExtent2D extent{};
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
};

Result<uint32_t> find_memory_type(const PhysicalDevice& physical, uint32_t type_bits, VkMemoryPropertyFlags wanted);

// host_visible: HOST_VISIBLE | HOST_COHERENT and persistently mapped; otherwise DEVICE_LOCAL.
Result<Buffer> create_buffer(const Device& device, VkDeviceSize size, VkBufferUsageFlags usage, bool host_visible,
                             const char* debug_name);

struct ImageDesc {
    VkExtent2D extent{};
    VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
    VkImageUsageFlags usage = 0;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
    bool lazily_allocated = false;  // transient attachments (MSAA colour, depth) where the device supports it
};
Result<Image> create_image(const Device& device, const ImageDesc& desc, const char* debug_name);

// Records `record` into a fresh command buffer, submits it and waits for completion (uploads at load time).
Status submit_and_wait(const Device& device, VkCommandPool pool, const std::function<void(VkCommandBuffer)>& record);

// Creates a device-local buffer filled with `data` through a staging buffer.
Result<Buffer> upload_buffer(const Device& device, VkCommandPool pool, const void* data, VkDeviceSize size,
                             VkBufferUsageFlags usage, const char* debug_name);

}  // namespace myoview::gpu
