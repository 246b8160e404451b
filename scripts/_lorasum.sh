# Sourced by the scripts beside it: run lorasum from the project's .venv when there is one, else from PATH.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -x "$here/.venv/bin/lorasum" ]; then LORASUM="$here/.venv/bin/lorasum"
elif command -v lorasum >/dev/null 2>&1; then LORASUM="lorasum"
else LORASUM="python -m lorasum"; fi
