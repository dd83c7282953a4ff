// The shipped catalog (assets/anatomy/catalog.json): it loads, covers the id contract, its text is complete in
// both languages, and the facts a review checked against Moore (8th ed.), Gray's (42nd ed.) and the evidence in
// ../shared/REFERENCES.md stay corrected.

#include <cctype>
#include <fstream>
#include <map>
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

    // The structure with this id; fails the test (and returns a blank one) when it is missing.
    static const Structure& get(const std::string& id) {
        static const Structure kMissing;
        const Structure* s = catalog_->find(id);
        EXPECT_NE(s, nullptr) << "catalog has no entry '" << id << "'";
        return s == nullptr ? kMissing : *s;
    }

    static Catalog* catalog_;
    static std::string* load_error_;
};

Catalog* ShippedCatalog::catalog_ = nullptr;
std::string* ShippedCatalog::load_error_ = nullptr;

std::string base_id(const std::string& id) {
    return id.substr(0, id.size() - 2);
}

std::string text(const LocalizedText& t, const char* language) {
    return std::string(localized(t, language));
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Every text of a structure in one language, for wording checks.
std::vector<std::string> all_texts(const Structure& s, const char* language) {
    std::vector<std::string> out;
    for (const auto* field : {&s.names, &s.origin, &s.insertion, &s.action, &s.innervation, &s.patient_line,
                              &s.caution, &s.notes}) {
        if (field->contains(language)) out.push_back(field->at(language));
    }
    for (const auto& point : s.trigger_points) {
        out.push_back(text(point.location, language));
        out.push_back(text(point.referral, language));
    }
    return out;
}

TEST_F(ShippedCatalog, Loads) {
    EXPECT_EQ(catalog().schema_version(), kCatalogSchemaVersion);
    EXPECT_EQ(catalog().size(), contract_structure_ids().size());
    EXPECT_EQ(test::contract_bone_ids().size(), test::kContractBoneCount);
    EXPECT_EQ(test::kContractMuscles.size(), test::kContractMusclesPerSide);
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
    std::size_t bones = 0, muscles = 0;
    for (const auto& s : catalog()) {
        bones += s.kind == Kind::kBone;
        muscles += s.kind == Kind::kMuscle;
    }
    EXPECT_EQ(bones, test::kContractBoneCount);
    EXPECT_EQ(muscles, 2 * test::kContractMusclesPerSide);
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
    const auto& skin = get("skin");
    EXPECT_EQ(skin.kind, Kind::kSkin);
    EXPECT_EQ(skin.layer, Layer::kSkin);
    EXPECT_EQ(skin.side, Side::kMidline);
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

// Left and right share every text. Bone names say their side ("Fourth rib (right)", "Costilla 4.ª derecha");
// muscle names do not (their labels sit beside their side of the figure).
TEST_F(ShippedCatalog, LeftAndRightShareTheirText) {
    const auto to_left = [](std::string name) {
        for (const auto& [from, to] : std::map<std::string, std::string>{{"(right)", "(left)"},
                                                                         {"derecha", "izquierda"},
                                                                         {"derecho", "izquierdo"}}) {
            if (const auto at = name.find(from); at != std::string::npos) name.replace(at, from.size(), to);
        }
        return name;
    };
    for (const auto& s : catalog()) {
        if (s.side != Side::kRight) continue;
        const auto* left = catalog().find(base_id(s.id) + "_l");
        ASSERT_NE(left, nullptr) << s.id;
        if (s.kind == Kind::kBone) {
            for (const char* language : {"en", "es"}) {
                EXPECT_EQ(to_left(text(s.names, language)), text(left->names, language)) << s.id << "/" << language;
            }
        } else {
            EXPECT_EQ(s.names, left->names) << s.id;
        }
        EXPECT_EQ(s.latin, left->latin) << s.id;
        EXPECT_EQ(s.origin, left->origin) << s.id;
        EXPECT_EQ(s.insertion, left->insertion) << s.id;
        EXPECT_EQ(s.action, left->action) << s.id;
        EXPECT_EQ(s.innervation, left->innervation) << s.id;
        EXPECT_EQ(s.patient_line, left->patient_line) << s.id;
        EXPECT_EQ(s.caution, left->caution) << s.id;
        EXPECT_EQ(s.notes, left->notes) << s.id;
        EXPECT_EQ(s.layer, left->layer) << s.id;
        EXPECT_EQ(s.group, left->group) << s.id;
        EXPECT_EQ(s.sources, left->sources) << s.id;
        EXPECT_EQ(s.trigger_points.size(), left->trigger_points.size()) << s.id;
        ASSERT_EQ(s.spans.size(), left->spans.size()) << s.id;
        for (std::size_t i = 0; i < s.spans.size(); ++i) {
            const std::string& r = s.spans[i];
            const std::string& l = left->spans[i];
            EXPECT_EQ(r.ends_with("_r") ? base_id(r) + "_l" : r, l) << s.id;
        }
        EXPECT_EQ(s.body.ends_with("_r") ? base_id(s.body) + "_l" : s.body, left->body) << s.id;
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

// Every id of tools/bake/structures.tsv has English and Spanish names, TA2 Latin, a patient line and sources.
TEST_F(ShippedCatalog, EveryStructureHasNamesLatinAndSources) {
    for (const auto& id : contract_structure_ids()) {
        const auto& s = get(id);
        EXPECT_TRUE(s.names.contains("en") && !s.names.at("en").empty()) << id;
        EXPECT_TRUE(s.names.contains("es") && !s.names.at("es").empty()) << id;
        EXPECT_FALSE(s.latin.empty()) << id;
        EXPECT_FALSE(s.sources.empty()) << id;
    }
}

TEST_F(ShippedCatalog, SpanishNamesDifferFromEnglish) {
    for (const auto& s : catalog()) {
        EXPECT_NE(s.name("es"), s.name("en")) << s.id << ": the Spanish name is a copy of the English one";
    }
}

TEST_F(ShippedCatalog, NameFallsBackToEnglish) {
    const auto& pec = get("pec_minor_r");
    EXPECT_EQ(pec.name("en"), "Pectoralis minor");
    EXPECT_EQ(pec.name("es"), "Pectoral menor");
    EXPECT_EQ(pec.name("xx"), "Pectoralis minor");
}

TEST_F(ShippedCatalog, EveryMuscleHasAnatomyText) {
    // Root levels: "C5", "T1", or the spinal accessory nerve (CN XI / XI par craneal).
    const std::regex root_level_en(R"((\b[CT][1-8]\b)|(CN XI))");
    const std::regex root_level_es(R"((\b[CT][1-8]\b)|(XI par craneal))");
    const std::set<std::string> bodies(test::kContractBodies.begin(), test::kContractBodies.end());
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kMuscle) continue;
        for (const auto& language : catalog().languages()) {
            for (const auto* field : {&s.origin, &s.insertion, &s.action, &s.innervation}) {
                ASSERT_TRUE(field->contains(language)) << s.id << "/" << language;
                EXPECT_GT(field->at(language).size(), 10u) << s.id << "/" << language;
            }
        }
        EXPECT_TRUE(std::regex_search(s.innervation.at("en"), root_level_en))
            << s.id << ": innervation names no root level: " << s.innervation.at("en");
        EXPECT_TRUE(std::regex_search(s.innervation.at("es"), root_level_es))
            << s.id << ": Spanish innervation names no root level: " << s.innervation.at("es");
        EXPECT_TRUE(s.latin.starts_with("Musculus ")) << s.id << ": " << s.latin;
        EXPECT_FALSE(s.group.empty()) << s.id;
        EXPECT_TRUE(s.layer == Layer::kSuperficial || s.layer == Layer::kDeep) << s.id;
        ASSERT_EQ(s.spans.size(), 2u) << s.id << ": spans should name origin and insertion bodies";
        EXPECT_NE(s.spans[0], s.spans[1]) << s.id << ": a muscle spans two bodies";
        for (const auto& span : s.spans) EXPECT_TRUE(bodies.contains(span)) << s.id << ": span " << span;
        EXPECT_FALSE(s.sources.empty()) << s.id;
    }
}

// The MJCF bodies of origin and insertion, right side (the left mirrors them).
TEST_F(ShippedCatalog, MuscleSpansFollowTheirAttachments) {
    const std::map<std::string, std::pair<std::string, std::string>> expected = {
        {"pec_major_clavicular", {"clavicle_r", "humerus_r"}}, {"pec_major_sternal", {"thorax", "humerus_r"}},
        {"pec_major_costal", {"thorax", "humerus_r"}},         {"pec_minor", {"thorax", "scapula_r"}},
        {"rhomboid_major", {"thorax", "scapula_r"}},           {"rhomboid_minor", {"thorax", "scapula_r"}},
        {"trapezius_upper", {"neck", "clavicle_r"}},           {"trapezius_middle", {"thorax", "scapula_r"}},
        {"trapezius_lower", {"thorax", "scapula_r"}},          {"deltoid_anterior", {"clavicle_r", "humerus_r"}},
        {"deltoid_middle", {"scapula_r", "humerus_r"}},        {"deltoid_posterior", {"scapula_r", "humerus_r"}},
        {"levator_scapulae", {"neck", "scapula_r"}},           {"serratus_anterior", {"thorax", "scapula_r"}},
        {"sternocleidomastoid", {"thorax", "head"}},           {"splenius_capitis", {"thorax", "head"}},
        {"splenius_cervicis", {"thorax", "neck"}},             {"supraspinatus", {"scapula_r", "humerus_r"}},
        {"infraspinatus", {"scapula_r", "humerus_r"}},         {"teres_minor", {"scapula_r", "humerus_r"}},
        {"teres_major", {"scapula_r", "humerus_r"}},           {"subscapularis", {"scapula_r", "humerus_r"}},
        {"latissimus_dorsi", {"thorax", "humerus_r"}},         {"subclavius", {"thorax", "clavicle_r"}},
    };
    ASSERT_EQ(expected.size(), test::kContractMuscles.size());
    for (const auto& [base, spans] : expected) {
        const auto& s = get(base + "_r");
        ASSERT_EQ(s.spans.size(), 2u) << base;
        EXPECT_EQ(s.spans[0], spans.first) << base;
        EXPECT_EQ(s.spans[1], spans.second) << base;
    }
}

// Deep or superficial as a dissector sees them from outside.
TEST_F(ShippedCatalog, MuscleLayersAsADissectorSeesThem) {
    for (const char* base : {"supraspinatus", "infraspinatus", "teres_minor", "subscapularis", "pec_minor",
                             "rhomboid_major", "rhomboid_minor", "levator_scapulae", "splenius_capitis",
                             "splenius_cervicis", "serratus_anterior", "subclavius"}) {
        EXPECT_EQ(get(std::string(base) + "_r").layer, Layer::kDeep) << base;
    }
    for (const char* base : {"latissimus_dorsi", "teres_major", "pec_major_clavicular", "pec_major_sternal",
                             "pec_major_costal", "trapezius_upper", "trapezius_middle", "trapezius_lower",
                             "deltoid_anterior", "deltoid_middle", "deltoid_posterior", "sternocleidomastoid"}) {
        EXPECT_EQ(get(std::string(base) + "_r").layer, Layer::kSuperficial) << base;
    }
}

TEST_F(ShippedCatalog, BonesNameTheirBody) {
    const std::set<std::string> bodies(test::kContractBodies.begin(), test::kContractBodies.end());
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kBone) continue;
        EXPECT_EQ(s.layer, Layer::kBone) << s.id;
        EXPECT_TRUE(bodies.contains(s.body)) << s.id << ": body '" << s.body << "' is not a contract body";
        EXPECT_EQ(s.body, test::contract_bone_body(s.id)) << s.id;
        EXPECT_TRUE(s.spans.empty()) << s.id;
    }
    EXPECT_EQ(get("manubrium").body, "thorax");
    EXPECT_EQ(get("vertebra_c7").body, "neck");
    EXPECT_EQ(get("vertebra_t1").body, "thorax");
    EXPECT_EQ(get("hyoid").body, "neck");
    EXPECT_EQ(get("occipital_bone").body, "head");
    EXPECT_EQ(get("scapula_l").body, "scapula_l");
    EXPECT_EQ(get("radius_r").body, "forearm_r");
    EXPECT_EQ(get("ulna_l").body, "forearm_l");
}

