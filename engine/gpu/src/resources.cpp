#include "myoview/gpu/resources.h"

#include <cstring>

#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

Result<uint32_t> find_memory_type(const PhysicalDevice& physical, uint32_t type_bits, VkMemoryPropertyFlags wanted) {
    for (uint32_t i = 0; i < physical.memory.memoryTypeCount; ++i) {
        if ((type_bits & (1u << i)) && (physical.memory.memoryTypes[i].propertyFlags & wanted) == wanted) return i;
    }
    return Error("the GPU offers no memory type with the required properties");
}

namespace {
// One dedicated allocation for `req`, with the first memory type that has `props` (then, if `fallback` is
// non-zero, one with `fallback`), named for debugging.
Result<UniqueMemory> allocate(const Device& device, const VkMemoryRequirements& req, VkMemoryPropertyFlags props,
                              VkMemoryPropertyFlags fallback, const char* debug_name) {
    auto type = find_memory_type(device.physical(), req.memoryTypeBits, props);
    if (!type && fallback) type = find_memory_type(device.physical(), req.memoryTypeBits, fallback);
    if (!type) return type.error();
    VkMemoryAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    alloc.allocationSize = req.size;
    alloc.memoryTypeIndex = type.value();
    VkDeviceMemory memory = VK_NULL_HANDLE;
    const VkResult r = vkAllocateMemory(device, &alloc, nullptr, &memory);
    if (r != VK_SUCCESS) return make_vk_error(std::string("allocating memory for ") + debug_name, r);
    device.name(memory, debug_name);
    return UniqueMemory(device, memory);
}
}  // namespace

Result<Buffer> create_buffer(const Device& device, VkDeviceSize size, VkBufferUsageFlags usage, bool host_visible,
                             const char* debug_name) {
    Buffer out;
    out.size = size;
    VkBufferCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
    info.size = size;
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkBuffer buffer = VK_NULL_HANDLE;
    const VkResult r = vkCreateBuffer(device, &info, nullptr, &buffer);
    if (r != VK_SUCCESS) return make_vk_error(std::string("creating buffer ") + debug_name, r);
    out.buffer = UniqueBuffer(device, buffer);
    device.name(buffer, debug_name);

    VkMemoryRequirements req{};
    vkGetBufferMemoryRequirements(device, buffer, &req);
    const VkMemoryPropertyFlags props = host_visible
                                            ? VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT
                                            : VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    auto memory_result = allocate(device, req, props, 0, debug_name);
    if (!memory_result) return memory_result.error();
    out.memory = std::move(memory_result).value();
    const VkDeviceMemory memory = out.memory;
    const VkResult bound = vkBindBufferMemory(device, buffer, memory, 0);
    if (bound != VK_SUCCESS) return make_vk_error(std::string("binding memory to ") + debug_name, bound);
    if (host_visible) {
        const VkResult mapped = vkMapMemory(device, memory, 0, VK_WHOLE_SIZE, 0, &out.mapped);
        if (mapped != VK_SUCCESS) return make_vk_error(std::string("mapping ") + debug_name, mapped);
    }
    return out;
}

Result<Image> create_image(const Device& device, const ImageDesc& desc, const char* debug_name) {
    Image out;
    out.format = desc.format;
    out.extent = desc.extent;
    out.samples = desc.samples;
    VkImageCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = desc.format;
    info.extent = {desc.extent.width, desc.extent.height, 1};
    info.mipLevels = 1;
    info.arrayLayers = 1;
    info.samples = desc.samples;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc.usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImage image = VK_NULL_HANDLE;
    VkResult r = vkCreateImage(device, &info, nullptr, &image);
    if (r != VK_SUCCESS) return make_vk_error(std::string("creating image ") + debug_name, r);
    out.image = UniqueImage(device, image);
    device.name(image, debug_name);

    VkMemoryRequirements req{};
    vkGetImageMemoryRequirements(device, image, &req);
    // Transient attachments prefer lazily allocated memory (tile memory on mobile GPUs); any device-local will do.
    auto memory_result =
        desc.lazily_allocated
            ? allocate(device, req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT | VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT,
                       VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, debug_name)
            : allocate(device, req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0, debug_name);
    if (!memory_result) return memory_result.error();
    out.memory = std::move(memory_result).value();
    const VkDeviceMemory memory = out.memory;
    const VkResult bound = vkBindImageMemory(device, image, memory, 0);
    if (bound != VK_SUCCESS) return make_vk_error(std::string("binding memory to ") + debug_name, bound);

    VkImageViewCreateInfo view{};
    view.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
    view.image = image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = desc.format;
    view.subresourceRange = {desc.aspect, 0, 1, 0, 1};
    VkImageView image_view = VK_NULL_HANDLE;
    r = vkCreateImageView(device, &view, nullptr, &image_view);
    if (r != VK_SUCCESS) return make_vk_error(std::string("creating a view of ") + debug_name, r);
    out.view = UniqueImageView(device, image_view);
    device.name(image_view, debug_name);
    return out;
}

