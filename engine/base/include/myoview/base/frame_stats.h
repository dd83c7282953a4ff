#pragma once
// Frame-time statistics for the report: every frame's CPU wall time (GPU waits included), in bounded memory.
//
// A kiosk runs for days: one double per frame is 41 MB a day at 60 frames a second, without end. So at most
// `capacity` frame times are kept: up to it, every frame (the figures are exact: the hour-long soak's 36 000 frames
// fit); past it, every other kept time goes and from then on only every second frame is kept (then every fourth,
// ...), so the times kept are always an even sample of the whole run, from its first frame to its last.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace myoview {

class FrameStats {
public:
    static constexpr std::size_t kDefaultCapacity = std::size_t{1} << 16;  // 512 KB of doubles

    explicit FrameStats(std::size_t capacity = kDefaultCapacity) : capacity_(std::max<std::size_t>(capacity, 2)) {
        kept_.reserve(std::min<std::size_t>(capacity_, 4096));
    }

    void add(double ms) {
        const std::size_t index = count_++;
        last_ = ms;
        if (index % stride_ != 0) return;
        if (kept_.size() == capacity_) {
            // kept_[j] is frame j * stride_: keeping the even j keeps the frames on the doubled stride.
            for (std::size_t j = 0; 2 * j < kept_.size(); ++j) kept_[j] = kept_[2 * j];
            kept_.resize((kept_.size() + 1) / 2);
            stride_ *= 2;
            if (index % stride_ != 0) return;
        }
        kept_.push_back(ms);
    }
    // Every frame counted, kept or not.
    std::size_t count() const { return count_; }
    // The frame times held now (never more than the capacity) and the frames between two of them.
    std::size_t kept() const { return kept_.size(); }
    std::size_t stride() const { return stride_; }

    // Percentile p (0..100) over all frames but the first, which pays for pipeline and upload warm-up;
    // over all frames when there is only one.
    double percentile(double p) const {
        if (kept_.empty()) return 0.0;
        std::vector<double> s(kept_.size() > 1 ? kept_.begin() + 1 : kept_.begin(), kept_.end());
        std::sort(s.begin(), s.end());
        const double rank = p / 100.0 * static_cast<double>(s.size() - 1);
        const auto lo = static_cast<std::size_t>(rank);
        const std::size_t hi = std::min(lo + 1, s.size() - 1);
        const double t = rank - static_cast<double>(lo);
        return s[lo] * (1.0 - t) + s[hi] * t;
    }
    double last() const { return count_ == 0 ? 0.0 : last_; }
    // Median of the frames in [begin, end) as fractions of the run (0.0-0.1: the first tenth): frame-time growth
    // over a long run shows as a last tenth slower than the first.
    double median_of_span(double begin, double end) const {
        const auto n = static_cast<double>(kept_.size());
        const auto b = static_cast<std::size_t>(begin * n), e = static_cast<std::size_t>(end * n);
        if (e <= b) return 0.0;
        std::vector<double> s(kept_.begin() + static_cast<std::ptrdiff_t>(b),
                              kept_.begin() + static_cast<std::ptrdiff_t>(e));
        std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
        return s[s.size() / 2];
    }

private:
    std::size_t capacity_;
    std::size_t count_ = 0;
    std::size_t stride_ = 1;
    double last_ = 0.0;
    std::vector<double> kept_;  // frame j * stride_ at index j
};

}  // namespace myoview
