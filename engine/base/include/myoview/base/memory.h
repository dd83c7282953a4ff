#pragma once
// The process's resident memory and a bounded trace of it over a session's frames, for the report of a run that
// lasts days (the kiosk's soak, `tools/soak`).
//
// Why a trace and not two figures: the resident size at the first frame is read when that frame is submitted,
// before a CPU driver (lavapipe) has run it; compiling its shaders and filling its rasterizer's buffers then adds
// ~55 MB over the first frames (malloc'd by libvulkan_lvp, heaptrack shows), after which it stays flat. So "first
// frame -> end" reads as a leak on a run of any length; points along the run show whether memory levels off.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace myoview {

// The resident set of this process in MB (Linux /proc/self/statm); nothing where it cannot be read.
std::optional<double> resident_mb();

// What malloc holds, in MB, over all its arenas (glibc's mallinfo2): `in_use_mb`, the bytes handed out and not
// freed; `from_system_mb`, what the heap took from the system (arenas and large mmap'd blocks). Resident memory that
// grows while in_use stays flat is the heap's fragmentation or memory outside malloc (a JIT's code pages), not
// objects that pile up.
struct HeapFigures {
    double in_use_mb = 0.0;
    double from_system_mb = 0.0;
};
HeapFigures heap_figures();

// (frame, resident MB) every `every` frames, at most `capacity` points however long the run: when full, every
// other point is dropped and the interval doubles, so the trace always spans the whole run at an even spacing.
class MemoryTrace {
public:
    struct Point {
        long frame = 0;
        double mb = 0.0;     // resident
        HeapFigures heap{};  // malloc's figures at the same moment
    };

    explicit MemoryTrace(long every = 100, std::size_t capacity = 256);

    // Whether frame `frame` (1 = the first) is one to sample.
    bool due(long frame) const { return frame > 0 && frame % every_ == 0; }
    // Records a sample (of a due frame; others are ignored).
    void add(long frame, double mb, HeapFigures heap = {});
    // due() then add(frame, resident_mb(), heap_figures()).
    void sample(long frame);

    const std::vector<Point>& points() const { return points_; }
    long every() const { return every_; }
    // The sample at `frame`, if the trace holds one (it may have been thinned away).
    std::optional<double> at(long frame) const;

private:
    long every_;
    std::size_t capacity_;
    std::vector<Point> points_;
};

}  // namespace myoview