TEST_F(ShippedCatalog, BonesCiteTheAnatomyTexts) {
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kBone) continue;
        std::string all;
        for (const auto& source : s.sources) all += source + "\n";
        EXPECT_TRUE(contains(all, "Gray's Anatomy")) << s.id;
        EXPECT_TRUE(contains(all, "Clinically Oriented Anatomy")) << s.id;
        EXPECT_TRUE(contains(all, "Terminologia Anatomica")) << s.id;
    }
}

TEST_F(ShippedCatalog, PairedBoneNamesSayTheirSide) {
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kBone) continue;
        const std::string en = text(s.names, "en"), es = text(s.names, "es");
        const bool right_en = contains(en, "(right)"), left_en = contains(en, "(left)");
        const bool right_es = contains(es, "derech"), left_es = contains(es, "izquierd");
        EXPECT_EQ(right_en, s.side == Side::kRight) << s.id << ": " << en;
        EXPECT_EQ(left_en, s.side == Side::kLeft) << s.id << ": " << en;
        EXPECT_EQ(right_es, s.side == Side::kRight) << s.id << ": " << es;
        EXPECT_EQ(left_es, s.side == Side::kLeft) << s.id << ": " << es;
    }
}

// "Fourth rib (right)" / "Costilla 4.ª derecha"; "Fourth costal cartilage (left)" / "Cartílago costal 4.º izquierdo".
TEST_F(ShippedCatalog, RibAndCartilageNamesReadNaturally) {
    const char* ordinals[] = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth",
                              "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"};
    for (int n = 1; n <= 12; ++n) {
        const std::string num = std::to_string(n);
        EXPECT_EQ(text(get("rib_" + num + "_r").names, "en"), std::string(ordinals[n - 1]) + " rib (right)");
        EXPECT_EQ(text(get("rib_" + num + "_l").names, "en"), std::string(ordinals[n - 1]) + " rib (left)");
        EXPECT_EQ(text(get("rib_" + num + "_r").names, "es"), "Costilla " + num + ".ª derecha");
        EXPECT_EQ(text(get("rib_" + num + "_l").names, "es"), "Costilla " + num + ".ª izquierda");
        if (n > 10) continue;
        EXPECT_EQ(text(get("costal_cartilage_" + num + "_r").names, "en"),
                  std::string(ordinals[n - 1]) + " costal cartilage (right)");
        EXPECT_EQ(text(get("costal_cartilage_" + num + "_l").names, "es"), "Cartílago costal " + num + ".º izquierdo");
    }
    EXPECT_EQ(text(get("vertebra_c7").names, "en"), "Seventh cervical vertebra (C7, vertebra prominens)");
    EXPECT_EQ(text(get("vertebra_t4").names, "es"), "Cuarta vértebra torácica (T4)");
}

