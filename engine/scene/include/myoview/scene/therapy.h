#pragma once
// The clinician's controls over the simulation, applied at one point per frame (the MuJoCo simulate habit: UI
// actions are queued as requests, never applied from inside the UI code), and the massage ramp.

#include <optional>

#include "myoview/sim/simulation.h"

namespace myoview::scene {

class Therapy {
public:
    static constexpr double kMassageSeconds = 4.0;  // the visible release takes a few seconds
    // Longest gap between two frames that is caught up in full. A slow frame (a software renderer, a busy machine)
    // is: the simulation sub-steps at its fixed step (18 us each: 5 s cost ~9 ms) and the massage ramp follows, so
    // neither falls behind the wall clock. A longer gap (a suspended laptop, a debugger) is not replayed: the excess
    // is dropped, returned and logged, never lost silently.
    static constexpr double kMaxCatchUpSeconds = 5.0;

    explicit Therapy(sim::Simulation& simulation) : sim_(&simulation) {}
    bool paused() const { return paused_; }
    void set_paused(bool paused) { paused_ = paused; }
    bool massaging() const { return ramp_from_.has_value(); }
    double release() const { return sim_->release(); }

    Status set_preset(const std::string& name);  // stops a ramp
    Status set_profile(const sim::TissueProfile& profile, const std::string& name);  // stops a ramp (a patient's)
    void set_release(double release);            // stops a ramp
    void set_part_release(sim::PecPart part, double release);
    // Starts the massage: the release ramps to 1 over kMassageSeconds (smoothstep). Nothing when already released
    // or ramping.
    void start_massage();
    void reset();  // release 0, the simulation back to its rest pose, no ramp

    // Advances the simulation and the ramp by dt seconds; returns the seconds dropped (0 unless dt exceeded
    // kMaxCatchUpSeconds). Nothing moves while paused.
    double step(double dt);
    double advanced_s() const { return advanced_s_; }  // seconds the simulation followed, in all

private:
    sim::Simulation* sim_;
    bool paused_ = false;
    std::optional<double> ramp_from_;
    double ramp_t_ = 0.0;
    double advanced_s_ = 0.0;
};

}  // namespace myoview::scene
