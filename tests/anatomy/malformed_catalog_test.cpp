// Bad catalogs are rejected with a message that names the id and the field. Each case writes a real file.

#include <atomic>
#include <fstream>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "myoview/anatomy/catalog.h"

namespace myoview::anatomy {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

json muscle(const std::string& id, const std::string& side) {
    return {{"id", id},
            {"kind", "muscle"},
            {"side", side},
            {"layer", "deep"},
            {"spans", {"thorax", "scapula_r"}},
            {"group", "chest"},
            {"name", {{"en", "Pectoralis minor"}, {"es", "Pectoral menor"}}},
            {"latin", "Musculus pectoralis minor"},
            {"origin", {{"en", "Ribs 3-5"}, {"es", "Costillas 3-5"}}},
            {"insertion", {{"en", "Coracoid process"}, {"es", "Apófisis coracoides"}}},
            {"action", {{"en", "Depresses the scapula"}, {"es", "Desciende la escápula"}}},
            {"innervation", {{"en", "Medial pectoral nerve (C8, T1)"}, {"es", "Nervio pectoral medial (C8, T1)"}}},
            {"sources", {"moore8"}}};
}

json valid_catalog() {
    return {{"schema_version", 1},
            {"languages", {"en", "es"}},
            {"sources", {{"moore8", "Moore KL et al. Clinically Oriented Anatomy, 8th ed."}}},
            {"structures",
             {muscle("pec_minor_r", "right"),
              muscle("pec_minor_l", "left"),
              {{"id", "sternum"},
               {"kind", "bone"},
               {"side", "midline"},
               {"layer", "bone"},
               {"body", "thorax"},
               {"name", {{"en", "Sternum"}, {"es", "Esternón"}}}},
              {{"id", "skin"},
               {"kind", "skin"},
               {"side", "midline"},
               {"layer", "skin"},
               {"name", {{"en", "Skin"}, {"es", "Piel"}}}}}}};
}

class MalformedCatalog : public ::testing::Test {
  protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("myoview_anatomy_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    std::filesystem::path write(const std::string& text) {
        const auto path = dir_ / "catalog.json";
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    Result<Catalog> load(const json& document) { return Catalog::load(write(document.dump(2))); }

    // The load fails and the message (or a detail line) contains every fragment.
    static void expect_rejected(const Result<Catalog>& result, std::initializer_list<std::string> fragments) {
        ASSERT_FALSE(result.has_value()) << "a malformed catalog was accepted";
        for (const auto& fragment : fragments) EXPECT_THAT(result.error().full_text(), HasSubstr(fragment));
    }

    std::filesystem::path dir_;
};

TEST_F(MalformedCatalog, ValidBaselineLoads) {
    const auto result = load(valid_catalog());
    ASSERT_TRUE(result.has_value()) << result.error().full_text();
    EXPECT_EQ(result->size(), 4u);
    ASSERT_NE(result->find("pec_minor_l"), nullptr);
    EXPECT_EQ(result->find("pec_minor_l")->sources.front(), "Moore KL et al. Clinically Oriented Anatomy, 8th ed.");
    EXPECT_EQ(result->find("nope"), nullptr);
}

TEST_F(MalformedCatalog, MissingFile) {
    const auto result = Catalog::load(dir_ / "does_not_exist.json");
    expect_rejected(result, {"not found", "does_not_exist.json"});
}

TEST_F(MalformedCatalog, DirectoryInsteadOfFile) {
    expect_rejected(Catalog::load(dir_), {"not a regular file"});
}

TEST_F(MalformedCatalog, InvalidJson) {
    const auto result = Catalog::load(write("{\n  \"schema_version\": 1,\n  \"languages\": [\"en\",\n"));
    expect_rejected(result, {"not valid JSON", "catalog.json", "line"});
}

TEST_F(MalformedCatalog, EmptyFile) {
    expect_rejected(Catalog::load(write("")), {"not valid JSON"});
}

TEST_F(MalformedCatalog, BinaryJunk) {
    expect_rejected(Catalog::load(write(std::string("\x00\xff\xfe{[\x01", 6))), {"not valid JSON"});
}

TEST_F(MalformedCatalog, TopLevelNotAnObject) {
    expect_rejected(load(json::array({1, 2})), {"top level"});
}

TEST_F(MalformedCatalog, DuplicateId) {
    auto doc = valid_catalog();
    doc["structures"].push_back(muscle("pec_minor_r", "right"));
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "'id'", "duplicate"});
}

TEST_F(MalformedCatalog, MissingOrigin) {
    auto doc = valid_catalog();
    doc["structures"][1].erase("origin");
    expect_rejected(load(doc), {"structure 'pec_minor_l'", "field 'origin' is missing"});
}

TEST_F(MalformedCatalog, EmptyInnervation) {
    auto doc = valid_catalog();
    doc["structures"][0]["innervation"]["es"] = "";
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'innervation'", "empty text for language 'es'"});
}

TEST_F(MalformedCatalog, MissingSpanishName) {
    auto doc = valid_catalog();
    doc["structures"][2]["name"].erase("es");
    expect_rejected(load(doc), {"structure 'sternum'", "field 'name'", "no text for language 'es'"});
}

TEST_F(MalformedCatalog, MissingAction) {
    auto doc = valid_catalog();
    doc["structures"][0].erase("action");
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'action' is missing"});
}

TEST_F(MalformedCatalog, MissingInsertionAndInnervationAreBothListed) {
    auto doc = valid_catalog();
    doc["structures"][0].erase("insertion");
    doc["structures"][0].erase("innervation");
    const auto result = load(doc);
    expect_rejected(result, {"field 'insertion' is missing", "field 'innervation' is missing", "1 more"});
    EXPECT_EQ(result.error().details.size(), 2u);
}

