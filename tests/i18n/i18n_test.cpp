// engine/i18n: the shipped strings are complete in every language (every key the sources use, the same keys in
// every file, the same placeholders), bad files are refused with the file (and line) named, lookups fall back to
// English and then to the key, and --lang accepts exactly the languages that have a file.

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "myoview/i18n/strings.h"
#include "process.h"

namespace myoview::i18n {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = MYOVIEW_SOURCE_DIR;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Keys as the sources use them: tr("key"), tr.c_str("key"), tr.format("key", ...), tr.slider_format("key", ...)
// and strings.get(lang).c_str("key"). A key built at run time (the story's "story.N.*") is checked on its own.
std::set<std::string> keys_used_in(const std::string& source) {
    static const std::regex kUse(R"re((?:\btr|\.c_str|\.format|\.slider_format)\(\s*"([A-Za-z0-9_.\-]+)")re");
    std::set<std::string> keys;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), kUse); it != std::sregex_iterator(); ++it) {
        keys.insert((*it)[1].str());
    }
    return keys;
}

// Every key used in app/ and engine/, with the file that uses it (for the message).
std::map<std::string, std::string> keys_used_in_the_sources() {
    std::map<std::string, std::string> keys;
    for (const char* folder : {"app", "engine"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSourceDir / folder)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".h") continue;
            for (const std::string& key : keys_used_in(read_text(entry.path()))) {
                keys.emplace(key, fs::relative(entry.path(), kSourceDir).string());
            }
        }
    }
    return keys;
}

// The keys of `used` that `strings` lacks in its own language (no fallback counts).
std::vector<std::string> missing_keys(const std::map<std::string, std::string>& used, const Strings& strings) {
    std::vector<std::string> missing;
    for (const auto& [key, file] : used) {
        if (!strings.contains(key)) missing.push_back(key + " (used in " + file + ")");
    }
    return missing;
}

// The clinic story's steps: its story_step events (assets/scenarios/clinic-story.json).
int story_step_count() {
    const std::string story = read_text(kSourceDir / "assets" / "scenarios" / "clinic-story.json");
    const std::regex step(R"("do"\s*:\s*"story_step")");
    const auto n = std::distance(std::sregex_iterator(story.begin(), story.end(), step), std::sregex_iterator());
    return n > 0 ? static_cast<int>(n) : -1;
}

const Library& shipped() {
    static const Library* library = [] {
        auto loaded = Library::load(kSourceDir / "assets" / "i18n");
        if (!loaded) {
            ADD_FAILURE() << "the shipped strings failed to load: " << loaded.error().full_text();
            std::abort();
        }
        return new Library(std::move(loaded).value());
    }();
    return *library;
}

TEST(ShippedStrings, EnglishAndSpanishLoadAndDefaultDirIsTheAssetFolder) {
    EXPECT_EQ(shipped().languages(), (std::vector<std::string>{"en", "es"}));
    EXPECT_EQ(fs::weakly_canonical(default_dir()), fs::weakly_canonical(kSourceDir / "assets" / "i18n"));
    EXPECT_EQ(shipped().get("en")("language.name"), "English");
    EXPECT_EQ(shipped().get("es")("language.name"), "Español");
    // The story text merged from story.<lang>.json.
    EXPECT_EQ(shipped().get("es")("story.2.title"), "El pecho tenso");
}

TEST(ShippedStrings, TheScanFindsTheKeysTheSourcesUse) {
    // Guards the check below: a scan that finds nothing would pass it vacuously.
    const auto used = keys_used_in_the_sources();
    EXPECT_GE(used.size(), 80u);
    for (const char* key : {"panel.release_slider", "panel.part.pec_minor", "card.length.normal", "legend.title",
                            "story.keys", "language.name", "about.anatomy"}) {
        EXPECT_TRUE(used.count(key)) << key << " not found by the scan";
    }
    EXPECT_EQ(keys_used_in(R"(x(tr("a.b")); tr.format("c.d", {}); s.get(l).c_str("e"); str("no.t"))"),
              (std::set<std::string>{"a.b", "c.d", "e"}));
}

