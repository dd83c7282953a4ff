#pragma once
// The shipped model, catalog and simulation, as the viewer starts them: the fixture of the scene tests that need the
// real anatomy (scene_test.cpp, attract_loop_test.cpp). The model is imported once per test suite.

#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "myoview/anatomy/catalog.h"
#include "myoview/assets/import.h"
#include "myoview/i18n/strings.h"
#include "myoview/scenario/scenario.h"
#include "myoview/scene/scenario_files.h"
#include "myoview/scene/scene.h"
#include "myoview/sim/simulation.h"

namespace myoview::scene {

class ShippedScene : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        assets::ImportOptions import;
        import.convert_y_up_to_z_up = true;
        import.isolate = false;
        auto loaded = assets::import_model(std::string(MYOVIEW_SOURCE_DIR) + "/assets/models/anatomy.glb", import);
        ASSERT_TRUE(loaded) << loaded.error().full_text();
        model_ = new assets::Model(std::move(loaded).value());
    }
    static void TearDownTestSuite() {
        delete model_;
        model_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(model_, nullptr) << "the shipped model did not load"; }

    // A scene on the shipped model with the simulation at `preset`, settled, and the shipped catalog.
    static std::unique_ptr<Scene> make(SceneOptions options = {}, std::string preset = "desk-worker") {
        auto sim = sim::Simulation::load();
        EXPECT_TRUE(sim);
        EXPECT_TRUE(sim->set_preset(preset));
        auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
        EXPECT_TRUE(catalog);
        auto scene = Scene::create(*model_, std::move(sim).value(), std::move(catalog).value(), options, kViewport);
        EXPECT_TRUE(scene) << scene.error().full_text();
        return scene ? std::move(scene).value() : nullptr;
    }
    // The viewer's vocabulary: the shipped catalog's ids and languages, the i18n keys, the sim's presets.
    static scenario::Vocabulary shipped_vocabulary() {
        auto strings = i18n::Library::load(i18n::default_dir());
        auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
        if (!strings || !catalog) {
            ADD_FAILURE() << "the shipped strings or catalog did not load";
            return {};
        }
        return vocabulary(&*catalog, *strings);
    }
    // assets/scenarios/clinic-story.json, checked against that vocabulary.
    static scenario::Scenario clinic_story() {
        auto story = scenario::load(clinic_story_path(), shipped_vocabulary());
        EXPECT_TRUE(story) << story.error().full_text();
        return story ? std::move(story).value() : scenario::Scenario{};
    }

    static constexpr glm::uvec2 kViewport{640, 400};
    inline static assets::Model* model_ = nullptr;
};

}  // namespace myoview::scene
