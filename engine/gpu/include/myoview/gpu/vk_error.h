#pragma once
// Turning VkResult into words. VK_CHECK is for calls that can only fail on a programming error or device loss:
// it logs the result string with file and line and aborts. Recoverable failures return an Error instead
// (make_vk_error) so the caller can tell the user what to do.

#include <vulkan/vulkan.h>

#include <string>
#include <string_view>

#include "myoview/base/result.h"

namespace myoview::gpu {

const char* vk_result_string(VkResult result);

// "<what>: VK_ERROR_... (description)"; Error::vk_result set.
Error make_vk_error(std::string_view what, VkResult result);

[[noreturn]] void vk_check_failed(VkResult result, const char* expr, const char* file, int line);

}  // namespace myoview::gpu

#define MYOVIEW_VK_CHECK(expr)                                                           \
    do {                                                                                 \
        const VkResult myoview_vk_result_ = (expr);                                      \
        if (myoview_vk_result_ < 0) /* errors are negative; positive codes are status */ \
            ::myoview::gpu::vk_check_failed(myoview_vk_result_, #expr, __FILE__, __LINE__); \
    } while (false)
