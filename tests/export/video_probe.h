#pragma once
// Reads back what engine/export wrote with FFmpeg's own demuxer and decoder (not with anything of engine/export),
// so the tests check the file a browser would get: container, codec, pixel format, duration, and the pictures.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "myoview/gpu/png.h"

namespace myoview::exporter::testing {

struct ProbedVideo {
    std::string error;         // empty when the file opened and decoded
    std::string codec;         // "h264"
    std::string pixel_format;  // "yuv420p"
    std::string profile;       // "High", ...
    int width = 0;
    int height = 0;
    uint64_t frames = 0;    // decoded pictures
    double duration_s = 0;  // the container's
    double stream_duration_s = 0;
    double frame_rate = 0;                        // the stream's average
    bool index_before_data = false;               // 'moov' before 'mdat': playable while downloading (faststart)
    std::vector<std::array<double, 3>> mean_rgb;  // each decoded picture's mean R, G, B (0..255), in order
};

ProbedVideo probe_video(const std::filesystem::path& path);

// Mean R, G, B (0..255) of an RGBA image.
std::array<double, 3> mean_rgb(const gpu::Pixels& pixels);

// A moving colour gradient: red rises along x and moves with the frame index, green rises along y, blue rises
// with the frame index; consecutive frames differ, and no channel reaches 0 or 255 (where limited-range video clips).
gpu::Pixels gradient_frame(uint32_t width, uint32_t height, uint32_t index);

}  // namespace myoview::exporter::testing
