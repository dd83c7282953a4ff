// Golden images: the bundled model in four views, natural and tension colours, rendered headless on the software
// renderer (lavapipe) and compared with committed references (tests/golden/*.png) under a tolerance, the way
// Filament's renderdiff does it: a pixel fails when one channel differs by more than kMaxChannelDiff, and the image
// fails when more than kMaxFailingFraction of its pixels fail. On failure the test writes the render and a diff image
// (failing pixels red over the dimmed render) next to the build's test output and names them.
//
// After an intended change to the model, the simulation or the renderer, refresh the references with one command:
//   tools/golden          (MYOVIEW_UPDATE_GOLDEN=1 for these tests: they write the references and pass)
// then look at the new PNGs before committing them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <string>

#include "myoview/gpu/png.h"
#include "process.h"

namespace myoview::testing {
namespace {

constexpr int kMaxChannelDiff = 8;             // of 255: ~0.03, above lavapipe's rounding between CPUs
constexpr double kMaxFailingFraction = 0.002;  // of the image's pixels

struct GoldenCase {
    const char* view;
    const char* colours;  // "natural" or "tension"
};

std::string case_name(const GoldenCase& c) {
    std::string view = c.view;
    std::replace(view.begin(), view.end(), '-', '_');
    return view + "_" + c.colours;
}

void PrintTo(const GoldenCase& c, std::ostream* os) {
    *os << case_name(c);
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, RenderMatchesTheCommittedReference) {
    const GoldenCase& c = GetParam();
    const std::string name = case_name(c);
    const std::filesystem::path reference =
        std::filesystem::path(MYOVIEW_SOURCE_DIR) / "tests" / "golden" / (name + ".png");
    const std::string dir = temp_dir("golden-" + name);
    const std::string png = dir + "/" + name + ".png";
    const std::string report = dir + "/" + name + ".json";
    // A desk worker with a tight chest (the story's first picture), settled for the default time; fixed size and
    // samples so the reference does not depend on the machine's defaults.
    const auto r = run_process({executable(), "--headless", "--validate", "--no-ui", "--size", "320x200", "--msaa",
                                "4", "--preset", "desk-worker", "--view", c.view, "--colors", c.colours,
                                "--screenshot", png, "--report", report},
                               with_timeout(120.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;

    if (const char* update = std::getenv("MYOVIEW_UPDATE_GOLDEN"); update != nullptr && update[0] == '1') {
        std::filesystem::create_directories(reference.parent_path());
        std::filesystem::copy_file(png, reference, std::filesystem::copy_options::overwrite_existing);
        GTEST_SKIP() << "reference written: " << reference;
    }

    auto actual = gpu::read_png(png);
    ASSERT_TRUE(actual) << actual.error().full_text();
    auto expected = gpu::read_png(reference);
    ASSERT_TRUE(expected) << "no reference " << reference << " (make it with tools/golden): "
                          << expected.error().full_text();
    ASSERT_EQ(actual->width, expected->width);
    ASSERT_EQ(actual->height, expected->height);

    gpu::Pixels diff = actual.value();
    std::size_t failing = 0;
    int worst = 0;
    for (uint32_t y = 0; y < actual->height; ++y) {
        for (uint32_t x = 0; x < actual->width; ++x) {
            const uint8_t* a = actual->at(x, y);
            const uint8_t* e = expected->at(x, y);
            int d = 0;
            for (int k = 0; k < 3; ++k) d = std::max(d, std::abs(int{a[k]} - int{e[k]}));
            worst = std::max(worst, d);
            uint8_t* out = &diff.rgba[(static_cast<std::size_t>(y) * diff.width + x) * 4];
            if (d > kMaxChannelDiff) {
                ++failing;
                out[0] = 255, out[1] = 0, out[2] = 0;
            } else {
                for (int k = 0; k < 3; ++k) out[k] = static_cast<uint8_t>(out[k] / 4);
            }
            out[3] = 255;
        }
    }
    const double fraction = static_cast<double>(failing) / (static_cast<double>(actual->width) * actual->height);
    if (fraction > kMaxFailingFraction) {
        const std::string diff_png = dir + "/" + name + "-diff.png";
        (void)gpu::write_png(diff_png, diff);
        ADD_FAILURE() << name << ": " << failing << " pixels (" << fraction * 100.0 << " %) differ by more than "
                      << kMaxChannelDiff << "/255 (worst " << worst << "); render " << png << ", diff " << diff_png
                      << ", reference " << reference << ". If the change is intended: tools/golden";
    }
}

TEST(GoldenReferences, EveryReferenceIsAPictureOfTheFigureNotABlankFrame) {
    // Guards the references themselves: a blank or cropped reference would make the comparisons pointless.
    for (const char* colours : {"natural", "tension"}) {
        for (const char* view : {"front", "back", "left", "three-quarter"}) {
            const std::string name = case_name({view, colours});
            auto p = gpu::read_png(std::filesystem::path(MYOVIEW_SOURCE_DIR) / "tests" / "golden" / (name + ".png"));
            ASSERT_TRUE(p) << name;
            std::size_t figure = 0;
            for (uint32_t y = 0; y < p->height; ++y) {
                for (uint32_t x = 0; x < p->width; ++x) {
                    const uint8_t* c = p->at(x, y);
                    // The background is a dark blue-grey gradient; bone, muscle and the outline are brighter.
                    if (c[0] > 90 || c[1] > 90) ++figure;
                }
            }
            const double share = static_cast<double>(figure) / (static_cast<double>(p->width) * p->height);
            EXPECT_GT(share, 0.05) << name << ": the figure covers too little of the reference";
            EXPECT_LT(share, 0.7) << name << ": the reference is mostly bright: not the framed figure";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BundledModel, Golden,
                         ::testing::Values(GoldenCase{"front", "natural"}, GoldenCase{"back", "natural"},
                                           GoldenCase{"left", "natural"}, GoldenCase{"three-quarter", "natural"},
                                           GoldenCase{"front", "tension"}, GoldenCase{"back", "tension"},
                                           GoldenCase{"left", "tension"}, GoldenCase{"three-quarter", "tension"}),
                         [](const ::testing::TestParamInfo<GoldenCase>& param_info) { return case_name(param_info.param); });

}  // namespace
}  // namespace myoview::testing
