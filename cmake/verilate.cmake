# Verilator build rules.
#
#   nd_verilate(NAME <name> TOP <module> [LEAN] [PARAMS Key=Value ...] [ARGS <extra verilator args> ...])
#
# Verilates rtl/ with <module> as top (parameters overridden with -G), builds the generated C++ with
# Verilator's own makefile (through ccache when present) into build/vm/<name>/V<name>__ALL.a, and
# creates an interface target vm_<name> that links it together with the shared Verilator runtime.
# The model class is V<name> (#include "V<name>.h"). Every model is built once per build directory.
#
# All models share one set of flags, so one runtime library (nd_verilated) serves them all:
# FST tracing, SVA assertions on, X-initialized state randomized (the harness seeds it).
# LEAN models leave out tracing and assertions (for models too large to build with them, such as the 8x8
# mesh: docs/noc.md); the harness refuses wave options for them.

execute_process(COMMAND verilator --getenv VERILATOR_ROOT
  OUTPUT_VARIABLE ND_VERILATOR_ROOT OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND verilator --version
  OUTPUT_VARIABLE ND_VERILATOR_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "nanodojo: ${ND_VERILATOR_VERSION} at ${ND_VERILATOR_ROOT}")

set(ND_RTL_DIR ${CMAKE_SOURCE_DIR}/rtl)
set(ND_VM_DIR ${CMAKE_BINARY_DIR}/vm)
# -fno-table (after -O3, which would turn it back on): Verilator's lookup tables get per-instance names,
# which stops it from sharing one copy of a module's code between the instances of a replicated module.
set(ND_VERILATOR_BASE_FLAGS
  --cc --x-assign unique --x-initial unique
  -Wall -Wno-fatal -Werror-USERERROR -Werror-USERFATAL -O3 -fno-table --output-split 20000 --output-split-cfuncs 2000)
set(ND_VERILATOR_CHECK_FLAGS --trace-fst --trace-structs --assert)

