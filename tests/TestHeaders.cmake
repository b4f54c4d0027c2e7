# How the test programs read their headers: TestSkip.h before anything
# else, and, with MPMLAB_PRECOMPILE_HEADERS, QtTest and Qt precompiled once
# for all of them (cmake/MpmLabPrecompiledHeaders.cmake).

# Every source of every test goes through TestSkip.h first: its QSKIP
# replaces QtTest's, so that no test can skip around MPMLAB_NO_SKIP. With
# precompiled headers, TestSkip.h comes last in them, after QtTest.
# QtTest's QFINDTESTDATA paths are not used: without them the tests' sources
# agree on every macro, which a shared precompiled header requires.
set(mpmlab_pch_tests <QtTest> ${CMAKE_CURRENT_LIST_DIR}/support/TestSkip.h)
function(mpmlab_read_test_skip_first target)
    cmake_parse_arguments(ARG "NO_PCH" "" "" ${ARGN})
    target_compile_options(${target} PRIVATE -UQT_TESTCASE_BUILDDIR -UQT_TESTCASE_SOURCEDIR)
    if(MPMLAB_PRECOMPILE_HEADERS AND NOT ARG_NO_PCH)
        target_precompile_headers(${target} PRIVATE ${mpmlab_pch_tests} ${MPMLAB_PCH_CORE})
    else()
        target_compile_options(${target} PRIVATE
            "SHELL:-include ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/support/TestSkip.h")
    endif()
endfunction()

# The test programs share two precompiled headers, each built once for an
# empty source: GCC takes one only where every macro agrees, so the tests of
# core and those that link the widgets (Qt Gui, Widgets, Charts) have one each.
if(MPMLAB_PRECOMPILE_HEADERS)
    file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/pch_anchor.cpp
        CONTENT "// Source of the test programs' shared precompiled headers.\n")
    add_library(mpmlab_test_pch_core OBJECT ${CMAKE_CURRENT_BINARY_DIR}/pch_anchor.cpp)
    target_link_libraries(mpmlab_test_pch_core PRIVATE mpmlab_test_support Qt6::Test)
    add_library(mpmlab_test_pch_widgets OBJECT ${CMAKE_CURRENT_BINARY_DIR}/pch_anchor.cpp)
    target_link_libraries(mpmlab_test_pch_widgets PRIVATE mpmlab_test_support Qt6::Test
        mpmlab_widgets)
    foreach(donor mpmlab_test_pch_core mpmlab_test_pch_widgets)
        set_target_properties(${donor} PROPERTIES AUTOMOC OFF)
        mpmlab_set_compile_options(${donor})
        target_compile_options(${donor} PRIVATE -UQT_TESTCASE_BUILDDIR -UQT_TESTCASE_SOURCEDIR)
    endforeach()
    target_precompile_headers(mpmlab_test_pch_core PRIVATE ${mpmlab_pch_tests} ${MPMLAB_PCH_CORE})
    target_precompile_headers(mpmlab_test_pch_widgets PRIVATE ${mpmlab_pch_tests}
        ${MPMLAB_PCH_WIDGETS})
endif()

# mpmlab_test_headers(test libraries): TestSkip.h first, and the shared
# precompiled header that matches what the test links, if one does.
function(mpmlab_test_headers target libraries)
    set(shared mpmlab_test_pch_core)
    foreach(library IN LISTS libraries)
        if(library MATCHES "^mpmlab_(widgets|charts|gui)$")
            set(shared mpmlab_test_pch_widgets)
        elseif(NOT library MATCHES "^mpmlab_")
            set(shared "") # other Qt modules, other macros: none
            break()
        endif()
    endforeach()
    if(MPMLAB_PRECOMPILE_HEADERS AND shared)
        target_compile_options(${target} PRIVATE -UQT_TESTCASE_BUILDDIR -UQT_TESTCASE_SOURCEDIR)
        target_precompile_headers(${target} REUSE_FROM ${shared})
    else()
        mpmlab_read_test_skip_first(${target} NO_PCH)
    endif()
endfunction()
