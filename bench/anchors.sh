#!/usr/bin/env bash
# Anchors for sitegen's build time: Hugo and Pelican build the same corpus.
#
#   bench/anchors.sh [--runs K] [--json PATH] [--corpus JSONL.XZ] [SIZES...]
#                                           (default: 1000 10000, K=3, synthetic articles)
#   bench/anchors.sh 200                    (a quick check)
#   bench/anchors.sh --corpus ../shared/corpus/ant-2018.jsonl.xz 1000 10000 30000
#
# For each size N: the site folder from `bench/run.py --prepare-only` (N make_corpus
# articles, or with --corpus N real articles drawn from it), converted by bench/anchors/convert.py into a Hugo site (Debian's hugo, a list
# and a single template, no theme) and a Pelican site (default theme, in its own venv).
# Then K rounds of cold builds, in the order hugo, sitegen, pelican, sitegen, so each
# anchor has a sitegen run beside it and slow drift of the machine cancels in the ratios:
#   hugo:    public/, resources/ and its cache dir deleted first;
#   sitegen: output/, .sitegen-cache/ deleted first (a real first build, cache written);
#   pelican: output/ and cache/ deleted first.
# Each run is measured by bench/measure.py (wall, CPU of the child and its reaped
# workers, peak RSS of its largest process, sampled peak PSS of the whole tree), and
# bench/anchors/report.py prints medians and the ratios sitegen/Hugo and Pelican/sitegen.
#
# Environment: CORPUS_DIR (default /tmp/sitegen-bench/corpora, shared with bench/run.py),
# PELICAN_VENV (default /tmp/sitegen-bench/venv-pelican), PYTHON (the project's python).
# Installs what is missing: `apt-get install hugo`, and pelican + markdown into the venv.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
CORPUS_DIR="${CORPUS_DIR:-/tmp/sitegen-bench/corpora}"
PELICAN_VENV="${PELICAN_VENV:-/tmp/sitegen-bench/venv-pelican}"
PY="$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')"  # past pyenv's shim
RUNS=3
JSON=""
CORPUS=()
SIZES=()
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --json) JSON="$2"; shift 2 ;;
    --corpus) CORPUS=(--corpus "$2"); shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) SIZES+=("$1"); shift ;;
    *) echo "anchors.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
((${#SIZES[@]})) || SIZES=(1000 10000)

say() { printf '%s\n' "$*" >&2; }
code_digest() {  # of sitegen's code and theme, to notice an edit during the benchmark
  (cd "$BENCH" && "$PY" -c 'import run; print(run.code_digest())')
}

# --- the tools ---------------------------------------------------------------------------------
if ! command -v hugo >/dev/null; then
  say "installing Debian's hugo ..."
  apt-get install -y -qq hugo >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hugo; }
fi
HUGO="$(command -v hugo)"
if [[ ! -x "$PELICAN_VENV/bin/pelican" ]]; then
  say "installing pelican and markdown into $PELICAN_VENV ..."
  "$PY" -m venv "$PELICAN_VENV"
  "$PELICAN_VENV/bin/pip" install -q pelican markdown
fi
PELICAN="$PELICAN_VENV/bin/pelican"
say "$("$HUGO" version | cut -d' ' -f1-2); pelican $("$PELICAN" --version); sitegen $(
  PYTHONPATH="$REPO" "$PY" -m sitegen --version | cut -d' ' -f2)"

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$CORPUS_DIR"
RESULTS="$CORPUS_DIR/anchors-$STAMP.jsonl"
: >"$RESULTS"
OUTPUTS=()
CODE="$(code_digest)"
CODE_CHANGED=""

measure() {  # measure LABEL LOG OK_CODES CWD -- CMD...
  local label="$1" log="$2" ok="$3" cwd="$4"
  shift 5
  "$PY" "$BENCH/measure.py" --label "$label" --cwd "$cwd" --log "$log" --ok "$ok" \
    --out "${OUT:-$RESULTS}" -- "$@" >/dev/null
}

for N in "${SIZES[@]}"; do
  SITE="$("$PY" "$BENCH/run.py" --prepare-only --sizes "$N" --corpus-dir "$CORPUS_DIR" "${CORPUS[@]}")"
  say "converting $SITE for Hugo and Pelican ..."
  "$PY" "$BENCH/anchors/convert.py" "$SITE" >/dev/null
  LOGS="$SITE/bench-logs"
  mkdir -p "$LOGS"
  for tool in hugo sitegen pelican; do : >"$LOGS/anchors-$tool.log"; done

  hugo_cold() {
    rm -rf "$SITE/hugo/public" "$SITE/hugo/resources" "$SITE/hugo/.hugo-cache"
    measure "$N hugo $1" "$LOGS/anchors-hugo.log" 0 "$SITE/hugo" -- \
      "$HUGO" --source "$SITE/hugo" --cacheDir "$SITE/hugo/.hugo-cache"
  }
  sitegen_cold() {
    rm -rf "$SITE/output" "$SITE/.sitegen-cache" "$SITE"/.output*
    measure "$N $2 $1" "$LOGS/anchors-sitegen.log" 0,1 "$SITE" -- \
      env -u PYTHONDONTWRITEBYTECODE PYTHONPATH="$REPO" \
      PYTHONPYCACHEPREFIX=/tmp/sitegen-bench/pycache "$PY" -m sitegen build -q
  }
  pelican_cold() {
    rm -rf "$SITE/pelican/output" "$SITE/pelican/cache"
    measure "$N pelican $1" "$LOGS/anchors-pelican.log" 0 "$SITE/pelican" -- \
      "$PELICAN" content -s pelicanconf.py -o output
  }

  say "$N articles: warm-up builds (untimed) ..."
  OUT=/dev/null hugo_cold 0  # not figures: the first runs fill the OS's file cache
  OUT=/dev/null pelican_cold 0
  for ((k = 1; k <= RUNS; k++)); do
    hugo_cold "$k"
    sitegen_cold "$k" sitegen-h
    pelican_cold "$k"
    sitegen_cold "$k" sitegen-p
    say "$N articles, round $k/$RUNS: $(tail -n 4 "$RESULTS" | "$PY" -c '
import json, sys
print(", ".join("%s %.1fs" % (m["label"].split()[1], m["wall"]) for m in map(json.loads, sys.stdin)))')"
    now="$(code_digest)"
    if [[ "$now" != "$CODE" ]]; then
      say "  sitegen's code or theme changed during this round ($CODE → $now)"
      CODE_CHANGED=1
      CODE="$now"
    fi
  done
  OUTPUTS+=(--output "$N:hugo=$SITE/hugo/public" --output "$N:sitegen=$SITE/output"
    --output "$N:pelican=$SITE/pelican/output")
done

say "measurements: $RESULTS"
status=0
"$PY" "$BENCH/anchors/report.py" "$RESULTS" "${OUTPUTS[@]}" ${JSON:+--json "$JSON"} || status=$?
if [[ -n "$CODE_CHANGED" ]]; then
  echo
  echo "WARNING: sitegen's code or theme changed during the benchmark: the figures mix versions."
fi
exit "$status"
