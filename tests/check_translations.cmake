# ctest script: every tr() string of the sources is translated in each .ts file.
# Runs lupdate over the sources into a scratch copy of each .ts, so a string added without
# running update_translations is caught too. Inputs: -DLUPDATE= -DSOURCE_DIR= -DOUT_DIR= -DLANGUAGES=
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
string(REPLACE "," ";" LANGUAGES "${LANGUAGES}")
foreach(lang IN LISTS LANGUAGES)
    set(ts ${OUT_DIR}/mcphub-admin_${lang}.ts)
    file(COPY_FILE ${SOURCE_DIR}/translations/mcphub-admin_${lang}.ts ${ts})
    execute_process(COMMAND ${LUPDATE} -recursive -no-obsolete -locations none -I ${SOURCE_DIR}
            ${SOURCE_DIR}/app ${SOURCE_DIR}/storage ${SOURCE_DIR}/models ${SOURCE_DIR}/ui -ts ${ts}
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed:\n${out}")
    endif()
    file(STRINGS ${ts} unfinished REGEX "type=\"unfinished\"|<numerusform */>|<numerusform></numerusform>")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        file(READ ${ts} text)
        string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*<translation type=\"unfinished\"" missing "${text}")
        string(REPLACE ";" "\n" missing "${missing}")
        message(FATAL_ERROR "${lang}: ${count} untranslated strings. Run the update_translations "
            "target, then scripts/ts-fill.\n${missing}")
    endif()
    message(STATUS "${lang}: complete")
endforeach()
