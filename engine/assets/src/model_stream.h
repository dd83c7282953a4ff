#pragma once
// The compact binary form in which the import child sends its result to the parent through a pipe.
//
// Contract: the encoder is trusted (it runs our code), the decoder is not. A child that Assimp corrupted may send
// anything, so decode_payload checks every count against the bytes actually received before it allocates, and
// any inconsistency yields kCorrupt, never a crash or an allocation larger than the input. Same machine, same
// build on both ends: values are copied in native byte order.
//
// Layout: u32 magic, u32 version, u8 kind; kind 0: the model, then the magic again; kind 1: a u32-length string.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "myoview/assets/model.h"

namespace myoview::assets::detail {

// Where the encoder's bytes go. write() returns false when the bytes could not be delivered (the reader went
// away); the encoder then stops writing.
class ByteSink {
  public:
    virtual ~ByteSink() = default;
    virtual bool write(const char* data, std::size_t size) = 0;
};

class VectorSink final : public ByteSink {
  public:
    bool write(const char* data, std::size_t size) override {
        bytes.insert(bytes.end(), data, data + size);
        return true;
    }
    std::vector<char> bytes;
};

bool encode_model(ByteSink& sink, const Model& model);
bool encode_error(ByteSink& sink, const std::string& message);

struct DecodedPayload {
    enum class Kind { kModel, kError, kCorrupt };
    Kind kind = Kind::kCorrupt;
    Model model;          // kModel
    std::string message;  // kError: the child's message; kCorrupt: what was wrong, for the log
};

DecodedPayload decode_payload(std::span<const char> bytes);

}  // namespace myoview::assets::detail
