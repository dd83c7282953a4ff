#pragma once
#include <filesystem>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"

namespace myoview::gpu {

// Loads a SPIR-V file compiled by glslc at build time. A missing file means a broken build tree: the message says so.
Result<UniqueShaderModule> load_shader(const Device& device, const std::filesystem::path& path);

}  // namespace myoview::gpu
