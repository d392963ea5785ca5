#!/bin/sh
# Lists what the public headers offer, for the export list and its test.
#
#   public-api.sh functions HEADER...   the tamis_ functions the headers
#                                       declare: "name header" per line
#   public-api.sh documented HEADER...  the names that have a gtk-doc comment
#                                       ("/**" then " * name:", or the
#                                       one-liner "/** name: ... */")
#
# Output is sorted by name (C locale). The headers are read as text, without
# a compiler: comments, string literals and preprocessor lines are dropped,
# then a function declaration is a tamis_ name outside braces, followed by
# "(" and preceded by a type (an identifier other than "return", or "*").
# Names used in macros (TAMIS_ERROR's tamis_error_quark ()) or passed as
# arguments (G_DEFINE_AUTOPTR_CLEANUP_FUNC) are thus not declarations, and
# static (inline) functions, which the library does not export, are left out.
set -e
LC_ALL=C
export LC_ALL

usage () {
  echo "usage: $0 functions|documented HEADER..." >&2
  exit 2
}

[ $# -ge 2 ] || usage
mode=$1
shift

case "$mode" in
  functions)
    awk '
      # Scans the code of one header, comments and directives removed.
      function scan(file, s,    depth, prev, tok, rest, is_static) {
        depth = 0
        prev = ""
        is_static = 0
        while (s != "") {
          if (match(s, /^[ \t]+/)) {
            s = substr(s, RLENGTH + 1)
            continue
          }
          if (match(s, /^[A-Za-z_][A-Za-z0-9_]*/)) {
            tok = substr(s, 1, RLENGTH)
            s = substr(s, RLENGTH + 1)
            if (depth == 0 && tok == "static")
              is_static = 1
            if (depth == 0 && !is_static && tok ~ /^tamis_/ && (prev == "*" || (prev ~ /^[A-Za-z_]/ && prev != "return"))) {
              rest = s
              sub(/^[ \t]+/, "", rest)
              if (substr(rest, 1, 1) == "(")
                print tok " " file
            }
            prev = tok
            continue
          }
          tok = substr(s, 1, 1)
          s = substr(s, 2)
          if (tok == "{") depth++
          else if (tok == "}") depth--
          if (depth == 0 && (tok == ";" || tok == "}"))
            is_static = 0
          prev = tok
        }
      }

      # Removes comments and string literals from one line; in_comment
      # carries a comment over to the next line.
      function clean(line,    out, c, i, n) {
        out = ""
        n = length(line)
        for (i = 1; i <= n; i++) {
          c = substr(line, i, 1)
          if (in_comment) {
            if (c == "*" && substr(line, i + 1, 1) == "/") {
              in_comment = 0
              i++
              out = out " "
            }
            continue
          }
          if (c == "/" && substr(line, i + 1, 1) == "*") {
            in_comment = 1
            i++
            continue
          }
          if (c == "/" && substr(line, i + 1, 1) == "/")
            break
          if (c == "\"" || c == "\047") {
            q = c
            for (i++; i <= n; i++) {
              c = substr(line, i, 1)
              if (c == "\\") i++
              else if (c == q) break
            }
            out = out " 0 "
            continue
          }
          out = out c
        }
        return out
      }

      FNR == 1 {
        if (NR > 1) scan(file, code)
        file = FILENAME
        code = ""
        in_comment = 0
        continued = 0
      }
      {
        line = clean($0)
        if (continued || line ~ /^[ \t]*#/) {
          continued = (line ~ /\\[ \t]*$/)
          next
        }
        code = code " " line
      }
      END { if (NR > 0) scan(file, code) }
    ' "$@" | sort -u -k1,1
    ;;
  documented)
    awk '
      FNR == 1 { opened = 0 }
      {
        line = $0
        if (match(line, /\/\*\*[ \t]*[A-Za-z_][A-Za-z0-9_]*:([ \t]|$)/)) {
          name = substr(line, RSTART, RLENGTH)
          sub(/^\/\*\*[ \t]*/, "", name)
          sub(/:.*/, "", name)
          print name " " FILENAME
        } else if (opened && match(line, /^[ \t]*\*[ \t]*[A-Za-z_][A-Za-z0-9_]*:([ \t]|$)/)) {
          name = line
          sub(/^[ \t]*\*[ \t]*/, "", name)
          sub(/:.*/, "", name)
          print name " " FILENAME
        }
        opened = (line ~ /^[ \t]*\/\*\*[ \t]*$/)
      }
    ' "$@" | sort -u -k1,1
    ;;
  *) usage ;;
esac
