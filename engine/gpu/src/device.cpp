#include "myoview/gpu/device.h"

#include <algorithm>
#include <cctype>

#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

int device_type_rank(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
        default: return 0;
    }
}

const char* device_type_name(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return "CPU (software)";
        default: return "other";
    }
}

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
std::string version_text(uint32_t v) {
    return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v));
}
}  // namespace

SelectionOutcome choose_device(const std::vector<DeviceCandidate>& candidates, const SelectionCriteria& criteria) {
    SelectionOutcome outcome;
    std::vector<int> usable;
    const std::string filter = lower(criteria.name_filter);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        std::string reason;
        if (!filter.empty() && lower(c.name).find(filter) == std::string::npos) {
            reason = "name does not contain \"" + criteria.name_filter + "\" (--gpu)";
        } else if (c.api_version < criteria.min_api_version) {
            reason = "supports Vulkan " + version_text(c.api_version) + ", needs " +
                     version_text(criteria.min_api_version);
        } else if (c.graphics_family < 0) {
            reason = criteria.need_present ? "no queue family that can both draw and present to the window"
                                           : "no graphics queue family";
        } else if (criteria.need_present && !c.has_surface_formats) {
            reason = "cannot present to this window (no surface formats or present modes)";
        } else {
            for (const auto& ext : criteria.required_extensions) {
                if (std::find(c.extensions.begin(), c.extensions.end(), ext) == c.extensions.end()) {
                    reason = "missing extension " + ext;
                    break;
                }
            }
        }
        if (reason.empty()) {
            usable.push_back(static_cast<int>(i));
        } else {
            outcome.rejections.push_back(c.name + " (" + device_type_name(c.type) + "): " + reason);
        }
    }
    // Best type first; stable so that among equals the driver's enumeration order decides.
    std::stable_sort(usable.begin(), usable.end(), [&](int a, int b) {
        return device_type_rank(candidates[static_cast<std::size_t>(a)].type) >
               device_type_rank(candidates[static_cast<std::size_t>(b)].type);
    });
    if (!usable.empty()) {
        outcome.chosen = usable.front();
        for (std::size_t k = 1; k < usable.size(); ++k) {
            const auto& c = candidates[static_cast<std::size_t>(usable[k])];
            outcome.passed_over.push_back(c.name + " (" + device_type_name(c.type) + "): usable, ranked lower");
        }
    }
    return outcome;
}

VkSampleCountFlagBits PhysicalDevice::max_samples(VkSampleCountFlagBits wanted) const {
    const VkSampleCountFlags counts =
        properties.limits.framebufferColorSampleCounts & properties.limits.framebufferDepthSampleCounts;
    for (VkSampleCountFlagBits s : {VK_SAMPLE_COUNT_8_BIT, VK_SAMPLE_COUNT_4_BIT, VK_SAMPLE_COUNT_2_BIT}) {
        if (s <= wanted && (counts & s)) return s;
    }
    return VK_SAMPLE_COUNT_1_BIT;
}

PhysicalDeviceSelector& PhysicalDeviceSelector::set_surface(VkSurfaceKHR surface) {
    surface_ = surface;
    return *this;
}
PhysicalDeviceSelector& PhysicalDeviceSelector::set_name_filter(std::string substring) {
    criteria_.name_filter = std::move(substring);
    return *this;
}
PhysicalDeviceSelector& PhysicalDeviceSelector::set_minimum_version(uint32_t version) {
    criteria_.min_api_version = version;
    return *this;
}
PhysicalDeviceSelector& PhysicalDeviceSelector::add_required_extension(std::string name) {
    criteria_.required_extensions.push_back(std::move(name));
    return *this;
}

