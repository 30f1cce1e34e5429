# Build-time helper: turns a YAML file into a C++ source defining `const char* <SYMBOL>` with its text,
# so the program carries the same text as the file. Usage:
#   cmake -DIN=default.yaml -DOUT=x.cpp -DSYMBOL=kName -DNAMESPACE=nd::noc -P traffic_embed.cmake
file(READ ${IN} text)
string(FIND "${text}" ")ndyaml\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )ndyaml\"")
endif()
file(WRITE ${OUT}.tmp "// Generated from ${IN} at build time; do not edit.\nnamespace ${NAMESPACE} {\nextern const char* const ${SYMBOL};\nconst char* const ${SYMBOL} = R\"ndyaml(${text})ndyaml\";\n}  // namespace ${NAMESPACE}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
