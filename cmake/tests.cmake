# Test binaries.
#
#   nd_add_tests(NAME <test_binary> SOURCES <*.test.cpp ...> [LIBS <targets>])
# A Catch2 binary with the project's test main; each of its test cases runs as its own ctest test, with
# `-w NoTests` so a ctest whose name matches no test case fails instead of passing without running anything
# (a ';' in a test case's name splits it into several ctest names: CMake's list separator).
# ctest timeout of every test case: 20 minutes, times ND_TEST_TIMEOUT_SCALE under sanitizers (sanitize.cmake).
math(EXPR ND_TEST_TIMEOUT "1200 * ${ND_TEST_TIMEOUT_SCALE}")
function(nd_add_tests)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE nd_test_main ${T_LIBS})
  target_compile_options(${T_NAME} PRIVATE ${ND_CXX_WARNINGS})
  set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
  catch_discover_tests(${T_NAME} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} EXTRA_ARGS -w NoTests
    PROPERTIES LABELS ${T_NAME} TIMEOUT ${ND_TEST_TIMEOUT})
endfunction()

#   nd_elab_check(LABEL <ctest label> TOP <module> EXPECT <ok | message> [PARAMS Key=Value ...])
# A ctest that lints <module> with the parameters (scripts/elab_check.sh): EXPECT ok = it must elaborate
# lint-clean; otherwise it must fail elaboration with that message (ND_STATIC_ASSERT).
function(nd_elab_check)
  cmake_parse_arguments(E "" "LABEL;TOP;EXPECT" "PARAMS" ${ARGN})
  set(gparams "")
  foreach(p IN LISTS E_PARAMS)
    list(APPEND gparams -G${p})
  endforeach()
  string(REPLACE ";" " " shown "${E_PARAMS}")
  if(E_EXPECT STREQUAL "ok")
    set(name "elaboration: ${E_TOP} ${shown} is accepted")
  else()
    set(name "elaboration: ${E_TOP} ${shown} is refused")
  endif()
  add_test(NAME "${name}" COMMAND ${CMAKE_SOURCE_DIR}/scripts/elab_check.sh ${E_TOP} ${E_EXPECT} ${gparams})
  set_tests_properties("${name}" PROPERTIES LABELS ${E_LABEL} TIMEOUT 300)
endfunction()
