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
  # One clang-format per file, on every core; each prints the file's name when it differs.
  mapfile -t bad < <(printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc)" -n 1 \
    sh -c 'clang-format --dry-run --Werror "$1" >/dev/null 2>&1 || echo "$1"' sh | sort)
  if [ ${#bad[@]} -gt 0 ]; then
    echo "format: ${#bad[@]} files need clang-format (run 'make format'): ${bad[*]}"
    exit 1
  fi
  echo "format: ${#files[@]} C++ files clean (clang-format)"
else
  clang-format -i "${files[@]}"
fi
