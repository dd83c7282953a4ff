#include "myoview/gpu/swapchain.h"

#include <algorithm>
#include <string>

#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

Result<VkSurfaceFormatKHR> choose_surface_format(VkPhysicalDevice physical, VkSurfaceKHR surface) {
    uint32_t count = 0;
    VkResult r = vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &count, nullptr);
    if (r != VK_SUCCESS) return make_vk_error("listing the window surface's pixel formats", r);
    std::vector<VkSurfaceFormatKHR> formats(count);
    r = vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &count, formats.data());
    if (r != VK_SUCCESS && r != VK_INCOMPLETE) return make_vk_error("listing the window surface's pixel formats", r);
    formats.resize(count);
    if (formats.empty()) return Error("the window surface offers no pixel formats");
    for (const auto& f : formats) {
        if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
            f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) {
            return f;
        }
    }
    return formats.front();
}

Swapchain::~Swapchain() { destroy(); }
Swapchain::Swapchain(Swapchain&& other) noexcept { *this = std::move(other); }
Swapchain& Swapchain::operator=(Swapchain&& other) noexcept {
    if (this != &other) {
        destroy();
        device_ = other.device_;
        swapchain_ = std::exchange(other.swapchain_, VK_NULL_HANDLE);
        format_ = other.format_;
        extent_ = other.extent_;
        images_ = std::move(other.images_);
        views_ = std::move(other.views_);
        render_finished_ = std::move(other.render_finished_);
    }
    return *this;
}
void Swapchain::destroy() {
    views_.clear();
    render_finished_.clear();
    images_.clear();
    if (swapchain_ != VK_NULL_HANDLE) vkDestroySwapchainKHR(device_, swapchain_, nullptr);
    swapchain_ = VK_NULL_HANDLE;
}

SwapchainBuilder& SwapchainBuilder::set_desired_extent(uint32_t width, uint32_t height) {
    width_ = width;
    height_ = height;
    return *this;
}
SwapchainBuilder& SwapchainBuilder::set_old_swapchain(VkSwapchainKHR old) {
    old_ = old;
    return *this;
}
SwapchainBuilder& SwapchainBuilder::set_present_mode(VkPresentModeKHR mode) {
    present_mode_ = mode;
    return *this;
}

Result<Swapchain> SwapchainBuilder::build() const {
    const VkPhysicalDevice physical = device_.physical().handle;
    VkSurfaceCapabilitiesKHR caps{};
    VkResult r = vkGetPhysicalDeviceSurfaceCapabilitiesKHR(physical, surface_, &caps);
    if (r != VK_SUCCESS) return make_vk_error("reading the window surface's capabilities", r);

    auto chosen_format = choose_surface_format(physical, surface_);
    if (!chosen_format) return chosen_format.error();
    const VkSurfaceFormatKHR format = chosen_format.value();
    uint32_t count = 0;

    r = vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &count, nullptr);
    if (r != VK_SUCCESS) return make_vk_error("listing the window surface's present modes", r);
    std::vector<VkPresentModeKHR> modes(count);
    r = vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &count, modes.data());
    if (r != VK_SUCCESS && r != VK_INCOMPLETE) return make_vk_error("listing the window surface's present modes", r);
    modes.resize(count);
    const bool has_mode = std::find(modes.begin(), modes.end(), present_mode_) != modes.end();
    const VkPresentModeKHR mode = has_mode ? present_mode_ : VK_PRESENT_MODE_FIFO_KHR;

    VkExtent2D extent = caps.currentExtent;
    if (extent.width == UINT32_MAX) extent = {width_, height_};
    extent.width = std::clamp(extent.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent.height = std::clamp(extent.height, caps.minImageExtent.height, caps.maxImageExtent.height);
    if (extent.width == 0 || extent.height == 0) return Error("the window has no area (minimized)");

    uint32_t image_count = std::max(caps.minImageCount + 1, 3u);
    if (caps.maxImageCount > 0) image_count = std::min(image_count, caps.maxImageCount);

    VkSwapchainCreateInfoKHR info{};
    info.sType = VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR;
    info.surface = surface_;
    info.minImageCount = image_count;
    info.imageFormat = format.format;
    info.imageColorSpace = format.colorSpace;
    info.imageExtent = extent;
    info.imageArrayLayers = 1;
    info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = caps.currentTransform;
    info.compositeAlpha = (caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR)
                              ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR
                              : VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR;
    info.presentMode = mode;
    info.clipped = VK_TRUE;
    info.oldSwapchain = old_;

    Swapchain swapchain;
    swapchain.device_ = device_;
    r = vkCreateSwapchainKHR(device_, &info, nullptr, &swapchain.swapchain_);
    if (r != VK_SUCCESS) return make_vk_error("creating the swapchain", r);
    device_.name(swapchain.swapchain_, "swapchain");
    swapchain.format_ = format.format;
    swapchain.extent_ = extent;

    r = vkGetSwapchainImagesKHR(device_, swapchain.swapchain_, &count, nullptr);
    if (r != VK_SUCCESS) return make_vk_error("listing the swapchain's images", r);
    swapchain.images_.resize(count);
    r = vkGetSwapchainImagesKHR(device_, swapchain.swapchain_, &count, swapchain.images_.data());
    if (r != VK_SUCCESS) return make_vk_error("listing the swapchain's images", r);
    for (uint32_t i = 0; i < count; ++i) {
        const std::string name = "swapchain image " + std::to_string(i);
        device_.name(swapchain.images_[i], name.c_str());
        VkImageViewCreateInfo view{};
        view.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
        view.image = swapchain.images_[i];
        view.viewType = VK_IMAGE_VIEW_TYPE_2D;
        view.format = format.format;
        view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView v = VK_NULL_HANDLE;
        r = vkCreateImageView(device_, &view, nullptr, &v);
        if (r != VK_SUCCESS) return make_vk_error("creating a swapchain image view", r);
        device_.name(v, name.c_str());
        swapchain.views_.emplace_back(device_, v);

        VkSemaphoreCreateInfo sem{};
        sem.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO;
        VkSemaphore s = VK_NULL_HANDLE;
        r = vkCreateSemaphore(device_, &sem, nullptr, &s);
        if (r != VK_SUCCESS) return make_vk_error("creating a render-finished semaphore", r);
        const std::string sem_name = "render finished " + std::to_string(i);
        device_.name(s, sem_name.c_str());
        swapchain.render_finished_.emplace_back(device_, s);
    }
    return swapchain;
}

}  // namespace myoview::gpu
