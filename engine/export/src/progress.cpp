#include "myoview/export/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace myoview::exporter {

namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
}

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "--:--";
    // Round up so that "00:00 left" only shows when nothing is left.
    const auto total = static_cast<uint64_t>(std::ceil(seconds));
    const uint64_t h = total / 3600, m = (total / 60) % 60, s = total % 60;
    char buf[32];
    if (h > 0) {
        std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(h),
                      static_cast<unsigned long long>(m), static_cast<unsigned long long>(s));
    } else {
        std::snprintf(buf, sizeof buf, "%02llu:%02llu", static_cast<unsigned long long>(m),
                      static_cast<unsigned long long>(s));
    }
    return buf;
}

std::string format_progress_line(uint64_t done, uint64_t total, double elapsed_s, int bar_width) {
    done = std::min(done, total);
    bar_width = std::max(bar_width, 1);
    const auto width = static_cast<uint64_t>(bar_width);
    const uint64_t filled = total == 0 ? width : done * width / total;
    const uint64_t percent = total == 0 ? 100 : done * 100 / total;
    double left = -1.0;  // unknown before the first frame
    if (done == total) {
        left = 0.0;
    } else if (done > 0 && elapsed_s >= 0) {
        left = elapsed_s / static_cast<double>(done) * static_cast<double>(total - done);
    }
    std::string line = "frame " + std::to_string(done) + "/" + std::to_string(total) + " [";
    line.append(filled, '#');
    line.append(width - filled, '.');
    line += "] " + std::to_string(percent) + "% " + format_duration(left) + " left";
    return line;
}

std::string format_progress_summary(uint64_t done, double elapsed_s) {
    char rate[32] = "-";
    if (elapsed_s > 0) std::snprintf(rate, sizeof rate, "%.1f", static_cast<double>(done) / elapsed_s);
    return "exported " + std::to_string(done) + (done == 1 ? " frame" : " frames") + " in " +
           format_duration(elapsed_s) + " (" + rate + " frames/s)";
}

Progress::Progress(uint64_t total, std::FILE* stream) : Progress(total, stream, isatty(fileno(stream)) == 1) {}

Progress::Progress(uint64_t total, std::FILE* stream, bool interactive)
    : total_(total), stream_(stream), interactive_(interactive), start_(std::chrono::steady_clock::now()) {}

double Progress::elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(uint64_t done) {
    if (finished_) return;
    done_ = done;
    if (!interactive_) return;
    const auto now = std::chrono::steady_clock::now();
    // Redrawing a terminal line costs little, but a thousand redraws a second on a fast export is noise.
    if (done < total_ && last_draw_ != std::chrono::steady_clock::time_point{} && now - last_draw_ < kRedrawInterval)
        return;
    last_draw_ = now;
    const std::string line = format_progress_line(done, total_, elapsed_s());
    std::string padded = "\r" + line;
    if (line.size() < last_length_) padded.append(last_length_ - line.size(), ' ');
    last_length_ = line.size();
    std::fputs(padded.c_str(), stream_);
    std::fflush(stream_);
}

void Progress::finish() {
    if (finished_) return;
    finished_ = true;
    const std::string summary = format_progress_summary(done_, elapsed_s());
    if (interactive_) {
        // Replace the bar by the summary, blanking the rest of the bar's line.
        std::string padded = "\r" + summary;
        if (summary.size() < last_length_) padded.append(last_length_ - summary.size(), ' ');
        std::fputs((padded + "\n").c_str(), stream_);
    } else {
        std::fputs((summary + "\n").c_str(), stream_);
    }
    std::fflush(stream_);
}

}  // namespace myoview::exporter
