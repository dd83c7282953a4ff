// Frame cost of the bundled anatomy model rendered headless (offscreen, same renderer and settings as the
// viewer), at 1280x720 and 1920x1080, with 4x MSAA (the viewer's default on a GPU) and 1 sample (its default on a
// CPU device such as lavapipe). Two measures:
//   FrameLatency  — record, submit and wait for one frame to finish (what one frame costs end to end);
//   FrameThroughput — frames submitted back to back with 2 in flight (what the viewer sustains).
// Wall-clock (UseRealTime): the GPU is the CPU on lavapipe, so CPU time of this thread would hide its work.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "myoview/assets/import.h"
#include "myoview/base/paths.h"
#include "myoview/render/context.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"

namespace {

using namespace myoview;

struct Scene {
    std::unique_ptr<render::GpuContext> ctx;
    std::unique_ptr<gpu::FrameRing> ring;
    std::unique_ptr<render::SceneRenderer> renderer;
    std::unique_ptr<render::OffscreenPresenter> presenter;
    render::SceneFrame frame;  // rest pose, natural colours: what is drawn, made once
};

std::unique_ptr<Scene> make_scene(uint32_t w, uint32_t h, int samples, std::string& error) {
    assets::ImportOptions import;
    import.isolate = false;
    import.convert_y_up_to_z_up = true;
    // MYOVIEW_BENCH_MODEL: another model to measure the same way (tools/bench compares the bundled model with the
    // procedurally generated one it replaced, taken from git history).
    const char* other = std::getenv("MYOVIEW_BENCH_MODEL");
    const std::filesystem::path path = other != nullptr && other[0] != '\0'
                                           ? std::filesystem::path(other)
                                           : paths::asset_path("models/anatomy.glb");
    auto model = assets::import_model(path, import);
    if (!model) return error = model.error().message, nullptr;
    auto scene = std::make_unique<Scene>();
    auto ctx = render::create_gpu_context({}, nullptr);
    if (!ctx) return error = ctx.error().message, nullptr;
    scene->ctx = std::move(ctx).value();
    auto ring = gpu::FrameRing::create(scene->ctx->device);
    if (!ring) return error = ring.error().message, nullptr;
    scene->ring = std::make_unique<gpu::FrameRing>(std::move(ring).value());
    render::RenderTargetDesc desc;
    desc.samples = static_cast<VkSampleCountFlagBits>(samples);
    auto renderer = render::SceneRenderer::create(scene->ctx->device, desc);
    if (!renderer) return error = renderer.error().message, nullptr;
    scene->renderer = std::move(renderer).value();
    if (auto s = scene->renderer->set_model(model.value(), scene->ring.get(), true); !s) {
        return error = s.error().message, nullptr;
    }
    scene->frame.meshes.resize(scene->renderer->mesh_count());
    for (std::size_t i = 0; i < scene->renderer->mesh_count(); ++i) {  // as the viewer shows the skin
        if (scene->renderer->mesh_name(i) != "skin") continue;
        scene->frame.meshes[i].tint.a = 0.45f;
        scene->frame.meshes[i].outline = true;
    }
    auto presenter = render::OffscreenPresenter::create(*scene->ctx, {w, h}, *scene->renderer, *scene->ring);
    if (!presenter) return error = presenter.error().message, nullptr;
    scene->presenter = std::move(presenter).value();
    scene->frame.camera.set_preset(render::ViewPreset::kThreeQuarter);
    scene->frame.camera.frame(model->bounds, static_cast<float>(w) / static_cast<float>(h));
    return scene;
}

void run(benchmark::State& state, bool wait_each) {
    const auto w = static_cast<uint32_t>(state.range(0));
    const auto h = static_cast<uint32_t>(state.range(1));
    const auto samples = static_cast<int>(state.range(2));
    std::string error;
    auto scene = make_scene(w, h, samples, error);
    if (!scene) {
        state.SkipWithError(error.c_str());
        return;
    }
    auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
        scene->renderer->record(cmd, image, frame, scene->frame, nullptr);
    };
    for (int i = 0; i < 3; ++i) (void)scene->presenter->draw(record, false);  // warm-up
    if (!scene->presenter->wait_idle()) {
        state.SkipWithError("the GPU failed during warm-up");
        return;
    }
    for (auto _ : state) {
        scene->frame.camera.orbit(1.0f, 0.0f);  // a changing view, as when the user drags
        if (!scene->presenter->draw(record, false)) {
            state.SkipWithError("draw failed");
            break;
        }
        if (wait_each && !scene->presenter->wait_idle()) {
            state.SkipWithError("the GPU failed");
            break;
        }
    }
    if (!scene->presenter->wait_idle()) state.SkipWithError("the GPU failed");
    state.counters["fps"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.SetLabel(scene->ctx->device.physical().name());
}

void FrameLatency(benchmark::State& state) { run(state, true); }
void FrameThroughput(benchmark::State& state) { run(state, false); }

}  // namespace

void sizes(benchmark::internal::Benchmark* b) {
    for (int samples : {4, 1}) {
        b->Args({1280, 720, samples});
        b->Args({1920, 1080, samples});
    }
    b->ArgNames({"w", "h", "msaa"})->Unit(benchmark::kMillisecond)->UseRealTime();
}
BENCHMARK(FrameLatency)->Apply(sizes);
BENCHMARK(FrameThroughput)->Apply(sizes);
BENCHMARK_MAIN();