// What a teacher points at (Moore 8th ed.): scapular landmarks, the sternal angle, vertebra prominens, the scalene
// tubercle.
TEST_F(ShippedCatalog, BonesCarryTeachingLandmarks) {
    const auto has_all = [&](const std::string& id, const char* language, std::vector<std::string> words) {
        const std::string notes = text(get(id).notes, language);
        for (const auto& word : words) EXPECT_TRUE(contains(notes, word)) << id << "/" << language << ": " << word;
    };
    has_all("scapula_r", "en", {"acromion", "coracoid", "glenoid", "spine of the scapula", "inferior angle",
                                "superior angle"});
    has_all("scapula_l", "es", {"acromion", "coracoides", "glenoidea", "espina", "ángulo superior", "inferior"});
    has_all("manubrium", "en", {"jugular", "sternal angle", "2nd costal cartilage", "T4/T5"});
    has_all("manubrium", "es", {"escotadura yugular", "ángulo esternal", "T4/T5"});
    has_all("sternum_body", "en", {"sternal angle", "xiphisternal"});
    has_all("xiphoid_process", "en", {"xiphisternal", "T9"});
    has_all("vertebra_c7", "en", {"vertebra prominens"});
    has_all("vertebra_c7", "es", {"vértebra prominente"});
    has_all("vertebra_c2", "en", {"dens"});
    has_all("rib_1_r", "en", {"scalene tubercle", "subclavian"});
    has_all("rib_1_l", "es", {"tubérculo del escaleno"});
    has_all("rib_2_r", "en", {"sternal angle"});
    has_all("clavicle_r", "en", {"conoid tubercle", "subclavius"});
    has_all("humerus_l", "en", {"greater tubercle", "lesser tubercle", "intertubercular"});
    has_all("occipital_bone", "en", {"external occipital protuberance", "superior nuchal line"});
    has_all("temporal_bone_r", "en", {"mastoid process"});
    for (const auto& s : catalog()) {
        if (s.kind != Kind::kBone) continue;
        EXPECT_FALSE(text(s.notes, "en").empty()) << s.id << " has no landmarks";
        EXPECT_FALSE(text(s.notes, "es").empty()) << s.id << " has no Spanish landmarks";
    }
}

