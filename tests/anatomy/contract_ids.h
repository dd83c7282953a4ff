#pragma once
// The id contract of assets/anatomy/README.md, written out for tests. contract_test.cpp checks the muscle list
// against the README so that this copy cannot drift silently.

#include <string>
#include <vector>

namespace myoview::anatomy::test {

inline const std::vector<std::string> kContractBodies = {
    "thorax", "neck", "head", "clavicle_r", "scapula_r", "humerus_r", "clavicle_l", "scapula_l", "humerus_l"};

inline const std::vector<std::string> kContractMidlineBones = {"sternum", "ribcage", "thoracic_spine", "cervical_spine",
                                                               "skull"};
inline const std::vector<std::string> kContractPairedBones = {"clavicle", "scapula", "humerus"};

// Base ids; each exists as <id>_r and <id>_l.
inline const std::vector<std::string> kContractMuscles = {
    "pec_major_clavicular", "pec_major_sternal", "pec_major_costal",    "pec_minor",
    "rhomboid_major",       "rhomboid_minor",    "trapezius_upper",     "trapezius_middle",
    "trapezius_lower",      "deltoid_anterior",  "deltoid_middle",      "deltoid_posterior",
    "levator_scapulae",     "serratus_anterior", "sternocleidomastoid", "splenius_capitis"};

inline std::vector<std::string> contract_muscle_ids() {
    std::vector<std::string> ids;
    for (const auto& base : kContractMuscles) {
        ids.push_back(base + "_r");
        ids.push_back(base + "_l");
    }
    return ids;
}

inline std::vector<std::string> contract_bone_ids() {
    std::vector<std::string> ids = kContractMidlineBones;
    for (const auto& base : kContractPairedBones) {
        ids.push_back(base + "_r");
        ids.push_back(base + "_l");
    }
    return ids;
}

// Every structure id of the contract: bones, muscles, skin.
inline std::vector<std::string> contract_structure_ids() {
    std::vector<std::string> ids = contract_bone_ids();
    for (auto& id : contract_muscle_ids()) ids.push_back(std::move(id));
    ids.push_back("skin");
    return ids;
}

inline std::string source_path(const std::string& relative) {
    return std::string(MYOVIEW_SOURCE_DIR) + "/" + relative;
}

}  // namespace myoview::anatomy::test
