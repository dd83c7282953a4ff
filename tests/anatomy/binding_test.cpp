// MJCF id reading through MuJoCo (real files written by the test) and the binding report.

#include <atomic>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "myoview/anatomy/binding.h"

namespace myoview::anatomy {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Two bodies, one hinge with limits (MuJoCo 2.2.2 needs limits to compute a muscle's length range), one muscle on
// a spatial tendon named by the contract's <id>_path convention, and one non-muscle actuator that must not be listed
// (MuJoCo wants stateless actuators such as motors before stateful ones such as muscles).
constexpr const char* kTinyModel = R"(<mujoco model="tiny">
  <compiler angle="degree"/>
  <worldbody>
    <body name="thorax">
      <geom type="sphere" size="0.05" mass="1"/>
      <site name="pec_minor_r_o" pos="0.05 0 0.1"/>
      <body name="scapula_r" pos="0 -0.2 0">
        <joint name="scapula_r_hinge" type="hinge" axis="0 0 1" limited="true" range="-30 30"/>
        <geom type="capsule" fromto="0 0 0 0 -0.1 0" size="0.02" mass="0.5"/>
        <site name="pec_minor_r_i" pos="0.05 -0.05 0.05"/>
      </body>
    </body>
  </worldbody>
  <tendon>
    <spatial name="pec_minor_r_path">
      <site site="pec_minor_r_o"/>
      <site site="pec_minor_r_i"/>
    </spatial>
  </tendon>
  <actuator>
    <motor name="hinge_motor" joint="scapula_r_hinge"/>
    <muscle name="pec_minor_r" tendon="pec_minor_r_path"/>
  </actuator>
</mujoco>
)";

class MjcfFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("myoview_mjcf_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::filesystem::path write(const std::string& name, const std::string& text) {
        const auto path = dir_ / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::filesystem::path dir_;
};

TEST_F(MjcfFiles, ReadsBodiesAndMusclesOnly) {
    const int warnings_before = mujoco_warning_count();
    const auto ids = read_mjcf_ids(write("tiny.xml", kTinyModel));
    ASSERT_TRUE(ids.has_value()) << ids.error().full_text();
    EXPECT_THAT(ids->bodies, ElementsAre("thorax", "scapula_r"));
    EXPECT_THAT(ids->muscles, ElementsAre("pec_minor_r"));
    EXPECT_THAT(ids->warnings, IsEmpty());
    EXPECT_EQ(mujoco_warning_count(), warnings_before);
    ASSERT_TRUE(ids->site_bodies.contains("pec_minor_r_i"));
    EXPECT_EQ(ids->site_bodies.at("pec_minor_r_o"), "thorax");
    EXPECT_EQ(ids->site_bodies.at("pec_minor_r_i"), "scapula_r");
}

TEST_F(MjcfFiles, ConvenienceWrappers) {
    const auto path = write("tiny.xml", kTinyModel);
    const auto muscles = mjcf_muscle_ids(path);
    const auto bodies = mjcf_body_ids(path);
    ASSERT_TRUE(muscles.has_value()) << muscles.error().full_text();
    ASSERT_TRUE(bodies.has_value()) << bodies.error().full_text();
    EXPECT_THAT(muscles.value(), ElementsAre("pec_minor_r"));
    EXPECT_THAT(bodies.value(), ElementsAre("thorax", "scapula_r"));
}

TEST_F(MjcfFiles, MissingFile) {
    const auto ids = mjcf_muscle_ids(dir_ / "absent.xml");
    ASSERT_FALSE(ids.has_value());
    EXPECT_THAT(ids.error().message, HasSubstr("not found"));
    EXPECT_THAT(ids.error().message, HasSubstr("absent.xml"));
}

TEST_F(MjcfFiles, TruncatedXmlIsAnErrorNotACrash) {
    const auto ids = read_mjcf_ids(write("truncated.xml", "<mujoco><worldbody><body name=\"a\">"));
    ASSERT_FALSE(ids.has_value());
    EXPECT_THAT(ids.error().message, HasSubstr("cannot load MJCF"));
    EXPECT_THAT(ids.error().message, HasSubstr("truncated.xml"));
}

TEST_F(MjcfFiles, CompileErrorIsAnErrorNotACrash) {
    // A muscle on a tendon that does not exist.
    const auto ids = read_mjcf_ids(write("undefined.xml", R"(<mujoco><worldbody><body name="a"><geom size="0.1"/>
        </body></worldbody><actuator><muscle name="m" tendon="nope"/></actuator></mujoco>)"));
    ASSERT_FALSE(ids.has_value());
    EXPECT_THAT(ids.error().message, HasSubstr("cannot load MJCF"));
}

TEST_F(MjcfFiles, HostileInputsAreErrors) {
    const std::string inputs[] = {"", std::string("\x00\x01\xff\xfe", 4), "not xml at all", "<notmujoco/>",
                                  "<mujoco><worldbody><body name=\"a\"><body name=\"a\"/></body></worldbody></mujoco>"};
    int index = 0;
    for (const auto& input : inputs) {
        const auto ids = read_mjcf_ids(write("hostile" + std::to_string(index++) + ".xml", input));
        EXPECT_FALSE(ids.has_value()) << "accepted input #" << index - 1;
    }
}

TEST_F(MjcfFiles, DirectoryIsAnError) {
    EXPECT_FALSE(read_mjcf_ids(dir_).has_value());
}

MjcfIds make_ids(std::vector<std::string> bodies, std::vector<std::string> muscles) {
    MjcfIds ids;
    ids.bodies = std::move(bodies);
    ids.muscles = std::move(muscles);
    return ids;
}

Catalog small_catalog() {
    auto result = Catalog::parse(R"({
      "schema_version": 1, "languages": ["en"],
      "structures": [
        {"id": "thorax_bone", "kind": "bone", "side": "midline", "layer": "bone", "body": "thorax", "name": "Thorax"},
        {"id": "scapula_r", "kind": "bone", "side": "right", "layer": "bone", "body": "scapula_r", "name": "Scapula"},
        {"id": "pec_minor_r", "kind": "muscle", "side": "right", "layer": "deep", "name": "Pectoralis minor",
         "spans": ["thorax", "scapula_r"], "origin": "o", "insertion": "i", "action": "a", "innervation": "n"},
        {"id": "rhomboid_major_r", "kind": "muscle", "side": "right", "layer": "deep", "name": "Rhomboid major",
         "spans": ["thorax", "scapula_x"], "origin": "o", "insertion": "i", "action": "a", "innervation": "n"},
        {"id": "skin", "kind": "skin", "side": "midline", "layer": "skin", "name": "Skin", "has_mesh": false}
      ]})");
    EXPECT_TRUE(result.has_value()) << result.error().full_text();
    return std::move(result).value();
}

TEST(Bind, AgreeingSourcesGiveAnEmptyReport) {
    auto catalog = Catalog::parse(R"({"schema_version": 1, "languages": ["en"], "structures": [
        {"id": "pec_minor_r", "kind": "muscle", "side": "right", "layer": "deep", "name": "Pectoralis minor",
         "spans": ["thorax", "scapula_r"], "origin": "o", "insertion": "i", "action": "a", "innervation": "n"}]})");
    ASSERT_TRUE(catalog.has_value()) << catalog.error().full_text();
    const MjcfIds mjcf = make_ids({"thorax", "scapula_r"}, {"pec_minor_r"});
    const auto report = bind(catalog.value(), mjcf, {"pec_minor_r"});
    EXPECT_TRUE(report.ok()) << ::testing::PrintToString(report.describe());
    EXPECT_THAT(report.describe(), IsEmpty());
}