// Spot checks of attachments and nerves (Moore 8th ed. Tables 3.2, 3.4, 3.5; Gray's 42nd ed.).
TEST_F(ShippedCatalog, KeyAnatomyFacts) {
    const auto en = [&](const std::string& id, const LocalizedText Structure::*field) {
        return text(get(id).*field, "en");
    };
    EXPECT_TRUE(contains(en("pec_minor_r", &Structure::origin), "3rd–5th ribs"));
    EXPECT_TRUE(contains(en("pec_minor_r", &Structure::insertion), "coracoid"));
    EXPECT_TRUE(contains(en("pec_minor_r", &Structure::innervation), "Medial pectoral nerve (C8, T1)"));
    EXPECT_TRUE(contains(en("rhomboid_major_l", &Structure::origin), "T2–T5"));
    EXPECT_TRUE(contains(en("rhomboid_major_l", &Structure::innervation), "Dorsal scapular nerve (C4, C5)"));
    EXPECT_TRUE(contains(en("trapezius_middle_r", &Structure::innervation), "CN XI"));
    EXPECT_TRUE(contains(en("serratus_anterior_r", &Structure::innervation), "Long thoracic nerve (C5, C6, C7)"));
    EXPECT_TRUE(contains(en("deltoid_posterior_r", &Structure::innervation), "Axillary nerve (C5, C6)"));
    EXPECT_TRUE(contains(en("sternocleidomastoid_l", &Structure::innervation), "C2, C3"));
    EXPECT_TRUE(contains(en("levator_scapulae_r", &Structure::innervation), "Dorsal scapular nerve (C5)"));
    EXPECT_TRUE(contains(en("pec_major_clavicular_r", &Structure::innervation), "C5, C6"));
    EXPECT_TRUE(contains(en("pec_major_sternal_r", &Structure::innervation), "C7, C8, T1"));
    // The new muscles.
    EXPECT_TRUE(contains(en("supraspinatus_r", &Structure::origin), "Supraspinous fossa"));
    EXPECT_TRUE(contains(en("supraspinatus_r", &Structure::insertion), "Superior facet of the greater tubercle"));
    EXPECT_TRUE(contains(en("supraspinatus_r", &Structure::action), "Initiates abduction"));
    EXPECT_TRUE(contains(en("supraspinatus_l", &Structure::innervation), "Suprascapular nerve (C4, C5, C6)"));
    EXPECT_TRUE(contains(en("infraspinatus_r", &Structure::insertion), "Middle facet of the greater tubercle"));
    EXPECT_TRUE(contains(en("infraspinatus_r", &Structure::action), "Laterally rotates"));
    EXPECT_TRUE(contains(en("infraspinatus_l", &Structure::innervation), "Suprascapular nerve (C5, C6)"));
    EXPECT_TRUE(contains(en("teres_minor_r", &Structure::insertion), "Inferior facet of the greater tubercle"));
    EXPECT_TRUE(contains(en("teres_minor_r", &Structure::innervation), "Axillary nerve (C5, C6)"));
    EXPECT_TRUE(contains(en("subscapularis_r", &Structure::insertion), "Lesser tubercle"));
    EXPECT_TRUE(contains(en("subscapularis_r", &Structure::action), "Medially rotates"));
    EXPECT_TRUE(contains(en("subscapularis_r", &Structure::innervation), "Upper and lower subscapular nerves"));
    EXPECT_TRUE(contains(en("teres_major_r", &Structure::origin), "inferior angle"));
    EXPECT_TRUE(contains(en("teres_major_r", &Structure::insertion), "Medial lip"));
    EXPECT_TRUE(contains(en("teres_major_r", &Structure::innervation), "Lower subscapular nerve (C5, C6)"));
    EXPECT_TRUE(contains(en("latissimus_dorsi_r", &Structure::origin), "thoracolumbar fascia"));
    EXPECT_TRUE(contains(en("latissimus_dorsi_r", &Structure::insertion), "Floor of the intertubercular sulcus"));
    EXPECT_TRUE(contains(en("latissimus_dorsi_r", &Structure::action), "Extends, adducts and medially rotates"));
    EXPECT_TRUE(contains(en("latissimus_dorsi_r", &Structure::innervation), "Thoracodorsal nerve (C6, C7, C8)"));
    EXPECT_TRUE(contains(en("subclavius_r", &Structure::origin), "1st rib"));
    EXPECT_TRUE(contains(en("subclavius_r", &Structure::insertion), "clavicle"));
    EXPECT_TRUE(contains(en("subclavius_r", &Structure::innervation), "Nerve to subclavius (C5, C6)"));
    EXPECT_TRUE(contains(en("splenius_cervicis_r", &Structure::origin), "T3–T6"));
    EXPECT_TRUE(contains(en("splenius_cervicis_r", &Structure::insertion), "C1–C3"));
    // Rotator cuff: the four muscles say so; teres major says it is not one.
    for (const char* base : {"supraspinatus", "infraspinatus", "teres_minor", "subscapularis"}) {
        EXPECT_TRUE(contains(en(std::string(base) + "_r", &Structure::action), "rotator cuff")) << base;
    }
    EXPECT_TRUE(contains(en("teres_major_r", &Structure::patient_line), "not part of the rotator cuff"));
}

