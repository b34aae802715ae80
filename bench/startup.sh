#!/usr/bin/env bash
# Start-up of an app's command line, as users run the built program (not `dotnet run`): `--help` (start-up
# alone) and `synth` of examples/Orders, from the Release build and from a ReadyToRun publish of the same
# program. Prints wall and CPU (user + system) time per run; needs hyperfine (apt-get install hyperfine).
# Run on an idle machine: wall times on a loaded one mostly measure the wait for a core.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(mktemp -d -t stelvio-startup.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
RID="${RID:-linux-x64}"

dotnet build examples/Orders -c Release --nologo -v quiet
dotnet publish examples/Orders -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true --nologo -v quiet -o "$OUT/r2r"
BUILT=examples/Orders/bin/Release/net10.0/Orders
R2R="$OUT/r2r/Orders"

hyperfine -N --warmup 3 --runs "${RUNS:-20}" \
  -n "built --help" "$BUILT --help" \
  -n "built synth" "$BUILT synth --stage bench --output $OUT/synth" \
  -n "ReadyToRun --help" "$R2R --help" \
  -n "ReadyToRun synth" "$R2R synth --stage bench --output $OUT/synth"

# How many methods the JIT compiles in each case (what ReadyToRun saves).
for program in "$BUILT" "$R2R"; do
  rm -f "$OUT/jit.txt"  # the JIT appends to it
  DOTNET_JitStdOutFile="$OUT/jit.txt" DOTNET_JitDisasmSummary=1 "$program" synth --stage bench --output "$OUT/synth" >/dev/null
  echo "$program synth: $(grep -c 'JIT compiled' "$OUT/jit.txt") methods compiled by the JIT"
done
