// The test's copy of the id contract agrees with assets/anatomy/README.md, the contract's home (the structure ids
// are checked against tools/bake/structures.tsv in structures_tsv_test.cpp).

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "contract_ids.h"

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

}  // namespace
}  // namespace myoview::anatomy
