// Compiled only to build the precompiled headers the tests share (tests/CMakeLists.txt).
