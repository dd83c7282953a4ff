// The upper-back load (sim::upper_back_load): one definition for the panel, the report and README.
#include <gtest/gtest.h>

#include <algorithm>

#include "myoview/sim/simulation.h"

namespace myoview::sim {
namespace {

double load_after(Simulation& sim, const char* preset, double release) {
    EXPECT_TRUE(sim.set_preset(preset));
    sim.set_release(release);
    sim.advance(30.0);
    return upper_back_load(sim.snapshot());
}

TEST(UpperBackLoad, IsTheMeanTensionOfTheScapularRetractorsAndNotOfTheDeltoid) {
    auto loaded = Simulation::load();
    ASSERT_TRUE(loaded) << loaded.error().full_text();
    Simulation sim = std::move(loaded).value();
    load_after(sim, "desk-worker", 0.0);
    const Snapshot& s = sim.snapshot();
    double sum = 0.0;
    int n = 0;
    for (const MuscleState& m : s.muscles) {
        if (std::find(kUpperBackLoadIds.begin(), kUpperBackLoadIds.end(), m.base_id) == kUpperBackLoadIds.end()) {
            continue;
        }
        sum += m.tension;
        ++n;
    }
    EXPECT_EQ(n, 8) << "four retractors on both sides";
    EXPECT_DOUBLE_EQ(upper_back_load(s), sum / n);
    EXPECT_EQ(std::count(kUpperBackLoadIds.begin(), kUpperBackLoadIds.end(), "deltoid_posterior"), 0);
    EXPECT_DOUBLE_EQ(sim.report_json()["posture"]["upper_back_load_pct"].get<double>(), upper_back_load(s) * 100.0);
}

TEST(UpperBackLoad, TightChestLoadsTheBackAndReleaseUnloadsIt) {
    auto loaded = Simulation::load();
    ASSERT_TRUE(loaded);
    Simulation sim = std::move(loaded).value();
    const double neutral = load_after(sim, "neutral", 0.0);
    const double tight = load_after(sim, "desk-worker", 0.0);
    const double released = load_after(sim, "desk-worker", 1.0);
    EXPECT_GT(tight, 2.0 * neutral) << "the desk worker's retractors work against the pectorals";
    EXPECT_LT(released, 0.6 * tight) << "full release takes most of that load away";
    EXPECT_GE(released, neutral * 0.9) << "the slump and the tired back stay";
}

}  // namespace
}  // namespace myoview::sim
