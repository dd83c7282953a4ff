#pragma once
// Swapchain creation, vk-bootstrap style: SwapchainBuilder{device, surface}.set_desired_extent(w, h).build().
// Prefers an sRGB BGRA/RGBA format and FIFO (always available; vsync). The old swapchain, when given, is passed
// to the driver for a smooth hand-over and must be kept alive by the caller until the new one is built.

#include <vulkan/vulkan.h>

#include <vector>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"

namespace myoview::gpu {

// The surface format myoview renders to: 8-bit sRGB BGRA/RGBA with the sRGB colour space when offered.
Result<VkSurfaceFormatKHR> choose_surface_format(VkPhysicalDevice physical, VkSurfaceKHR surface);

class Swapchain {
public:
    Swapchain() = default;
    ~Swapchain();
    Swapchain(Swapchain&& other) noexcept;
    Swapchain& operator=(Swapchain&& other) noexcept;
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    VkSwapchainKHR get() const { return swapchain_; }
    VkFormat format() const { return format_; }
    VkExtent2D extent() const { return extent_; }
    uint32_t image_count() const { return static_cast<uint32_t>(images_.size()); }
    VkImage image(uint32_t i) const { return images_[i]; }
    VkImageView view(uint32_t i) const { return views_[i]; }
    // Signalled when rendering to image i finishes; one per image, so a semaphore is never re-signalled while the
    // presentation engine may still wait on it.
    VkSemaphore render_finished(uint32_t i) const { return render_finished_[i]; }

private:
    friend class SwapchainBuilder;
    void destroy();
    VkDevice device_ = VK_NULL_HANDLE;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    VkExtent2D extent_{};
    std::vector<VkImage> images_;
    std::vector<UniqueImageView> views_;
    std::vector<UniqueSemaphore> render_finished_;
};

class SwapchainBuilder {
public:
    SwapchainBuilder(const Device& device, VkSurfaceKHR surface) : device_(device), surface_(surface) {}
    SwapchainBuilder& set_desired_extent(uint32_t width, uint32_t height);  // default: the surface's current extent
    SwapchainBuilder& set_old_swapchain(VkSwapchainKHR old);                // default none
    SwapchainBuilder& set_present_mode(VkPresentModeKHR mode);              // default FIFO (vsync)
    Result<Swapchain> build() const;

private:
    const Device& device_;
    VkSurfaceKHR surface_;
    uint32_t width_ = 0, height_ = 0;
    VkSwapchainKHR old_ = VK_NULL_HANDLE;
    VkPresentModeKHR present_mode_ = VK_PRESENT_MODE_FIFO_KHR;
};

}  // namespace myoview::gpu