TEST_F(MalformedCatalog, BadSide) {
    auto doc = valid_catalog();
    doc["structures"][0]["side"] = "port";
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'side'", "'port'", "left, right, midline"});
}

TEST_F(MalformedCatalog, SideDisagreesWithSuffix) {
    auto doc = valid_catalog();
    doc["structures"][0]["side"] = "left";
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'side'", "'_l'"});
}

TEST_F(MalformedCatalog, MidlineWithSuffix) {
    auto doc = valid_catalog();
    doc["structures"][0]["side"] = "midline";
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'side'", "midline"});
}

TEST_F(MalformedCatalog, BadKind) {
    auto doc = valid_catalog();
    doc["structures"][2]["kind"] = "organ";
    expect_rejected(load(doc), {"structure 'sternum'", "field 'kind'", "'organ'"});
}

TEST_F(MalformedCatalog, BadLayer) {
    auto doc = valid_catalog();
    doc["structures"][0]["layer"] = "middle";
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "field 'layer'", "'middle'"});
}

TEST_F(MalformedCatalog, LayerDisagreesWithKind) {
    auto doc = valid_catalog();
    doc["structures"][2]["layer"] = "deep";
    expect_rejected(load(doc), {"structure 'sternum'", "field 'layer'", "must be 'bone'"});
}

TEST_F(MalformedCatalog, BoneWithoutBody) {
    auto doc = valid_catalog();
    doc["structures"][2].erase("body");
    expect_rejected(load(doc), {"structure 'sternum'", "field 'body' is missing"});
}

TEST_F(MalformedCatalog, IdNotSnakeCase) {
    for (const char* id : {"PecMinor_r", "pec-minor_r", "pec__minor_r", "1pec_r", "pec_minor_r_"}) {
        auto doc = valid_catalog();
        doc["structures"][0]["id"] = id;
        expect_rejected(load(doc), {std::string("structure '") + id + "'", "field 'id'", "snake_case"});
    }
}

TEST_F(MalformedCatalog, MissingIdNamesTheIndex) {
    auto doc = valid_catalog();
    doc["structures"][3].erase("id");
    expect_rejected(load(doc), {"structure #3", "field 'id' is missing"});
}

TEST_F(MalformedCatalog, WrongTypes) {
    auto doc = valid_catalog();
    doc["structures"][0]["origin"] = 42;
    doc["structures"][1]["has_mesh"] = "yes";
    doc["structures"][2]["body"] = json::array();
    const auto result = load(doc);
    expect_rejected(result, {"structure 'pec_minor_r': field 'origin' must be an object",
                             "structure 'pec_minor_l': field 'has_mesh' must be true or false",
                             "structure 'sternum': field 'body' must be a string"});
}

TEST_F(MalformedCatalog, StructureNotAnObject) {
    auto doc = valid_catalog();
    doc["structures"].push_back("pec_minor_r");
    expect_rejected(load(doc), {"structure #4 is not an object"});
}

TEST_F(MalformedCatalog, UnsupportedSchemaVersion) {
    auto doc = valid_catalog();
    doc["schema_version"] = 99;
    expect_rejected(load(doc), {"schema_version", "99"});
}

TEST_F(MalformedCatalog, MissingSchemaVersion) {
    auto doc = valid_catalog();
    doc.erase("schema_version");
    expect_rejected(load(doc), {"schema_version"});
}

TEST_F(MalformedCatalog, LanguagesWithoutEnglish) {
    auto doc = valid_catalog();
    doc["languages"] = {"es"};
    expect_rejected(load(doc), {"languages", "\"en\""});
}

TEST_F(MalformedCatalog, MissingStructures) {
    auto doc = valid_catalog();
    doc.erase("structures");
    expect_rejected(load(doc), {"'structures'"});
}

TEST_F(MalformedCatalog, ThirdLanguageMustBeComplete) {
    auto doc = valid_catalog();
    doc["languages"] = {"en", "es", "pt"};
    expect_rejected(load(doc), {"field 'name'", "language 'pt'"});
}

TEST_F(MalformedCatalog, PlainStringTextCountsAsEnglish) {
    auto doc = valid_catalog();
    doc["languages"] = {"en"};
    doc["structures"][0]["origin"] = "Ribs 3-5";
    const auto result = load(doc);
    ASSERT_TRUE(result.has_value()) << result.error().full_text();
    EXPECT_EQ(localized(result->find("pec_minor_r")->origin, "es"), "Ribs 3-5");
}

TEST_F(MalformedCatalog, IncompleteTriggerPoint) {
    auto doc = valid_catalog();
    doc["structures"][0]["trigger_points"] = json::array({{{"location", {{"en", "x"}, {"es", "y"}}}}});
    expect_rejected(load(doc), {"structure 'pec_minor_r'", "trigger_points", "referral"});
}

TEST_F(MalformedCatalog, UnknownFieldsAreIgnored) {
    auto doc = valid_catalog();
    doc["structures"][0]["blood_supply"] = "Thoracoacromial artery";
    doc["generator"] = "hand";
    EXPECT_TRUE(load(doc).has_value());
}

TEST_F(MalformedCatalog, ParseFromMemoryNamesTheSource) {
    const auto result = Catalog::parse("[", "inline-test");
    expect_rejected(result, {"inline-test", "not valid JSON"});
}

}  // namespace
}  // namespace myoview::anatomy
