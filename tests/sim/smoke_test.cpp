#include <gtest/gtest.h>
#include "myoview/sim/simulation.h"
TEST(Smoke, Loads) { auto s = myoview::sim::Simulation::load(); ASSERT_TRUE(s.has_value()) << s.error().full_text(); }
