#pragma once
// The two FrameSink implementations, opened by open_export() after it validated the options.

#include <memory>

#include "myoview/export/frame_sink.h"

namespace myoview::exporter {

Result<std::unique_ptr<FrameSink>> open_mp4(const ExportOptions& options);
Result<std::unique_ptr<FrameSink>> open_png_sequence(const ExportOptions& options);

// "1920x1080", for messages.
std::string size_text(uint32_t width, uint32_t height);

// The same check in both sinks: a frame of another size than the export's is the caller's error, but a
// recoverable one (the window was resized mid-export), not a reason to crash.
Status check_frame(const gpu::Pixels& frame, uint32_t width, uint32_t height);

}  // namespace myoview::exporter
