"""The bundled rule pack ships inside the wheel: install it into a fresh venv and run it from
an unrelated directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_checks_from_any_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("postcheck-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # Dependencies come from the test environment (no network needed); postcheck itself must
    # come from the wheel, which the .pth-added path does not contain (editable installs use
    # their own .pth files, which are not processed from an added directory).
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(env_dir / "bin" / "postcheck"), "check", "--format", "json", "--account",
         "personal", "Great day at BSFC"],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"][0]["rule"] == "DISC-MISSING"
    where = subprocess.run(
        [str(python), "-c", "import postcheck, sys; print(postcheck.__file__)"],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=True,
    ).stdout  # fmt: skip
    assert str(env_dir) in where
    packed = subprocess.run(
        [str(env_dir / "bin" / "postcheck"), "explain", "DISC-MISSING"],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=True,
    ).stdout  # fmt: skip
    assert "1. Scope" in packed  # the policy text ships in the wheel too
