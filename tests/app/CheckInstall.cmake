# Installs the build into PREFIX and checks that everything a desktop needs is there.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${out}\n${err}")
endif()
foreach(expected
        bin/mpmlab
        bin/mpmlab-cli
        share/applications/mpmlab.desktop
        share/icons/hicolor/scalable/apps/mpmlab.svg)
    if(NOT EXISTS ${PREFIX}/${expected})
        message(FATAL_ERROR "cmake --install did not install ${expected}")
    endif()
endforeach()
file(READ ${PREFIX}/share/applications/mpmlab.desktop desktop)
if(NOT desktop MATCHES "\nExec=mpmlab\n" OR NOT desktop MATCHES "\nIcon=mpmlab\n")
    message(FATAL_ERROR "mpmlab.desktop does not start mpmlab with its icon")
endif()
execute_process(COMMAND ${PREFIX}/bin/mpmlab-cli --version OUTPUT_VARIABLE version RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^mpmlab-cli [0-9]+\\.[0-9]+")
    message(FATAL_ERROR "installed mpmlab-cli --version failed: ${version}")
endif()
file(REMOVE_RECURSE ${PREFIX})