// BodyParts3D's parts of pectoralis major (TA2): the sternal id is the sternocostal part, the costal id the
// abdominal part.
TEST_F(ShippedCatalog, PectoralisMajorPartsAreNamedAsTheData) {
    EXPECT_EQ(get("pec_major_sternal_r").name("en"), "Pectoralis major, sternocostal part");
    EXPECT_EQ(get("pec_major_sternal_l").name("es"), "Pectoral mayor, porción esternocostal");
    EXPECT_EQ(get("pec_major_costal_r").name("en"), "Pectoralis major, abdominal part");
    EXPECT_EQ(get("pec_major_costal_l").name("es"), "Pectoral mayor, porción abdominal");
    EXPECT_EQ(get("pec_major_clavicular_r").latin, "Musculus pectoralis major, pars clavicularis");
    EXPECT_EQ(get("pec_major_sternal_r").latin, "Musculus pectoralis major, pars sternocostalis");
    EXPECT_EQ(get("pec_major_costal_r").latin, "Musculus pectoralis major, pars abdominalis");
    EXPECT_TRUE(contains(text(get("pec_major_costal_r").origin, "en"), "external oblique"));
    EXPECT_EQ(get("trapezius_upper_r").latin, "Musculus trapezius, pars descendens");
    EXPECT_EQ(get("trapezius_middle_r").latin, "Musculus trapezius, pars transversa");
    EXPECT_EQ(get("trapezius_lower_r").latin, "Musculus trapezius, pars ascendens");
    EXPECT_EQ(get("deltoid_anterior_r").latin, "Musculus deltoideus, pars clavicularis");
    EXPECT_EQ(get("deltoid_middle_r").latin, "Musculus deltoideus, pars acromialis");
    EXPECT_EQ(get("deltoid_posterior_r").latin, "Musculus deltoideus, pars spinalis");
}

