# ctest script: the CPack configuration of every installer is complete, including those only
# the hosted workflow builds (WiX on Windows, DragNDrop on macOS): the project is configured
# once per generator (MCPHUB_CPACK_GENERATORS), and each generated CPackConfig.cmake names
# that generator, sets its required settings, and every file they name exists.
# Inputs: -DSOURCE_DIR=... -DOUT_DIR=... -DGENERATORS=WIX,DragNDrop,...
string(REPLACE "," ";" GENERATORS "${GENERATORS}")
file(REMOVE_RECURSE ${OUT_DIR})
set(problems)
foreach(generator IN LISTS GENERATORS)
    execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${OUT_DIR}/${generator}
            -DBUILD_TESTING=OFF -DMCPHUB_CPACK_GENERATORS=${generator}
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "configure with ${generator} failed:\n${out}")
    endif()
    unset(CPACK_GENERATOR)
    include(${OUT_DIR}/${generator}/CPackConfig.cmake)
    if(NOT CPACK_GENERATOR STREQUAL generator)
        list(APPEND problems "configured for ${generator}, CPackConfig.cmake says '${CPACK_GENERATOR}'")
    endif()
endforeach()
macro(require generator)
    foreach(var ${ARGN})
        if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
            list(APPEND problems "${generator}: ${var} is not set")
        endif()
    endforeach()
endmacro()
macro(require_file generator var)
    if(NOT EXISTS "${${var}}")
        list(APPEND problems "${generator}: ${var} names a missing file '${${var}}'")
    endif()
endmacro()

require(common CPACK_PACKAGE_NAME CPACK_PACKAGE_VERSION CPACK_PACKAGE_VENDOR
    CPACK_PACKAGE_DESCRIPTION_SUMMARY CPACK_PACKAGE_CONTACT CPACK_PACKAGE_INSTALL_DIRECTORY
    CPACK_PACKAGE_EXECUTABLES CPACK_RESOURCE_FILE_LICENSE)
require_file(common CPACK_RESOURCE_FILE_LICENSE)
require(DEB CPACK_DEBIAN_PACKAGE_DEPENDS CPACK_DEBIAN_PACKAGE_SECTION CPACK_DEBIAN_PACKAGE_HOMEPAGE)
require(RPM CPACK_RPM_PACKAGE_LICENSE CPACK_RPM_PACKAGE_REQUIRES CPACK_RPM_PACKAGE_URL)
# WiX: a fixed UpgradeCode (CPack then writes MajorUpgrade), the product icon, the Start menu.
require(WIX CPACK_WIX_UPGRADE_GUID CPACK_WIX_PRODUCT_ICON CPACK_WIX_PROGRAM_MENU_FOLDER)
require_file(WIX CPACK_WIX_PRODUCT_ICON)
string(LENGTH "${CPACK_WIX_UPGRADE_GUID}" guid_length)
if(NOT guid_length EQUAL 36 OR NOT CPACK_WIX_UPGRADE_GUID MATCHES
        "^[0-9A-F]+-[0-9A-F]+-[0-9A-F]+-[0-9A-F]+-[0-9A-F]+$")
    list(APPEND problems "WIX: CPACK_WIX_UPGRADE_GUID '${CPACK_WIX_UPGRADE_GUID}' is not an upper-case GUID")
endif()
list(LENGTH CPACK_PACKAGE_EXECUTABLES n)
if(NOT n EQUAL 2)
    list(APPEND problems "WIX: CPACK_PACKAGE_EXECUTABLES needs 'executable;Start menu label'")
endif()
# DragNDrop: the volume name and the bundle's icon; the bundle's Info.plist template.
require(DragNDrop CPACK_DMG_VOLUME_NAME CPACK_DMG_FORMAT CPACK_PACKAGE_ICON)
require_file(DragNDrop CPACK_PACKAGE_ICON)
get_filename_component(installer_dir ${CPACK_PACKAGE_ICON} DIRECTORY)
foreach(file ${installer_dir}/Info.plist.in ${installer_dir}/../windows/mcphub-admin.ico)
    if(NOT EXISTS ${file})
        list(APPEND problems "missing ${file}")
    endif()
endforeach()
file(READ ${installer_dir}/Info.plist.in plist)
foreach(key CFBundleExecutable CFBundleIdentifier CFBundleIconFile CFBundleShortVersionString
        NSHighResolutionCapable)
    string(FIND "${plist}" "<key>${key}</key>" at)
    if(at EQUAL -1)
        list(APPEND problems "Info.plist.in lacks ${key}")
    endif()
endforeach()

if(problems)
    string(REPLACE ";" "\n" problems "${problems}")
    message(FATAL_ERROR "CPack configuration incomplete:\n${problems}")
endif()
message(STATUS "CPack configuration complete for DEB, RPM, TGZ, WIX and DragNDrop")