Result<PhysicalDevice> PhysicalDeviceSelector::select() const {
    uint32_t count = 0;
    VkResult result = vkEnumeratePhysicalDevices(instance_.get(), &count, nullptr);
    if (result != VK_SUCCESS) return make_vk_error("listing the GPUs", result);
    std::vector<VkPhysicalDevice> handles(count);
    result = vkEnumeratePhysicalDevices(instance_.get(), &count, handles.data());
    if (result != VK_SUCCESS && result != VK_INCOMPLETE) return make_vk_error("listing the GPUs", result);
    handles.resize(count);
    if (handles.empty()) {
        return Error("no Vulkan device found: install a Vulkan driver (on Debian: mesa-vulkan-drivers provides the "
                     "software renderer lavapipe)");
    }

    SelectionCriteria criteria = criteria_;
    criteria.need_present = surface_ != VK_NULL_HANDLE;
    if (criteria.need_present) criteria.required_extensions.emplace_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);

    std::vector<DeviceCandidate> candidates;
    for (VkPhysicalDevice h : handles) {
        VkPhysicalDeviceProperties props{};
        vkGetPhysicalDeviceProperties(h, &props);
        DeviceCandidate c;
        c.handle = h;
        c.name = props.deviceName;
        c.type = props.deviceType;
        c.api_version = props.apiVersion;
        // A device whose lists cannot be read is kept as a candidate with empty lists: it is then rejected with a
        // reason (missing extension, no queue family) like any other unsuitable GPU.
        uint32_t ext_count = 0;
        std::vector<VkExtensionProperties> exts;
        if (vkEnumerateDeviceExtensionProperties(h, nullptr, &ext_count, nullptr) == VK_SUCCESS) {
            exts.resize(ext_count);
            if (vkEnumerateDeviceExtensionProperties(h, nullptr, &ext_count, exts.data()) < 0) ext_count = 0;
            exts.resize(ext_count);
        }
        for (const auto& e : exts) c.extensions.emplace_back(e.extensionName);
        uint32_t qf_count = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(h, &qf_count, nullptr);
        std::vector<VkQueueFamilyProperties> families(qf_count);
        vkGetPhysicalDeviceQueueFamilyProperties(h, &qf_count, families.data());
        for (uint32_t f = 0; f < qf_count; ++f) {
            if (!(families[f].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
            if (criteria.need_present) {
                VkBool32 present = VK_FALSE;
                if (vkGetPhysicalDeviceSurfaceSupportKHR(h, f, surface_, &present) != VK_SUCCESS) present = VK_FALSE;
                if (!present) continue;
            }
            c.graphics_family = static_cast<int>(f);
            break;
        }
        if (criteria.need_present) {
            uint32_t formats = 0, modes = 0;
            const bool listed = vkGetPhysicalDeviceSurfaceFormatsKHR(h, surface_, &formats, nullptr) == VK_SUCCESS &&
                                vkGetPhysicalDeviceSurfacePresentModesKHR(h, surface_, &modes, nullptr) == VK_SUCCESS;
            c.has_surface_formats = listed && formats > 0 && modes > 0;
        }
        candidates.push_back(std::move(c));
    }

    const SelectionOutcome outcome = choose_device(candidates, criteria);
    if (outcome.chosen < 0) {
        Error error(criteria.name_filter.empty()
                        ? "no usable Vulkan device"
                        : "no usable Vulkan device matches --gpu \"" + criteria.name_filter + "\"");
        error.details = outcome.rejections;
        return error;
    }
    const DeviceCandidate& chosen = candidates[static_cast<std::size_t>(outcome.chosen)];
    PhysicalDevice device;
    device.handle = chosen.handle;
    vkGetPhysicalDeviceProperties(chosen.handle, &device.properties);
    vkGetPhysicalDeviceMemoryProperties(chosen.handle, &device.memory);
    device.graphics_family = static_cast<uint32_t>(chosen.graphics_family);
    device.enabled_extensions = criteria.required_extensions;
    device.rejections = outcome.rejections;
    device.rejections.insert(device.rejections.end(), outcome.passed_over.begin(), outcome.passed_over.end());
    return device;
}

Device::~Device() {
    if (device_ != VK_NULL_HANDLE) vkDestroyDevice(device_, nullptr);
}

Device::Device(Device&& other) noexcept { *this = std::move(other); }

Device& Device::operator=(Device&& other) noexcept {
    if (this != &other) {
        if (device_ != VK_NULL_HANDLE) vkDestroyDevice(device_, nullptr);
        device_ = std::exchange(other.device_, VK_NULL_HANDLE);
        queue_ = other.queue_;
        family_ = other.family_;
        physical_ = std::move(other.physical_);
        set_name_fn_ = other.set_name_fn_;
    }
    return *this;
}

void Device::set_name(VkObjectType type, uint64_t handle, const char* text) const {
    if (!set_name_fn_ || handle == 0) return;
    VkDebugUtilsObjectNameInfoEXT info{};
    info.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_OBJECT_NAME_INFO_EXT;
    info.objectType = type;
    info.objectHandle = handle;
    info.pObjectName = text;
    set_name_fn_(device_, &info);
}

Result<Device> DeviceBuilder::build() const {
    const float priority = 1.0f;
    VkDeviceQueueCreateInfo queue{};
    queue.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
    queue.queueFamilyIndex = physical_.graphics_family;
    queue.queueCount = 1;
    queue.pQueuePriorities = &priority;

    std::vector<const char*> exts;
    for (const auto& e : physical_.enabled_extensions) exts.push_back(e.c_str());

    VkDeviceCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queue;
    info.enabledExtensionCount = static_cast<uint32_t>(exts.size());
    info.ppEnabledExtensionNames = exts.data();

    Device device;
    const VkResult result = vkCreateDevice(physical_.handle, &info, nullptr, &device.device_);
    if (result != VK_SUCCESS) return make_vk_error("creating the Vulkan device on " + physical_.name(), result);
    device.family_ = physical_.graphics_family;
    device.physical_ = physical_;
    vkGetDeviceQueue(device.device_, device.family_, 0, &device.queue_);
    if (instance_.debug_utils_enabled()) {
        device.set_name_fn_ = reinterpret_cast<PFN_vkSetDebugUtilsObjectNameEXT>(
            vkGetInstanceProcAddr(instance_.get(), "vkSetDebugUtilsObjectNameEXT"));
    }
    device.name(device.queue_, "graphics queue");
    return device;
}

}  // namespace myoview::gpu