TEST(ShippedStrings, EveryKeyUsedInTheSourcesExistsInEveryLanguage) {
    const auto used = keys_used_in_the_sources();
    for (const std::string& language : shipped().languages()) {
        const auto missing = missing_keys(used, shipped().get(language));
        EXPECT_TRUE(missing.empty()) << language << " lacks " << missing.size()
                                     << " key(s), first: " << missing.front();
    }
}

TEST(ShippedStrings, EveryStoryStepHasATitleAndTextInEveryLanguage) {
    const int steps = story_step_count();
    ASSERT_GT(steps, 0) << "no story_step event in assets/scenarios/clinic-story.json";
    for (const std::string& language : shipped().languages()) {
        for (int n = 1; n <= steps; ++n) {
            for (const char* part : {"title", "text"}) {
                const std::string key = "story." + std::to_string(n) + "." + part;
                EXPECT_TRUE(shipped().get(language).contains(key)) << language << " lacks " << key;
            }
        }
        EXPECT_FALSE(shipped().get(language).contains("story." + std::to_string(steps + 1) + ".title"))
            << language << ": a caption for a step the story does not have";
    }
}

TEST(ShippedStrings, EveryLanguageHasExactlyTheKeysOfEnglish) {
    const Entries& english = shipped().get("en").entries();
    for (const std::string& language : shipped().languages()) {
        const Entries& other = shipped().get(language).entries();
        for (const auto& [key, text] : english) EXPECT_TRUE(other.count(key)) << language << " lacks " << key;
        for (const auto& [key, text] : other) EXPECT_TRUE(english.count(key)) << language << " has extra " << key;
    }
}

// One text, one key: a phrase changed in one place cannot stay stale in another (the story's key hint was once both
// story.keys and story.hint).
TEST(ShippedStrings, NoTwoKeysOfALanguageHoldTheSameText) {
    for (const std::string& language : shipped().languages()) {
        std::map<std::string, std::string> key_of;
        for (const auto& [key, text] : shipped().get(language).entries()) {
            const auto [first, added] = key_of.emplace(text, key);
            EXPECT_TRUE(added) << language << ": " << first->second << " and " << key << " both say \"" << text << "\"";
        }
    }
}

TEST(ShippedStrings, EveryTranslationKeepsItsPlaceholdersAndNoTextIsEmpty) {
    const Entries& english = shipped().get("en").entries();
    for (const std::string& language : shipped().languages()) {
        for (const auto& [key, text] : shipped().get(language).entries()) {
            EXPECT_FALSE(text.empty()) << language << " " << key;
            const auto found = english.find(key);
            if (found == english.end()) continue;  // reported by the test above
            auto expected = placeholders(found->second);
            auto got = placeholders(text);
            std::sort(expected.begin(), expected.end());
            std::sort(got.begin(), got.end());
            EXPECT_EQ(got, expected) << language << " " << key << ": \"" << text << "\"";
        }
    }
}

TEST(ShippedStrings, TheWordsReviewedForTheClinicAreUnchanged) {
    // Moved from C++ verbatim; formats became placeholders with the same output.
    const Strings& en = shipped().get("en");
    const Strings& es = shipped().get("es");
    EXPECT_EQ(en.slider_format("panel.release_slider", "pct", "%.0f"), "Chest release %.0f %%");
    EXPECT_EQ(es.slider_format("panel.release_slider", "pct", "%.0f"), "Liberación del pecho %.0f %%");
    EXPECT_EQ(en.format("panel.since_start", {{"mm", fixed(-3.04, 1, true)}, {"pct", fixed(12.4, 0, true)}}),
              "Since start: shoulders -3.0 mm, back load +12 %");
    EXPECT_EQ(es.format("posture.craniovertebral_angle", {{"deg", fixed(45.62, 1)}}), "Ángulo craneovertebral  45.6°");
    EXPECT_EQ(en("panel.model_predictions"),
              "Back load and muscle forces are model predictions, not measured in patients.");
    EXPECT_EQ(es("card.model_prediction"), "Predicción del modelo: no medida en pacientes.");
}

