# ctest script: builds the .deb with CPack into a scratch folder and checks what it holds.
# Inputs: -DBUILD_DIR=... -DOUT_DIR=...
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G DEB -B ${OUT_DIR}
    --config ${BUILD_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${BUILD_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed:\n${out}")
endif()
file(GLOB debs ${OUT_DIR}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${OUT_DIR}, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
foreach(expected
        ./usr/bin/mcphub-admin
        ./usr/bin/mcphub-adminctl
        ./usr/share/applications/mcphub-admin.desktop
        ./usr/share/icons/hicolor/scalable/apps/mcphub-admin.svg)
    string(FIND "${listing}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${expected} missing from the .deb:\n${listing}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(expected libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins libsecret-1-0 libqt6core6)
    string(FIND "${depends}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${expected} missing from Depends: ${depends}")
    endif()
endforeach()
message(STATUS "package ok: ${debs}")
