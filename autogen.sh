#!/bin/sh
# Prepares a fresh checkout for ./configure.
#   --install-deps        first installs the Debian packages tamis needs to
#                         build and test
#   --install-bench-deps  also those the benchmarks under bench/ compare
#                         against (CLD2, libexttextcat, jansson, Node.js
#                         and npm)
#   --install-ci-deps     also the checkers the CI runs (valgrind, cppcheck,
#                         chromium and chromium-driver for the HTML report,
#                         slurm-wlm and munge for the Slurm test)
set -e
cd "$(dirname "$0")"

packages=
case "$1" in
  --install-deps) packages=build ;;
  --install-bench-deps) packages=bench ;;
  --install-ci-deps) packages=ci ;;
esac

if [ -n "$packages" ]; then
  shift
  SUDO=
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  set -- build-essential autoconf automake libtool pkg-config \
    libltdl-dev libglib2.0-dev libyaml-dev libjson-glib-dev libjson-c-dev libsqlite3-dev sqlite3 \
    iso-codes unicode-cldr-core python3 jq ca-certificates git \
    abigail-tools
  if [ "$packages" = bench ]; then
    set -- "$@" g++ libcld2-dev libexttextcat-dev libjansson-dev nodejs npm time
  fi
  if [ "$packages" = ci ]; then
    # chromium and its driver: tests/test-report.sh opens the HTML report;
    # Slurm: tests/test-slurm.sh runs examples/slurm on a one-node cluster
    set -- "$@" valgrind cppcheck chromium chromium-driver slurm-wlm munge
  fi
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "$@"
fi

autoreconf --install --force

# automake's TAP driver, which autoreconf does not copy by itself.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