TEST(Bind, ListsEveryDisagreement) {
    const Catalog catalog = small_catalog();
    const MjcfIds mjcf = make_ids({"thorax", "scapula_r"}, {"pec_minor_r", "trapezius_upper_r", "scapula_r"});
    const std::vector<std::string> meshes = {"pec_minor_r", "scapula_r", "thorax_bone", "mystery_mesh"};
    const auto report = bind(catalog, mjcf, meshes);

    EXPECT_FALSE(report.ok());
    EXPECT_THAT(report.mjcf_muscles_without_catalog, ElementsAre("trapezius_upper_r"));
    EXPECT_THAT(report.mjcf_muscles_not_catalog_muscles, ElementsAre("scapula_r"));
    EXPECT_THAT(report.mjcf_muscles_without_mesh, ElementsAre("trapezius_upper_r"));
    EXPECT_THAT(report.catalog_muscles_without_mjcf, ElementsAre("rhomboid_major_r"));
    EXPECT_THAT(report.catalog_meshes_missing, ElementsAre("rhomboid_major_r"));  // skin has has_mesh=false
    EXPECT_THAT(report.meshes_without_catalog, ElementsAre("mystery_mesh"));
    EXPECT_THAT(report.bodies_missing, ElementsAre("structure 'rhomboid_major_r': span body 'scapula_x'"));

    const auto lines = report.describe();
    EXPECT_THAT(lines, ::testing::Contains("MJCF muscle 'trapezius_upper_r' has no catalog entry"));
    EXPECT_THAT(lines, ::testing::Contains("catalog muscle 'rhomboid_major_r' is not simulated (no MJCF muscle)"));
    EXPECT_THAT(lines, ::testing::Contains("mesh node 'mystery_mesh' has no catalog entry"));
}

TEST(Bind, MissingBoneBodyIsReported) {
    const Catalog catalog = small_catalog();
    const MjcfIds mjcf = make_ids({"scapula_r"}, {"pec_minor_r", "rhomboid_major_r"});
    const auto report = bind(catalog, mjcf, {});
    EXPECT_THAT(report.bodies_missing, ::testing::Contains("structure 'thorax_bone': body 'thorax'"));
}

}  // namespace
}  // namespace myoview::anatomy
