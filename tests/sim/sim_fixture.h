#pragma once
// Test fixture: any MuJoCo warning or error raised during a test is a failure (the library's hooks count
// every message process-wide; see engine/sim/src/mujoco_handles.h).

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "myoview/sim/simulation.h"

namespace myoview::sim::test {

class MujocoQuietTest : public ::testing::Test {
protected:
    void SetUp() override { messages_at_start_ = mujoco_message_count(); }
    void TearDown() override {
        EXPECT_EQ(mujoco_message_count(), messages_at_start_) << "MuJoCo said: " << last_mujoco_message();
    }

    // Loads the project model or fails the test with the loader's message.
    static Simulation load_model() {
        auto sim = Simulation::load();
        if (!sim.has_value()) {
            ADD_FAILURE() << sim.error().full_text();
            std::abort();
        }
        return std::move(sim).value();
    }

    // Settled posture of a preset at a release (30 simulated seconds is several times the slowest mechanical
    // time constant of the model).
    static Snapshot settle(Simulation& sim, const char* preset, double release, double seconds = 30.0) {
        EXPECT_TRUE(sim.set_preset(preset).has_value());
        sim.set_release(release);
        sim.advance(seconds);
        return sim.snapshot();
    }

    // Summed tension (fraction of F0) of rhomboids, middle trapezius and posterior deltoid, both sides.
    static double back_tension(const Snapshot& s) {
        double sum = 0;
        for (const MuscleState& m : s.muscles) {
            if (m.base_id == "rhomboid_major" || m.base_id == "rhomboid_minor" || m.base_id == "trapezius_middle" ||
                m.base_id == "deltoid_posterior") {
                sum += m.tension;
            }
        }
        return sum;
    }

private:
    std::int64_t messages_at_start_ = 0;
};

}  // namespace myoview::sim::test
