#include "myoview/gpu/instance.h"

#include <algorithm>
#include <cstring>
#include <string>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif

#include "myoview/base/log.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

void ValidationLog::record(VkDebugUtilsMessageSeverityFlagBitsEXT severity, const char* message) {
    if (severity < VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) return;
    count_.fetch_add(1);
    const bool is_error = severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    log::write(is_error ? log::Level::kError : log::Level::kWarn, std::string("Vulkan: ") + message);
    std::lock_guard lock(mutex_);
    if (messages_.size() < 64) messages_.emplace_back(message);
}

std::vector<std::string> ValidationLog::messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
}

namespace {

VKAPI_ATTR VkBool32 VKAPI_CALL debug_callback(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                              VkDebugUtilsMessageTypeFlagsEXT /*types*/,
                                              const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    auto* log = static_cast<ValidationLog*>(user);
    log->record(severity, data && data->pMessage ? data->pMessage : "(no message)");
    return VK_FALSE;  // never abort the call that triggered the message
}

VkDebugUtilsMessengerCreateInfoEXT messenger_info(ValidationLog* log) {
    VkDebugUtilsMessengerCreateInfoEXT info{};
    info.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT;
    info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    info.pfnUserCallback = debug_callback;
    info.pUserData = log;
    return info;
}

bool has_layer(const char* name) {
    uint32_t count = 0;
    if (vkEnumerateInstanceLayerProperties(&count, nullptr) != VK_SUCCESS) return false;  // unreadable: not there
    std::vector<VkLayerProperties> layers(count);
    if (vkEnumerateInstanceLayerProperties(&count, layers.data()) < 0) return false;
    layers.resize(count);
    return std::any_of(layers.begin(), layers.end(), [&](const auto& l) { return std::strcmp(l.layerName, name) == 0; });
}

std::vector<std::string> available_extensions() {
    uint32_t count = 0;
    if (vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr) != VK_SUCCESS) return {};  // none readable
    std::vector<VkExtensionProperties> props(count);
    if (vkEnumerateInstanceExtensionProperties(nullptr, &count, props.data()) < 0) return {};
    props.resize(count);
    std::vector<std::string> names;
    for (const auto& p : props) names.emplace_back(p.extensionName);
    return names;
}

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

#if defined(__SANITIZE_ADDRESS__)
// Sanitized builds only (tools/test): the loader unloads the driver and the layers again at vkDestroyInstance, and
// LeakSanitizer, which reports at exit, can then no longer name the library an allocation came from, so
// tests/sanitizers/lsan.supp could not tell their allocations from ours. One more reference to each keeps it loaded.
void keep_vulkan_libraries_loaded() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) -> int {
            const std::string name = info->dlpi_name != nullptr ? info->dlpi_name : "";
            if (name.find("libvulkan_") != std::string::npos || name.find("libVkLayer") != std::string::npos) {
                (void)dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);  // never closed, on purpose
            }
            return 0;
        },
        nullptr);
}
#endif

}  // namespace

Instance::~Instance() { destroy(); }

Instance::Instance(Instance&& other) noexcept { *this = std::move(other); }

Instance& Instance::operator=(Instance&& other) noexcept {
    if (this != &other) {
        destroy();
        instance_ = std::exchange(other.instance_, VK_NULL_HANDLE);
        messenger_ = std::exchange(other.messenger_, VK_NULL_HANDLE);
        api_version_ = other.api_version_;
        validation_ = other.validation_;
        debug_utils_ = other.debug_utils_;
        log_ = std::move(other.log_);
    }
    return *this;
}

void Instance::destroy() {
    if (messenger_ != VK_NULL_HANDLE) {
        auto destroy_fn = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy_fn) destroy_fn(instance_, messenger_, nullptr);
        messenger_ = VK_NULL_HANDLE;
    }
    if (instance_ != VK_NULL_HANDLE) vkDestroyInstance(instance_, nullptr);
    instance_ = VK_NULL_HANDLE;
}

InstanceBuilder& InstanceBuilder::set_app_name(std::string name) {
    app_name_ = std::move(name);
    return *this;
}
InstanceBuilder& InstanceBuilder::request_validation(bool enable) {
    validation_ = enable;
    return *this;
}
InstanceBuilder& InstanceBuilder::require_extensions(const std::vector<std::string>& names) {
    extensions_.insert(extensions_.end(), names.begin(), names.end());
    return *this;
}
InstanceBuilder& InstanceBuilder::require_api_version(uint32_t version) {
    api_version_ = version;
    return *this;
}

