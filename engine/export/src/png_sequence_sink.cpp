// A numbered PNG sequence: DIR/frame_00001.png, ... Each frame is written under a temporary name and renamed, so a
// frame_NNNNN.png is always a complete image, whatever happens to the process.

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "myoview/base/log.h"
#include "sinks.h"

namespace myoview::exporter {

namespace fs = std::filesystem;

namespace {

class PngSequenceSink final : public FrameSink {
public:
    PngSequenceSink(fs::path dir, bool created_dir, uint32_t width, uint32_t height)
        : dir_(std::move(dir)), created_dir_(created_dir), width_(width), height_(height) {}
    ~PngSequenceSink() override {
        if (open_) abort("the export was not finished");
    }

    Status add(const gpu::Pixels& frame) override {
        if (!open_) return Error("the PNG sequence in '" + dir_.string() + "' is already closed");
        if (auto ok = check_frame(frame, width_, height_); !ok) return ok.error();
        const fs::path final_path = dir_ / png_frame_name(frames_);
        fs::path temp_path = final_path;
        temp_path += ".partial";
        if (auto ok = gpu::write_png(temp_path, frame); !ok) {
            std::error_code ec;
            fs::remove(temp_path, ec);
            return ok.error();
        }
        std::error_code ec;
        fs::rename(temp_path, final_path, ec);
        if (ec) {
            fs::remove(temp_path, ec);
            return Error("could not name " + final_path.string() + ": " + ec.message());
        }
        ++frames_;
        return Ok{};
    }

    Status finish() override {
        if (!open_) return Error("the PNG sequence in '" + dir_.string() + "' is already closed");
        open_ = false;
        if (frames_ == 0) return Error("no frame was exported to '" + dir_.string() + "'");
        return Ok{};
    }

    void abort(std::string_view why) override {
        if (!open_) return;
        open_ = false;
        std::error_code ec;
        if (frames_ == 0) {
            if (created_dir_) fs::remove(dir_, ec);  // only if still empty: remove() keeps a full one
            log::warn("export aborted (" + std::string(why) + ") before any frame: nothing kept");
            return;
        }
        log::warn("export aborted (" + std::string(why) + "): " + std::to_string(frames_) +
                  " complete frames kept in " + dir_.string());
    }

    ExportKind kind() const override { return ExportKind::kPngSequence; }
    uint64_t frames_written() const override { return frames_; }
    fs::path output_path() const override { return dir_; }
    std::string encoder_name() const override { return "png"; }

private:
    fs::path dir_;
    bool created_dir_;
    uint32_t width_, height_;
    uint64_t frames_ = 0;
    bool open_ = true;
};

}  // namespace

Result<std::unique_ptr<FrameSink>> open_png_sequence(const ExportOptions& options) {
    const fs::path dir = options.out.has_filename() ? options.out : options.out.parent_path();
    std::error_code ec;
    const bool created = fs::create_directory(dir, ec);
    if (ec) return Error("could not create the PNG sequence directory '" + dir.string() + "': " + ec.message());
    // Find out now, not after rendering the first frame, whether frames can be written there.
    const fs::path probe = dir / ".myoview-export-probe";
    std::FILE* f = std::fopen(probe.c_str(), "wb");
    if (!f) {
        const std::error_code open_ec(errno, std::generic_category());
        if (created) fs::remove(dir, ec);
        return Error("cannot write into '" + dir.string() + "': " + open_ec.message());
    }
    std::fclose(f);
    fs::remove(probe, ec);
    return std::unique_ptr<FrameSink>(new PngSequenceSink(dir, created, options.width, options.height));
}

}  // namespace myoview::exporter
