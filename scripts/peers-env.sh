#!/usr/bin/env bash
# Create (idempotently) the peers virtualenv at target/peers-venv and install
# scripts/requirements-peers.txt into it. Prints the venv's python path as the
# last line of stdout. Re-running is cheap: the install is skipped when the
# stamp file matches the hash of the requirements file.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
req="$repo_root/scripts/requirements-peers.txt"
venv="$repo_root/target/peers-venv"
py="$venv/bin/python"
stamp="$venv/.requirements.sha256"

die() { echo "peers-env.sh: ERROR: $*" >&2; exit 1; }

[ -f "$req" ] || die "requirements file not found: $req"
command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH"

want="$(sha256sum "$req" | cut -d' ' -f1)"

if [ ! -x "$py" ]; then
    mkdir -p "$repo_root/target"
    echo "peers-env.sh: creating virtualenv at $venv" >&2
    python3 -m venv "$venv" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
fi

have=""
[ -f "$stamp" ] && have="$(cat "$stamp")"

if [ "$have" != "$want" ]; then
    echo "peers-env.sh: installing $(basename "$req") into $venv" >&2
    "$py" -m pip install --quiet --disable-pip-version-check -r "$req" >&2 \
        || die "pip install -r $req failed"
    # Check every pinned peer imports before stamping. A peer that does not
    # import is reported here (and SKIPPED by the eval/bench scripts); the
    # stamp is then not written so the next run tries again.
    ok=1
    for mod in pysbd sentencex blingfire; do
        if ! "$py" -c "import $mod" >/dev/null 2>&1; then
            echo "peers-env.sh: WARNING: peer '$mod' installed but does not import" >&2
            ok=0
        fi
    done
    if [ "$ok" = 1 ]; then echo "$want" > "$stamp"; fi
fi

echo "$py"
