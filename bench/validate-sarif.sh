#!/usr/bin/env bash
# Validate `shipgate lint --format sarif` against the SARIF 2.1.0 JSON schema.
#
#   bench/validate-sarif.sh SCHEMA_FILE [CORPUS_DIR] [OUT_DIR]
#
# SCHEMA_FILE: sarif-schema-2.1.0.json (OASIS, draft-07). CORPUS_DIR defaults to
# /work/shared/corpus/realworld (*.yml / *.yaml one level down), OUT_DIR to /tmp/sarif-validate.
# Lints the corpus (one log) and each bad fixture of Tests/LintTests/Fixtures (one log each),
# then checks every log with check-jsonschema (from PyPI, in a venv under /tmp; rfc3987 added
# so the schema's "uri" / "uri-reference" formats are checked too). Exit 1 if any log fails.
set -euo pipefail

cd "$(dirname "$0")/.."
SCHEMA=$(realpath "${1:?usage: bench/validate-sarif.sh SCHEMA_FILE [CORPUS_DIR] [OUT_DIR]}")
CORPUS=${2:-/work/shared/corpus/realworld}
OUT=${3:-/tmp/sarif-validate}
VENV=${SHIPGATE_SARIF_VENV:-/tmp/sarif-validate-venv}
SCRATCH=${SHIPGATE_SARIF_BUILD:-/tmp/sarif-build}
FIXTURES=$PWD/Tests/LintTests/Fixtures

python3 -m json.tool "$SCHEMA" >/dev/null || { echo "$SCHEMA: not JSON" >&2; exit 2; }
if [ ! -x "$VENV/bin/check-jsonschema" ]; then
    echo "installing check-jsonschema into $VENV…" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet check-jsonschema rfc3987
fi

echo "building shipgate (release)…" >&2
swift build -c release --product shipgate --scratch-path "$SCRATCH" >&2
SHIPGATE="$SCRATCH/release/shipgate"
mkdir -p "$OUT"

# lint OUT_FILE DIR FILE... : SARIF of FILE... (paths relative to DIR); exit 1 = findings, fine.
lint() {
    local out=$1 dir=$2; shift 2
    local rc=0
    (cd "$dir" && "$SHIPGATE" lint --format sarif "$@") >"$out" || rc=$?
    [ "$rc" -le 1 ] || { echo "shipgate lint exited $rc for $out" >&2; exit 2; }
    LOGS+=("$out")
}
LOGS=()
shopt -s nullglob
corpus_files=()
for f in "$CORPUS"/*/*.yml "$CORPUS"/*/*.yaml; do corpus_files+=("${f#"$CORPUS"/}"); done
[ ${#corpus_files[@]} -gt 0 ] || { echo "no workflows under $CORPUS" >&2; exit 2; }
lint "$OUT/realworld.sarif" "$CORPUS" "${corpus_files[@]}"
while IFS= read -r f; do
    name=$(echo "${f%.*}" | tr / _)
    lint "$OUT/fixture-$name.sarif" "$FIXTURES" "$f"
done < <(cd "$FIXTURES" && find bad -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)

failed=0
for log in "${LOGS[@]}"; do
    if "$VENV/bin/check-jsonschema" --schemafile "$SCHEMA" "$log" >"$log.check" 2>&1; then
        echo "PASS $log"
    else
        echo "FAIL $log"; sed 's/^/    /' "$log.check"; failed=1
    fi
done
exit $failed
