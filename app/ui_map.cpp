#include "ui_map.h"

#include <imgui.h>

#include <filesystem>
#include <fstream>

#include "myoview/base/log.h"

namespace myoview::app {
namespace {

nlohmann::json rect_json(ImVec2 min, ImVec2 size) {
    return nlohmann::json::array({min.x, min.y, size.x, size.y});
}

}  // namespace

Result<UiMap> UiMap::open(const std::string& path) {
    UiMap map(path);
    map.current_ = {{"frame", 0}, {"sim_time_s", 0.0}, {"release", 0.0}, {"items", nlohmann::json::object()}};
    if (auto s = map.write(); !s) return s.error();
    return map;
}

void UiMap::begin_frame() {
    if (enabled()) items_ = nlohmann::json::object();
}

void UiMap::item(std::string_view id) {
    // An item scrolled or clipped out of its window is left out: a click at its place would land elsewhere.
    if (!enabled() || !ImGui::IsItemVisible()) return;
    items_[std::string(id)] = rect_json(ImGui::GetItemRectMin(), ImGui::GetItemRectSize());
}

void UiMap::window(std::string_view id) {
    if (!enabled()) return;
    items_[std::string(id)] = rect_json(ImGui::GetWindowPos(), ImGui::GetWindowSize());
}

void UiMap::publish(long frame, double sim_time_s, double release, nlohmann::json state) {
    if (!enabled() || failed_) return;
    state["items"] = items_;
    const bool changed = state != written_state_;
    current_ = state;
    current_["frame"] = frame;
    current_["sim_time_s"] = sim_time_s;
    current_["release"] = release;
    dirty_ = true;
    if (changed || std::chrono::steady_clock::now() - last_write_ >= kMinInterval) {
        written_state_ = std::move(state);
        write_or_stop();
    }
}

void UiMap::flush() {
    if (enabled() && dirty_ && !failed_) write_or_stop();
}

void UiMap::write_or_stop() {
    if (auto s = write(); !s) {
        failed_ = true;  // said once; the session goes on without its map
        log::warn(s.error().message + "; it is no longer updated");
    }
}

Status UiMap::write() {
    // Whole or absent: a test polling the file never reads half a map.
    const std::string temporary = path_ + ".partial";
    std::error_code ec;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (out) out << current_.dump() << '\n';
        if (out) out.close();
        if (!out) ec = std::make_error_code(std::errc::io_error);
    }
    if (!ec) std::filesystem::rename(temporary, path_, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error("cannot write the UI map to " + path_ + " (--ui-map)");
    }
    last_write_ = std::chrono::steady_clock::now();
    dirty_ = false;
    return Ok{};
}

}  // namespace myoview::app
