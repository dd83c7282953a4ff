// Broken or foreign model files give a clean Error with MuJoCo's reason; nothing crashes or exits.

#include <gtest/gtest.h>

#include <string>

#include "myoview/sim/simulation.h"

namespace myoview::sim::test {
namespace {

std::string data_file(const char* name) {
    return std::string(MYOVIEW_SOURCE_DIR) + "/tests/sim/data/" + name;
}

TEST(MalformedModel, MissingFileIsAnError) {
    auto sim = Simulation::load(data_file("does_not_exist.xml"));
    ASSERT_FALSE(sim.has_value());
    EXPECT_NE(sim.error().message.find("not found"), std::string::npos) << sim.error().message;
}

TEST(MalformedModel, TruncatedXmlIsAnError) {
    auto sim = Simulation::load(data_file("truncated.xml"));
    ASSERT_FALSE(sim.has_value());
    EXPECT_NE(sim.error().message.find("truncated.xml"), std::string::npos) << sim.error().message;
}

TEST(MalformedModel, UnknownElementIsAnError) {
    auto sim = Simulation::load(data_file("unknown_element.xml"));
    ASSERT_FALSE(sim.has_value());
    EXPECT_NE(sim.error().message.find("scapula"), std::string::npos) << sim.error().message;
}

TEST(MalformedModel, UnlimitedMuscleJointIsAnError) {
    auto sim = Simulation::load(data_file("bad_range.xml"));
    ASSERT_FALSE(sim.has_value());
    EXPECT_FALSE(sim.error().message.empty());
}

TEST(MalformedModel, ValidMjcfOutsideTheContractListsWhatIsMissing) {
    auto sim = Simulation::load(data_file("not_contract.xml"));
    ASSERT_FALSE(sim.has_value());
    EXPECT_NE(sim.error().message.find("id contract"), std::string::npos);
    const std::string text = sim.error().full_text();
    EXPECT_NE(text.find("body clavicle_r"), std::string::npos) << text;
    EXPECT_NE(text.find("muscle actuator pec_minor_l"), std::string::npos) << text;
}

TEST(MalformedModel, ADirectoryIsNotAModel) {
    auto sim = Simulation::load(std::string(MYOVIEW_SOURCE_DIR) + "/tests/sim/data");
    ASSERT_FALSE(sim.has_value());
}

TEST(MalformedModel, TheProcessSurvivesAndTheRealModelStillLoads) {
    for (const char* f : {"truncated.xml", "unknown_element.xml", "not_contract.xml", "bad_range.xml"}) {
        EXPECT_FALSE(Simulation::load(data_file(f)).has_value()) << f;
    }
    auto sim = Simulation::load();
    ASSERT_TRUE(sim.has_value()) << sim.error().full_text();
    sim->advance(0.1);
    EXPECT_EQ(sim->snapshot().warnings, 0);
}

}  // namespace
}  // namespace myoview::sim::test
