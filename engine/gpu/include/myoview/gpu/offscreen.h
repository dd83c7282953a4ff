#pragma once
// An offscreen colour image (the resolve target of the scene's render pass) and a host-visible buffer to read it
// back: headless rendering, screenshots and render tests. lavapipe has no headless surface extension, so this is
// how myoview renders without a window.

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/png.h"
#include "myoview/gpu/resources.h"

namespace myoview::gpu {

class OffscreenTarget {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
    static Result<OffscreenTarget> create(const Device& device, VkExtent2D extent);

    VkImageView view() const { return image_.view; }
    VkExtent2D extent() const { return image_.extent; }
    // Records the copy of the image (in TRANSFER_SRC_OPTIMAL, as the render pass leaves it) into the readback buffer.
    void record_readback(VkCommandBuffer cmd) const;
    // Valid after the command buffer with record_readback has completed (its fence waited).
    Pixels pixels() const;

private:
    Image image_;
    Buffer readback_;
};

}  // namespace myoview::gpu
