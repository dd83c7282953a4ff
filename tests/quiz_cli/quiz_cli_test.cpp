// --quiz headless: the default set opens at its first question (a "name it" on the pectoralis minor), the structure
// selected and circled on screen in the quiz's yellow, the report's quiz figures at the start, no validation message.

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"

namespace myoview::testing {
namespace {

namespace fs = std::filesystem;

struct QuizRun {
    ProcessResult process;
    nlohmann::json report;
    gpu::Pixels pixels;
};

QuizRun run_quiz(const std::string& language) {
    const fs::path dir = fs::temp_directory_path() / ("myoview-quiz-cli-" + std::to_string(::getpid()) + language);
    fs::create_directories(dir);
    QuizRun run;
    run.process =
        run_process({executable(), "--headless", "--quiz", "--validate", "--lang", language, "--size", "960x540",
                     "--report", (dir / "r.json").string(), "--screenshot", (dir / "q.png").string()},
                    with_timeout(180.0));
    std::ifstream in(dir / "r.json");
    if (in) run.report = nlohmann::json::parse(in, nullptr, false);
    if (auto png = gpu::read_png(dir / "q.png")) run.pixels = std::move(png).value();
    fs::remove_all(dir);
    return run;
}

// Pixels of the ring's yellow left of the quiz panel, in the figure's half: IM_COL32(255, 214, 64) reads back as about
// (255, 236, 137) (the UI pass writes to an sRGB target); the figure's whites have more blue, its tension colours less
// green.
int ring_pixels(const gpu::Pixels& p) {
    int n = 0;
    for (uint32_t y = 0; y < p.height; ++y) {
        for (uint32_t x = 0; x < p.width / 2; ++x) {
            const uint8_t* c = p.at(x, y);
            if (c[0] > 245 && c[1] > 222 && c[1] < 250 && c[2] > 100 && c[2] < 170) ++n;
        }
    }
    return n;
}

TEST(QuizHeadless, TheDefaultSetOpensAtItsFirstQuestionWithTheStructureCircled) {
    for (const std::string language : {"en", "es"}) {
        SCOPED_TRACE(language);
        const QuizRun run = run_quiz(language);
        ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
        ASSERT_TRUE(run.report.is_object()) << "no report";
        EXPECT_EQ(run.report["selected"], "pec_minor_r") << "the first question highlights its structure";
        const auto& quiz = run.report["quiz"];
        EXPECT_EQ(quiz["questions"], 12);
        EXPECT_EQ(quiz["answered"], 0);
        EXPECT_EQ(quiz["score"], 0);
        EXPECT_EQ(quiz["finished"], false);
        EXPECT_EQ(run.report["validation"]["messages"], 0);
        ASSERT_EQ(run.pixels.width, 960u);
        EXPECT_GT(ring_pixels(run.pixels), 150) << "the ring around the highlighted structure";
    }
}

TEST(QuizHeadless, WithoutQuizThereIsNoRingAndNoQuizInTheReport) {
    const fs::path dir = fs::temp_directory_path() / ("myoview-quiz-cli-plain-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto r = run_process({executable(), "--headless", "--select", "pec_minor_r", "--size", "960x540", "--report",
                                (dir / "r.json").string(), "--screenshot", (dir / "q.png").string()},
                               with_timeout(180.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(dir / "r.json");
    const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
    EXPECT_FALSE(report.contains("quiz"));
    auto png = gpu::read_png(dir / "q.png");
    ASSERT_TRUE(png.has_value());
    EXPECT_LT(ring_pixels(*png), 20) << "the colour test must not find the ring where there is none";
    fs::remove_all(dir);
}

}  // namespace
}  // namespace myoview::testing
