// The tension view as a patient sees it: the isolated right sternal pectoralis major, seen from the front, desk
// worker tight vs fully released. Its reported tension falls and its colour moves down the legend's colormap.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "myoview/render/colormap.h"
#include "process.h"

namespace myoview::testing {
namespace {

struct Shot {
    gpu::Pixels pixels;
    nlohmann::json report;
};

Shot shoot(const std::string& release, const std::string& dir) {
    const std::string png = dir + "/pec" + release + ".png", report = dir + "/pec" + release + ".json";
    const auto r = run_process({executable(), "--headless", "--validate", "--no-ui", "--size", "400x400", "--view",
                                "front", "--isolate", "pec_major_sternal_r", "--preset", "desk-worker", "--release",
                                release, "--screenshot", png, "--report", report},
                               with_timeout(120.0));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Shot shot;
    auto pixels = gpu::read_png(png);
    if (pixels) shot.pixels = std::move(pixels).value();
    std::ifstream in(report);
    shot.report = nlohmann::json::parse(in, nullptr, false);
    return shot;
}

double tension_pct(const nlohmann::json& report, const std::string& id) {
    for (const auto& m : report["muscles"]) {
        if (m["id"] == id) return m["tension_pct"].get<double>();
    }
    ADD_FAILURE() << id << " missing from the report";
    return -1.0;
}

// Mean colour of the muscle's pixels (those far from the dark background), and how many there are.
glm::vec3 muscle_mean(const gpu::Pixels& p, int& count) {
    glm::dvec3 sum(0.0);
    count = 0;
    for (uint32_t y = 0; y < p.height; ++y)
        for (uint32_t x = 0; x < p.width; ++x) {
            const uint8_t* c = p.at(x, y);
            if (c[0] + c[1] + c[2] < 200) continue;  // background gradient and deep shadow
            sum += glm::dvec3(c[0], c[1], c[2]);
            ++count;
        }
    return count ? glm::vec3(sum / static_cast<double>(count)) : glm::vec3(0.0f);
}

// Position along the legend's colormap whose colour is nearest (in hue terms: normalised rgb) to `rgb`.
float colormap_position(glm::vec3 rgb) {
    const glm::vec3 n = rgb / std::max(rgb.r + rgb.g + rgb.b, 1.0f);
    float best = 0.0f, best_d = 1e9f;
    for (int i = 0; i <= 200; ++i) {
        const float t = static_cast<float>(i) / 200.0f;
        const glm::vec3 c = render::colormap_srgb(render::ColormapId::kMagma, t);
        const float d = glm::length(c / std::max(c.r + c.g + c.b, 1e-3f) - n);
        if (d < best_d) best_d = d, best = t;
    }
    return best;
}

TEST(TensionView, ReleasedSternalPectoralisCoolsDownTheLegendAndItsTensionFalls) {
    const std::string dir = temp_dir("tension-view");
    const Shot tight = shoot("0", dir);
    const Shot released = shoot("1", dir);
    ASSERT_GT(tight.pixels.width, 0u);
    ASSERT_GT(released.pixels.width, 0u);

    const double t0 = tension_pct(tight.report, "pec_major_sternal_r");
    const double t1 = tension_pct(released.report, "pec_major_sternal_r");
    EXPECT_LT(t1, t0 * 0.6) << "release lowers the sternal pec's tension";
    EXPECT_EQ(tight.report["validation"]["messages"], 0);
    EXPECT_EQ(released.report["validation"]["messages"], 0);

    int n0 = 0, n1 = 0;
    const glm::vec3 c0 = muscle_mean(tight.pixels, n0);
    const glm::vec3 c1 = muscle_mean(released.pixels, n1);
    ASSERT_GT(n0, 3000) << "the isolated muscle is visible";
    ASSERT_GT(n1, 3000);
    // Lower on the legend: the released muscle's hue sits lower on the colormap than the tight one's, and both
    // sit where the legend puts their reported tensions (within the shading's hue shift).
    const float p0 = colormap_position(c0), p1 = colormap_position(c1);
    EXPECT_GT(p0, p1 + 0.05f) << "tight " << p0 << " vs released " << p1;
    const render::TensionScale scale;
    EXPECT_NEAR(p0, scale.position(static_cast<float>(t0 / 100.0)), 0.15f);
    EXPECT_NEAR(p1, scale.position(static_cast<float>(t1 / 100.0)), 0.15f);
}

// Hot-spot red: saturated red-orange, which the magma map never reaches at a muscle's low tension (the desk
// worker's sternal pec shades to about (222, 137, 170); the glow blended over it to about (255, 125, 117)).
int hot_spot_pixels(const gpu::Pixels& p) {
    int n = 0;
    for (uint32_t y = 0; y < p.height; ++y)
        for (uint32_t x = 0; x < p.width; ++x) {
            const uint8_t* c = p.at(x, y);
            if (c[0] > 220 && c[1] < 170 && c[2] < 130) ++n;
        }
    return n;
}

TEST(TensionView, TriggerPointHotSpotsShowWhenTightAndFadeWithRelease) {
    const std::string dir = temp_dir("hot-spots");
    const Shot tight = shoot("0", dir);
    const Shot released = shoot("1", dir);
    EXPECT_GT(hot_spot_pixels(tight.pixels), 40) << "the sternal pectoralis' trigger point glows when tight";
    EXPECT_LT(hot_spot_pixels(released.pixels), 5) << "full release takes its severity to zero";
}

}  // namespace
}  // namespace myoview::testing
