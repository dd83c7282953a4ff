#pragma once
// A progress line for long exports: "frame 123/900 [#.........] 13% 00:52 left".
//
// On a terminal the line is redrawn in place with '\r' (at most every 100 ms, and always for the last frame);
// elsewhere (a log file, CI) nothing is printed until finish(), which prints one summary line, so logs are not
// flooded with redraws.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace myoview::exporter {

// The line for `done` of `total` frames after `elapsed_s` seconds: the bar is `bar_width` cells, the percentage
// is rounded down, the time left extrapolates the rate so far ("--:--" before the first frame), as MM:SS or
// H:MM:SS from an hour up.
std::string format_progress_line(uint64_t done, uint64_t total, double elapsed_s, int bar_width = 10);

// "exported 900 frames in 01:23 (10.8 frames/s)".
std::string format_progress_summary(uint64_t done, double elapsed_s);

// "01:23", or "1:02:03" from an hour up; "--:--" for a negative or non-finite time.
std::string format_duration(double seconds);

class Progress {
public:
    // interactive: redraw in place; by default when `stream` is a terminal.
    explicit Progress(uint64_t total, std::FILE* stream = stderr);
    Progress(uint64_t total, std::FILE* stream, bool interactive);

    // `done` frames of the total are complete.
    void update(uint64_t done);
    // Ends the line on a terminal; prints the summary line. Called once; later calls do nothing.
    void finish();

    bool interactive() const { return interactive_; }

private:
    double elapsed_s() const;

    uint64_t total_;
    std::FILE* stream_;
    bool interactive_;
    bool finished_ = false;
    uint64_t done_ = 0;
    std::size_t last_length_ = 0;  // of the line on screen, to blank what a shorter line leaves behind
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace myoview::exporter
