// --patient-cva / --patient-forward-shoulder: the patient's numbers produce a posture that reports them back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "process.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

ProcessOptions patient_timeout() {
    ProcessOptions o;
    o.timeout_s = 120.0;
    return o;
}

TEST(PatientCli, ThePatientsNumbersProduceAPostureThatReportsThemBack) {
    const std::string report = temp_dir("patient-cli") + "/r.json";
    const auto r = run_process({executable(), "--no-render", "--patient-cva", "44", "--patient-forward-shoulder", "78",
                                "--patient-pmi", "7.2", "--report", report},
                               patient_timeout());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(report);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j["preset"], "patient");
    EXPECT_EQ(j["warnings"], 0);
    // The simulation's own posture (after the default 30 s), not only the fit's claim.
    EXPECT_NEAR(j["posture"]["craniovertebral_angle_deg"].get<double>(), 44.0, 1.0);
    EXPECT_NEAR(j["posture"]["forward_shoulder_mm"].get<double>(), 78.0, 2.0);
    const nlohmann::json& p = j["patient"];
    EXPECT_EQ(p["within_tolerance"], true);
    EXPECT_EQ(p["measures"]["pec_minor_index"], 7.2);
    EXPECT_EQ(p["measures"]["pec_minor_short"], true);
    EXPECT_LE(std::abs(p["residual"]["cva_deg"].get<double>()), 1.0);
    EXPECT_EQ(p["prediction"]["model_prediction"], true);
    EXPECT_EQ(p["prediction"]["weeks"].size(), 7u);
}

TEST(PatientCli, AMeasureBeyondTheModelIsAWarningNamingTheLimit) {
    const auto r = run_process(
        {executable(), "--no-render", "--patient-cva", "50", "--patient-forward-shoulder", "140"}, patient_timeout());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("the model's forward shoulder reaches"));
    EXPECT_THAT(r.err, HasSubstr("140 mm is beyond it"));
}

TEST(PatientCli, BadMeasuresExitTwoWithTheirName) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--patient-cva", "nan", "--patient-forward-shoulder", "60"},
                                               {"--patient-cva", "50", "--patient-forward-shoulder", "-3"},
                                               {"--patient-cva", "50"},
                                               {"--patient-cva", "abc", "--patient-forward-shoulder", "60"}}) {
        std::vector<std::string> argv{executable(), "--no-render"};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = run_process(argv, patient_timeout());
        EXPECT_EQ(r.exit_code, 2) << args[1];
        EXPECT_THAT(r.err, HasSubstr("--patient")) << r.err;
    }
}

}  // namespace
}  // namespace myoview::testing
