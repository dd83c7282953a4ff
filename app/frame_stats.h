#pragma once
// Frame-time statistics for the report: every frame's CPU wall time (GPU waits included).
#include <algorithm>
#include <cstddef>
#include <vector>

namespace myoview::app {

class FrameStats {
public:
    void add(double ms) { samples_.push_back(ms); }
    std::size_t count() const { return samples_.size(); }
    // Percentile p (0..100) over all frames but the first, which pays for pipeline and upload warm-up;
    // over all frames when there is only one.
    double percentile(double p) const {
        if (samples_.empty()) return 0.0;
        std::vector<double> s(samples_.size() > 1 ? samples_.begin() + 1 : samples_.begin(), samples_.end());
        std::sort(s.begin(), s.end());
        const double rank = p / 100.0 * static_cast<double>(s.size() - 1);
        const auto lo = static_cast<std::size_t>(rank);
        const std::size_t hi = std::min(lo + 1, s.size() - 1);
        const double t = rank - static_cast<double>(lo);
        return s[lo] * (1.0 - t) + s[hi] * t;
    }
    double last() const { return samples_.empty() ? 0.0 : samples_.back(); }
    // Median of the frames in [begin, end) as fractions of the run (0.0-0.1: the first tenth): frame-time growth
    // over a long run shows as a last tenth slower than the first.
    double median_of_span(double begin, double end) const {
        const auto n = static_cast<double>(samples_.size());
        const auto b = static_cast<std::size_t>(begin * n), e = static_cast<std::size_t>(end * n);
        if (e <= b) return 0.0;
        std::vector<double> s(samples_.begin() + static_cast<std::ptrdiff_t>(b),
                              samples_.begin() + static_cast<std::ptrdiff_t>(e));
        std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
        return s[s.size() / 2];
    }

private:
    std::vector<double> samples_;
};

}  // namespace myoview::app
