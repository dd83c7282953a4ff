# What `cmake --install` puts under the prefix beside the program (bin/myoview: app/; the SPIR-V: shaders/), and the
# Debian package made from it with CPack (tools/package). The layout is GNUInstallDirs', the one engine/base's
# paths.h looks for beside the executable, so any copy of an installed prefix runs wherever it lies.

# The data the program reads at run time (assets/README.md). The folder READMEs are for developers, not installed.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/" DESTINATION "${MYOVIEW_INSTALL_ASSET_DIR}"
        PATTERN "README.md" EXCLUDE)

# The desktop entry and its icon (a committed render of the model: packaging/README.md says how to remake it).
install(FILES "${CMAKE_CURRENT_LIST_DIR}/myoview.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${CMAKE_CURRENT_LIST_DIR}/myoview.png" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps")

# Documentation and licences: the code's, the anatomy model's (CC BY-SA 2.1 JP, with its credits and the texts of
# the re-exports it came through), and the Debian summary of both.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE"
              "${PROJECT_SOURCE_DIR}/assets/models/LICENSE-BodyParts3D.md" "${CMAKE_CURRENT_LIST_DIR}/copyright"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/models/LICENSES" DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# The Debian package: myoview_<version>_<arch>.deb.
set(MYOVIEW_PACKAGE_MAINTAINER "myoview maintainers <myoview@localhost>"
    CACHE STRING "The Debian package's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME myoview)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${MYOVIEW_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "real-time 3D anatomy viewer: chest, shoulders, upper back, neck")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MYOVIEW_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description under the summary (CPack prepends the summary and indents the lines as Debian wants).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "myoview shows the chest, shoulder girdle, upper back and neck in 3D (BodyParts3D meshes), every muscle \
coloured by its tension in a MuJoCo simulation, and animates the shoulders settling back as chest release is \
applied. It is made for a clinic screen and for anatomy and physiotherapy classrooms.

It runs on any Vulkan device, Mesa's software lavapipe included, and headless \
(myoview --headless --screenshot x.png).")
# The shared libraries the program links, found by dpkg-shlibdeps (dpkg-dev); and what it loads without linking:
# a Vulkan driver (the loader, libvulkan1, finds it at run time; Mesa's includes lavapipe, which needs no GPU) and
# the UI font (render/imgui_layer.h: DejaVu Sans from fonts-dejavu-core).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "mesa-vulkan-drivers | vulkan-icd, fonts-dejavu-core")
find_program(MYOVIEW_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(MYOVIEW_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # appended to the list above; brings libvulkan1 with its version
else()
    message(STATUS "myoview: no dpkg-shlibdeps (Debian package dpkg-dev): a package made here declares only "
                   "libvulkan1 of the shared libraries it links")
    string(PREPEND CPACK_DEBIAN_PACKAGE_DEPENDS "libvulkan1, ")
endif()
include(CPack)
