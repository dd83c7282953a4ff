// "A MuJoCo error (mju_user_error) throws internally and is caught at this API: the data are reset to the rest
// pose and the error is counted as a warning; the process never exits." (simulation.h). MuJoCo errors cannot be
// provoked on the shipped model on demand, so mj_step and mj_forward are interposed here: armed, the next calls
// raise mju_error exactly as MuJoCo's own checks do (through the hook engine/sim installs).
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <mujoco/mujoco.h>

#include <cmath>

#include "myoview/sim/simulation.h"

namespace {
int g_failing_steps = 0;
int g_failing_forwards = 0;

template <typename Fn>
Fn real(const char* name) {
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}
}  // namespace

using MjFn = void (*)(const mjModel*, mjData*);

extern "C" void mj_step(const mjModel* m, mjData* d) {
    static const MjFn next = real<MjFn>("mj_step");
    if (g_failing_steps > 0) {
        --g_failing_steps;
        mju_error("injected: mj_step failed");
    }
    next(m, d);
}

extern "C" void mj_forward(const mjModel* m, mjData* d) {
    static const MjFn next = real<MjFn>("mj_forward");
    if (g_failing_forwards > 0) {
        --g_failing_forwards;
        mju_error("injected: mj_forward failed");
    }
    next(m, d);
}

namespace myoview::sim {
namespace {

class SimFaults : public ::testing::Test {
protected:
    void SetUp() override {
        g_failing_steps = g_failing_forwards = 0;
        auto loaded = Simulation::load();
        ASSERT_TRUE(loaded) << loaded.error().full_text();
        sim_.emplace(std::move(loaded).value());
        ASSERT_TRUE(sim_->set_preset("desk-worker"));
        sim_->advance(1.0);
        ASSERT_EQ(sim_->snapshot().warnings, 0);
    }
    void TearDown() override { g_failing_steps = g_failing_forwards = 0; }

    bool finite_snapshot() const {
        for (const BodyPose& b : sim_->snapshot().bodies) {
            if (!std::isfinite(b.pos.x) || !std::isfinite(b.pos.y) || !std::isfinite(b.pos.z)) return false;
        }
        return !sim_->snapshot().bodies.empty();
    }

    std::optional<Simulation> sim_;
};

TEST_F(SimFaults, AnErrorInAStepIsCaughtResetToRestAndCounted) {
    g_failing_steps = 1;
    EXPECT_NO_THROW(sim_->advance(0.5));
    EXPECT_GE(sim_->snapshot().warnings, 1);
    EXPECT_TRUE(finite_snapshot());
    EXPECT_NO_THROW(sim_->advance(0.5)) << "the simulation goes on after the recovery";
}

// The recovery itself calls MuJoCo (mj_resetData, then mj_forward to settle activation). Today an error there is
// thrown from inside advance()'s catch handler and leaves the API, and so does one from reset()'s settle when its
// recovery fails too: in the viewer it would reach main and end the process (std::terminate; the viewer now catches
// it and ends the session with its report, exit 1). Disabled until engine/sim (being rewritten, not ours to edit)
// makes recovery unable to throw:
//   - Impl::recover_from_error becomes noexcept: mj_resetData + settle_activation inside try; on a MujocoError,
//     count it, try once more, and if that fails too leave mj_resetData's rest pose without the settle and set a
//     `faulted` flag that advance() honours (no stepping until reset() or set_preset() succeeds);
//   - Simulation::reset() does its mj_resetData inside the try as well;
//   - the sink and recover_from_error count one error once (today a step error adds 2 warnings).
// Enable this test with that change.
TEST_F(SimFaults, DISABLED_AnErrorDuringRecoveryNeverLeavesTheApi) {
    g_failing_steps = 1;
    g_failing_forwards = 1;  // the settle inside the recovery fails too
    EXPECT_NO_THROW(sim_->advance(0.5));
    EXPECT_TRUE(finite_snapshot());
    g_failing_forwards = 2;
    EXPECT_NO_THROW(sim_->reset()) << "reset's settle fails, and so does the recovery's";
    EXPECT_TRUE(finite_snapshot());
    EXPECT_NO_THROW(sim_->advance(0.5));
}

}  // namespace
}  // namespace myoview::sim
