#include "myoview/sim/patient_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "../sim/sim_fixture.h"

namespace myoview::sim::test {
namespace {

class PatientFitTest : public MujocoQuietTest {};

// What the model itself shows for a pair of scalars: a target the fit must be able to recover.
PostureMetrics settled(Simulation& sim, const PatientScalars& x) {
    sim.set_release(0.0);
    EXPECT_TRUE(sim.set_profile(patient_profile(x), kPatientProfileName).has_value());
    sim.advance(kFitSettleSeconds);
    return sim.snapshot().posture;
}

TEST_F(PatientFitTest, AProfileOfTheScalarsAtOneIsTheDeskWorker) {
    const TissueProfile p = patient_profile({1.0, 1.0});
    const TissueProfile& d = find_preset("desk-worker")->profile;
    for (std::size_t i = 0; i < kMuscleIds.size(); ++i) {
        EXPECT_DOUBLE_EQ(p.muscles[i].tone, d.muscles[i].tone) << kMuscleIds[i];
        EXPECT_DOUBLE_EQ(p.muscles[i].shortening, d.muscles[i].shortening) << kMuscleIds[i];
        EXPECT_DOUBLE_EQ(p.muscles[i].stiffness, d.muscles[i].stiffness) << kMuscleIds[i];
    }
    EXPECT_DOUBLE_EQ(p.capacity.endurance, d.capacity.endurance);
    EXPECT_DOUBLE_EQ(p.thorax_flexion_habit_deg, d.thorax_flexion_habit_deg);
    EXPECT_DOUBLE_EQ(patient_profile({0.0, 0.0}).muscles[3].shortening, 0.0);
}

TEST_F(PatientFitTest, ATargetTheModelProducedIsRecoveredWithinTolerance) {
    Simulation sim = load_model();
    for (const PatientScalars truth : {PatientScalars{0.5, 0.4}, PatientScalars{1.4, 1.7}}) {
        const PostureMetrics target = settled(sim, truth);
        const PatientMeasures m{target.craniovertebral_angle_deg, target.mean.forward_shoulder_mm, std::nullopt};
        auto fit = fit_patient(m, sim);
        ASSERT_TRUE(fit.has_value()) << fit.error().message;
        EXPECT_TRUE(fit->within_tolerance) << fit->to_json().dump(1);
        EXPECT_LE(std::abs(fit->cva_residual_deg), kCvaToleranceDeg);
        EXPECT_LE(std::abs(fit->forward_shoulder_residual_mm), kForwardShoulderToleranceMm);
        EXPECT_TRUE(fit->limits.empty());
        // The simulation is left at the fit: its own posture reports the measures back.
        EXPECT_EQ(sim.preset(), kPatientProfileName);
        EXPECT_NEAR(sim.snapshot().posture.craniovertebral_angle_deg, m.cva_deg, kCvaToleranceDeg);
        EXPECT_NEAR(sim.snapshot().posture.mean.forward_shoulder_mm, m.forward_shoulder_mm,
                    kForwardShoulderToleranceMm);
        std::printf(
            "truth pec %.2f slump %.2f -> CVA %.1f fwd %.1f; fitted pec %.3f slump %.3f in %d evaluations, "
            "%.2f s\n",
            truth.pec, truth.slump, m.cva_deg, m.forward_shoulder_mm, fit->scalars.pec, fit->scalars.slump,
            fit->evaluations, fit->wall_s);
    }
}

TEST_F(PatientFitTest, TheDeskWorkersNumbersGiveAFit) {
    Simulation sim = load_model();
    auto fit = fit_patient({45.6, 74.8, 7.6}, sim);
    ASSERT_TRUE(fit.has_value()) << fit.error().message;
    EXPECT_TRUE(fit->within_tolerance) << fit->to_json().dump(1);
    EXPECT_NEAR(fit->scalars.pec, 1.0, 0.15);
    EXPECT_NEAR(fit->scalars.slump, 1.0, 0.15);
    EXPECT_EQ(fit->to_json()["measures"]["pec_minor_index"], 7.6);
    EXPECT_EQ(fit->to_json()["model_prediction"], true);
}

TEST_F(PatientFitTest, AForwardShoulderBeyondTheModelIsFittedToTheNearestAndTheLimitNamed) {
    Simulation sim = load_model();
    auto fit = fit_patient({46.0, 150.0, std::nullopt}, sim);
    ASSERT_TRUE(fit.has_value()) << fit.error().message;
    EXPECT_FALSE(fit->within_tolerance);
    ASSERT_EQ(fit->limits.size(), 1u) << fit->to_json().dump(1);
    EXPECT_NE(fit->limits[0].find("the model's forward shoulder reaches"), std::string::npos) << fit->limits[0];
    EXPECT_NE(fit->limits[0].find("150 mm is beyond it"), std::string::npos) << fit->limits[0];
    EXPECT_DOUBLE_EQ(fit->scalars.pec, kPecMax);  // the nearest the model reaches
    EXPECT_LT(fit->model_forward_shoulder_mm, 150.0);
    EXPECT_LE(std::abs(fit->cva_residual_deg), kCvaToleranceDeg);  // the head still fits: the shoulder's limit only
    // The same limit as numbers, for the screen to word in the patient's language.
    ASSERT_EQ(fit->limit_values.size(), 1u);
    const FitLimit& limit = fit->limit_values[0];
    EXPECT_EQ(limit.measure, FitLimit::Measure::kForwardShoulder);
    EXPECT_TRUE(limit.beyond);
    EXPECT_DOUBLE_EQ(limit.measured, 150.0);
    EXPECT_LT(limit.reach_max, 150.0);
    EXPECT_LT(limit.reach_min, limit.reach_max);
    EXPECT_DOUBLE_EQ(limit.nearest, fit->model_forward_shoulder_mm);
    EXPECT_EQ(limit_text(limit), fit->limits[0]);
    std::printf("%s\n", fit->limits[0].c_str());
}

TEST_F(PatientFitTest, AHeadFurtherForwardThanTheModelReachesNamesTheAngleLimit) {
    Simulation sim = load_model();
    auto fit = fit_patient({15.0, 70.0, std::nullopt}, sim);
    ASSERT_TRUE(fit.has_value()) << fit.error().message;
    EXPECT_FALSE(fit->within_tolerance);
    bool named = false;
    for (const std::string& l : fit->limits) {
        named = named || (l.find("craniovertebral angle reaches") != std::string::npos &&
                          l.find("15.0 deg is beyond it") != std::string::npos);
    }
    EXPECT_TRUE(named) << fit->to_json().dump(1);
}

TEST_F(PatientFitTest, TheProgrammePredictionMovesTheShouldersBack) {
    Simulation sim = load_model();
    auto weeks = predict_programme(patient_profile({1.5, 1.0}), sim);
    ASSERT_TRUE(weeks.has_value()) << weeks.error().message;
    ASSERT_EQ(weeks->size(), static_cast<std::size_t>(kPredictionWeeks + 1));
    EXPECT_EQ(weeks->back().week, kPredictionWeeks);
    EXPECT_LT(weeks->back().forward_shoulder_mm, weeks->front().forward_shoulder_mm - 5.0);
    EXPECT_GE(weeks->back().cva_deg, weeks->front().cva_deg - 0.5);
}

TEST_F(PatientFitTest, BadMeasuresAreErrorsNamingTheField) {
    Simulation sim = load_model();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto a = fit_patient({nan, 60.0, std::nullopt}, sim);
    ASSERT_FALSE(a.has_value());
    EXPECT_NE(a.error().message.find("craniovertebral angle"), std::string::npos);
    auto b = fit_patient({50.0, -5.0, std::nullopt}, sim);
    ASSERT_FALSE(b.has_value());
    EXPECT_NE(b.error().message.find("forward shoulder"), std::string::npos);
    auto c = fit_patient({50.0, 60.0, -1.0}, sim);
    ASSERT_FALSE(c.has_value());
    EXPECT_NE(c.error().message.find("pectoralis minor index"), std::string::npos);
    auto d = fit_patient({50.0, std::numeric_limits<double>::infinity(), std::nullopt}, sim);
    EXPECT_FALSE(d.has_value());
}

TEST_F(PatientFitTest, SetProfileRefusesAPresetsNameAndOutOfRangeValues) {
    Simulation sim = load_model();
    EXPECT_FALSE(sim.set_profile(patient_profile({1, 1}), "neutral").has_value());
    EXPECT_FALSE(sim.set_profile(patient_profile({1, 1}), "").has_value());
    TissueProfile p = patient_profile({1, 1});
    p.muscles[0].tone = std::numeric_limits<double>::quiet_NaN();
    auto s = sim.set_profile(p, kPatientProfileName);
    ASSERT_FALSE(s.has_value());
    EXPECT_NE(s.error().message.find("pec_major_clavicular's tone"), std::string::npos) << s.error().message;
    EXPECT_EQ(sim.preset(), "neutral");  // nothing changed
}

TEST_F(PatientFitTest, APatientProfileSurvivesTheTissueBlobOfASavedScene) {
    Simulation sim = load_model();
    const PostureMetrics before = settled(sim, {1.3, 1.6});
    sim.set_release(0.3);
    const nlohmann::json blob = sim.tissue_json();
    ASSERT_TRUE(blob.contains("profile"));

    Simulation other = load_model();
    auto profile = Simulation::profile_from_json(blob["profile"]);
    ASSERT_TRUE(profile.has_value()) << profile.error().message;
    EXPECT_EQ(profile->second, kPatientProfileName);
    ASSERT_TRUE(other.set_profile(profile->first, profile->second).has_value());
    ASSERT_TRUE(other.restore_tissue(blob).has_value());
    EXPECT_NEAR(other.release(), 0.3, 1e-12);
    other.set_release(0.0);
    other.advance(kFitSettleSeconds);
    EXPECT_NEAR(other.snapshot().posture.craniovertebral_angle_deg, before.craniovertebral_angle_deg, 1e-6);
    EXPECT_NEAR(other.snapshot().posture.mean.forward_shoulder_mm, before.mean.forward_shoulder_mm, 1e-6);

    nlohmann::json broken = blob["profile"];
    broken["thorax_flexion_habit_deg"] = 400.0;
    EXPECT_FALSE(Simulation::profile_from_json(broken).has_value());
    // A preset's blob carries no profile.
    ASSERT_TRUE(sim.set_preset("desk-worker").has_value());
    EXPECT_FALSE(sim.tissue_json().contains("profile"));
}

}  // namespace
}  // namespace myoview::sim::test
