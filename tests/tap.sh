# Helpers for the TAP shell tests; sourced, not run.
#
#   . "$TAMIS_SRCDIR/tests/tap.sh"
#   check "it works" test "$x" = 1
#   tap_done
#
# Each test is one "ok"/"not ok" line; tap_done prints the plan last.

tap_n=0

tap_ok () {
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - $*"
}

tap_not_ok () {
  tap_n=$((tap_n + 1))
  echo "not ok $tap_n - $*"
}

tap_skip () {
  tap_n=$((tap_n + 1))
  echo "ok $tap_n # SKIP $*"
}

# Comment lines for the log, e.g. the output of a failed command.
tap_diag () {
  sed -e 's/^/# /' "$@"
}

# check DESCRIPTION COMMAND [ARG...]: one test, passing when COMMAND succeeds.
check () {
  tap_desc=$1
  shift
  if "$@"; then tap_ok "$tap_desc"; else tap_not_ok "$tap_desc"; fi
}

tap_done () {
  records_check
  echo "1..$tap_n"
}

tap_skip_all () {
  echo "1..0 # SKIP $*"
  exit 0
}

# Where the tests find the tree and the built tools.
: "${TAMIS_SRCDIR:?TAMIS_SRCDIR must name the source tree}"
: "${TAMIS_BUILDDIR:?TAMIS_BUILDDIR must name the build tree}"
TAMIS="$TAMIS_BUILDDIR/tamis"
EXAMPLES="$TAMIS_SRCDIR/examples"

command -v jq >/dev/null 2>&1 || tap_skip_all "jq is not installed (autogen.sh --install-deps installs it)"

# run_tamis NAME ARGS...: runs tamis with ARGS, nothing on standard input,
# its output and messages in $tap_tmp/NAME.out and NAME.err, its exit
# status in $status; the messages go to the log unless quiet=1.
run_tamis () {
  name=$1
  shift
  "$TAMIS" "$@" >"$tap_tmp/$name.out" 2>"$tap_tmp/$name.err" </dev/null
  status=$?
  if [ -s "$tap_tmp/$name.err" ] && [ "${quiet:-}" != 1 ]; then tap_diag "$tap_tmp/$name.err"; fi
  if [ "$1" = run ] && [ "$status" -le 1 ]; then
    records_keep "$tap_tmp/$name.out"
    tap_prev=
    for tap_arg in "$@"; do
      case $tap_prev/$tap_arg in
        -o/*|--output/*) records_keep "$tap_arg" ;;
        */--output=*) records_keep "${tap_arg#--output=}" ;;
      esac
      tap_prev=$tap_arg
    done
  fi
  return 0
}

# The JSON records of every complete `run` above are kept, and tap_done
# reads them all with Python's json and with json-glib
# (tests/records-check.py, tests/records-check-glib): one more test.
tap_records=0
records_keep () {
  [ -f "$1" ] || return 0
  case $(head -c 1 "$1" 2>/dev/null) in
    '{'|'[')
      tap_records=$((tap_records + 1))
      mkdir -p "$tap_tmp/records" && cp "$1" "$tap_tmp/records/$tap_records.json" ;;
  esac
}

records_check () {
  [ "$tap_records" -gt 0 ] || return 0
  if ! command -v python3 >/dev/null 2>&1 || [ ! -x "$TAMIS_BUILDDIR/tests/records-check-glib" ]; then
    tap_skip "every JSON record written parses (needs python3 and tests/records-check-glib)"
    return 0
  fi
  tap_glib=
  if tap_read=$(python3 "$TAMIS_SRCDIR/tests/records-check.py" "$tap_tmp/records"/*.json 2>&1) &&
     tap_glib=$("$TAMIS_BUILDDIR/tests/records-check-glib" "$tap_tmp/records"/*.json 2>&1); then
    tap_ok "every JSON record written parses with Python's json and json-glib: $tap_read"
  else
    tap_not_ok "every JSON record written parses with Python's json and json-glib"
    printf '%s\n%s\n' "$tap_read" "$tap_glib" | tap_diag
  fi
}

# same A B: whether two files are the same bytes; if not, their first
# differences go to the log.
same () {
  if cmp -s "$1" "$2"; then return 0; fi
  diff "$1" "$2" | head -20 | tap_diag
  return 1
}

# A private scratch directory, removed on exit.
tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/tamis-test.XXXXXX") || exit 99
trap 'rm -rf "$tap_tmp"' EXIT
trap 'exit 1' HUP INT TERM
