#pragma once
// Turning VkResult into words. Every VkResult is checked and every failure travels as an Error (make_vk_error) up to
// the caller, who tells the user what happened and exits cleanly: nothing here aborts, device loss included (a lost
// device is an event at run time, not a programming error).

#include <vulkan/vulkan.h>

#include <string>
#include <string_view>

#include "myoview/base/result.h"

namespace myoview::gpu {

const char* vk_result_string(VkResult result);

// "<what>: VK_ERROR_... (description)"; Error::vk_result set.
Error make_vk_error(std::string_view what, VkResult result);

// Ok for VK_SUCCESS; anything else (an error, or a status such as VK_TIMEOUT where success was needed) is an Error.
inline Status vk_status(std::string_view what, VkResult result) {
    if (result == VK_SUCCESS) return Ok{};
    return make_vk_error(what, result);
}

// A GPU wait that should end soon but may not (a hung or lost device): every fence wait and image acquire is
// bounded by this, and a timeout becomes an Error instead of a process that hangs forever.
inline constexpr uint64_t kGpuWaitTimeoutNs = 20'000'000'000ull;  // 20 s: ~100 slow software frames

}  // namespace myoview::gpu
