#pragma once
#include <string>

#include "myoview/base/result.h"
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
// The simulation of the bundled model with --preset and --release applied.
Result<sim::Simulation> start_simulation(const Options& options);

}  // namespace myoview::app
