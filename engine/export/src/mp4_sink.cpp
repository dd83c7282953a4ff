// H.264 in MP4 through FFmpeg's libraries: RGBA8 -> yuv420p (BT.709, limited range, as browsers expect of HD
// video) with libswscale, libx264 (or the first other H.264 encoder that opens), the mp4 muxer with +faststart so
// a browser can start playing before the whole file has arrived.

#include <cerrno>
#include <mutex>
#include <system_error>
#include <utility>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include "myoview/base/log.h"
#include "sinks.h"

namespace myoview::exporter {

namespace fs = std::filesystem;

namespace {

std::string av_error_text(int err) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return buf;
}

struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
// The muxer's context; closes the file it writes when that is still open.
struct FormatContextDeleter {
    void operator()(AVFormatContext* f) const {
        if (f->pb) avio_closep(&f->pb);
        avformat_free_context(f);
    }
};
struct DictionaryDeleter {
    void operator()(AVDictionary* d) const { av_dict_free(&d); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextDeleter>;

// FFmpeg logs to stderr at "info" by default (x264's statistics at every close, the muxer's notes): quiet it to
// errors once, so an export prints only the progress line and myoview's own messages.
void quiet_ffmpeg_log() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_ERROR); });
}

bool takes_yuv420p(const AVCodec* c) {
    if (!c->pix_fmts) return true;  // not declared: let avcodec_open2 decide
    for (const AVPixelFormat* f = c->pix_fmts; *f != AV_PIX_FMT_NONE; ++f)
        if (*f == AV_PIX_FMT_YUV420P) return true;
    return false;
}

// With no name: libx264 first (CRF, and the encoder browsers' decoders are most tested against), then every other
// H.264 encoder of this libavcodec that takes yuv420p frames (not libx264rgb, not the VAAPI one that wants GPU
// surfaces), in libavcodec's order. With a name: that encoder alone, if it is an H.264 one.
std::vector<const AVCodec*> h264_encoders(const std::string& only) {
    std::vector<const AVCodec*> encoders;
    if (!only.empty()) {
        const AVCodec* c = avcodec_find_encoder_by_name(only.c_str());
        if (c && c->id == AV_CODEC_ID_H264) encoders.push_back(c);
        return encoders;
    }
    if (const AVCodec* x264 = avcodec_find_encoder_by_name("libx264")) encoders.push_back(x264);
    void* it = nullptr;
    while (const AVCodec* c = av_codec_iterate(&it)) {
        if (c->id != AV_CODEC_ID_H264 || !av_codec_is_encoder(c) || !takes_yuv420p(c)) continue;
        if (!encoders.empty() && c == encoders.front()) continue;
        encoders.push_back(c);
    }
    return encoders;
}

Result<CodecContextPtr> open_encoder(const AVCodec* codec, const ExportOptions& options, bool global_header) {
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx) return Error("out of memory");
    ctx->width = static_cast<int>(options.width);
    ctx->height = static_cast<int>(options.height);
    ctx->time_base = AVRational{1, options.fps};
    ctx->framerate = AVRational{options.fps, 1};
    ctx->pix_fmt = AV_PIX_FMT_YUV420P;
    ctx->gop_size = 2 * options.fps;  // a key frame every 2 s: seeking in a browser lands within 2 s
    ctx->thread_count = 0;            // as many as the encoder finds useful
    // Tagged as what swscale writes (BT.709, limited range), so players do not guess.
    ctx->color_range = AVCOL_RANGE_MPEG;
    ctx->colorspace = AVCOL_SPC_BT709;
    ctx->color_primaries = AVCOL_PRI_BT709;
    ctx->color_trc = AVCOL_TRC_BT709;
    if (global_header) ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

    AVDictionary* raw = nullptr;
    if (std::string(codec->name) == "libx264") {
        av_dict_set(&raw, "preset", options.preset.c_str(), 0);
        av_dict_set(&raw, "crf", std::to_string(options.crf).c_str(), 0);
        av_dict_set(&raw, "profile", "high", 0);
    } else {
        // No CRF outside x264: 0.1 bit per pixel (about 6 Mbit/s at 1080p30) is ample for rendered anatomy.
        ctx->bit_rate = static_cast<int64_t>(0.1 * options.width * options.height * options.fps);
        av_dict_set(&raw, "profile", "high", 0);
    }
    std::unique_ptr<AVDictionary, DictionaryDeleter> dict(raw);
    AVDictionary* opts = dict.release();
    const int err = avcodec_open2(ctx.get(), codec, &opts);
    // Options the encoder did not take stay in the dictionary; a preset x264 does not know is an error there.
    dict.reset(opts);
    if (err < 0) return Error(av_error_text(err));
    return ctx;
}

