// The shipped catalog (assets/anatomy/catalog.json): it loads, covers the id contract, and its text is complete.

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/anatomy/catalog.h"

namespace myoview::anatomy {
namespace {

using test::contract_muscle_ids;
using test::contract_structure_ids;

class ShippedCatalog : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        auto loaded = Catalog::load(test::source_path("assets/anatomy/catalog.json"));
        if (!loaded) {
            load_error_ = new std::string(loaded.error().full_text());
            return;
        }
        catalog_ = new Catalog(std::move(loaded).value());
    }
    static void TearDownTestSuite() {
        delete catalog_;
        delete load_error_;
        catalog_ = nullptr;
        load_error_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(catalog_, nullptr) << "shipped catalog failed to load: " << *load_error_; }

    static const Catalog& catalog() { return *catalog_; }

    static Catalog* catalog_;
    static std::string* load_error_;
};

Catalog* ShippedCatalog::catalog_ = nullptr;
std::string* ShippedCatalog::load_error_ = nullptr;

std::string base_id(const std::string& id) {
    return id.substr(0, id.size() - 2);
}

TEST_F(ShippedCatalog, Loads) {
    EXPECT_EQ(catalog().schema_version(), kCatalogSchemaVersion);
    EXPECT_EQ(catalog().size(), contract_structure_ids().size());
}

TEST_F(ShippedCatalog, DefaultPathIsTheShippedFile) {
    EXPECT_TRUE(std::filesystem::exists(default_catalog_path())) << default_catalog_path();
    EXPECT_TRUE(Catalog::load(default_catalog_path()).has_value());
}

TEST_F(ShippedCatalog, EveryContractIdIsPresent) {
    for (const auto& id : contract_structure_ids()) {
        EXPECT_NE(catalog().find(id), nullptr) << "catalog has no entry for contract id '" << id << "'";
    }
}

TEST_F(ShippedCatalog, NoIdOutsideTheContract) {
    const auto ids = contract_structure_ids();
    const std::set<std::string> contract(ids.begin(), ids.end());
    for (const auto& s : catalog()) EXPECT_TRUE(contract.contains(s.id)) << "id not in the contract: " << s.id;
}

TEST_F(ShippedCatalog, KindsMatchTheContract) {
    for (const auto& id : test::contract_bone_ids()) {
        if (const auto* s = catalog().find(id)) {
            EXPECT_EQ(s->kind, Kind::kBone) << id;
        }
    }
    for (const auto& id : contract_muscle_ids()) {
        if (const auto* s = catalog().find(id)) {
            EXPECT_EQ(s->kind, Kind::kMuscle) << id;
        }
    }
    const auto* skin = catalog().find("skin");
    ASSERT_NE(skin, nullptr);
    EXPECT_EQ(skin->kind, Kind::kSkin);
    EXPECT_EQ(skin->layer, Layer::kSkin);
    EXPECT_EQ(skin->side, Side::kMidline);
}

TEST_F(ShippedCatalog, BothSidesOfEveryMuscle) {
    for (const auto& base : test::kContractMuscles) {
        const auto* right = catalog().find(base + "_r");
        const auto* left = catalog().find(base + "_l");
        ASSERT_NE(right, nullptr) << base << "_r";
        ASSERT_NE(left, nullptr) << base << "_l";
        EXPECT_EQ(right->side, Side::kRight);
        EXPECT_EQ(left->side, Side::kLeft);
    }
}

// Left and right share every text; only the side and the side-suffixed bodies differ.
TEST_F(ShippedCatalog, LeftAndRightShareTheirText) {
    for (const auto& s : catalog()) {
        if (s.side != Side::kRight) continue;
        const auto* left = catalog().find(base_id(s.id) + "_l");
        ASSERT_NE(left, nullptr) << s.id;
        EXPECT_EQ(s.names, left->names) << s.id;
        EXPECT_EQ(s.latin, left->latin) << s.id;
        EXPECT_EQ(s.origin, left->origin) << s.id;
        EXPECT_EQ(s.insertion, left->insertion) << s.id;
        EXPECT_EQ(s.action, left->action) << s.id;
        EXPECT_EQ(s.innervation, left->innervation) << s.id;
        EXPECT_EQ(s.patient_line, left->patient_line) << s.id;
        EXPECT_EQ(s.layer, left->layer) << s.id;
        EXPECT_EQ(s.group, left->group) << s.id;
        EXPECT_EQ(s.trigger_points.size(), left->trigger_points.size()) << s.id;
        ASSERT_EQ(s.spans.size(), left->spans.size()) << s.id;
        for (std::size_t i = 0; i < s.spans.size(); ++i) {
            const std::string& r = s.spans[i];
            const std::string& l = left->spans[i];
            if (r.ends_with("_r")) {
                EXPECT_EQ(base_id(r) + "_l", l) << s.id;
            } else {
                EXPECT_EQ(r, l) << s.id;
            }
        }
        if (s.body.ends_with("_r")) {
            EXPECT_EQ(base_id(s.body) + "_l", left->body) << s.id;
        }
    }
}

