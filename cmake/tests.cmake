# Test binaries.
#
#   nd_add_tests(NAME <test_binary> SOURCES <*.test.cpp ...> [LIBS <targets>])
# A Catch2 binary with the project's test main; each of its test cases runs as its own ctest test.
function(nd_add_tests)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE nd_test_main ${T_LIBS})
  target_compile_options(${T_NAME} PRIVATE ${ND_CXX_WARNINGS})
  set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
  catch_discover_tests(${T_NAME} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    PROPERTIES LABELS ${T_NAME} TIMEOUT 1200)
endfunction()