# Packages in dependency order (rtl/pkgs.f), module search path (every rtl/ subfolder), include dir.
file(STRINGS ${ND_RTL_DIR}/pkgs.f ND_RTL_PKGS REGEX "^[^#]")
list(TRANSFORM ND_RTL_PKGS PREPEND ${CMAKE_SOURCE_DIR}/)
file(GLOB ND_RTL_SUBDIRS LIST_DIRECTORIES true ${ND_RTL_DIR}/*)
set(ND_RTL_SEARCH +incdir+${ND_RTL_DIR}/common)
foreach(d IN LISTS ND_RTL_SUBDIRS)
  if(IS_DIRECTORY ${d})
    list(APPEND ND_RTL_SEARCH -y ${d})
  endif()
endforeach()
# Every RTL file, for rules that read the whole tree (synthesis of a block). Verilated models depend only on
# the files Verilator actually read for them (its dependency file, see below).
file(GLOB_RECURSE ND_RTL_SOURCES CONFIGURE_DEPENDS
  ${ND_RTL_DIR}/*.sv ${ND_RTL_DIR}/*.svh ${ND_RTL_DIR}/*.vlt ${ND_RTL_DIR}/pkgs.f)

# Verilator runtime, compiled once with the same configuration as every model.
set(ND_VL_INC ${ND_VERILATOR_ROOT}/include)
# Everything the runtime prints goes through nd_vl_printf (tb/harness/vl_hooks.cpp), which remembers the
# last RTL error so that Dut<V> can name the assertion that fired.
set(ND_VL_HOOKS ${CMAKE_SOURCE_DIR}/tb/harness/vl_hooks.hpp)
add_library(nd_verilated STATIC
  ${ND_VL_INC}/verilated.cpp ${ND_VL_INC}/verilated_threads.cpp ${ND_VL_INC}/verilated_fst_c.cpp
  ${CMAKE_SOURCE_DIR}/tb/harness/vl_hooks.cpp)
target_include_directories(nd_verilated SYSTEM PUBLIC ${ND_VL_INC} ${ND_VL_INC}/vltstd)
target_include_directories(nd_verilated PUBLIC ${CMAKE_SOURCE_DIR}/tb/harness)
target_compile_definitions(nd_verilated PUBLIC VM_TRACE=1 VM_TRACE_FST=1 VM_COVERAGE=0 VM_SC=0)
target_compile_definitions(nd_verilated PRIVATE VL_PRINTF=nd_vl_printf)
target_compile_options(nd_verilated PRIVATE -w -include ${ND_VL_HOOKS})
target_link_libraries(nd_verilated PUBLIC Threads::Threads ZLIB::ZLIB)
# Sanitizer builds (cmake/sanitize.cmake): GTKWave's FST writer and compressors (fstapi.c, lz4.c, fastlz.c,
# compiled into verilated_fst_c.cpp) rely on behaviour C leaves undefined but x86 defines: words loaded and
# stored at unaligned addresses (FST_DO_MISALIGNED_OPS, set by fstapi.c itself), negative values shifted left.
# That code is not ours: UndefinedBehaviorSanitizer is off for that one file (AddressSanitizer stays on).
if(ND_SANITIZE MATCHES "undefined")
  set_source_files_properties(${ND_VL_INC}/verilated_fst_c.cpp PROPERTIES COMPILE_OPTIONS -fno-sanitize=undefined)
endif()

function(nd_verilate)
  cmake_parse_arguments(V "LEAN" "NAME;TOP" "PARAMS;ARGS" ${ARGN})
  if(NOT V_NAME OR NOT V_TOP)
    message(FATAL_ERROR "nd_verilate: NAME and TOP are required")
  endif()
  set(mdir ${ND_VM_DIR}/${V_NAME})
  set(prefix V${V_NAME})
  set(lib ${mdir}/${prefix}__ALL.a)
  # The top module's own file (rtl/<block>/<top>.sv), read after the packages it imports.
  file(GLOB top_src ${ND_RTL_DIR}/*/${V_TOP}.sv)
  set(flags ${ND_VERILATOR_BASE_FLAGS})
  if(NOT V_LEAN)
    list(APPEND flags ${ND_VERILATOR_CHECK_FLAGS})
  endif()
  # Sanitizer builds (cmake/sanitize.cmake): the generated C++ is compiled with the same -fsanitize flags.
  foreach(f IN LISTS ND_VL_SANITIZE_FLAGS)
    list(APPEND flags -CFLAGS ${f})
  endforeach()
  set(gparams "")
  foreach(p IN LISTS V_PARAMS)
    list(APPEND gparams -G${p})
  endforeach()
  # Dependencies: the files Verilator read for this model (its __ver.d, rewritten by verilate.sh into
  # <lib>.d), so an edit in rtl/noc rebuilds the mesh models and not the core's; the first build of a model
  # has no depfile yet and runs because the library is missing.
  add_custom_command(
    OUTPUT ${lib} ${mdir}/${prefix}.h
    COMMAND ${CMAKE_SOURCE_DIR}/cmake/verilate.sh ${mdir} ${prefix}
            ${flags} --top-module ${V_TOP} ${gparams} ${V_ARGS}
            ${ND_RTL_DIR}/lint.vlt ${ND_RTL_DIR}/model.vlt ${ND_RTL_SEARCH} ${ND_RTL_PKGS} ${top_src}
    DEPFILE ${lib}.d
    DEPENDS ${CMAKE_SOURCE_DIR}/cmake/verilate.sh ${ND_RTL_DIR}/pkgs.f
    COMMENT "Verilating ${V_TOP} as ${prefix}"
    VERBATIM JOB_POOL verilate)
  add_custom_target(${prefix}_build DEPENDS ${lib})
  add_library(vm_${V_NAME} INTERFACE)
  add_dependencies(vm_${V_NAME} ${prefix}_build)
  target_include_directories(vm_${V_NAME} SYSTEM INTERFACE ${mdir})
  # Models are driven through nd::Dut<V>, whose wave support (nd_waves) brings the runtime along.
  target_link_libraries(vm_${V_NAME} INTERFACE ${lib} nd_waves)
endfunction()

# One Verilator run at a time (each uses make -j internally); compiles of other C++ go on beside it.
set_property(GLOBAL APPEND PROPERTY JOB_POOLS verilate=1)