// Review: the clavicular part flexes, adducts and medially rotates the arm, horizontal adduction a main action;
// it cannot pull the shoulder girdle forward and down.
TEST_F(ShippedCatalog, ClavicularPectoralisMajorActsOnTheArm) {
    const auto& s = get("pec_major_clavicular_r");
    const std::string action = text(s.action, "en");
    for (const char* word : {"Flexes the arm", "extension", "adducts", "medially rotates", "Horizontal adduction",
                             "main"}) {
        EXPECT_TRUE(contains(action, word)) << word << " in: " << action;
    }
    for (const std::string& line : {action, text(s.patient_line, "en")}) {
        EXPECT_FALSE(contains(line, "forward and down")) << line;
        EXPECT_FALSE(contains(line, "shoulder girdle")) << line;
        EXPECT_FALSE(contains(line, "shoulder forward")) << line;
    }
    const std::string accion = text(s.action, "es");
    EXPECT_TRUE(contains(accion, "aducción horizontal")) << accion;
    for (const std::string& line : {accion, text(s.patient_line, "es")}) {
        EXPECT_FALSE(contains(line, "hacia delante y hacia abajo")) << line;
        EXPECT_FALSE(contains(line, "cintura escapular")) << line;
    }
}

// Review: the posterior deltoid extends, laterally rotates and horizontally abducts the arm; it cannot hold the
// scapula back.
TEST_F(ShippedCatalog, PosteriorDeltoidActsOnTheArm) {
    const auto& s = get("deltoid_posterior_l");
    const std::string action = text(s.action, "en");
    for (const char* word : {"Extends", "laterally rotates", "horizontal abduction"}) {
        EXPECT_TRUE(contains(action, word)) << word << " in: " << action;
    }
    for (const std::string& line : {action, text(s.patient_line, "en")}) {
        EXPECT_FALSE(contains(lower(line), "scapula")) << line;
        EXPECT_FALSE(contains(lower(line), "shoulder blade")) << line;
        EXPECT_FALSE(contains(lower(line), "resist")) << line;
    }
    for (const std::string& line : {text(s.action, "es"), text(s.patient_line, "es")}) {
        EXPECT_FALSE(contains(line, "escápula")) << line;
        EXPECT_FALSE(contains(line, "omóplato")) << line;
    }
}

// Review: rhomboid minor inserts at the root of the scapular spine.
TEST_F(ShippedCatalog, RhomboidMinorInsertsAtTheRootOfTheSpine) {
    const auto& s = get("rhomboid_minor_r");
    EXPECT_TRUE(contains(text(s.insertion, "en"), "Medial border of the scapula")) << text(s.insertion, "en");
    EXPECT_TRUE(contains(text(s.insertion, "en"), "root of the spine")) << text(s.insertion, "en");
    EXPECT_TRUE(contains(text(s.insertion, "es"), "raíz de la espina")) << text(s.insertion, "es");
    EXPECT_TRUE(contains(text(get("rhomboid_major_r").insertion, "en"), "inferior angle"));
}

// Review: the upper trapezius' origin and actions.
TEST_F(ShippedCatalog, UpperTrapeziusOriginAndActions) {
    const auto& s = get("trapezius_upper_r");
    for (const char* word : {"superior nuchal line", "external occipital protuberance", "nuchal ligament"}) {
        EXPECT_TRUE(contains(text(s.origin, "en"), word)) << word;
    }
    for (const char* word : {"línea nucal superior", "protuberancia occipital externa", "ligamento nucal"}) {
        EXPECT_TRUE(contains(text(s.origin, "es"), word)) << word;
    }
    EXPECT_TRUE(contains(text(s.insertion, "en"), "lateral third of the clavicle"));
    const std::string action = text(s.action, "en");
    for (const char* word : {"Elevates the shoulder girdle", "lateral third of the clavicle", "rotates the scapula "
                             "upward", "lower", "Bilaterally, extends the head and neck", "to the same side",
                             "face to the opposite side"}) {
        EXPECT_TRUE(contains(action, word)) << word << " in: " << action;
    }
    const std::string accion = text(s.action, "es");
    for (const char* word : {"Eleva la cintura escapular", "tercio lateral de la clavícula", "rotación ascendente",
                             "extiende la cabeza y el cuello", "mismo lado", "cara hacia el lado opuesto"}) {
        EXPECT_TRUE(contains(accion, word)) << word << " in: " << accion;
    }
}

