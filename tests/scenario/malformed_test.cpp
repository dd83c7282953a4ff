// Bad scenario files: each gives one message naming the file, the line and the field, never a crash or a hang.
// The files are real (tests/scenario/data/) where a hand-written file shows the case best, generated otherwise.

#include <chrono>
#include <cstdint>
#include <fstream>
#include <random>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vocabulary.h"

namespace myoview::scenario {
namespace {

using testing::clinic_story_path;
using testing::data_dir;
using ::testing::HasSubstr;
using testing::real_vocabulary;
using ::testing::StartsWith;

// The message of loading data/<name>, which must fail.
std::string load_error(const std::string& name) {
    const auto path = data_dir() / name;
    const auto result = load(path, real_vocabulary());
    EXPECT_FALSE(result.has_value()) << name << " loaded";
    if (result.has_value()) return {};
    // One line a user can act on, starting with the file's path.
    EXPECT_THAT(result.error().message, StartsWith(path.string() + ":"));
    EXPECT_EQ(result.error().message.find('\n'), std::string::npos) << result.error().message;
    return result.error().message;
}

std::string at(const std::string& name) {
    return (data_dir() / name).string() + ":";
}

std::string parse_error(std::string_view text, const Vocabulary& vocabulary = real_vocabulary()) {
    const auto result = parse(text, "gen.json", vocabulary);
    EXPECT_FALSE(result.has_value());
    return result.has_value() ? std::string() : result.error().message;
}

TEST(MalformedScenario, AnUnknownFieldIsNamedWithItsLineAndTheAllowedFields) {
    EXPECT_EQ(load_error("unknown_field.json"),
              at("unknown_field.json") +
                  "5: field 'events[1].vaule': unknown field 'vaule' in a \"release\" event; allowed: t, do, value, "
                  "duration_s");
}

TEST(MalformedScenario, AWrongTypeNamesTheFieldAndWhatCame) {
    EXPECT_EQ(load_error("wrong_type.json"),
              at("wrong_type.json") + "5: field 'start.tension_colours': expected true or false, got \"yes\"");
}

TEST(MalformedScenario, AValueOutOfRangeNamesTheRangeAndTheLineOfItsKey) {
    EXPECT_EQ(load_error("out_of_range.json"),
              at("out_of_range.json") + "10: field 'events[3].value': expected a number in 0..1, got \"high\"");
    EXPECT_THAT(parse_error(R"({"myoview_scenario": 1, "start": {"release": 1.5}})"),
                HasSubstr("gen.json:1: field 'start.release': expected a number in 0..1, got 1.5"));
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1,\n\"events\": [{\"t\": -1, \"do\": \"massage\"}]}"),
                HasSubstr("gen.json:2: field 'events[0].t': expected a number in 0..86400, got -1"));
    EXPECT_THAT(
        parse_error("{\"myoview_scenario\": 1,\n\"events\": [{\"t\": 0, \"do\": \"pause\", \"duration_s\": 0}]}"),
        HasSubstr("gen.json:2: field 'events[0].duration_s': a pause needs a duration above 0 s"));
}

TEST(MalformedScenario, EventsOutOfOrderNameBothEventsLines) {
    EXPECT_EQ(
        load_error("out_of_order.json"),
        at("out_of_order.json") +
            "6: field 'events[2].t': events out of order: t = 3 (line 6) comes after t = 5 of events[1] (line 5); "
            "events must be in non-decreasing t");
}

TEST(MalformedScenario, AnUnknownStructureIdIsAnError) {
    EXPECT_EQ(load_error("unknown_structure.json"),
              at("unknown_structure.json") + "5: field 'events[1].id': unknown structure id \"pec_minimus_r\"");
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1,\n \"start\": {\"select\": \"heart\"}}"),
                HasSubstr("gen.json:2: field 'start.select': unknown structure id \"heart\""));
}

TEST(MalformedScenario, AnUnknownCaptionKeyIsAnError) {
    // The story's twelve keys are few enough to be listed: the one meant is among them.
    const std::string error = load_error("unknown_caption_key.json");
    EXPECT_THAT(error, StartsWith(at("unknown_caption_key.json") +
                                  "5: field 'events[1].text': unknown caption key \"story.1.txet\"; known: "));
    EXPECT_THAT(error, HasSubstr(" story.1.text,"));
}

