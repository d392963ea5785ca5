#!/bin/sh
# Runs one test for automake's TAP driver: GTest programs get --tap,
# shell scripts already speak TAP.
case "$1" in
  *.sh) exec "${SHELL:-/bin/sh}" "$@" ;;
  *) exec "$@" --tap ;;
esac
