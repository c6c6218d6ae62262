cmake_minimum_required(VERSION 3.25)
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

# Every context lupdate filed strings under is one the code translates with at run time: a
# QObject class's (its tr()), a Q_DECLARE_TR_FUNCTIONS(...) name, or a literal context of
# translate()/QT_TRANSLATE_NOOP(). A file-local tr() helper that calls translate("X", text) is
# filed by lupdate under the enclosing namespace or class ("mcphub::cli", "mcphub::Migrator"),
# which the helper never asks for: its strings would show untranslated.
file(GLOB_RECURSE sources ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/storage/*.cpp ${SOURCE_DIR}/storage/*.h ${SOURCE_DIR}/models/*.cpp
    ${SOURCE_DIR}/models/*.h ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h)
set(known "")
set(helpers "")
foreach(source IN LISTS sources)
    file(READ ${source} text)
    string(REGEX MATCHALL "(class|struct)[ \t\n]+[A-Za-z_][A-Za-z0-9_]*[^;{]*{[^}]*Q_OBJECT" classes "${text}")
    foreach(c IN LISTS classes)
        string(REGEX REPLACE "^(class|struct)[ \t\n]+([A-Za-z_][A-Za-z0-9_]*).*" "\\2" name "${c}")
        list(APPEND known "${name}")
    endforeach()
    string(REGEX MATCHALL "Q_DECLARE_TR_FUNCTIONS\\([A-Za-z0-9_:]+\\)" declared "${text}")
    foreach(d IN LISTS declared)
        string(REGEX REPLACE "Q_DECLARE_TR_FUNCTIONS\\(([A-Za-z0-9_:]+)\\)" "\\1" name "${d}")
        list(APPEND known "=${name}")
    endforeach()
    string(REGEX MATCHALL "(translate|QT_TRANSLATE_NOOP3?|QT_TRANSLATE_N_NOOP3?)\\([ \t\n]*\"[^\"]+\"" literal "${text}")
    foreach(l IN LISTS literal)
        string(REGEX REPLACE ".*\\([ \t\n]*\"([^\"]+)\"" "\\1" name "${l}")
        list(APPEND known "=${name}")
    endforeach()
    # The pattern itself: a tr() helper (a function or a lambda) is filed under the enclosing
    # class or namespace whatever context it translates with.
    if(text MATCHES "(auto|QString)[ \t]+tr[ \t]*[=(]")
        list(APPEND helpers "${source}")
    endif()
endforeach()
if(helpers)
    string(REPLACE ";" ", " helpers "${helpers}")
    message(FATAL_ERROR "A local tr() helper, whose strings lupdate files under another context "
        "than it translates with (use a struct with Q_DECLARE_TR_FUNCTIONS and Name::tr): ${helpers}")
endif()
list(REMOVE_DUPLICATES known)
list(GET LANGUAGES 0 first)
file(READ ${OUT_DIR}/mcphub-admin_${first}.ts ts)
string(REGEX MATCHALL "<context>[ \t\n]*<name>[^<]+</name>" contexts "${ts}")
set(unreachable "")
foreach(c IN LISTS contexts)
    string(REGEX REPLACE ".*<name>([^<]+)</name>" "\\1" name "${c}")
    string(REGEX REPLACE ".*::" "" last "${name}")
    if("=${name}" IN_LIST known)
        continue()
    endif()
    if(NOT name STREQUAL last AND "${last}" IN_LIST known)
        continue() # a QObject class, named with its namespace
    endif()
    list(APPEND unreachable "${name}")
endforeach()
if(unreachable)
    string(REPLACE ";" ", " unreachable "${unreachable}")
    message(FATAL_ERROR "Strings filed under contexts no code translates with (a tr() helper "
        "outside its class? use a Q_DECLARE_TR_FUNCTIONS struct and Name::tr): ${unreachable}")
endif()
message(STATUS "every translation context is used")
