#pragma once
// Physical device selection and logical device creation, vk-bootstrap style.
//
// PhysicalDeviceSelector{instance}.set_surface(s).set_name_filter("NVIDIA").select() ranks the usable GPUs
// discrete > integrated > virtual > CPU (lavapipe) and returns the best, or an Error whose details say why every
// GPU was rejected. The ranking itself is a pure function (choose_device) so it is testable without a GPU.

#include <vulkan/vulkan.h>

#include <string>
#include <vector>

#include "myoview/base/result.h"
#include "myoview/gpu/instance.h"

namespace myoview::gpu {

// What selection needs to know of one GPU; filled from Vulkan by the selector, or by hand in tests.
struct DeviceCandidate {
    std::string name;
    VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
    uint32_t api_version = 0;
    std::vector<std::string> extensions;
    int graphics_family = -1;   // a queue family with graphics (and present, when a surface is given); -1: none
    bool has_surface_formats = true;  // surface reports at least one format and present mode
    VkPhysicalDevice handle = VK_NULL_HANDLE;
};

struct SelectionCriteria {
    uint32_t min_api_version = VK_API_VERSION_1_2;
    std::vector<std::string> required_extensions;
    bool need_present = false;
    std::string name_filter;  // case-insensitive substring of the device name (--gpu); empty: any
};

struct SelectionOutcome {
    int chosen = -1;                      // index into the candidates, -1 when none is usable
    std::vector<std::string> rejections;  // "<name>: <reason>" for every rejected candidate
    std::vector<std::string> passed_over; // usable, but ranked below the chosen one
};

int device_type_rank(VkPhysicalDeviceType type);  // discrete 4, integrated 3, virtual 2, cpu 1, other 0
const char* device_type_name(VkPhysicalDeviceType type);
SelectionOutcome choose_device(const std::vector<DeviceCandidate>& candidates, const SelectionCriteria& criteria);

struct PhysicalDevice {
    VkPhysicalDevice handle = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties properties{};
    VkPhysicalDeviceMemoryProperties memory{};
    uint32_t graphics_family = 0;
    std::vector<std::string> enabled_extensions;
    std::vector<std::string> rejections;   // why the other GPUs were not chosen (for the start-up log)
    std::string name() const { return properties.deviceName; }
    // Highest of 1/2/4/8 supported for both colour and depth framebuffers, capped at `wanted`.
    VkSampleCountFlagBits max_samples(VkSampleCountFlagBits wanted) const;
};

class PhysicalDeviceSelector {
public:
    explicit PhysicalDeviceSelector(const Instance& instance) : instance_(instance) {}
    PhysicalDeviceSelector& set_surface(VkSurfaceKHR surface);              // default none (headless)
    PhysicalDeviceSelector& set_name_filter(std::string substring);        // default "" (any device)
    PhysicalDeviceSelector& set_minimum_version(uint32_t version);         // default Vulkan 1.2
    PhysicalDeviceSelector& add_required_extension(std::string name);      // default: swapchain when a surface is set
    Result<PhysicalDevice> select() const;

private:
    const Instance& instance_;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    SelectionCriteria criteria_;
};

class Device {
public:
    Device() = default;
    ~Device();
    Device(Device&& other) noexcept;
    Device& operator=(Device&& other) noexcept;
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    VkDevice get() const { return device_; }
    operator VkDevice() const { return device_; }  // NOLINT(google-explicit-constructor)
    VkQueue graphics_queue() const { return queue_; }
    uint32_t graphics_family() const { return family_; }
    const PhysicalDevice& physical() const { return physical_; }

    // Debug name shown by validation messages and capture tools; no-op without VK_EXT_debug_utils.
    void set_name(VkObjectType type, uint64_t handle, const char* name) const;
    template <typename T>
    void name(T handle, const char* text) const {
        set_name(object_type_of(handle), reinterpret_cast<uint64_t>(handle), text);
    }

private:
    friend class DeviceBuilder;
    static VkObjectType object_type_of(VkBuffer) { return VK_OBJECT_TYPE_BUFFER; }
    static VkObjectType object_type_of(VkImage) { return VK_OBJECT_TYPE_IMAGE; }
    static VkObjectType object_type_of(VkImageView) { return VK_OBJECT_TYPE_IMAGE_VIEW; }
    static VkObjectType object_type_of(VkDeviceMemory) { return VK_OBJECT_TYPE_DEVICE_MEMORY; }
    static VkObjectType object_type_of(VkSemaphore) { return VK_OBJECT_TYPE_SEMAPHORE; }
    static VkObjectType object_type_of(VkFence) { return VK_OBJECT_TYPE_FENCE; }
    static VkObjectType object_type_of(VkCommandPool) { return VK_OBJECT_TYPE_COMMAND_POOL; }
    static VkObjectType object_type_of(VkCommandBuffer) { return VK_OBJECT_TYPE_COMMAND_BUFFER; }
    static VkObjectType object_type_of(VkRenderPass) { return VK_OBJECT_TYPE_RENDER_PASS; }
    static VkObjectType object_type_of(VkFramebuffer) { return VK_OBJECT_TYPE_FRAMEBUFFER; }
    static VkObjectType object_type_of(VkPipeline) { return VK_OBJECT_TYPE_PIPELINE; }
    static VkObjectType object_type_of(VkPipelineLayout) { return VK_OBJECT_TYPE_PIPELINE_LAYOUT; }
    static VkObjectType object_type_of(VkDescriptorSetLayout) { return VK_OBJECT_TYPE_DESCRIPTOR_SET_LAYOUT; }
    static VkObjectType object_type_of(VkDescriptorPool) { return VK_OBJECT_TYPE_DESCRIPTOR_POOL; }
    static VkObjectType object_type_of(VkDescriptorSet) { return VK_OBJECT_TYPE_DESCRIPTOR_SET; }
    static VkObjectType object_type_of(VkSwapchainKHR) { return VK_OBJECT_TYPE_SWAPCHAIN_KHR; }
    static VkObjectType object_type_of(VkShaderModule) { return VK_OBJECT_TYPE_SHADER_MODULE; }
    static VkObjectType object_type_of(VkSampler) { return VK_OBJECT_TYPE_SAMPLER; }
    static VkObjectType object_type_of(VkQueue) { return VK_OBJECT_TYPE_QUEUE; }

    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    uint32_t family_ = 0;
    PhysicalDevice physical_;
    PFN_vkSetDebugUtilsObjectNameEXT set_name_fn_ = nullptr;
};

class DeviceBuilder {
public:
    DeviceBuilder(const Instance& instance, PhysicalDevice physical)
        : instance_(instance), physical_(std::move(physical)) {}
    Result<Device> build() const;

private:
    const Instance& instance_;
    PhysicalDevice physical_;
};

}  // namespace myoview::gpu
