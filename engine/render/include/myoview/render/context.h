#pragma once
// Everything Vulkan the viewer needs to exist before it can draw: instance (with validation when asked), the
// window surface (when there is a window), the chosen device. Members are declared in creation order, so they are
// destroyed in the reverse: device, surface, instance.

#include <memory>
#include <string>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/instance.h"

namespace myoview::platform {
class Window;
}

namespace myoview::render {

struct GpuOptions {
    bool validate = false;
    std::string gpu_filter;  // --gpu: substring of the device name
};

class Surface {
public:
    Surface() = default;
    Surface(VkInstance instance, VkSurfaceKHR surface) : instance_(instance), surface_(surface) {}
    ~Surface() {
        if (surface_ != VK_NULL_HANDLE) vkDestroySurfaceKHR(instance_, surface_, nullptr);
    }
    Surface(Surface&& o) noexcept : instance_(o.instance_), surface_(std::exchange(o.surface_, VK_NULL_HANDLE)) {}
    Surface& operator=(Surface&&) = delete;
    Surface(const Surface&) = delete;
    VkSurfaceKHR get() const { return surface_; }

private:
    VkInstance instance_ = VK_NULL_HANDLE;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
};

struct GpuContext {
    gpu::Instance instance;
    std::unique_ptr<Surface> surface;  // null when headless
    gpu::Device device;
    int validation_messages() const { return instance.validation_log()->count(); }
};

// window == nullptr: headless (no surface extensions at all). Logs the chosen device and why others were not.
Result<std::unique_ptr<GpuContext>> create_gpu_context(const GpuOptions& options, const platform::Window* window);

}  // namespace myoview::render