TEST(MalformedScenario, AnUnknownFormatVersionOrNoVersionIsAnError) {
    EXPECT_EQ(
        load_error("unknown_version.json"),
        at("unknown_version.json") + "3: field 'myoview_scenario': format version 2 is not one this myoview reads (1)");
    EXPECT_THAT(parse_error(R"({"title": "x"})"),
                HasSubstr("gen.json:1: not a myoview scenario: the field 'myoview_scenario'"));
    EXPECT_THAT(parse_error(R"([1, 2])"), HasSubstr("gen.json:1: expected a scenario (a JSON object), got [1,2]"));
}

TEST(MalformedScenario, ATruncatedFileNamesTheLastLineAndSaysTruncated) {
    EXPECT_EQ(load_error("truncated.json"),
              at("truncated.json") + "5: field 'events[1].do': unexpected end of the file (is it truncated?)");
}

TEST(MalformedScenario, AnEmptyFileIsAnError) {
    EXPECT_EQ(load_error("empty.json"), at("empty.json") + "1: the file is empty: expected a JSON object");
    EXPECT_THAT(parse_error(" \n\n  \n"), HasSubstr("gen.json:4: the file is empty"));
}

TEST(MalformedScenario, BinaryGarbageIsAnErrorNamingTheByte) {
    EXPECT_EQ(load_error("binary.json"), at("binary.json") + "1: unexpected byte 0x89: expected a JSON value");
    // Invalid UTF-8 inside a string is caught too (the writer could not write it back).
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1,\n \"title\": \"a\xC3\x28\"}"),
                HasSubstr("gen.json:2: field 'title': invalid UTF-8 in a string: byte 0xC3 is not followed by 1 "
                          "continuation byte(s)"));
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"title\": \"\xFF\"}"),
                HasSubstr("gen.json:1: field 'title': invalid UTF-8 in a string: byte 0xFF cannot start a character"));
}

TEST(MalformedScenario, DuplicateKeysAreAnErrorNamingBothLines) {
    EXPECT_EQ(load_error("duplicate_key.json"),
              at("duplicate_key.json") +
                  "6: field 'start.release': appears twice (first at line 4); a field may appear once");
}

TEST(MalformedScenario, AFiveMegabyteFileIsRejectedBeforeItIsParsed) {
    const auto path = std::filesystem::temp_directory_path() / ("myoview_big_" + std::to_string(::getpid()) + ".json");
    {
        std::ofstream out(path, std::ios::binary);
        out << "{\"myoview_scenario\": 1, \"title\": \"" << std::string(5u << 20, 'x') << "\"}";
    }
    const auto start = std::chrono::steady_clock::now();
    const auto result = load(path, real_vocabulary());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::filesystem::remove(path);
    ASSERT_FALSE(result.has_value());
    EXPECT_THAT(result.error().message, StartsWith(path.string() + ": 524"));
    EXPECT_THAT(result.error().message, HasSubstr("over the 4 MiB limit for a scenario file"));
    EXPECT_LT(seconds, 0.5);
    // parse() holds the same limit for text that comes from elsewhere.
    EXPECT_THAT(parse_error(std::string(kMaxFileBytes + 1, ' ')), HasSubstr("over the 4 MiB limit"));
}

TEST(MalformedScenario, AHundredThousandNestedBracketsAreAnErrorNotAStackOverflow) {
    std::string deep = "{\"myoview_scenario\": 1, \"start\": {\"tissue\": ";
    deep += std::string(100000, '[') + std::string(100000, ']') + "}}";
    EXPECT_THAT(parse_error(deep), HasSubstr("gen.json:1: field 'start.tissue"));
    EXPECT_THAT(parse_error(deep), HasSubstr("nested deeper than 64 levels"));
    EXPECT_THAT(parse_error(std::string(100000, '[')), HasSubstr("gen.json:1: field '[0][0][0]"));
    EXPECT_THAT(parse_error(std::string(100000, '[')), HasSubstr("nested deeper than 64 levels"));
}

