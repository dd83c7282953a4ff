// engine/export: encoding speed of 1920x1080 frames into H.264 MP4, per x264 preset (RGBA -> yuv420p conversion,
// encoding and muxing; no rendering). Each iteration encodes a 3 s clip (90 frames at 30 fps) from open to
// finish, so the encoder's lookahead flush and the faststart rewrite are counted too.
// The frames are the README's rendered pictures (1600x1000) on the background colour of a 1920x1080 frame, moved
// a few pixels a frame like a slow camera pan: content like the viewer's, not noise or flat colour.
//   build/tests/bench/myoview_bench_export --benchmark_filter=veryfast

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "myoview/export/frame_sink.h"
#include "myoview/gpu/png.h"

namespace {

namespace fs = std::filesystem;
using myoview::gpu::Pixels;

constexpr uint32_t kWidth = 1920, kHeight = 1080;
constexpr int kFps = 30;
constexpr int kFramesPerClip = 90;

// The 1080p frames of one clip: each README picture in turn (15 frames each), panned 4 pixels a frame.
const std::vector<Pixels>& clip_frames() {
    static const std::vector<Pixels> frames = [] {
        std::vector<Pixels> pictures;
        for (const char* name : {"anatomy-front.png", "tension-tight-front.png", "tension-released-back.png",
                                 "anatomy-three-quarter.png", "story-tight-chest.png", "tension-tight-left.png"}) {
            auto read = myoview::gpu::read_png(fs::path(MYOVIEW_SOURCE_DIR) / "docs" / name);
            if (!read) {
                std::fprintf(stderr, "%s\n", read.error().message.c_str());
                std::exit(1);
            }
            pictures.push_back(std::move(read).value());
        }
        std::vector<Pixels> out;
        for (int i = 0; i < kFramesPerClip; ++i) {
            const Pixels& src = pictures[static_cast<std::size_t>(i / 15) % pictures.size()];
            Pixels f;
            f.width = kWidth;
            f.height = kHeight;
            f.rgba.resize(static_cast<std::size_t>(kWidth) * kHeight * 4);
            const uint8_t* bg = src.at(0, 0);
            for (std::size_t p = 0; p < f.rgba.size(); p += 4) std::copy(bg, bg + 4, &f.rgba[p]);
            const uint32_t ox = 40 + static_cast<uint32_t>(i % 15) * 4, oy = 40;
            for (uint32_t y = 0; y < src.height && oy + y < kHeight; ++y)
                std::copy(src.at(0, y), src.at(0, y) + static_cast<std::size_t>(src.width) * 4,
                          &f.rgba[(static_cast<std::size_t>(oy + y) * kWidth + ox) * 4]);
            out.push_back(std::move(f));
        }
        return out;
    }();
    return frames;
}

void BM_Encode1080p(benchmark::State& state, const std::string& preset) {
    const auto& frames = clip_frames();
    const fs::path out = fs::temp_directory_path() / ("myoview-bench-export-" + preset + ".mp4");
    uintmax_t bytes = 0;
    for (auto _ : state) {
        myoview::exporter::ExportOptions options{.out = out, .fps = kFps, .width = kWidth, .height = kHeight};
        options.preset = preset;
        auto sink = myoview::exporter::open_export(options);
        if (!sink) {
            state.SkipWithError(sink.error().message.c_str());
            return;
        }
        for (const Pixels& f : frames) {
            if (auto ok = (*sink)->add(f); !ok) {
                state.SkipWithError(ok.error().message.c_str());
                return;
            }
        }
        if (auto ok = (*sink)->finish(); !ok) {
            state.SkipWithError(ok.error().message.c_str());
            return;
        }
        bytes = fs::file_size(out);
    }
    fs::remove(out);
    state.counters["frames_per_s"] =
        benchmark::Counter(static_cast<double>(kFramesPerClip * state.iterations()), benchmark::Counter::kIsRate);
    // The bitrate of the clip: what a 60 s story weighs (x 20 for 60 s at the same rate).
    state.counters["Mbit_per_s"] = static_cast<double>(bytes) * 8 / 1e6 / (kFramesPerClip / double{kFps});
}

}  // namespace

BENCHMARK_CAPTURE(BM_Encode1080p, ultrafast, std::string("ultrafast"))
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_Encode1080p, superfast, std::string("superfast"))
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_Encode1080p, veryfast, std::string("veryfast"))
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_Encode1080p, faster, std::string("faster"))
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_Encode1080p, medium, std::string("medium"))
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

BENCHMARK_MAIN();
