#pragma once
// Video export: rendered frames (gpu::Pixels, RGBA8, row 0 at the top, as OffscreenPresenter::pixels() returns
// them) go into an H.264 MP4 that plays in a web browser, or into a numbered PNG sequence.
//
// Contract of every FrameSink:
//   - add() takes frames of exactly ExportOptions' width x height, in order, one per 1/fps seconds of video.
//   - finish() completes the export: the MP4's trailer is written and OUT.partial.mp4 is renamed to OUT; only then
//     does a file by the name the user asked for exist. After finish() (successful or not) the sink is closed.
//   - abort(why) ends an interrupted or failed export. MP4: the encoder is flushed and the trailer written, so the
//     frames added so far stay playable, in OUT.partial.mp4 (never under the name the user asked for, so it never
//     looks complete); with no frame added the partial file is removed. PNG sequence: every frame_NNNNN.png
//     already written is complete (each is written under a temporary name and renamed) and stays.
//   - The destructor of a sink that was neither finished nor aborted aborts it.
// A crash leaves at most OUT.partial.mp4 (without its index, not playable) or a frame_NNNNN.png.partial.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "myoview/base/result.h"
#include "myoview/gpu/png.h"

namespace myoview::exporter {

inline constexpr int kMinFps = 1;
inline constexpr int kMaxFps = 120;

enum class ExportKind {
    kMp4,          // H.264 (High profile where the encoder has it), yuv420p, MP4 with the index at the front
    kPngSequence,  // DIR/frame_00001.png, frame_00002.png, ...
};

struct ExportOptions {
    // A path ending in '/' or naming an existing directory: a PNG sequence there (the directory is created when
    // its parent exists). Otherwise a file ending in .mp4 whose directory exists.
    std::filesystem::path out;
    int fps = 30;        // kMinFps..kMaxFps
    uint32_t width = 0;  // of every frame; even for MP4 (yuv420p halves chroma in both directions)
    uint32_t height = 0;
    // MP4 only. x264's constant rate factor (0..51: lower is better and larger; 23 is x264's own default) and speed
    // preset (one of x264's, "ultrafast".."placebo"). Encoders other than libx264 get 0.1 bit per pixel instead.
    int crf = 20;
    std::string preset = "veryfast";
    // MP4 only. Empty: libx264, else the first other H.264 encoder that opens. A name ("libopenh264",
    // "h264_nvenc"): that encoder alone.
    std::string encoder{};
};

// Which kind of export the options ask for (a pure function of the path and the file system's state).
ExportKind export_kind(const std::filesystem::path& out);

// Checks the options without creating anything: fps range, sizes, extension, the output's directory.
Status validate(const ExportOptions& options);

class FrameSink {
public:
    virtual ~FrameSink() = default;
    FrameSink(const FrameSink&) = delete;
    FrameSink& operator=(const FrameSink&) = delete;

    // Appends one frame. An Error (wrong size, a full disk, an encoder failure) leaves the sink to be aborted.
    virtual Status add(const gpu::Pixels& frame) = 0;
    // Completes the export (see the contract above).
    virtual Status finish() = 0;
    // Ends the export early (see the contract above); `why` goes into the log line that says what was kept.
    virtual void abort(std::string_view why) = 0;

    virtual ExportKind kind() const = 0;
    // Frames accepted so far.
    virtual uint64_t frames_written() const = 0;
    // Where the result is: the final file or directory after finish(), OUT.partial.mp4 after an abort that kept
    // frames, empty after an abort that kept nothing. While open: where frames are going.
    virtual std::filesystem::path output_path() const = 0;
    // Which encoder writes the video ("libx264", ...); "png" for a PNG sequence.
    virtual std::string encoder_name() const = 0;

protected:
    FrameSink() = default;
};

// Validates the options, then opens the output (the MP4's partial file, or the PNG directory), so a path that
// cannot be written fails here, before any frame is rendered.
Result<std::unique_ptr<FrameSink>> open_export(const ExportOptions& options);

// OUT.partial.mp4 for OUT.mp4: where an MP4 export writes until finish() renames it.
std::filesystem::path partial_path_for(const std::filesystem::path& out);

// "frame_00001.png" for index 0.
std::string png_frame_name(uint64_t index);

}  // namespace myoview::exporter
