// engine/sim benchmarks: the cost of one fixed step and of one simulated hour of the desk-worker preset
// without rendering (target: >= 200x real time on the 2-core build machine, aim 1000x).
//   build-sim/tests/bench/myoview_bench_sim --benchmark_min_time=1

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "myoview/sim/simulation.h"

namespace {

myoview::sim::Simulation load_or_die() {
    auto sim = myoview::sim::Simulation::load();
    if (!sim.has_value()) {
        std::fprintf(stderr, "%s\n", sim.error().full_text().c_str());
        std::exit(1);
    }
    return std::move(sim).value();
}

// One fixed mechanics step (10 ms) of the settled desk-worker.
void BM_SimStep(benchmark::State& state) {
    auto sim = load_or_die();
    (void)sim.set_preset("desk-worker");
    sim.advance(5.0);
    const double dt = sim.timestep();
    for (auto _ : state) {
        sim.advance(dt);
        benchmark::DoNotOptimize(sim.snapshot().posture.craniovertebral_angle_deg);
    }
    state.counters["sim_s_per_wall_s"] =
        benchmark::Counter(dt * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimStep);

// One simulated hour of desk-worker; reports the real-time factor.
void BM_DeskWorkerHour(benchmark::State& state) {
    auto sim = load_or_die();
    double factor = 0;
    for (auto _ : state) {
        (void)sim.set_preset("desk-worker");
        const auto t0 = std::chrono::steady_clock::now();
        sim.advance(3600.0);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        factor = 3600.0 / wall;
        benchmark::DoNotOptimize(sim.snapshot().posture.mean.forward_shoulder_mm);
    }
    state.counters["realtime_factor"] = factor;
    state.counters["warnings"] = sim.snapshot().warnings;
}
BENCHMARK(BM_DeskWorkerHour)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
