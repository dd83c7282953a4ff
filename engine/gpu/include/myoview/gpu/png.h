#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::gpu {

// Tightly packed 8-bit RGBA pixels, row 0 at the top.
struct Pixels {
    uint32_t width = 0;
    uint32_t height = 0;
    std::vector<uint8_t> rgba;
    const uint8_t* at(uint32_t x, uint32_t y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

Status write_png(const std::filesystem::path& path, const Pixels& pixels);
Result<Pixels> read_png(const std::filesystem::path& path);

}  // namespace myoview::gpu
