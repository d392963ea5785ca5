#!/bin/sh
# Runs one GTest program under valgrind's memcheck for automake's TAP
# driver (make check LOG_COMPILER=tests/valgrind-test.sh TESTS=...): any
# memory error or definite leak fails the program. GLib's own caches and
# type system are reachable at exit, not lost, so they do not count.
builddir=${TAMIS_BUILDDIR:-.}
exec "$builddir/libtool" --mode=execute valgrind -q --error-exitcode=99 \
  --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
  "$@" --tap
