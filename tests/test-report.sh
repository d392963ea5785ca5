#!/bin/sh
# The HTML report: `tamis run --format html` and `tamis report` over
# examples/corpus (and ../shared/corpus/seeds when present), then the page
# opened in headless Chromium through chromedriver (tests/report-check.py):
# spans against the records, charts, search, no network, no console error.
# The browser part is skipped when Chromium or chromedriver is missing; the
# screenshots stay in the build tree (tests/report-*.png).
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"
CORPUS="$EXAMPLES/corpus"
SEEDS="$TAMIS_SRCDIR/../shared/corpus/seeds"
SHOTS="$TAMIS_BUILDDIR/tests"

# Documents that try the page: astral characters before spans (offsets are
# code points), and text that would end a script element or open a comment.
cat >"$T/tricky.jsonl" <<'EOT'
{"id": "emoji", "text": "😀😀 Meta a dépensé 65 milliards de dollars en 2025, selon Mark Zuckerberg. 🚀"}
{"id": "</script>", "text": "Microsoft </script><!-- <script> va investir 80 milliards de dollars, un pari jugé risqué.\u2028Fin\u2029."}
EOT

run_ok () { "$TAMIS" "$@" 2>"$T/err"; s=$?; [ -s "$T/err" ] && tap_diag "$T/err"; [ $s -eq 0 ]; }
records () { sed -n '/class="tamis-records"/,/id="tamis-meta"/p' "$1"; }
summary_in () {
  sed -n '/id="tamis-summary"/,/<\/script>/p' "$1" | sed -e '1s/^.*id="tamis-summary">//' -e '/^<\/script>$/d'
}

check "tamis run --format html writes a page" \
  run_ok run --format html -o "$T/run.html" "$NEWS" "$CORPUS" "$T/tricky.jsonl"
check "the page starts as HTML" sh -c "head -c 15 '$T/run.html' | grep -q '^<!DOCTYPE html>'"
check "-o FILE.html chooses the html format" \
  sh -c "'$TAMIS' run -o '$T/auto.html' '$NEWS' '$CORPUS' '$T/tricky.jsonl' && cmp -s '$T/auto.html' '$T/run.html'"
check "the page loads nothing from elsewhere" \
  sh -c "! grep -E -q '(src|href)=\"|url\\(|@import' '$T/run.html'"
check "no record text ends a script element" \
  sh -c "[ \$(grep -o '</script>' '$T/run.html' | wc -l) -eq \$(grep -o '<script' '$T/run.html' | wc -l) ]"

# The same records through tamis report give the same blocks.
sed 's/^  format: jsonl/  format: jsonl\n  text: true/' "$NEWS" >"$T/news-text.yaml"
check "records with text for tamis report" \
  run_ok run -o "$T/run.jsonl" "$T/news-text.yaml" "$CORPUS" "$T/tricky.jsonl"
check "tamis report writes a page" run_ok report -o "$T/report.html" "$T/run.jsonl"
records "$T/run.html" >"$T/run.records"
records "$T/report.html" >"$T/report.records"
check "tamis report embeds the records as the html run does" cmp -s "$T/run.records" "$T/report.records"
check "tokens are left out of the records" sh -c "! grep -q '\"token\":' '$T/run.records'"
check "the summary is in the page" grep -q '"tamis_summary": 1' "$T/run.html"
check "the html run's summary is the run's --summary" \
  sh -c "'$TAMIS' run -o '$T/s.html' --summary '$T/s.json' '$NEWS' '$CORPUS' && [ \"\$(cat '$T/s.json')\" = \"\$(sed -n '/id=\"tamis-summary\"/,/<\\/script>/p' '$T/s.html' | sed -e '1s/^.*id=\"tamis-summary\">//' -e '/^<\\/script>\$/d')\" ]"
check "tamis report --summary draws that summary" run_ok report -o "$T/given.html" --summary "$T/s.json" "$T/run.jsonl"
summary_in "$T/given.html" >"$T/given.json"
check "the page holds the summary given" cmp -s "$T/s.json" "$T/given.json"
check "records without text" run_ok run -o "$T/bare.jsonl" "$NEWS" "$CORPUS"
check "tamis report of records without text" run_ok report -o "$T/bare.html" "$T/bare.jsonl"
check "tamis report refuses a line that is not a record" \
  sh -c "! echo '[1, 2]' | '$TAMIS' report -o '$T/bad.html' - 2>/dev/null && [ ! -e '$T/bad.html' ]"

# ---- in the browser ----
browse () {
  name=$1
  shift
  python3 "$TAMIS_SRCDIR/tests/report-check.py" "$@" >"$T/browse.out" 2>&1
  status=$?
  if [ $status -eq 77 ]; then
    tap_skip "$name in Chromium: $(tail -n 1 "$T/browse.out")"
    return
  fi
  while IFS= read -r line; do
    case "$line" in
      PASS\ *) tap_ok "$name: ${line#PASS }" ;;
      FAIL\ *) tap_not_ok "$name: ${line#FAIL }" ;;
      *) echo "# $line" ;;
    esac
  done <"$T/browse.out"
  [ $status -eq 0 ] || [ $status -eq 1 ] || tap_not_ok "$name: report-check.py failed ($status)"
}

if ! command -v python3 >/dev/null 2>&1; then
  tap_skip "the pages in Chromium: python3 is not installed"
elif [ ! -x "${TAMIS_CHROMIUM:-/usr/bin/chromium}" ] || [ ! -x "${TAMIS_CHROMEDRIVER:-/usr/bin/chromedriver}" ]; then
  tap_skip "the pages in Chromium: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
else
  browse "html run" "$T/run.html" --screenshot "$SHOTS/report-corpus.png"
  browse "tamis report without text" "$T/bare.html"
  if [ -d "$SEEDS" ]; then
    "$TAMIS" run -o "$T/seeds.html" "$NEWS" "$SEEDS" 2>/dev/null
    browse "seeds" "$T/seeds.html" --screenshot "$SHOTS/report-seeds.png"
  else
    tap_skip "seeds: ../shared/corpus/seeds is absent"
  fi
fi

tap_done
