#pragma once
// The patient's own posture: fits the model's tissue state to what a clinician measured (craniovertebral angle and
// forward shoulder distance, as posture.h defines them), so the screen shows this patient's posture and what the
// model predicts release, stretching and strengthening would change.
//
// Parameterisation (model assumptions, two scalars for two measures, so the fit is determined):
// - pec (0..kPecMax): the four pectoral parts' tone, shortening and stiffness, and their trigger points' severity,
//   from healthy (0) to the desk-worker preset's (1) and beyond, on a straight line. Mainly moves the shoulders.
// - slump (kSlumpMin..kSlumpMax): the thoracolumbar and neck flexion habits and the sternocleidomastoid's tone and
//   shortening, from neutral (0) to the desk-worker's (1) and beyond; below 0 more upright than the scan. The
//   upper back's capacity (strength, endurance) goes from healthy to the desk-worker's with it (clamped to 0..1):
//   a tired upper back goes with slumped sitting in the model. Mainly moves the head.
// Each evaluation is a Simulation with that profile settled kFitSettleSeconds from the rest pose (deterministic).
// The solver is a bounded Gauss-Newton on the two residuals (finite differences, projected onto the bounds).
//
// A pectoralis minor index (resting length / height x 100, Borstad & Ludewig 2005) is recorded and reported but not
// fitted: the model's pec minor length (coracoid to the 4th-rib point) belongs to a scan of unknown stature, so an
// index computed from it would not compare with a measured one.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "myoview/base/result.h"
#include "myoview/sim/simulation.h"
#include "myoview/sim/tissue.h"

namespace myoview::sim {

inline constexpr const char* kPatientProfileName = "patient";
// Pectoralis minor index below which the muscle counts as short (Borstad 2008, as engine/sim/README.md cites).
inline constexpr double kShortPecMinorIndex = 7.65;

struct PatientMeasures {
    double cva_deg = 0;                     // craniovertebral angle, degrees (10..80 accepted)
    double forward_shoulder_mm = 0;         // acromion in front of the T1 spinous process, mm (0..200 accepted)
    std::optional<double> pec_minor_index;  // optional, 4..15 accepted; reported, not fitted
};

// Tolerances of "the model reproduces the measure".
inline constexpr double kCvaToleranceDeg = 1.0;
inline constexpr double kForwardShoulderToleranceMm = 2.0;
inline constexpr double kFitSettleSeconds = 30.0;  // as the viewer's first frame (scene::SceneOptions::settle_s)

// Bounds of the two scalars: beyond them the model leaves what its presets and sources cover.
inline constexpr double kPecMin = 0.0, kPecMax = 2.0;
inline constexpr double kSlumpMin = -1.0, kSlumpMax = 2.5;

struct PatientScalars {
    double pec = 0;    // 0 healthy pecs, 1 desk-worker's
    double slump = 0;  // 0 upright (neutral), 1 desk-worker's slump and neck habit
};

// One measure the model cannot reach, as numbers: the screen words it in the language of the moment (the
// patient panel's "patient.limit.*" strings), the report and the log in English (PatientFit::limits).
struct FitLimit {
    enum class Measure { kForwardShoulder, kCva };
    Measure measure = Measure::kForwardShoulder;
    // Outside [reach_min, reach_max], what the model reaches over its own scalar's bounds with the other held at its
    // fit; false: inside that range, but not reached together with the other measure.
    bool beyond = false;
    double reach_min = 0, reach_max = 0;
    double measured = 0;  // deg or mm, as the measure
    double nearest = 0;   // what the fitted model shows
};

// The English line of a limit, as `limits` holds it: "the model's forward shoulder reaches 61-84 mm at this head
// posture; 150 mm is beyond it: fitted to the nearest, 84 mm".
std::string limit_text(const FitLimit& limit);

struct PatientFit {
    PatientMeasures measures;
    PatientScalars scalars;
    TissueProfile profile;  // what set_profile(profile, kPatientProfileName) shows
    double model_cva_deg = 0;
    double model_forward_shoulder_mm = 0;
    double model_pec_minor_length_mm = 0;
    double cva_residual_deg = 0;              // model - measured
    double forward_shoulder_residual_mm = 0;  // model - measured
    bool within_tolerance = false;
    // Empty when within tolerance; otherwise one line per measure the model cannot reach, naming its limit:
    // "the model's forward shoulder reaches 52-95 mm at this head posture; 120 mm is beyond it: fitted to the
    // nearest, 95 mm".
    std::vector<std::string> limits;
    std::vector<FitLimit> limit_values;  // the same, as numbers (limit_text(limit_values[i]) == limits[i])
    int evaluations = 0;
    double wall_s = 0;

    // {"measures":{...},"fitted":{"pec","slump","capacity":[s,e],"thorax_flexion_habit_deg",...},"model":{...},
    //  "residual":{...},"within_tolerance","limits":[...],"evaluations","fit_wall_s","model_prediction":true}
    nlohmann::json to_json() const;
};

// The profile of the two scalars (clamped to their bounds).
TissueProfile patient_profile(const PatientScalars& scalars);

// Error for a measure that is NaN, infinite or outside the accepted ranges (names the field and the range).
Status check_measures(const PatientMeasures& measures);

// Fits the profile. `model` is a loaded Simulation used for the evaluations (its state is replaced; it ends with the
// fitted profile settled). An input error is an Error; an unreachable measure is not: the fit is the nearest the
// model reaches, with `limits` saying so.
Result<PatientFit> fit_patient(const PatientMeasures& measures, Simulation& model);

// What the model predicts weeks of release, stretching and strengthening would change, for the screen's "model
// prediction": from `profile` settled, a programme of one chest massage a week, a doorway stretch every day and upper-
// back strengthening every other day (the protocol of SimulationTest.WeeksOfReleaseStretchAndStrengthenApproach-
// Neutral), the tissue clock at a day per simulated second. Week 0 is the settled start. `sim` is used and left at
// the end of the programme.
struct WeekPrediction {
    int week = 0;
    double cva_deg = 0;
    double forward_shoulder_mm = 0;
};
inline constexpr int kPredictionWeeks = 6;
Result<std::vector<WeekPrediction>> predict_programme(const TissueProfile& profile, Simulation& sim,
                                                      int weeks = kPredictionWeeks);

}  // namespace myoview::sim
