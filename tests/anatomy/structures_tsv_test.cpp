// The catalog against tools/bake/structures.tsv, the list of structures the bake turns into meshes (one
// BodyParts3D part each): the same ids, kinds, sides and, for bones, the same MJCF body. The test's copy of the
// contract (contract_ids.h) agrees with it too.

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/anatomy/catalog.h"

namespace myoview::anatomy {
namespace {

constexpr const char* kStructuresTsv = "tools/bake/structures.tsv";

struct Row {
    std::string kind;  // bone | muscle
    std::string side;  // R | L | M
    std::string body;  // bones only
};

// id -> row; rows start after the '#' comments and the header line (id, fma_id, kind, side, body, file).
std::map<std::string, Row> read_structures(std::string& error) {
    std::ifstream in(test::source_path(kStructuresTsv));
    if (!in) {
        error = std::string(kStructuresTsv) + " is missing (the bake's structure list)";
        return {};
    }
    std::map<std::string, Row> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> cells;
        std::stringstream fields(line);
        for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
        if (header) {
            header = false;
            if (cells.size() < 5 || cells[0] != "id" || cells[2] != "kind" || cells[3] != "side" ||
                cells[4] != "body") {
                error = std::string(kStructuresTsv) + ": unexpected header: " + line;
                return {};
            }
            continue;
        }
        if (cells.size() < 5) {
            error = std::string(kStructuresTsv) + ": short row: " + line;
            return {};
        }
        rows[cells[0]] = Row{cells[2], cells[3], cells[4]};
    }
    if (rows.empty()) error = std::string(kStructuresTsv) + " has no rows";
    return rows;
}

class StructuresTsv : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string error;
        rows_ = read_structures(error);
        ASSERT_TRUE(error.empty()) << error;
        auto loaded = Catalog::load(test::source_path("assets/anatomy/catalog.json"));
        ASSERT_TRUE(loaded.has_value()) << loaded.error().full_text();
        catalog_ = std::move(loaded).value();
    }
    std::map<std::string, Row> rows_;
    Catalog catalog_;
};

TEST_F(StructuresTsv, EveryStructureHasACatalogEntry) {
    for (const auto& [id, row] : rows_) {
        const Structure* s = catalog_.find(id);
        ASSERT_NE(s, nullptr) << id << " (" << kStructuresTsv << ") has no catalog entry";
        EXPECT_EQ(std::string(to_string(s->kind)), row.kind) << id;
        const std::string side = row.side == "R" ? "right" : row.side == "L" ? "left" : "midline";
        EXPECT_EQ(std::string(to_string(s->side)), side) << id;
        if (row.kind == "bone") {
            EXPECT_EQ(s->body, row.body) << id << ": the catalog and the bake disagree";
        }
        for (const char* language : {"en", "es"}) {
            EXPECT_FALSE(localized(s->names, language).empty()) << id << " name/" << language;
        }
        EXPECT_FALSE(s->latin.empty()) << id;
    }
}

TEST_F(StructuresTsv, EveryCatalogEntryIsBakedExceptTheSkin) {
    for (const auto& s : catalog_) {
        if (s.kind == Kind::kSkin) continue;
        EXPECT_TRUE(rows_.contains(s.id)) << s.id << " is in the catalog but not in " << kStructuresTsv;
    }
}

TEST_F(StructuresTsv, AgreesWithTheTestsContract) {
    std::set<std::string> from_tsv;
    for (const auto& [id, row] : rows_) from_tsv.insert(id);
    std::set<std::string> contract;
    for (const auto& id : test::contract_bone_ids()) contract.insert(id);
    for (const auto& id : test::contract_muscle_ids()) contract.insert(id);
    EXPECT_EQ(from_tsv, contract) << "tests/anatomy/contract_ids.h is out of date with " << kStructuresTsv;
    for (const auto& [id, row] : rows_) {
        if (row.kind == "bone") {
            EXPECT_EQ(test::contract_bone_body(id), row.body) << id;
        }
    }
}

}  // namespace
}  // namespace myoview::anatomy
