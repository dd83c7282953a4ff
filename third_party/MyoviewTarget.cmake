# Compiler settings for myoview's own targets only: high warnings and -Werror. System headers of the
# dependencies are included as SYSTEM so their warnings never fail our build.
# MYOVIEW_WERROR=OFF only for the sanitized build (tools/test): GCC's flow-based warnings (-Wmaybe-uninitialized,
# -Wnull-dereference) misfire on instrumented code; the normal build still holds every warning as an error.
option(MYOVIEW_WERROR "Treat warnings in myoview's own code as errors" ON)
function(myoview_target_defaults target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                                                 -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                                                 -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
                                                 -Wformat=2 -Wimplicit-fallthrough)
        if(MYOVIEW_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# A library under engine/<name>: public headers in include/, sources in src/ (globbed so that adding a file
# needs no edit here), target myoview_<name>, alias myoview::<name>.
function(myoview_engine_library name)
    cmake_parse_arguments(ARG "" "" "PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp")
    if(NOT sources)  # a library still being written: keep the tree configurable
        set(sources "${CMAKE_CURRENT_BINARY_DIR}/empty_${name}.cpp")
        file(WRITE "${sources}" "// placeholder: engine/${name} has no sources yet\n")
    endif()
    add_library(myoview_${name} STATIC ${sources})
    add_library(myoview::${name} ALIAS myoview_${name})
    target_include_directories(myoview_${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include"
                                               PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
    target_link_libraries(myoview_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    myoview_target_defaults(myoview_${name})
endfunction()

# One GoogleTest binary per test folder; every TEST becomes a CTest test with the given label.
function(myoview_gtest name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "DEPS;SOURCES" ${ARGN})
    if(NOT ARG_SOURCES)
        file(GLOB ARG_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
    endif()
    if(NOT ARG_SOURCES)
        message(STATUS "myoview: ${name} has no test sources yet; not built")
        return()
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name} PRIVATE MYOVIEW_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                               MYOVIEW_BINARY_DIR="${PROJECT_BINARY_DIR}")
    myoview_target_defaults(${name})
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                         PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT})
endfunction()
