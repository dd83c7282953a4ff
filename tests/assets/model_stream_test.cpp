// The decoder of the child's result stream must survive anything a corrupted child could send.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>

#include "model_stream.h"
#include "myoview/assets/import.h"

namespace myoview::assets::detail {
namespace {

Model sample_model() {
    Model model;
    model.source_path = "sample.glb";
    Mesh mesh;
    mesh.name = "tri";
    mesh.node_name = "node";
    mesh.material_name = "skin";
    mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    mesh.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    mesh.uvs = {{0, 0}, {1, 0}, {0, 1}};
    mesh.indices = {0, 1, 2};
    mesh.lods = {{0, 1, 2}, {2, 1, 0}};
    mesh.bones = {Bone{"root", glm::mat4(2.0f)}};
    mesh.joints = {glm::uvec4(0), glm::uvec4(0), glm::uvec4(0)};
    mesh.weights = {{1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}};
    model.meshes.push_back(mesh);
    model.nodes.push_back(Node{"root", -1, glm::mat4(1.0f), {}});
    model.nodes.push_back(Node{"node", 0, glm::mat4(3.0f), {0}});
    model.bounds = compute_bounds(model);
    return model;
}

std::vector<char> encoded(const Model& model) {
    VectorSink sink;
    EXPECT_TRUE(encode_model(sink, model));
    return sink.bytes;
}

TEST(AssetsModelStreamTest, RoundTripsAModel) {
    const Model model = sample_model();
    const DecodedPayload payload = decode_payload(encoded(model));
    ASSERT_EQ(payload.kind, DecodedPayload::Kind::kModel) << payload.message;
    const Model& back = payload.model;
    EXPECT_EQ(back.source_path, model.source_path);
    ASSERT_EQ(back.meshes.size(), 1u);
    EXPECT_EQ(back.meshes[0].positions, model.meshes[0].positions);
    EXPECT_EQ(back.meshes[0].uvs, model.meshes[0].uvs);
    EXPECT_EQ(back.meshes[0].indices, model.meshes[0].indices);
    EXPECT_EQ(back.meshes[0].lods, model.meshes[0].lods);
    EXPECT_EQ(back.meshes[0].bones[0].offset, glm::mat4(2.0f));
    EXPECT_EQ(back.meshes[0].material_name, "skin");
    ASSERT_EQ(back.nodes.size(), 2u);
    EXPECT_EQ(back.nodes[1].parent, 0);
    EXPECT_EQ(back.nodes[1].meshes, std::vector<int>{0});
    EXPECT_EQ(back.bounds.max, model.bounds.max);
}

TEST(AssetsModelStreamTest, RoundTripsAnError) {
    VectorSink sink;
    ASSERT_TRUE(encode_error(sink, "x.obj: bad face"));
    const DecodedPayload payload = decode_payload(sink.bytes);
    ASSERT_EQ(payload.kind, DecodedPayload::Kind::kError);
    EXPECT_EQ(payload.message, "x.obj: bad face");
}

TEST(AssetsModelStreamTest, EveryTruncationIsCorrupt) {
    const std::vector<char> bytes = encoded(sample_model());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        const DecodedPayload payload = decode_payload(std::span<const char>(bytes.data(), size));
        EXPECT_EQ(payload.kind, DecodedPayload::Kind::kCorrupt) << "size " << size;
    }
}

TEST(AssetsModelStreamTest, HugeCountsAreRejectedBeforeAllocating) {
    const std::vector<char> good = encoded(sample_model());
    // Overwrite every 8-byte window in turn with an absurd count: the decoder must refuse, not allocate.
    for (std::size_t at = 0; at + 8 <= good.size(); ++at) {
        std::vector<char> bytes = good;
        const uint64_t huge = uint64_t{1} << 60;
        std::memcpy(bytes.data() + at, &huge, sizeof(huge));
        const DecodedPayload payload = decode_payload(bytes);
        if (payload.kind == DecodedPayload::Kind::kModel) {
            EXPECT_LT(compute_stats(payload.model).vertices, 1000u);
        }
    }
}

TEST(AssetsModelStreamTest, RandomByteFlipsNeverCrash) {
    const std::vector<char> good = encoded(sample_model());
    std::mt19937 rng(1234);
    for (int round = 0; round < 5000; ++round) {
        std::vector<char> bytes = good;
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) {
            bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xff);
        }
        const DecodedPayload payload = decode_payload(bytes);
        if (payload.kind == DecodedPayload::Kind::kModel) (void)validate(payload.model);
    }
}

}  // namespace
}  // namespace myoview::assets::detail
