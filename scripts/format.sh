#!/usr/bin/env bash
# clang-format (style in .clang-format) over the project's C++.
#   scripts/format.sh           reformat in place
#   scripts/format.sh --check   report files that differ; exit 1 if any
set -uo pipefail
cd "$(dirname "$0")/.."
# sw/isa/*.h are assembler macro headers (included by .S files): not C, so not formatted.
mapfile -t files < <(git ls-files 'tb/*.cpp' 'tb/*.hpp' 'sim/*.cpp' 'sim/*.hpp' 'sw/*.c' 'sw/*.h' ':!sw/isa/*.h')
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--check" ]; then
  bad=()
  for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if [ ${#bad[@]} -gt 0 ]; then
    echo "format: ${#bad[@]} files need clang-format (run 'make format'): ${bad[*]}"
    exit 1
  fi
  echo "format: ${#files[@]} C++ files clean (clang-format)"
else
  clang-format -i "${files[@]}"
fi
