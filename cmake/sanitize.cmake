# Sanitizer builds: cmake -DND_SANITIZE=address,undefined (make test SANITIZE=address,undefined).
#
# Every C++ target is compiled and linked with -fsanitize=<list>: the testbench, the golden models, the
# nanodojo program, the host builds of the sw/ programs, the Verilator runtime (nd_verilated) and the
# Verilated models (their flags reach Verilator's generated makefile through Verilator's -CFLAGS, see
# nd_verilate() in verilate.cmake). Errors are fatal (-fno-sanitize-recover=all), so an undefined-behaviour
# report fails the test that caused it. Tests get ND_TEST_TIMEOUT_SCALE times their usual ctest timeout:
# the checks stay the same, only the clock is slower.
set(ND_SANITIZE "" CACHE STRING "build every C++ target with -fsanitize=<list> (e.g. address,undefined)")
set(ND_SANITIZE_FLAGS "")
set(ND_VL_SANITIZE_FLAGS "")
set(ND_TEST_TIMEOUT_SCALE 1)
option(ND_SANITIZE_MODELS "with ND_SANITIZE: instrument the Verilated models' generated C++ too" ON)
if(ND_SANITIZE)
  set(ND_SANITIZE_FLAGS -fsanitize=${ND_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${ND_SANITIZE_FLAGS})
  add_link_options(-fsanitize=${ND_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND ND_SANITIZE MATCHES "undefined")
    # GCC 12's null check misfires on a thread_local class member read from a file that does not define it:
    # Verilator's Verilated::t_s, read inline by Dut<V> and by the runtime's trace code ("member access within
    # null pointer of type 'struct ThreadLocal'"), at addresses that are not null. The check is off for the
    # C++ compiled by CMake (the Verilated models, built by their own makefiles, keep it); a real null
    # dereference is still reported by AddressSanitizer (SEGV on an unknown address near 0).
    add_compile_options(-fno-sanitize=null)
  endif()
  set(ND_TEST_TIMEOUT_SCALE 4)
  # The models' trace code reads 64-bit values out of Verilator's buffer of 32-bit words
  # (verilated_trace.h, chgQData), 4-byte aligned by design (x86 allows it): the alignment check is off for
  # the Verilated models, which get these flags through Verilator's -CFLAGS (verilate.cmake).
  # ND_SANITIZE_MODELS=OFF leaves the generated C++ of the models uninstrumented (the testbench, the loaders,
  # the golden models and the Verilator runtime keep the sanitizers): the models then compile with the flags
  # of the normal build, so ccache serves them, where an instrumented mesh or tile model takes tens of
  # minutes to compile on 2 cores (docs/verification.md "Sanitizers").
  if(ND_SANITIZE_MODELS)
    set(ND_VL_SANITIZE_FLAGS ${ND_SANITIZE_FLAGS})
    if(ND_SANITIZE MATCHES "undefined")
      list(APPEND ND_VL_SANITIZE_FLAGS -fno-sanitize=alignment)
    endif()
    message(STATUS "nanodojo: sanitizers ${ND_SANITIZE} on every C++ target and Verilated model")
  else()
    message(STATUS "nanodojo: sanitizers ${ND_SANITIZE} on every C++ target but the Verilated models")
  endif()
endif()

# Fuzz builds: cmake -DND_FUZZ=ON with clang (make fuzz, scripts/mk/fuzz.mk). Every library is compiled with
# libFuzzer's coverage instrumentation and AddressSanitizer / UndefinedBehaviorSanitizer; only the harnesses of
# tb/fuzz/ are built there (they need no Verilated model).
option(ND_FUZZ "build the libFuzzer harnesses of tb/fuzz/ (needs clang)" OFF)
if(ND_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ND_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
endif()