TEST_F(ShippedCatalog, AtLeastTwoLanguagesEverywhere) {
    ASSERT_GE(catalog().languages().size(), 2u);
    for (const auto& s : catalog()) {
        for (const auto& language : catalog().languages()) {
            EXPECT_FALSE(localized(s.names, language).empty()) << s.id << " name/" << language;
            ASSERT_TRUE(s.patient_line.contains(language)) << s.id << " patient_line/" << language;
            EXPECT_FALSE(s.patient_line.at(language).empty()) << s.id << " patient_line/" << language;
        }
    }
}

TEST_F(ShippedCatalog, SpanishNamesDifferFromEnglish) {
    for (const auto& s : catalog()) {
        EXPECT_NE(s.name("es"), s.name("en")) << s.id << ": the Spanish name is a copy of the English one";
    }
}

TEST_F(ShippedCatalog, NameFallsBackToEnglish) {
    const auto* pec = catalog().find("pec_minor_r");
    ASSERT_NE(pec, nullptr);
    EXPECT_EQ(pec->name("en"), "Pectoralis minor");
    EXPECT_EQ(pec->name("es"), "Pectoral menor");
    EXPECT_EQ(pec->name("xx"), "Pectoralis minor");
}

TEST_F(ShippedCatalog, EveryMuscleHasAnatomyText) {
    // Root levels: "C5", "T1", or the spinal accessory nerve (CN XI).
    const std::regex root_level(R"((\b[CT][1-8]\b)|(CN XI))");
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kMuscle) continue;
        for (const auto& language : catalog().languages()) {
            for (const auto* field : {&s.origin, &s.insertion, &s.action, &s.innervation}) {
                ASSERT_TRUE(field->contains(language)) << s.id << "/" << language;
                EXPECT_GT(field->at(language).size(), 10u) << s.id << "/" << language;
            }
        }
        EXPECT_TRUE(std::regex_search(s.innervation.at("en"), root_level))
            << s.id << ": innervation names no root level: " << s.innervation.at("en");
        EXPECT_FALSE(s.latin.empty()) << s.id;
        EXPECT_TRUE(s.latin.starts_with("Musculus ")) << s.id << ": " << s.latin;
        EXPECT_FALSE(s.group.empty()) << s.id;
        EXPECT_TRUE(s.layer == Layer::kSuperficial || s.layer == Layer::kDeep) << s.id;
        EXPECT_EQ(s.spans.size(), 2u) << s.id << ": spans should name origin and insertion bodies";
        EXPECT_FALSE(s.sources.empty()) << s.id;
    }
}

TEST_F(ShippedCatalog, BonesNameTheirBody) {
    const std::set<std::string> bodies(test::kContractBodies.begin(), test::kContractBodies.end());
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kBone) continue;
        EXPECT_EQ(s.layer, Layer::kBone) << s.id;
        EXPECT_TRUE(bodies.contains(s.body)) << s.id << ": body '" << s.body << "' is not a contract body";
    }
    for (const auto& s : catalog()) {
        for (const auto& span : s.spans) {
            EXPECT_TRUE(bodies.contains(span)) << s.id << ": span '" << span << "' is not a contract body";
        }
    }
    EXPECT_EQ(catalog().find("sternum")->body, "thorax");
    EXPECT_EQ(catalog().find("cervical_spine")->body, "neck");
    EXPECT_EQ(catalog().find("skull")->body, "head");
    EXPECT_EQ(catalog().find("scapula_l")->body, "scapula_l");
}

