#include "myoview/base/memory.h"

#include <algorithm>
#include <fstream>

#include <malloc.h>
#include <unistd.h>

namespace myoview {

std::optional<double> resident_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    if (!(statm >> pages_total >> pages_resident)) return std::nullopt;
    const long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) return std::nullopt;
    return static_cast<double>(pages_resident) * static_cast<double>(page) / (1024.0 * 1024.0);
}

HeapFigures heap_figures() {
    constexpr double kMb = 1024.0 * 1024.0;
    const struct mallinfo2 m = mallinfo2();
    return {static_cast<double>(m.uordblks + m.hblkhd) / kMb, static_cast<double>(m.arena + m.hblkhd) / kMb};
}

MemoryTrace::MemoryTrace(long every, std::size_t capacity)
    : every_(std::max(every, 1L)), capacity_(std::max<std::size_t>(capacity, 2)) {
    points_.reserve(capacity_);
}

void MemoryTrace::add(long frame, double mb, HeapFigures heap) {
    if (!due(frame)) return;
    if (points_.size() == capacity_) {
        // Keep the points on multiples of the doubled interval; the rest go. The vector never grows past capacity_.
        every_ *= 2;
        std::erase_if(points_, [&](const Point& p) { return p.frame % every_ != 0; });
        if (!due(frame)) return;
    }
    points_.push_back({frame, mb, heap});
}

void MemoryTrace::sample(long frame) {
    if (!due(frame)) return;
    if (const auto mb = resident_mb()) add(frame, *mb, heap_figures());
}

std::optional<double> MemoryTrace::at(long frame) const {
    const auto it = std::find_if(points_.begin(), points_.end(), [&](const Point& p) { return p.frame == frame; });
    if (it == points_.end()) return std::nullopt;
    return it->mb;
}

}  // namespace myoview
