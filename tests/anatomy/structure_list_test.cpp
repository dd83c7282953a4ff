// list_structures_json: the output of `myoview --list-structures`.

#include <set>

#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/anatomy/structure_list.h"

namespace myoview::anatomy {
namespace {

using nlohmann::json;

class StructureList : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = Catalog::load(test::source_path("assets/anatomy/catalog.json"));
        ASSERT_TRUE(loaded.has_value()) << loaded.error().full_text();
        catalog_ = std::move(loaded).value();
    }
    Catalog catalog_;
};

TEST_F(StructureList, OneObjectPerStructureWithTypedFields) {
    const json list = list_structures_json(catalog_, {"pec_minor_r"}, {"pec_minor_r", "skin"});
    ASSERT_TRUE(list.is_array());
    ASSERT_EQ(list.size(), catalog_.size());
    std::size_t i = 0;
    for (const auto& s : catalog_) {
        const json& entry = list[i++];
        ASSERT_TRUE(entry.is_object());
        for (const char* key : {"id", "kind", "side", "layer", "group", "body", "latin"}) {
            ASSERT_TRUE(entry.contains(key)) << s.id << " lacks " << key;
            EXPECT_TRUE(entry[key].is_string()) << s.id << "." << key;
        }
        for (const char* key : {"name", "origin", "insertion", "action", "innervation", "patient_line"}) {
            ASSERT_TRUE(entry.contains(key)) << s.id << " lacks " << key;
            EXPECT_TRUE(entry[key].is_object()) << s.id << "." << key;
        }
        for (const char* key : {"has_mesh", "has_muscle"}) {
            ASSERT_TRUE(entry.contains(key)) << s.id << " lacks " << key;
            EXPECT_TRUE(entry[key].is_boolean()) << s.id << "." << key;
        }
        EXPECT_TRUE(entry["spans"].is_array()) << s.id;
        EXPECT_TRUE(entry["sources"].is_array()) << s.id;
        EXPECT_EQ(entry["id"], s.id);
        EXPECT_EQ(entry["kind"], std::string(to_string(s.kind)));
        EXPECT_EQ(entry["side"], std::string(to_string(s.side)));
        for (const auto& language : catalog_.languages()) {
            ASSERT_TRUE(entry["name"].contains(language)) << s.id;
            EXPECT_EQ(entry["name"][language], std::string(s.name(language)));
        }
        if (s.kind == Kind::kMuscle) {
            for (const char* key : {"origin", "insertion", "action", "innervation"}) {
                for (const auto& language : catalog_.languages()) {
                    EXPECT_TRUE(entry[key].contains(language)) << s.id << "." << key << "." << language;
                }
            }
        }
    }
}

TEST_F(StructureList, FlagsFollowTheGivenIdLists) {
    const json list = list_structures_json(catalog_, {"pec_minor_r"}, {"pec_minor_r", "skin"});
    for (const auto& entry : list) {
        const std::string id = entry["id"];
        EXPECT_EQ(entry["has_muscle"].get<bool>(), id == "pec_minor_r") << id;
        EXPECT_EQ(entry["has_mesh"].get<bool>(), id == "pec_minor_r" || id == "skin") << id;
    }
}

TEST_F(StructureList, KindsSidesAndLayersUseTheCatalogSpelling) {
    const std::set<std::string> kinds = {"bone", "muscle", "skin"};
    const std::set<std::string> sides = {"left", "right", "midline"};
    const std::set<std::string> layers = {"skin", "superficial", "deep", "bone"};
    for (const auto& entry : list_structures_json(catalog_, {}, {})) {
        EXPECT_TRUE(kinds.contains(entry["kind"].get<std::string>()));
        EXPECT_TRUE(sides.contains(entry["side"].get<std::string>()));
        EXPECT_TRUE(layers.contains(entry["layer"].get<std::string>()));
    }
}

TEST_F(StructureList, TriggerPointsAndCautionOnlyWhereTheCatalogHasThem) {
    for (const auto& entry : list_structures_json(catalog_, {}, {})) {
        const auto* s = catalog_.find(entry["id"].get<std::string>());
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(entry.contains("trigger_points"), !s->trigger_points.empty()) << s->id;
        EXPECT_EQ(entry.contains("caution"), !s->caution.empty()) << s->id;
        if (entry.contains("trigger_points")) {
            for (const auto& point : entry["trigger_points"]) {
                EXPECT_TRUE(point["location"].is_object());
                EXPECT_TRUE(point["referral"].is_object());
            }
        }
    }
}

TEST_F(StructureList, StudentNotesOnlyWhereTheCatalogHasThemAndInEveryLanguage) {
    int with_notes = 0;
    for (const auto& entry : list_structures_json(catalog_, {}, {})) {
        const auto* s = catalog_.find(entry["id"].get<std::string>());
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(entry.contains("notes"), !s->notes.empty()) << s->id;
        if (!entry.contains("notes")) continue;
        ++with_notes;
        for (const auto& language : catalog_.languages()) {
            EXPECT_FALSE(entry["notes"].value(language, std::string()).empty()) << s->id << " notes in " << language;
        }
    }
    EXPECT_GT(with_notes, 0) << "the teaching landmarks (scapula, sternum, C7 ...) reach the listing";
}

}  // namespace
}  // namespace myoview::anatomy
