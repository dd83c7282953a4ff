// The progress line's text (a pure function), and what Progress prints on a terminal and elsewhere.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "myoview/export/progress.h"

namespace myoview::exporter {
namespace {

TEST(ProgressLine, ShowsFramesBarPercentAndTimeLeft) {
    // 123 frames in 12 s: 777 left at 10.25 frames/s is 75.8 s, shown rounded up.
    EXPECT_EQ(format_progress_line(123, 900, 12.0), "frame 123/900 [#.........] 13% 01:16 left");
    EXPECT_EQ(format_progress_line(450, 900, 30.0), "frame 450/900 [#####.....] 50% 00:30 left");
    EXPECT_EQ(format_progress_line(899, 900, 899.0), "frame 899/900 [#########.] 99% 00:01 left");
    EXPECT_EQ(format_progress_line(900, 900, 60.0), "frame 900/900 [##########] 100% 00:00 left");
}

TEST(ProgressLine, UnknownTimeBeforeTheFirstFrame) {
    EXPECT_EQ(format_progress_line(0, 1800, 0.0), "frame 0/1800 [..........] 0% --:-- left");
    EXPECT_EQ(format_progress_line(0, 1800, 5.0), "frame 0/1800 [..........] 0% --:-- left");
}

TEST(ProgressLine, HoursWidthAndEdgeCases) {
    EXPECT_EQ(format_progress_line(1, 1000, 10.0), "frame 1/1000 [..........] 0% 2:46:30 left");
    EXPECT_EQ(format_progress_line(1, 4, 1.0, 4), "frame 1/4 [#...] 25% 00:03 left");
    EXPECT_EQ(format_progress_line(5, 4, 1.0, 4), "frame 4/4 [####] 100% 00:00 left") << "done clamps to total";
    EXPECT_EQ(format_progress_line(0, 0, 0.0, 4), "frame 0/0 [####] 100% 00:00 left") << "nothing to do is done";
}

TEST(ProgressLine, Durations) {
    EXPECT_EQ(format_duration(0), "00:00");
    EXPECT_EQ(format_duration(59.2), "01:00");
    EXPECT_EQ(format_duration(83), "01:23");
    EXPECT_EQ(format_duration(3600), "1:00:00");
    EXPECT_EQ(format_duration(-1), "--:--");
    EXPECT_EQ(format_duration(1.0 / 0.0), "--:--");
    EXPECT_EQ(format_progress_summary(900, 83.0), "exported 900 frames in 01:23 (10.8 frames/s)");
    EXPECT_EQ(format_progress_summary(1, 0.0), "exported 1 frame in 00:00 (- frames/s)");
}

std::string read_all(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string text;
    char buf[256];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    return text;
}

TEST(ProgressOutput, QuietUntilOneSummaryLineWhenNotATerminal) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    Progress progress(50, f);  // a file is not a terminal
    EXPECT_FALSE(progress.interactive());
    for (uint64_t i = 1; i <= 50; ++i) progress.update(i);
    EXPECT_EQ(read_all(f), "");
    progress.finish();
    progress.finish();
    const std::string text = read_all(f);
    EXPECT_EQ(text.rfind("exported 50 frames in ", 0), 0u) << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
    EXPECT_EQ(text.find('\r'), std::string::npos);
    std::fclose(f);
}

TEST(ProgressOutput, RedrawsInPlaceOnATerminal) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    Progress progress(3, f, /*interactive=*/true);
    progress.update(1);
    progress.update(3);  // the last frame is always drawn, however soon after the previous
    progress.finish();
    const std::string text = read_all(f);
    EXPECT_EQ(text.rfind("\rframe 1/3 [###.......] 33% ", 0), 0u) << text;
    EXPECT_NE(text.find("\rframe 3/3 [##########] 100% 00:00 left"), std::string::npos) << text;
    EXPECT_NE(text.find("\rexported 3 frames in "), std::string::npos) << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << "one line on screen, ended once";
    EXPECT_EQ(text.back(), '\n');
    std::fclose(f);
}

}  // namespace
}  // namespace myoview::exporter
