#include "myoview/gpu/vk_error.h"


namespace myoview::gpu {

const char* vk_result_string(VkResult result) {
    switch (result) {
#define MYOVIEW_CASE(x) \
    case x:             \
        return #x;
        MYOVIEW_CASE(VK_SUCCESS)
        MYOVIEW_CASE(VK_NOT_READY)
        MYOVIEW_CASE(VK_TIMEOUT)
        MYOVIEW_CASE(VK_EVENT_SET)
        MYOVIEW_CASE(VK_EVENT_RESET)
        MYOVIEW_CASE(VK_INCOMPLETE)
        MYOVIEW_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
        MYOVIEW_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        MYOVIEW_CASE(VK_ERROR_INITIALIZATION_FAILED)
        MYOVIEW_CASE(VK_ERROR_DEVICE_LOST)
        MYOVIEW_CASE(VK_ERROR_MEMORY_MAP_FAILED)
        MYOVIEW_CASE(VK_ERROR_LAYER_NOT_PRESENT)
        MYOVIEW_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
        MYOVIEW_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
        MYOVIEW_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
        MYOVIEW_CASE(VK_ERROR_TOO_MANY_OBJECTS)
        MYOVIEW_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
        MYOVIEW_CASE(VK_ERROR_FRAGMENTED_POOL)
        MYOVIEW_CASE(VK_ERROR_UNKNOWN)
        MYOVIEW_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
        MYOVIEW_CASE(VK_ERROR_INVALID_EXTERNAL_HANDLE)
        MYOVIEW_CASE(VK_ERROR_FRAGMENTATION)
        MYOVIEW_CASE(VK_ERROR_SURFACE_LOST_KHR)
        MYOVIEW_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
        MYOVIEW_CASE(VK_SUBOPTIMAL_KHR)
        MYOVIEW_CASE(VK_ERROR_OUT_OF_DATE_KHR)
        MYOVIEW_CASE(VK_ERROR_INCOMPATIBLE_DISPLAY_KHR)
        MYOVIEW_CASE(VK_ERROR_VALIDATION_FAILED_EXT)
#undef MYOVIEW_CASE
        default:
            return "VK_RESULT_UNKNOWN";
    }
}

namespace {
const char* describe(VkResult result) {
    switch (result) {
        case VK_ERROR_OUT_OF_HOST_MEMORY: return "the computer ran out of memory";
        case VK_ERROR_OUT_OF_DEVICE_MEMORY: return "the GPU ran out of memory";
        case VK_ERROR_INITIALIZATION_FAILED: return "the Vulkan driver failed to initialise";
        case VK_ERROR_DEVICE_LOST: return "the GPU stopped responding (device lost)";
        case VK_ERROR_LAYER_NOT_PRESENT: return "a requested Vulkan layer is not installed";
        case VK_ERROR_EXTENSION_NOT_PRESENT: return "a required Vulkan extension is not supported";
        case VK_ERROR_FEATURE_NOT_PRESENT: return "a required GPU feature is not supported";
        case VK_ERROR_INCOMPATIBLE_DRIVER: return "no compatible Vulkan driver is installed";
        case VK_ERROR_SURFACE_LOST_KHR: return "the window surface was lost";
        case VK_ERROR_OUT_OF_DATE_KHR: return "the window changed under the swapchain";
        case VK_TIMEOUT: return "the GPU did not finish in time: it may have hung";
        default: return nullptr;
    }
}
}  // namespace

Error make_vk_error(std::string_view what, VkResult result) {
    std::string message = std::string(what) + ": " + vk_result_string(result);
    if (const char* text = describe(result)) message += std::string(" (") + text + ")";
    Error error(std::move(message));
    error.vk_result = static_cast<int>(result);
    return error;
}

}  // namespace myoview::gpu