// Spot checks of facts the story depends on (Moore 8th ed.; Gray's 42nd ed.).
TEST_F(ShippedCatalog, KeyAnatomyFacts) {
    const auto en = [&](const char* id, const LocalizedText Structure::*field) {
        const auto* s = catalog().find(id);
        return s == nullptr ? std::string() : std::string(localized(s->*field, "en"));
    };
    EXPECT_NE(en("pec_minor_r", &Structure::origin).find("3rd–5th ribs"), std::string::npos);
    EXPECT_NE(en("pec_minor_r", &Structure::insertion).find("coracoid"), std::string::npos);
    EXPECT_NE(en("pec_minor_r", &Structure::innervation).find("Medial pectoral nerve (C8, T1)"), std::string::npos);
    EXPECT_NE(en("rhomboid_major_l", &Structure::origin).find("T2–T5"), std::string::npos);
    EXPECT_NE(en("rhomboid_major_l", &Structure::innervation).find("Dorsal scapular nerve (C4, C5)"),
              std::string::npos);
    EXPECT_NE(en("trapezius_middle_r", &Structure::innervation).find("CN XI"), std::string::npos);
    EXPECT_NE(en("serratus_anterior_r", &Structure::innervation).find("Long thoracic nerve (C5, C6, C7)"),
              std::string::npos);
    EXPECT_NE(en("deltoid_posterior_r", &Structure::innervation).find("Axillary nerve (C5, C6)"), std::string::npos);
    EXPECT_NE(en("sternocleidomastoid_l", &Structure::innervation).find("C2, C3"), std::string::npos);
    EXPECT_NE(en("levator_scapulae_r", &Structure::innervation).find("Dorsal scapular nerve (C5)"), std::string::npos);
}

TEST_F(ShippedCatalog, PectoralTriggerPointsCarryTheAnginaCaution) {
    for (const char* base : {"pec_major_clavicular", "pec_major_sternal", "pec_major_costal", "pec_minor"}) {
        for (const char* suffix : {"_r", "_l"}) {
            const auto* s = catalog().find(std::string(base) + suffix);
            ASSERT_NE(s, nullptr) << base << suffix;
            EXPECT_FALSE(s->trigger_points.empty()) << s->id;
            for (const auto& point : s->trigger_points) {
                for (const auto& language : catalog().languages()) {
                    EXPECT_FALSE(localized(point.location, language).empty()) << s->id;
                    EXPECT_FALSE(localized(point.referral, language).empty()) << s->id;
                }
            }
            EXPECT_NE(localized(s->caution, "en").find("angina"), std::string::npos) << s->id;
            EXPECT_NE(localized(s->caution, "es").find("angina"), std::string::npos) << s->id;
            EXPECT_NE(localized(s->caution, "en").find("doctor"), std::string::npos) << s->id;
        }
    }
    EXPECT_EQ(catalog().find("pec_minor_r")->trigger_points.size(), 2u);  // near the coracoid, over ribs 3-5
}

TEST_F(ShippedCatalog, TravellAndSimonsCitedForTriggerPoints) {
    for (const auto& s : catalog()) {
        if (s.trigger_points.empty()) continue;
        bool cited = false;
        for (const auto& source : s.sources) cited |= source.find("Travell") != std::string::npos;
        EXPECT_TRUE(cited) << s.id;
    }
}

// Source keys resolve to full citations; an unresolved key (a typo) would show up here as a short string.
TEST_F(ShippedCatalog, SourcesAreFullCitations) {
    for (const auto& s : catalog()) {
        EXPECT_FALSE(s.sources.empty()) << s.id;
        for (const auto& source : s.sources) {
            EXPECT_GT(source.size(), 40u) << s.id << ": source '" << source << "' is not a known citation key";
        }
    }
}

// The committed file stays readable: 2-space indent, UTF-8 text, trailing newline.
TEST_F(ShippedCatalog, FileIsWellFormatted) {
    std::ifstream in(test::source_path("assets/anatomy/catalog.json"), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(text.find('\t'), std::string::npos);
    EXPECT_NE(text.find("\n  \"schema_version\": 1"), std::string::npos);
    EXPECT_NE(text.find("\"languages\""), std::string::npos);
}

}  // namespace
}  // namespace myoview::anatomy
