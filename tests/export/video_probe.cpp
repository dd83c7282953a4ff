#include "video_probe.h"

#include <cstdio>
#include <fstream>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace myoview::exporter::testing {

namespace {

std::string av_error_text(int err) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return buf;
}

// The order of the top-level MP4 boxes, read from their 8-byte headers (size, type).
bool moov_before_mdat(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    uint64_t offset = 0;
    const uint64_t size = std::filesystem::file_size(path);
    while (offset + 8 <= size) {
        unsigned char header[16];
        in.seekg(static_cast<std::streamoff>(offset));
        if (!in.read(reinterpret_cast<char*>(header), 8)) return false;
        uint64_t box = (uint64_t{header[0]} << 24) | (uint64_t{header[1]} << 16) | (uint64_t{header[2]} << 8) |
                       uint64_t{header[3]};
        const std::string type(reinterpret_cast<char*>(header) + 4, 4);
        if (box == 1) {  // 64-bit size follows
            if (!in.read(reinterpret_cast<char*>(header) + 8, 8)) return false;
            box = 0;
            for (int i = 8; i < 16; ++i) box = (box << 8) | header[i];
        }
        if (type == "moov") return true;
        if (type == "mdat") return false;
        if (box < 8) return false;
        offset += box;
    }
    return false;
}

}  // namespace

std::array<double, 3> mean_rgb(const gpu::Pixels& pixels) {
    std::array<double, 3> sum{};
    for (std::size_t i = 0; i + 3 < pixels.rgba.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c) sum[c] += pixels.rgba[i + c];
    const double n = static_cast<double>(pixels.width) * pixels.height;
    for (double& s : sum) s /= n;
    return sum;
}

gpu::Pixels gradient_frame(uint32_t width, uint32_t height, uint32_t index) {
    gpu::Pixels p;
    p.width = width;
    p.height = height;
    p.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    for (uint32_t y = 0; y < height; ++y)
        for (uint32_t x = 0; x < width; ++x) {
            uint8_t* px = &p.rgba[(static_cast<std::size_t>(y) * width + x) * 4];
            px[0] = static_cast<uint8_t>(20 + (x * 200 / width + index * 3) % 210);
            px[1] = static_cast<uint8_t>(30 + y * 180 / height);
            px[2] = static_cast<uint8_t>(40 + (index * 5) % 180);
            px[3] = 255;
        }
    return p;
}

ProbedVideo probe_video(const std::filesystem::path& path) {
    ProbedVideo v;
    AVFormatContext* raw = nullptr;
    if (int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr); err < 0) {
        v.error = "open: " + av_error_text(err);
        return v;
    }
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> format(
        raw, [](AVFormatContext* f) { avformat_close_input(&f); });
    if (int err = avformat_find_stream_info(format.get(), nullptr); err < 0) {
        v.error = "stream info: " + av_error_text(err);
        return v;
    }
    const AVCodec* decoder = nullptr;
    const int index = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (index < 0 || !decoder) {
        v.error = "no video stream";
        return v;
    }
    const AVStream* stream = format->streams[index];
    v.codec = avcodec_get_name(stream->codecpar->codec_id);
    const char* pf = av_get_pix_fmt_name(static_cast<AVPixelFormat>(stream->codecpar->format));
    v.pixel_format = pf ? pf : "?";
    const char* profile = avcodec_profile_name(stream->codecpar->codec_id, stream->codecpar->profile);
    v.profile = profile ? profile : "?";
    v.width = stream->codecpar->width;
    v.height = stream->codecpar->height;
    v.duration_s = format->duration > 0 ? static_cast<double>(format->duration) / AV_TIME_BASE : 0;
    v.stream_duration_s = stream->duration > 0 ? static_cast<double>(stream->duration) * av_q2d(stream->time_base) : 0;
    v.frame_rate = av_q2d(stream->avg_frame_rate);
    v.index_before_data = moov_before_mdat(path);

    std::unique_ptr<AVCodecContext, void (*)(AVCodecContext*)> codec(
        avcodec_alloc_context3(decoder), [](AVCodecContext* c) { avcodec_free_context(&c); });
    avcodec_parameters_to_context(codec.get(), stream->codecpar);
    if (int err = avcodec_open2(codec.get(), decoder, nullptr); err < 0) {
        v.error = "decoder: " + av_error_text(err);
        return v;
    }
    std::unique_ptr<AVPacket, void (*)(AVPacket*)> packet(av_packet_alloc(), [](AVPacket* p) { av_packet_free(&p); });
    std::unique_ptr<AVFrame, void (*)(AVFrame*)> frame(av_frame_alloc(), [](AVFrame* f) { av_frame_free(&f); });
    SwsContext* sws = nullptr;
    gpu::Pixels rgba;

    auto drain = [&]() -> bool {
        for (;;) {
            const int err = avcodec_receive_frame(codec.get(), frame.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return true;
            if (err < 0) {
                v.error = "decode: " + av_error_text(err);
                return false;
            }
            // Back to RGB with BT.709, limited range: the inverse of what the writer tagged.
            sws = sws_getCachedContext(sws, frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
                                       frame->width, frame->height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr,
                                       nullptr);
            sws_setColorspaceDetails(sws, sws_getCoefficients(SWS_CS_ITU709), 0, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                     0, 1 << 16, 1 << 16);
            rgba.width = static_cast<uint32_t>(frame->width);
            rgba.height = static_cast<uint32_t>(frame->height);
            rgba.rgba.assign(static_cast<std::size_t>(frame->width) * frame->height * 4, 0);
            uint8_t* dst[1] = {rgba.rgba.data()};
            const int dst_stride[1] = {frame->width * 4};
            sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, dst_stride);
            v.mean_rgb.push_back(mean_rgb(rgba));
            ++v.frames;
        }
    };
    while (av_read_frame(format.get(), packet.get()) >= 0) {
        if (packet->stream_index == index) {
            if (avcodec_send_packet(codec.get(), packet.get()) < 0) v.error = "bad packet";
            if (!drain()) break;
        }
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(codec.get(), nullptr);
    drain();
    sws_freeContext(sws);
    return v;
}

}  // namespace myoview::exporter::testing
