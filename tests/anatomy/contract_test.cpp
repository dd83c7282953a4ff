// The id contract as the product uses it (engine/sim's kMuscleIds and kBodyIds, which the simulation binds the MJCF
// by at run time) agrees with assets/anatomy/README.md, the contract's home, and with tools/bake/structures.tsv, the
// bake's list of meshes; the test's own copy (contract_ids.h) is checked against the same README.

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/sim/tissue.h"

namespace myoview::anatomy {
namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Snake_case ids in backticks between two markers of the README.
std::set<std::string> backticked_ids(const std::string& text, const std::string& from, const std::string& to) {
    std::set<std::string> ids;
    const auto begin = text.find(from);
    const auto end = text.find(to, begin == std::string::npos ? 0 : begin);
    if (begin == std::string::npos || end == std::string::npos) return ids;
    const std::string section = text.substr(begin, end - begin);
    const std::regex token("`([a-z][a-z0-9_]*)`");
    for (auto it = std::sregex_iterator(section.begin(), section.end(), token); it != std::sregex_iterator(); ++it) {
        ids.insert((*it)[1].str());
    }
    return ids;
}

TEST(Contract, MuscleListMatchesTheReadme) {
    const std::string readme = read_text(test::source_path("assets/anatomy/README.md"));
    ASSERT_FALSE(readme.empty()) << "assets/anatomy/README.md missing";
    const auto from_readme = backticked_ids(readme, "Muscles (MJCF", "Skin (");
    const std::set<std::string> ours(test::kContractMuscles.begin(), test::kContractMuscles.end());
    EXPECT_EQ(from_readme, ours) << "tests/anatomy/contract_ids.h is out of date with assets/anatomy/README.md";
}

TEST(Contract, BodyListMatchesTheReadme) {
    const std::string readme = read_text(test::source_path("assets/anatomy/README.md"));
    ASSERT_FALSE(readme.empty()) << "assets/anatomy/README.md missing";
    const auto from_readme = backticked_ids(readme, "Bodies (MJCF", "Bone structures");
    const std::set<std::string> ours(test::kContractBodies.begin(), test::kContractBodies.end());
    EXPECT_EQ(from_readme, ours) << "tests/anatomy/contract_ids.h is out of date with assets/anatomy/README.md";
}

TEST(Contract, TheSimulationsMuscleIdsAreTheReadmesAndTheBakesMuscles) {
    const std::string readme = read_text(test::source_path("assets/anatomy/README.md"));
    std::set<std::string> bases;    // the README lists each muscle once, without its side
    std::set<std::string> product;  // the actuators the simulation binds: <base>_r, <base>_l
    for (std::string_view base : sim::kMuscleIds) {
        bases.insert(std::string(base));
        for (sim::Side side : {sim::Side::kRight, sim::Side::kLeft}) {
            product.insert(std::string(base) + "_" + std::string(sim::side_suffix(side)));
        }
    }
    EXPECT_EQ(backticked_ids(readme, "Muscles (MJCF", "Skin ("), bases);
    // The bake's muscles: structures.tsv rows of kind "muscle".
    std::ifstream tsv(test::source_path("tools/bake/structures.tsv"));
    ASSERT_TRUE(tsv.good());
    std::set<std::string> baked;
    for (std::string line; std::getline(tsv, line);) {
        if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
        std::istringstream fields(line);
        std::string id, fma, kind;
        std::getline(fields, id, '\t');
        std::getline(fields, fma, '\t');
        std::getline(fields, kind, '\t');
        if (kind == "muscle") baked.insert(id);
    }
    EXPECT_EQ(baked, product) << "every baked muscle is simulated, and every simulated muscle is baked";
}

TEST(Contract, TheSimulationsBodyIdsAreTheReadmes) {
    const std::string readme = read_text(test::source_path("assets/anatomy/README.md"));
    const std::set<std::string> product(sim::kBodyIds.begin(), sim::kBodyIds.end());
    EXPECT_EQ(backticked_ids(readme, "Bodies (MJCF", "Bone structures"), product);
}

}  // namespace
}  // namespace myoview::anatomy
