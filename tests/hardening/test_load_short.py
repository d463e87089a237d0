"""A short run of bin/loadtest.py: gunicorn on loopback under a small load answers without error.

The full run (60 s at 32 connections) is `bin/loadtest.py` by hand; its figures are in
docs/operations.md.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_short_load_on_gunicorn_gets_no_errors():
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [
            sys.executable,
            "bin/loadtest.py",
            "--seconds",
            "4",
            "--connections",
            "4",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "errors: 0" in result.stdout
    requests = int(result.stdout.split("requests: ")[1].split(",")[0])
    assert requests > 20, result.stdout