class Mp4Sink final : public FrameSink {
public:
    Mp4Sink(ExportOptions options, fs::path partial, FormatContextPtr format, CodecContextPtr codec, AVStream* stream,
            SwsPtr sws, FramePtr frame, PacketPtr packet)
        : options_(std::move(options)),
          partial_(std::move(partial)),
          format_(std::move(format)),
          codec_(std::move(codec)),
          stream_(stream),
          sws_(std::move(sws)),
          frame_(std::move(frame)),
          packet_(std::move(packet)) {}

    ~Mp4Sink() override {
        if (open_) abort("the export was not finished");
    }

    Status add(const gpu::Pixels& pixels) override {
        if (!open_) return Error("the export to " + options_.out.string() + " is already closed");
        if (auto ok = check_frame(pixels, options_.width, options_.height); !ok) return ok.error();
        // The encoder may still hold the previous frame's buffer (lookahead): write into a fresh one then.
        if (int err = av_frame_make_writable(frame_.get()); err < 0)
            return Error("could not get a frame buffer: " + av_error_text(err));
        const uint8_t* src[1] = {pixels.rgba.data()};
        const int src_stride[1] = {static_cast<int>(options_.width * 4)};
        sws_scale(sws_.get(), src, src_stride, 0, static_cast<int>(options_.height), frame_->data, frame_->linesize);
        frame_->pts = static_cast<int64_t>(frames_);
        if (auto ok = encode(frame_.get()); !ok) return ok.error();
        ++frames_;
        return Ok{};
    }

    Status finish() override {
        if (!open_) return Error("the export to " + options_.out.string() + " is already closed");
        open_ = false;
        if (frames_ == 0) {
            discard();
            return Error("no frame was exported: " + options_.out.string() + " was not written");
        }
        if (auto ok = close_file(); !ok) {
            discard();
            return Error("could not complete " + options_.out.string() + ": " + ok.error().message);
        }
        std::error_code ec;
        fs::rename(partial_, options_.out, ec);
        if (ec) {
            // Keep the (complete, playable) video rather than lose the whole export to a failed rename.
            where_ = partial_;
            return Error("the video is complete in " + partial_.string() + " but could not be renamed to " +
                         options_.out.string() + ": " + ec.message());
        }
        where_ = options_.out;
        return Ok{};
    }

    void abort(std::string_view why) override {
        if (!open_) return;
        open_ = false;
        const std::string reason(why);
        if (frames_ == 0) {
            discard();
            log::warn("export aborted (" + reason + ") before any frame: nothing kept");
            return;
        }
        // Flush and write the index: the frames so far make a playable video, kept under the partial name so it
        // never passes for the finished export.
        if (auto ok = close_file(); !ok) {
            discard();
            log::warn("export aborted (" + reason + "); the partial video could not be completed (" +
                      ok.error().message + ") and was removed");
            return;
        }
        where_ = partial_;
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f", static_cast<double>(frames_) / options_.fps);
        log::warn("export aborted (" + reason + "): the " + std::to_string(frames_) + " frames so far (" + seconds +
                  " s) are kept, playable, in " + partial_.string());
    }

    ExportKind kind() const override { return ExportKind::kMp4; }
    uint64_t frames_written() const override { return frames_; }
    fs::path output_path() const override { return open_ ? partial_ : where_; }
    std::string encoder_name() const override { return codec_ ? codec_->codec->name : std::string(); }

private:
    // Sends one frame (or, with nullptr, the end of the stream) and writes every packet the encoder gives back.
    Status encode(AVFrame* frame) {
        int err = avcodec_send_frame(codec_.get(), frame);
        if (err < 0) return Error("the H.264 encoder refused a frame: " + av_error_text(err));
        for (;;) {
            err = avcodec_receive_packet(codec_.get(), packet_.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return Ok{};
            if (err < 0) return Error("the H.264 encoder failed: " + av_error_text(err));
            packet_->stream_index = stream_->index;
            av_packet_rescale_ts(packet_.get(), codec_->time_base, stream_->time_base);
            // Takes the packet's reference (the packet is blank again after), whether it succeeds or not.
            err = av_interleaved_write_frame(format_.get(), packet_.get());
            if (err < 0) return Error("could not write to " + partial_.string() + ": " + av_error_text(err));
        }
    }

    // Drains the encoder, writes the trailer (moved to the front by +faststart) and closes the file.
    Status close_file() {
        if (auto ok = encode(nullptr); !ok) return ok;
        if (int err = av_write_trailer(format_.get()); err < 0)
            return Error("could not write the video's index: " + av_error_text(err));
        if (int err = avio_closep(&format_->pb); err < 0)
            return Error("could not close " + partial_.string() + ": " + av_error_text(err));
        return Ok{};
    }

    // Closes and removes the partial file: nothing of this export is left.
    void discard() {
        format_.reset();
        std::error_code ec;
        fs::remove(partial_, ec);
        where_.clear();
    }

    ExportOptions options_;
    fs::path partial_;
    fs::path where_;  // the result after the sink closed
    FormatContextPtr format_;
    CodecContextPtr codec_;
    AVStream* stream_;  // owned by format_
    SwsPtr sws_;
    FramePtr frame_;
    PacketPtr packet_;
    uint64_t frames_ = 0;
    bool open_ = true;
};

}  // namespace

