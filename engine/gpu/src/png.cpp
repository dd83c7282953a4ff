#include "myoview/gpu/png.h"

#include <cerrno>
#include <cstring>

#include <stb_image.h>
#include <stb_image_write.h>

namespace myoview::gpu {

Status write_png(const std::filesystem::path& path, const Pixels& pixels) {
    if (pixels.width == 0 || pixels.height == 0) return Error("cannot write an empty image to " + path.string());
    const int ok = stbi_write_png(path.c_str(), static_cast<int>(pixels.width), static_cast<int>(pixels.height), 4,
                                  pixels.rgba.data(), static_cast<int>(pixels.width * 4));
    if (!ok) return Error("could not write " + path.string() + ": " + std::strerror(errno));
    return Ok{};
}

Result<Pixels> read_png(const std::filesystem::path& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) return Error("could not read " + path.string() + ": " + stbi_failure_reason());
    Pixels out;
    out.width = static_cast<uint32_t>(w);
    out.height = static_cast<uint32_t>(h);
    out.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    stbi_image_free(data);
    return out;
}

}  // namespace myoview::gpu
