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
    EXPECT_EQ(sim_->snapshot().warnings, 1) << "one error, counted once";
    EXPECT_TRUE(finite_snapshot());
    EXPECT_NO_THROW(sim_->advance(0.5)) << "the simulation goes on after the recovery";
}

// The recovery itself calls MuJoCo (mj_resetData, then mj_forward to settle activation): an error there must not
// leave the API either (it would reach main and end the process), nor one from reset()'s settle when its recovery
// fails too. Each error counts once.
TEST_F(SimFaults, AnErrorDuringRecoveryNeverLeavesTheApi) {
    g_failing_steps = 1;
    g_failing_forwards = 1;  // the settle inside the recovery fails too
    EXPECT_NO_THROW(sim_->advance(0.5));
    EXPECT_TRUE(finite_snapshot());
    g_failing_forwards = 2;
    EXPECT_NO_THROW(sim_->reset()) << "reset's settle fails, and so does the recovery's";
    EXPECT_TRUE(finite_snapshot());
    EXPECT_NO_THROW(sim_->advance(0.5));
}

TEST_F(SimFaults, ARecoveryThatKeepsFailingHoldsTheRestPoseUntilAReset) {
    g_failing_steps = 1;
    g_failing_forwards = 2;  // both settle attempts of the recovery fail
    EXPECT_NO_THROW(sim_->advance(0.5));
    EXPECT_TRUE(finite_snapshot());
    const double t = sim_->snapshot().time_s;
    EXPECT_NO_THROW(sim_->advance(0.5));
    EXPECT_EQ(sim_->snapshot().time_s, t) << "no stepping from an unsettled state";
    EXPECT_NO_THROW(sim_->reset());
    sim_->advance(0.5);
    EXPECT_GT(sim_->snapshot().time_s, 0.4) << "a successful reset lets it run again";
    EXPECT_EQ(sim_->snapshot().warnings, 0) << "reset clears the count";
}

}  // namespace
}  // namespace myoview::sim