// Review: the sternum is not "where the chest muscles start" (pectoralis minor starts on ribs 3-5).
TEST_F(ShippedCatalog, SternumPartsAreNotWhereTheChestMusclesStart) {
    for (const char* id : {"manubrium", "sternum_body", "xiphoid_process"}) {
        const std::string en = lower(text(get(id).patient_line, "en"));
        const std::string es = lower(text(get(id).patient_line, "es"));
        for (const char* word : {"chest muscle", "pectoral", "start", "origin"}) {
            EXPECT_FALSE(contains(en, word)) << id << ": " << en;
        }
        for (const char* word : {"pectoral", "músculos del pecho", "empiezan", "se originan"}) {
            EXPECT_FALSE(contains(es, word)) << id << ": " << es;
        }
    }
    EXPECT_FALSE(contains(lower(text(get("pec_minor_r").origin, "en")), "stern"));
    EXPECT_FALSE(contains(lower(text(get("pec_minor_r").origin, "es")), "estern"));
    EXPECT_TRUE(contains(text(get("rib_4_r").patient_line, "en"), "Pectoralis minor"));
}

// Review of the Spanish: muscles arise ("se originan") or attach ("se fijan") on the ribs, never "se insertan";
// transitive "deprime" / "hace descender", not "desciende la"; "rotación descendente"; "XI par craneal".
TEST_F(ShippedCatalog, SpanishWording) {
    const std::regex intransitive(R"(\b[Dd]esciende (la|el|los|las)\b)");
    for (const auto& s : catalog()) {
        for (const auto& line : all_texts(s, "es")) {
            EXPECT_FALSE(contains(line, "rotación inferior")) << s.id << ": " << line;
            EXPECT_FALSE(contains(line, "NC XI")) << s.id << ": " << line;
            EXPECT_FALSE(std::regex_search(line, intransitive)) << s.id << ": " << line;
        }
        if (s.id.starts_with("rib_") || s.id.starts_with("costal_cartilage_")) {
            EXPECT_FALSE(contains(text(s.patient_line, "es"), "se inserta")) << s.id;
        }
        if (s.kind == Kind::kMuscle && contains(text(s.innervation, "en"), "CN XI")) {
            EXPECT_TRUE(contains(text(s.innervation, "es"), "XI par craneal")) << s.id;
        }
    }
    for (const char* id : {"rhomboid_major_r", "rhomboid_minor_r", "levator_scapulae_r"}) {
        EXPECT_TRUE(contains(text(get(id).action, "es"), "rotación descendente")) << id;
        EXPECT_TRUE(contains(text(get(id).action, "en"), "downward rotation")) << id;
    }
    EXPECT_TRUE(contains(text(get("trapezius_lower_r").action, "es"), "Deprime"));
    EXPECT_TRUE(contains(text(get("rib_4_r").patient_line, "es"), "se originan"));
}

TEST_F(ShippedCatalog, PectoralTriggerPointsCarryTheAnginaCaution) {
    for (const char* base : {"pec_major_clavicular", "pec_major_sternal", "pec_major_costal", "pec_minor"}) {
        for (const char* suffix : {"_r", "_l"}) {
            const auto& s = get(std::string(base) + suffix);
            EXPECT_FALSE(s.trigger_points.empty()) << s.id;
            for (const auto& point : s.trigger_points) {
                for (const auto& language : catalog().languages()) {
                    EXPECT_FALSE(localized(point.location, language).empty()) << s.id;
                    EXPECT_FALSE(localized(point.referral, language).empty()) << s.id;
                }
            }
            EXPECT_TRUE(contains(text(s.caution, "en"), "angina")) << s.id;
            EXPECT_TRUE(contains(text(s.caution, "es"), "angina")) << s.id;
            EXPECT_TRUE(contains(text(s.caution, "en"), "checked by a doctor first")) << s.id;
            EXPECT_TRUE(contains(text(s.caution, "es"), "médico")) << s.id;
        }
    }
    EXPECT_EQ(get("pec_minor_r").trigger_points.size(), 2u);  // near the coracoid, over ribs 3-5
}

