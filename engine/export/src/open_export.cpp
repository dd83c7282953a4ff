#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <system_error>

#include "myoview/export/frame_sink.h"
#include "sinks.h"

namespace myoview::exporter {

namespace fs = std::filesystem;

namespace {

// x264's speed presets, fastest first (the other H.264 encoders ignore the preset).
constexpr std::array<const char*, 10> kPresets = {"ultrafast", "superfast", "veryfast", "faster",   "fast",
                                                  "medium",    "slow",      "slower",   "veryslow", "placebo"};
constexpr uint32_t kMaxSide = 16384;  // beyond any Vulkan implementation's image limit and any H.264 level

bool ends_with_separator(const fs::path& p) {
    const std::string s = p.string();
    return !s.empty() && s.back() == '/';
}

// The directory a PNG sequence goes into: "out/" and "out" name the same one.
fs::path sequence_dir(const fs::path& out) {
    return out.has_filename() ? out : out.parent_path();
}

// The even size at most `side` (2 at least), to suggest in place of an odd one.
uint32_t even_below(uint32_t side) {
    return std::max(side & ~1u, 2u);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

Status validate_mp4_path(const fs::path& out) {
    if (lower(out.extension().string()) != ".mp4")
        return Error("cannot export to '" + out.string() +
                     "': a video must end in .mp4 (or end the path in '/' for a PNG sequence)");
    const fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return Error("cannot export to '" + out.string() + "': its directory '" + dir.string() + "' does not exist");
    if (!fs::is_directory(dir, ec))
        return Error("cannot export to '" + out.string() + "': '" + dir.string() + "' is not a directory");
    return Ok{};
}

Status validate_sequence_dir(const fs::path& out) {
    const fs::path dir = sequence_dir(out);
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            return Error("cannot write a PNG sequence into '" + dir.string() + "': it exists and is not a directory");
        // Frames of an earlier, longer export would follow this one's and play as if they belonged to it.
        if (fs::exists(dir / png_frame_name(0), ec))
            return Error("the directory '" + dir.string() + "' already holds " + png_frame_name(0) +
                         " (an earlier export?): remove its frames or choose another directory");
        return Ok{};
    }
    const fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
    if (!fs::is_directory(parent, ec))
        return Error("cannot create the PNG sequence directory '" + dir.string() + "': '" + parent.string() +
                     "' does not exist or is not a directory");
    return Ok{};
}

}  // namespace

std::string size_text(uint32_t width, uint32_t height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

Status check_frame(const gpu::Pixels& frame, uint32_t width, uint32_t height) {
    if (frame.width != width || frame.height != height)
        return Error("a " + size_text(frame.width, frame.height) + " frame cannot go into a " +
                     size_text(width, height) + " export: every frame must have the export's size");
    if (frame.rgba.size() != static_cast<std::size_t>(width) * height * 4)
        return Error("a " + size_text(width, height) + " frame holds " + std::to_string(frame.rgba.size()) +
                     " bytes, not the " + std::to_string(static_cast<std::size_t>(width) * height * 4) +
                     " of tightly packed RGBA8");
    return Ok{};
}

ExportKind export_kind(const fs::path& out) {
    std::error_code ec;
    if (ends_with_separator(out) || fs::is_directory(out, ec)) return ExportKind::kPngSequence;
    return ExportKind::kMp4;
}

fs::path partial_path_for(const fs::path& out) {
    fs::path partial = out;
    partial.replace_extension(".partial" + out.extension().string());
    return partial;
}

std::string png_frame_name(uint64_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05llu.png", static_cast<unsigned long long>(index + 1));
    return name;
}

Status validate(const ExportOptions& options) {
    if (options.out.empty()) return Error("no export path given: name an .mp4 file or a directory ending in '/'");
    if (options.fps < kMinFps || options.fps > kMaxFps)
        return Error("export frame rate " + std::to_string(options.fps) + " is out of range: use " +
                     std::to_string(kMinFps) + " to " + std::to_string(kMaxFps) + " frames per second");
    if (options.width == 0 || options.height == 0 || options.width > kMaxSide || options.height > kMaxSide)
        return Error("export size " + size_text(options.width, options.height) +
                     " is out of range: each side from 1 (2 for .mp4) to " + std::to_string(kMaxSide));
    const ExportKind kind = export_kind(options.out);
    if (kind == ExportKind::kPngSequence) return validate_sequence_dir(options.out);

    // yuv420p keeps one chroma sample per 2x2 pixels; H.264 encoders refuse odd sizes rather than pad them, and
    // silently cropping or padding the user's --size would make the video differ from what was asked.
    if (options.width % 2 != 0 || options.height % 2 != 0)
        return Error("export size " + size_text(options.width, options.height) +
                     " has an odd side: an H.264 MP4 (yuv420p) needs an even width and height, e.g. " +
                     size_text(even_below(options.width), even_below(options.height)));
    if (options.crf < 0 || options.crf > 51)
        return Error("export quality (CRF) " + std::to_string(options.crf) + " is out of range: use 0 to 51");
    if (std::find(kPresets.begin(), kPresets.end(), options.preset) == kPresets.end()) {
        std::string names;
        for (const char* p : kPresets) names += std::string(names.empty() ? "" : ", ") + p;
        return Error("unknown encoder preset \"" + options.preset + "\": use one of " + names);
    }
    return validate_mp4_path(options.out);
}

Result<std::unique_ptr<FrameSink>> open_export(const ExportOptions& options) {
    if (auto ok = validate(options); !ok) return ok.error();
    if (export_kind(options.out) == ExportKind::kPngSequence) return open_png_sequence(options);
    return open_mp4(options);
}

}  // namespace myoview::exporter