Result<Instance> InstanceBuilder::build() const {
    uint32_t loader_version = VK_API_VERSION_1_0;
    if (vkEnumerateInstanceVersion(&loader_version) != VK_SUCCESS) loader_version = VK_API_VERSION_1_0;
    if (loader_version < api_version_) {
        return Error("the Vulkan loader supports version " + std::to_string(VK_API_VERSION_MAJOR(loader_version)) +
                     "." + std::to_string(VK_API_VERSION_MINOR(loader_version)) + ", myoview needs " +
                     std::to_string(VK_API_VERSION_MAJOR(api_version_)) + "." +
                     std::to_string(VK_API_VERSION_MINOR(api_version_)) + "; update the Vulkan loader and drivers");
    }

    const auto available = available_extensions();
    auto is_available = [&](const std::string& n) {
        return std::find(available.begin(), available.end(), n) != available.end();
    };
    std::vector<std::string> wanted = extensions_;
    for (const auto& name : wanted) {
        if (!is_available(name)) {
            return Error("the Vulkan instance extension " + name +
                         " is not available; install a Vulkan driver with window-system support (e.g. Debian's "
                         "mesa-vulkan-drivers)");
        }
    }
    const bool debug_utils = is_available(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (debug_utils) wanted.emplace_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);

    std::vector<const char*> layers;
    if (validation_) {
        if (!has_layer(kValidationLayer)) {
            return Error(std::string("--validate needs the Vulkan layer ") + kValidationLayer +
                         ", which is not installed (Debian package vulkan-validationlayers)");
        }
        if (!debug_utils) return Error("--validate needs VK_EXT_debug_utils, which the Vulkan loader does not offer");
        layers.push_back(kValidationLayer);
    }
    std::vector<const char*> ext_ptrs;
    for (const auto& e : wanted) ext_ptrs.push_back(e.c_str());

    VkApplicationInfo app{};
    app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
    app.pApplicationName = app_name_.c_str();
    app.applicationVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.pEngineName = "myoview";
    app.engineVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.apiVersion = api_version_;

    auto log = std::make_shared<ValidationLog>();
    VkDebugUtilsMessengerCreateInfoEXT messenger = messenger_info(log.get());

    // Synchronization validation catches hazards the core checks don't (e.g. frames in flight sharing attachments).
    const VkValidationFeatureEnableEXT sync_validation = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
    VkValidationFeaturesEXT features{};
    features.sType = VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT;
    features.enabledValidationFeatureCount = 1;
    features.pEnabledValidationFeatures = &sync_validation;
    features.pNext = &messenger;

    VkInstanceCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
    info.pApplicationInfo = &app;
    info.enabledLayerCount = static_cast<uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = static_cast<uint32_t>(ext_ptrs.size());
    info.ppEnabledExtensionNames = ext_ptrs.data();
    if (validation_) info.pNext = &features;  // covers vkCreateInstance / vkDestroyInstance messages too

    Instance instance;
    instance.log_ = std::move(log);
    const VkResult result = vkCreateInstance(&info, nullptr, &instance.instance_);
    if (result != VK_SUCCESS) return make_vk_error("creating the Vulkan instance", result);
#if defined(__SANITIZE_ADDRESS__)
    keep_vulkan_libraries_loaded();
#endif
    instance.api_version_ = api_version_;
    instance.validation_ = validation_;
    instance.debug_utils_ = debug_utils;

    if (validation_) {
        auto create_fn = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance.instance_, "vkCreateDebugUtilsMessengerEXT"));
        if (!create_fn) return Error("vkCreateDebugUtilsMessengerEXT is missing although VK_EXT_debug_utils is enabled");
        messenger.pNext = nullptr;
        const VkResult mr = create_fn(instance.instance_, &messenger, nullptr, &instance.messenger_);
        if (mr != VK_SUCCESS) return make_vk_error("creating the validation messenger", mr);
        log::info("Vulkan validation enabled (with synchronization validation)");
    }
    return instance;
}

}  // namespace myoview::gpu
