// Dev tool (not built by CMake): prints actuator_lengthrange of an MJCF as JSON for make_myoview_mjcf.py.
//   g++ -O2 -o /tmp/dump_lengthrange tools/mjcf/dump_lengthrange.cpp -lmujoco
#include <mujoco/mujoco.h>
#include <cstdio>
int main(int argc, char** argv) {
    char err[1000] = "";
    mjModel* m = mj_loadXML(argv[1], nullptr, err, 1000);
    if (!m) {
        std::printf("ERR %s\n", err);
        return 1;
    }
    std::printf("{\n");
    for (int i = 0; i < m->nu; i++)
        std::printf("  \"%s\": [%.6f, %.6f]%s\n", mj_id2name(m, mjOBJ_ACTUATOR, i), m->actuator_lengthrange[2 * i],
                    m->actuator_lengthrange[2 * i + 1], i + 1 < m->nu ? "," : "");
    std::printf("}\n");
    mj_deleteModel(m);
}