TEST(MalformedScenario, OtherMistakesAreNamedToo) {
    // An unknown event kind lists the known ones.
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"events\": [\n{\"t\": 0, \"do\": \"jump\"}]}"),
                HasSubstr("gen.json:2: field 'events[0].do': expected one of release, part_release, massage,"));
    // Story steps numbered out of sequence.
    EXPECT_THAT(parse_error(R"({"myoview_scenario": 1, "events": [
        {"t": 0, "do": "story_step", "index": 1, "title": "story.1.title"},
        {"t": 9, "do": "story_step", "index": 3, "title": "story.3.title"}]})"),
                HasSubstr("gen.json:3: field 'events[1].index': story step 3 where step 2 comes next"));
    // A caption in a language the viewer does not have.
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"events\": [{\"t\": 0, \"do\": \"caption\",\n"
                            " \"text\": {\"en\": \"Hi\",\n \"fr\": \"Salut\"}}]}"),
                HasSubstr("gen.json:3: field 'events[0].text.fr': unknown language \"fr\"; known: en, es"));
    // A missing required field points at its event.
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"events\": [\n{\"t\": 0, \"do\": \"zoom\"}]}"),
                HasSubstr("gen.json:2: field 'events[0].factor': missing: expected a number in 0.01..100"));
    // An event after the end.
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"events\": [{\"t\": 0, \"do\": \"end\"},\n"
                            "{\"t\": 0, \"do\": \"massage\"}]}"),
                HasSubstr("gen.json:2: field 'events[1]': an event after the \"end\" event (line 1)"));
    // Syntax: a trailing comma, a comment, content after the object.
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1,\n}"),
                HasSubstr("gen.json:2: unexpected '}': expected a field name"));
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1 // v1\n}"),
                HasSubstr("gen.json:1: field 'myoview_scenario': unexpected '/'"));
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1}\n{}"), HasSubstr("gen.json:2: unexpected '{' after the end"));
    EXPECT_THAT(parse_error("{\"myoview_scenario\": 1, \"start\": {\"settle_s\": 1e999}}"),
                HasSubstr("gen.json:1: field 'start.settle_s': the number 1e999 is out of range"));
    // A missing file.
    const auto missing = load("/nonexistent/story.json", real_vocabulary());
    ASSERT_FALSE(missing.has_value());
    EXPECT_THAT(missing.error().message, StartsWith("/nonexistent/story.json: no such scenario file"));
}

// Every prefix of the real story (a file cut anywhere: a copy interrupted, a download stopped) is an error with a
// line inside the file, never a crash or a success.
TEST(MalformedScenario, TheClinicStoryCutAtEveryByteIsAnErrorWithALine) {
    const std::string text = testing::read_text(clinic_story_path());
    ASSERT_GT(text.size(), 1000u);
    const Vocabulary vocabulary = real_vocabulary();
    const std::size_t complete = text.find_last_of('}') + 1;
    for (std::size_t n = 0; n < complete; ++n) {
        const auto result = parse(std::string_view(text).substr(0, n), "cut.json", vocabulary);
        ASSERT_FALSE(result.has_value()) << "a prefix of " << n << " bytes parsed";
        ASSERT_THAT(result.error().message, StartsWith("cut.json:")) << n;
    }
    EXPECT_TRUE(parse(std::string_view(text).substr(0, complete), "cut.json", vocabulary).has_value());
}

// Random byte changes to the real story: each answer is a scenario or one error line, never a crash (the
// sanitized pass of tools/test runs this too).
TEST(MalformedScenario, MutatedStoriesGiveAScenarioOrOneErrorLine) {
    const std::string text = testing::read_text(clinic_story_path());
    const Vocabulary vocabulary = real_vocabulary();
    std::mt19937 rng(20261201);
    int errors = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string mutated = text;
        const int changes = 1 + static_cast<int>(rng() % 4);
        for (int c = 0; c < changes; ++c) mutated[rng() % mutated.size()] = static_cast<char>(rng() % 256);
        const auto result = parse(mutated, "mut.json", vocabulary);
        if (!result.has_value()) {
            ++errors;
            ASSERT_THAT(result.error().message, StartsWith("mut.json:"));
            ASSERT_EQ(result.error().message.find('\n'), std::string::npos);
        } else {
            // What parsed can be written and read back.
            ASSERT_EQ(parse(to_json(*result).dump(), "again.json", vocabulary).has_value(), true);
        }
    }
    EXPECT_GT(errors, 1000);  // most random changes break something; the test did test the error paths
}

}  // namespace
}  // namespace myoview::scenario
