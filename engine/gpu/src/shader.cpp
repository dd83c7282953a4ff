#include "myoview/gpu/shader.h"

#include <fstream>
#include <vector>

#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {

Result<UniqueShaderModule> load_shader(const Device& device, const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) {
        return Error("shader " + path.string() +
                     " is missing: the build tree is incomplete; rebuild (tools/build) so glslc compiles the shaders");
    }
    const auto size = static_cast<std::size_t>(file.tellg());
    if (size == 0 || size % 4 != 0) return Error("shader " + path.string() + " is not valid SPIR-V (size " +
                                                 std::to_string(size) + ")");
    std::vector<uint32_t> code(size / 4);
    file.seekg(0);
    file.read(reinterpret_cast<char*>(code.data()), static_cast<std::streamsize>(size));
    VkShaderModuleCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
    info.codeSize = size;
    info.pCode = code.data();
    VkShaderModule module = VK_NULL_HANDLE;
    const VkResult r = vkCreateShaderModule(device, &info, nullptr, &module);
    if (r != VK_SUCCESS) return make_vk_error("loading shader " + path.string(), r);
    device.name(module, path.filename().c_str());
    return UniqueShaderModule(device, module);
}

}  // namespace myoview::gpu
