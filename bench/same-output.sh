#!/usr/bin/env bash
# Checks that `shipgate lint --format json` prints byte-identical output over the corpora before and
# after a change (for optimisations, which must not change behaviour).
#
#   bench/same-output.sh save BINARY [DIR]    records the outputs of BINARY into DIR
#   bench/same-output.sh check BINARY [DIR]   compares BINARY's outputs with DIR's
#
# DIR defaults to /tmp/shipgate-same-output. Corpora: realworld, actionlint-ok, realworld-2021
# under /work/shared/corpus (*.yml / *.yaml at most one level down, all files as arguments).
set -euo pipefail

MODE=$1
BINARY=$(realpath "$2")
DIR=${3:-/tmp/shipgate-same-output}
CORPORA=(realworld actionlint-ok realworld-2021)
mkdir -p "$DIR"
status=0
for corpus in "${CORPORA[@]}"; do
    root=/work/shared/corpus/$corpus
    out=$(cd "$root" && find . -mindepth 1 -maxdepth 2 -type f \( -name '*.yml' -o -name '*.yaml' \) | sort | sed 's|^\./||' \
        | xargs "$BINARY" lint --format json; echo "exit=$?")
    case $MODE in
        save) printf '%s\n' "$out" >"$DIR/$corpus.json"; echo "saved $corpus ($(wc -c <"$DIR/$corpus.json") bytes)" ;;
        check)
            if printf '%s\n' "$out" | cmp -s - "$DIR/$corpus.json"; then echo "same: $corpus"
            else echo "DIFFERENT: $corpus"; status=1; fi ;;
        *) echo "usage: $0 save|check BINARY [DIR]" >&2; exit 2 ;;
    esac
done
exit $status