Status submit_and_wait(const Device& device, VkCommandPool pool, const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    alloc.commandPool = pool;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VkResult r = vkAllocateCommandBuffers(device, &alloc, &cmd);
    if (r != VK_SUCCESS) return make_vk_error("allocating an upload command buffer", r);
    // The command buffer goes back to the pool on every path out.
    struct FreeCommandBuffer {
        const Device& device;
        VkCommandPool pool;
        VkCommandBuffer cmd;
        ~FreeCommandBuffer() { vkFreeCommandBuffers(device, pool, 1, &cmd); }
    } free_cmd{device, pool, cmd};
    VkCommandBufferBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    if (auto s = vk_status("starting an upload command buffer", vkBeginCommandBuffer(cmd, &begin)); !s) return s;
    record(cmd);
    if (auto s = vk_status("recording an upload", vkEndCommandBuffer(cmd)); !s) return s;

    VkFenceCreateInfo fence_info{};
    fence_info.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
    VkFence fence_raw = VK_NULL_HANDLE;
    if (auto s = vk_status("creating an upload fence", vkCreateFence(device, &fence_info, nullptr, &fence_raw)); !s) {
        return s;
    }
    UniqueFence fence(device, fence_raw);
    VkSubmitInfo submit{};
    submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    r = vkQueueSubmit(device.graphics_queue(), 1, &submit, fence);
    if (r != VK_SUCCESS) return make_vk_error("submitting an upload", r);
    r = vkWaitForFences(device, 1, &fence_raw, VK_TRUE, kGpuWaitTimeoutNs);
    if (r != VK_SUCCESS) {
        // The GPU hung or was lost with the upload maybe still pending: destroying its fence or freeing its command
        // buffer now would be invalid, so both are left to the device's destruction (the session ends).
        (void)fence.release();
        free_cmd.cmd = VK_NULL_HANDLE;
        return make_vk_error("waiting for an upload", r);
    }
    return Ok{};
}

Result<Buffer> upload_buffer(const Device& device, VkCommandPool pool, const void* data, VkDeviceSize size,
                             VkBufferUsageFlags usage, const char* debug_name) {
    auto staging = create_buffer(device, size, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, true, "staging");
    if (!staging) return staging.error();
    std::memcpy(staging->mapped, data, static_cast<std::size_t>(size));
    auto target = create_buffer(device, size, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, false, debug_name);
    if (!target) return target.error();
    const VkBuffer src = staging->buffer;
    const VkBuffer dst = target->buffer;
    auto status = submit_and_wait(device, pool, [&](VkCommandBuffer cmd) {
        VkBufferCopy copy{0, 0, size};
        vkCmdCopyBuffer(cmd, src, dst, 1, &copy);
        // Make the copy visible to every later read of the buffer (vertex/index fetch, shaders).
        VkMemoryBarrier barrier{};
        barrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_VERTEX_ATTRIBUTE_READ_BIT | VK_ACCESS_INDEX_READ_BIT |
                                VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_UNIFORM_READ_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT,
                             VK_PIPELINE_STAGE_VERTEX_INPUT_BIT | VK_PIPELINE_STAGE_VERTEX_SHADER_BIT |
                                 VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT,
                             0, 1, &barrier, 0, nullptr, 0, nullptr);
    });
    if (!status) return status.error();
    return std::move(target).value();
}

}  // namespace myoview::gpu
