#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "myoview/base/result.h"
#include "myoview/sim/patient_fit.h"
#include "myoview/sim/simulation.h"
#include "options.h"

namespace myoview::app {

// myoview check-model FILE: one line "FILE: N meshes, V vertices, T triangles, B bones"; exit 0, or 2 on failure.
int run_check_model(const std::string& path);
// myoview --list-structures: the catalog as a JSON array on stdout.
int run_list_structures();
// myoview --no-render: simulate, write the report; no GPU, no window.
int run_simulation_only(const Options& options);

// Simulated seconds before the report when --seconds is not given: long enough for the posture to settle.
inline constexpr double kDefaultSimulatedSeconds = 30.0;
// This patient (--patient-cva, --patient-forward-shoulder): the fit, the programme's predicted course and the
// healthy (neutral) posture, settled, that the ghost shows.
struct PatientStart {
    sim::PatientFit fit;
    std::vector<sim::WeekPrediction> prediction;
    sim::Snapshot healthy;
    // The report's "patient" block: the fit (measures, fitted values, model values, residuals, tolerance, limits)
    // and "prediction": [{"week","cva_deg","forward_shoulder_mm"}], all the model's.
    nlohmann::json to_json() const;
};

// The simulation of the bundled model with --preset and --release applied; with --patient-* the fitted profile
// ("patient") instead of the preset, and `patient` filled. A measure that is no measure is an Error; one the model
// cannot reach is not (the fit names the limit: logged as a warning and in the report).
Result<sim::Simulation> start_simulation(const Options& options, std::optional<PatientStart>* patient = nullptr);

}  // namespace myoview::app
