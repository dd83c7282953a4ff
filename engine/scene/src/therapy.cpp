#include "myoview/scene/therapy.h"

#include <algorithm>

namespace myoview::scene {

Status Therapy::set_preset(const std::string& name) {
    ramp_from_.reset();
    return sim_->set_preset(name);
}

Status Therapy::set_profile(const sim::TissueProfile& profile, const std::string& name) {
    ramp_from_.reset();
    return sim_->set_profile(profile, name);
}

void Therapy::set_release(double release) {
    ramp_from_.reset();
    sim_->set_release(release);
}

void Therapy::set_part_release(sim::PecPart part, double release) {
    ramp_from_.reset();
    sim_->set_part_release(part, release);
}

void Therapy::start_massage() {
    if (massaging() || sim_->release() >= 1.0) return;
    ramp_from_ = sim_->release();
    ramp_t_ = 0.0;
}

void Therapy::reset() {
    ramp_from_.reset();
    sim_->set_release(0.0);
    sim_->reset();
}

double Therapy::step(double dt) {
    if (paused_ || !(dt > 0.0)) return 0.0;
    const double h = std::min(dt, kMaxCatchUpSeconds);
    if (ramp_from_) {
        ramp_t_ += h;
        const double u = std::min(ramp_t_ / kMassageSeconds, 1.0);
        const double eased = u * u * (3.0 - 2.0 * u);
        sim_->set_release(*ramp_from_ + (1.0 - *ramp_from_) * eased);
        if (u >= 1.0) ramp_from_.reset();
    }
    sim_->advance(h);
    advanced_s_ += h;
    return dt - h;
}

}  // namespace myoview::scene