// A fresh folder per test for hand-written string files.
class StringFiles : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        dir_ = fs::temp_directory_path() /
               ("myoview_i18n_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return dir_ / name;
    }
    // Loads `language` and expects an error whose message contains every fragment.
    void expect_rejected(const std::string& language, std::initializer_list<std::string> fragments) {
        const auto r = Strings::load(dir_, language);
        ASSERT_FALSE(r.has_value()) << "loaded, but should have been refused";
        for (const std::string& f : fragments) {
            EXPECT_NE(r.error().message.find(f), std::string::npos) << "\"" << f << "\" not in: " << r.error().message;
        }
    }
    fs::path dir_;
};

TEST_F(StringFiles, BrokenJsonIsRefusedNamingTheFileAndLine) {
    write("en.json", "{\n  \"a.b\": \"x\",\n  \"c.d\": \"y\"\n  \"e.f\": \"z\"\n}\n");
    expect_rejected("en", {"en.json", "not valid JSON", "line 4"});
}

TEST_F(StringFiles, AValueThatIsNotTextIsRefusedNamingKeyAndLine) {
    write("en.json", "{\n  \"a.b\": \"x\",\n  \"c.d\": 3\n}\n");
    expect_rejected("en", {"en.json", "line 3", "\"c.d\"", "a number"});
    write("en.json", "{\"a.b\": {\"nested\": \"x\"}}");
    expect_rejected("en", {"en.json", "\"a.b\"", "an object"});
    write("en.json", "{\"a.b\": null}");
    expect_rejected("en", {"\"a.b\"", "null"});
}

TEST_F(StringFiles, AKeyGivenTwiceIsRefusedInOneFileAndAcrossFiles) {
    write("en.json", "{\n  \"a.b\": \"x\",\n  \"c.d\": \"y\",\n  \"a.b\": \"z\"\n}\n");
    expect_rejected("en", {"en.json", "\"a.b\"", "twice", "line 4", "first on line 2"});
    write("en.json", "{\"a.b\": \"x\"}");
    write("story.en.json", "{\"a.b\": \"again\"}");
    expect_rejected("en", {"story.en.json", "\"a.b\"", "also in", "/en.json"});
}

TEST_F(StringFiles, ATopLevelThatIsNotAnObjectAndBadUtf8AreRefused) {
    write("en.json", "[\"a\", \"b\"]");
    expect_rejected("en", {"en.json", "one JSON object"});
    write("en.json", "\"just text\"");
    expect_rejected("en", {"en.json", "one JSON object"});
    write("en.json", "{\"a.b\": \"caf\xc3\"}");
    expect_rejected("en", {"en.json", "not valid JSON"});
    write("en.json", "");
    expect_rejected("en", {"en.json", "not valid JSON"});
}

TEST_F(StringFiles, AMissingLanguageOrABadCodeIsRefused) {
    write("en.json", "{\"a.b\": \"x\"}");
    expect_rejected("fr", {"fr.json", "not found"});
    expect_rejected("../en", {"not a language code"});
    write("fr.json", "{\"a.b\": \"x\"}");
    fs::remove(dir_ / "en.json");
    expect_rejected("fr", {"en.json", "not found"});  // English is every language's fallback
    EXPECT_FALSE(Library::load(dir_).has_value());
}

TEST_F(StringFiles, ALookupFallsBackToEnglishThenToTheKeyAndCountsEachMissingKeyOnce) {
    write("en.json", "{\"only.english\": \"English text\", \"both\": \"in English\"}");
    write("es.json", "{\"both\": \"en español\"}");
    auto loaded = Strings::load(dir_, "es");
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    const Strings& es = *loaded;
    EXPECT_EQ(es("both"), "en español");
    EXPECT_EQ(es("only.english"), "English text");
    EXPECT_FALSE(es.contains("only.english"));
    EXPECT_EQ(es.missing_count(), 0u);  // English has it: a fallback, not a missing key
    EXPECT_EQ(es("nowhere.at_all"), "nowhere.at_all");
    EXPECT_EQ(es("nowhere.at_all"), "nowhere.at_all");
    EXPECT_STREQ(es.c_str("nowhere.else"), "nowhere.else");
    EXPECT_EQ(es.missing_count(), 2u);
    EXPECT_EQ(es.language(), "es");
}

