#!/bin/sh
# Prepares a fresh checkout for ./configure. With --install-deps, first
# installs the Debian packages tamis needs to build, test and benchmark.
set -e
cd "$(dirname "$0")"

if [ "$1" = "--install-deps" ]; then
  shift
  SUDO=
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends \
    build-essential autoconf automake libtool pkg-config \
    libltdl-dev libglib2.0-dev libyaml-dev libjson-glib-dev \
    iso-codes unicode-cldr-core python3 jq ca-certificates git
fi

autoreconf --install --force

# automake's TAP driver, which autoreconf does not copy by itself.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