// Referral maps are Travell & Simons', and a point "may" refer pain.
TEST_F(ShippedCatalog, ReferralTextsSayMayAndWhoseMapItIs) {
    std::size_t points = 0;
    for (const auto& s : catalog()) {
        for (const auto& point : s.trigger_points) {
            ++points;
            const std::string en = text(point.referral, "en"), es = text(point.referral, "es");
            EXPECT_TRUE(en.starts_with("May refer pain")) << s.id << ": " << en;
            EXPECT_TRUE(contains(en, "according to Travell & Simons")) << s.id << ": " << en;
            EXPECT_TRUE(es.starts_with("Puede referir dolor")) << s.id << ": " << es;
            EXPECT_TRUE(contains(es, "según Travell y Simons")) << s.id << ": " << es;
        }
    }
    EXPECT_GE(points, 10u);
}

// Referral to the ulnar fingers overlaps C8/T1 radiculopathy, thoracic outlet syndrome and ulnar neuropathy:
// numbness or weakness needs a medical check.
TEST_F(ShippedCatalog, UlnarFingerReferralCarriesTheNerveCaution) {
    std::set<std::string> with_ulnar_referral;
    for (const auto& s : catalog()) {
        bool ulnar = false;
        for (const auto& point : s.trigger_points) {
            const std::string en = text(point.referral, "en");
            ulnar |= contains(en, "little-finger") || contains(en, "little fingers") || contains(en, "ulnar three");
        }
        if (!ulnar) continue;
        with_ulnar_referral.insert(base_id(s.id));
        const std::string en = text(s.caution, "en"), es = text(s.caution, "es");
        for (const char* word : {"C8/T1", "radiculopathy", "thoracic outlet syndrome", "ulnar nerve",
                                 "Numbness or weakness needs a medical check"}) {
            EXPECT_TRUE(contains(en, word)) << s.id << ": " << word;
        }
        for (const char* word : {"C8/T1", "desfiladero torácico", "nervio cubital", "valoración médica"}) {
            EXPECT_TRUE(contains(es, word)) << s.id << ": " << word;
        }
    }
    EXPECT_TRUE(with_ulnar_referral.contains("pec_minor"));
    EXPECT_TRUE(with_ulnar_referral.contains("pec_major_sternal"));
}

// Breast pain or a lump is checked by a doctor first.
TEST_F(ShippedCatalog, BreastReferralCarriesTheBreastCaution) {
    std::set<std::string> with_breast_referral;
    for (const auto& s : catalog()) {
        bool breast = false;
        for (const auto& point : s.trigger_points) breast |= contains(text(point.referral, "en"), "breast");
        if (!breast) continue;
        with_breast_referral.insert(base_id(s.id));
        EXPECT_TRUE(contains(text(s.caution, "en"), "Breast pain or a lump is checked by a doctor first")) << s.id;
        EXPECT_TRUE(contains(text(s.caution, "es"), "mama")) << s.id;
        EXPECT_TRUE(contains(text(s.caution, "es"), "bulto")) << s.id;
    }
    EXPECT_TRUE(with_breast_referral.contains("pec_major_costal"));
}

// Honest claims (REFERENCES.md): a short pectoralis minor goes WITH rounded shoulders (Borstad & Ludewig 2005);
// that tight pecs cause forward head posture, or that the back muscles work all day against them, is not shown.
TEST_F(ShippedCatalog, PatientLinesMakeNoUnsupportedClaims) {
    for (const auto& s : catalog()) {
        const std::string en = lower(text(s.patient_line, "en"));
        for (const char* claim : {"all day", "overwork", "overstretch", "cause", "make the upper back ache",
                                  "push the head forward", "pushes the head", "forward head", "resist"}) {
            EXPECT_FALSE(contains(en, claim)) << s.id << ": " << en;
        }
        const std::string es = lower(text(s.patient_line, "es"));
        for (const char* claim : {"todo el día", "sobrecarg", "estiran de más", "causa", "cabeza adelantada"}) {
            EXPECT_FALSE(contains(es, claim)) << s.id << ": " << es;
        }
    }
    const auto& pec_minor = get("pec_minor_r");
    EXPECT_TRUE(contains(text(pec_minor.patient_line, "en"), "goes with"));
    EXPECT_TRUE(contains(text(pec_minor.patient_line, "es"), "va unido a"));
    bool borstad = false;
    for (const auto& source : pec_minor.sources) borstad |= contains(source, "Borstad");
    EXPECT_TRUE(borstad);
}

TEST_F(ShippedCatalog, TravellAndSimonsCitedForTriggerPoints) {
    for (const auto& s : catalog()) {
        if (s.trigger_points.empty()) continue;
        bool cited = false;
        for (const auto& source : s.sources) cited |= contains(source, "Travell");
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
    const std::string file = buffer.str();
    ASSERT_FALSE(file.empty());
    EXPECT_EQ(file.back(), '\n');
    EXPECT_EQ(file.find('\t'), std::string::npos);
    EXPECT_NE(file.find("\n  \"schema_version\": 1"), std::string::npos);
    EXPECT_NE(file.find("\"languages\""), std::string::npos);
}

}  // namespace
}  // namespace myoview::anatomy
