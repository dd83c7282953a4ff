#pragma once
// The Vocabulary the viewer will pass: sim presets, the catalog's ids and languages, the story's i18n keys.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "myoview/anatomy/catalog.h"
#include "myoview/scenario/scenario.h"
#include "myoview/sim/tissue.h"

namespace myoview::scenario::testing {

inline std::filesystem::path source_dir() {
    return MYOVIEW_SOURCE_DIR;
}
inline std::filesystem::path data_dir() {
    return source_dir() / "tests" / "scenario" / "data";
}
inline std::filesystem::path clinic_story_path() {
    return source_dir() / "assets" / "scenarios" / "clinic-story.json";
}
inline std::filesystem::path story_strings_path(const std::string& language) {
    return source_dir() / "assets" / "i18n" / ("story." + language + ".json");
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline Vocabulary real_vocabulary() {
    Vocabulary v;
    for (const auto& preset : sim::presets()) v.presets.emplace_back(preset.name);
    auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
    EXPECT_TRUE(catalog.has_value()) << (catalog ? "" : catalog.error().message);
    if (catalog) {
        for (const auto& s : *catalog) v.structure_ids.push_back(s.id);
        v.languages = catalog->languages();
    }
    auto strings = load_strings(story_strings_path("en"));
    EXPECT_TRUE(strings.has_value()) << (strings ? "" : strings.error().message);
    if (strings)
        for (const auto& [key, _] : *strings) v.caption_keys.push_back(key);
    return v;
}

}  // namespace myoview::scenario::testing