TEST_F(StringFiles, ExtraFilesOfALanguageAreMergedAndLanguagesAreTheBaseFiles) {
    write("en.json", "{\"a\": \"A\"}");
    write("story.en.json", "{\"story.1.title\": \"T\"}");
    write("es.json", "{\"a\": \"A es\"}");
    write("story.es.json", "{\"story.1.title\": \"T es\"}");
    write("pt-BR.json", "{\"a\": \"A pt\"}");
    write("notes.txt", "not strings");
    EXPECT_EQ(languages(dir_), (std::vector<std::string>{"en", "es", "pt-BR"}));
    EXPECT_TRUE(languages(dir_ / "no_such_folder").empty());
    auto library = Library::load(dir_);
    ASSERT_TRUE(library.has_value()) << library.error().message;
    EXPECT_EQ(library->get("es")("story.1.title"), "T es");
    EXPECT_EQ(library->get("en")("story.1.title"), "T");
    EXPECT_EQ(library->get("pt-BR")("story.1.title"), "T");  // no story.pt-BR.json: English
    EXPECT_EQ(library->get("xx")("a"), "A");                 // an unknown language: English
    EXPECT_TRUE(library->has("pt-BR"));
    EXPECT_FALSE(library->has("xx"));
}

TEST(Placeholders, FormatReplacesNamesAndLeavesUnknownOnesAndPercentSigns) {
    const auto entries = Strings::parse(R"({"k": "{a} of {b} (100 %) {unknown} {", "s": "{v} % at {v}"})");
    ASSERT_TRUE(entries.has_value()) << entries.error().message;
    EXPECT_EQ(placeholders(entries->at("k")), (std::vector<std::string>{"a", "b", "unknown"}));
    EXPECT_EQ(placeholders("no {} {not a name} {ok_1}"), (std::vector<std::string>{"ok_1"}));
    EXPECT_EQ(fixed(2.5, 0), "2");  // printf rounding, as the panels showed before
    EXPECT_EQ(fixed(0.04, 1, true), "+0.0");
    EXPECT_EQ(fixed(-12.345, 2), "-12.35");
    // A value that rounds to zero has no minus: the panel said "back load -0 %" for a change of -0.3 %.
    EXPECT_EQ(fixed(-0.3, 0, true), "+0");
    EXPECT_EQ(fixed(-0.04, 1), "0.0");
    EXPECT_EQ(fixed(-0.06, 1, true), "-0.1");
}

TEST_F(StringFiles, FormatAndSliderFormatProduceTheTextWithValues) {
    write("en.json", R"({"k": "{a} of {b} (100 %) {unknown} {", "s": "Release {v} % now"})");
    auto loaded = Strings::load(dir_, "en");
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(loaded->format("k", {{"a", "1"}, {"b", "2"}}), "1 of 2 (100 %) {unknown} {");
    EXPECT_EQ(loaded->slider_format("s", "v", "%.0f"), "Release %.0f %% now");
}

TEST(LangOption, AcceptsTheLanguagesWithAFileAndNamesThemWhenRefusing) {
    const auto refused = myoview::testing::run_process(
        {myoview::testing::executable(), "--lang", "xx", "--no-render", "--seconds", "0.01"},
        myoview::testing::with_timeout(60.0));
    EXPECT_EQ(refused.exit_code, 2) << refused.err;
    EXPECT_NE(refused.err.find("--lang must be one of en, es"), std::string::npos) << refused.err;
    const auto accepted = myoview::testing::run_process(
        {myoview::testing::executable(), "--lang", "es", "--no-render", "--seconds", "0.01"},
        myoview::testing::with_timeout(60.0));
    EXPECT_EQ(accepted.exit_code, 0) << accepted.err;
}

}  // namespace
}  // namespace myoview::i18n
