# ctest script: builds the Linux packages with CPack into a scratch folder (the .deb, the
# .tar.gz, and the .rpm where rpmbuild exists; package_install installs and runs them) and
# checks what the .deb holds. Inputs: -DBUILD_DIR=... -DOUT_DIR=...
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
set(generators "DEB;TGZ")
find_program(rpmbuild rpmbuild)
if(rpmbuild)
    string(APPEND generators ";RPM")
endif()
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G "${generators}" -B ${OUT_DIR}
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
        ./usr/share/icons/hicolor/scalable/apps/mcphub-admin.svg
        ./usr/share/icons/hicolor/16x16/apps/mcphub-admin.png
        ./usr/share/icons/hicolor/512x512/apps/mcphub-admin.png
        ./usr/share/metainfo/
        ./usr/share/doc/mcphub-admin/copyright
        ./usr/share/doc/mcphub-admin/changelog.gz
        ./usr/share/mcphub-admin/translations/qtbase_zh_CN.qm)
    string(FIND "${listing}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${expected} missing from the .deb:\n${listing}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(expected libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libsecret-1-0 libqt6core6)
    string(FIND "${depends}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${expected} missing from Depends: ${depends}")
    endif()
endforeach()
message(STATUS "package ok: ${debs}")