Result<std::unique_ptr<FrameSink>> open_mp4(const ExportOptions& options) {
    quiet_ffmpeg_log();
    const fs::path partial = partial_path_for(options.out);

    AVFormatContext* raw_format = nullptr;
    if (int err = avformat_alloc_output_context2(&raw_format, nullptr, "mp4", partial.c_str()); err < 0)
        return Error("this FFmpeg cannot write MP4: " + av_error_text(err));
    FormatContextPtr format(raw_format);

    // The encoder first: without one there is no reason to create a file.
    const std::vector<const AVCodec*> candidates = h264_encoders(options.encoder);
    if (candidates.empty() && !options.encoder.empty())
        return Error("\"" + options.encoder + "\" is not an H.264 encoder of this FFmpeg (libavcodec " +
                     std::string(AV_STRINGIFY(LIBAVCODEC_VERSION)) + "); leave the encoder unset to pick one");
    if (candidates.empty())
        return Error("this FFmpeg (libavcodec " + std::string(AV_STRINGIFY(LIBAVCODEC_VERSION)) +
                     ") has no H.264 encoder: install a libavcodec built with libx264 (Debian's libavcodec59 is)");
    const bool global_header = (format->oformat->flags & AVFMT_GLOBALHEADER) != 0;
    CodecContextPtr codec;
    Error no_encoder("no H.264 encoder could be opened for a " + size_text(options.width, options.height) + " " +
                     std::to_string(options.fps) + " fps export");
    for (const AVCodec* candidate : candidates) {
        auto opened = open_encoder(candidate, options, global_header);
        if (opened) {
            codec = std::move(opened.value());
            break;
        }
        no_encoder.details.push_back(std::string(candidate->name) + ": " + opened.error().message);
    }
    if (!codec) return no_encoder;
    if (options.encoder.empty() && std::string(codec->codec->name) != "libx264")
        log::warn("export: libx264 is not available; encoding with " + std::string(codec->codec->name));

    AVStream* stream = avformat_new_stream(format.get(), nullptr);
    if (!stream) return Error("out of memory");
    if (int err = avcodec_parameters_from_context(stream->codecpar, codec.get()); err < 0)
        return Error("could not describe the video stream: " + av_error_text(err));
    stream->time_base = codec->time_base;  // a hint; the muxer picks its own in write_header
    stream->avg_frame_rate = codec->framerate;

    if (int err = avio_open(&format->pb, partial.c_str(), AVIO_FLAG_WRITE); err < 0)
        return Error("cannot write " + partial.string() + ": " + av_error_text(err));
    auto fail = [&](std::string message) -> Error {
        format.reset();
        std::error_code ec;
        fs::remove(partial, ec);
        return Error(std::move(message));
    };
    AVDictionary* mux_options = nullptr;
    av_dict_set(&mux_options, "movflags", "+faststart", 0);
    const int header_err = avformat_write_header(format.get(), &mux_options);
    av_dict_free(&mux_options);
    if (header_err < 0) return fail("could not start " + partial.string() + ": " + av_error_text(header_err));

    SwsPtr sws(sws_getContext(static_cast<int>(options.width), static_cast<int>(options.height), AV_PIX_FMT_RGBA,
                              static_cast<int>(options.width), static_cast<int>(options.height), AV_PIX_FMT_YUV420P,
                              SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!sws) return fail("could not set up the RGBA to yuv420p conversion");
    // Source: full-range RGB (the table is unused for RGB input); destination: BT.709, limited (MPEG) range.
    sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1, sws_getCoefficients(SWS_CS_ITU709), 0,
                             0, 1 << 16, 1 << 16);

    FramePtr frame(av_frame_alloc());
    PacketPtr packet(av_packet_alloc());
    if (!frame || !packet) return fail("out of memory");
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = codec->width;
    frame->height = codec->height;
    frame->color_range = AVCOL_RANGE_MPEG;
    frame->colorspace = AVCOL_SPC_BT709;
    if (int err = av_frame_get_buffer(frame.get(), 0); err < 0)
        return fail("could not allocate a frame: " + av_error_text(err));

    return std::unique_ptr<FrameSink>(new Mp4Sink(options, partial, std::move(format), std::move(codec), stream,
                                                  std::move(sws), std::move(frame), std::move(packet)));
}

}  // namespace myoview::exporter
