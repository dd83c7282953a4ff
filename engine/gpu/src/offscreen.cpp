#include "myoview/gpu/offscreen.h"

#include <cstring>

namespace myoview::gpu {

Result<OffscreenTarget> OffscreenTarget::create(const Device& device, VkExtent2D extent) {
    OffscreenTarget target;
    ImageDesc desc;
    desc.extent = extent;
    desc.format = kFormat;
    desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    auto image = create_image(device, desc, "offscreen colour");
    if (!image) return image.error();
    target.image_ = std::move(image).value();
    const VkDeviceSize bytes = static_cast<VkDeviceSize>(extent.width) * extent.height * 4;
    auto buffer = create_buffer(device, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, true, "offscreen readback");
    if (!buffer) return buffer.error();
    target.readback_ = std::move(buffer).value();
    return target;
}

void OffscreenTarget::record_readback(VkCommandBuffer cmd) const {
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {image_.extent.width, image_.extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, image_.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.buffer, 1, &region);
    VkBufferMemoryBarrier barrier{};
    barrier.sType = VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER;
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.buffer = readback_.buffer;
    barrier.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0, nullptr, 1, &barrier, 0,
                         nullptr);
}

Pixels OffscreenTarget::pixels() const {
    Pixels out;
    out.width = image_.extent.width;
    out.height = image_.extent.height;
    out.rgba.resize(static_cast<std::size_t>(readback_.size));
    std::memcpy(out.rgba.data(), readback_.mapped, out.rgba.size());
    for (std::size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;  // the picture is opaque
    return out;
}

}  // namespace myoview::gpu
