"""Offline means offline: a batch over examples/ with the network blocked for the process.

Three views, each of which can fail on its own: a Python audit hook that blocks (and reports) every
non-loopback ``socket.connect``/``getaddrinfo``/``sendto`` made through Python; the system view, ``strace``
of every ``connect``/``sendto`` the process and its native threads make (onnxruntime's telemetry is C++,
which an audit hook cannot see); and a run inside a network namespace with no network (``unshare -n``).
Each run uses a temporary HOME, which must hold no ``.cache/Microsoft`` afterwards.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

GUARD = r"""
import ipaddress, socket, sys

def _loopback(host):
    if host in (None, "", "localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False

def _hook(event, args):
    where = None
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[1]
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            where = address
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        if not _loopback(args[0]):
            where = args[0]
    if where is not None:
        print(f"BLOCKED NETWORK {event} {where!r}", file=sys.stderr, flush=True)
        raise OSError(f"network access blocked by the presslens offline test: {event} {where!r}")

sys.addaudithook(_hook)
"""


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ORT_DISABLE_TELEMETRY", "HOME")}
    env.update(HOME=str(home), PYTHONIOENCODING="utf-8", no_proxy="", NO_PROXY="")
    return env


def _analyze_cmd(out: Path) -> list[str]:
    code = GUARD + "\nfrom presslens.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return [sys.executable, "-c", code, "analyze", str(EXAMPLES), "-o", str(out)]


def _check_batch(proc: subprocess.CompletedProcess[str], out: Path, home: Path) -> None:
    assert "BLOCKED NETWORK" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(reports) == len(list(EXAMPLES.rglob("*.txt"))) and all("article" in r for r in reports)
    assert not (home / ".cache" / "Microsoft").exists(), sorted(str(p) for p in home.rglob("*"))


def test_the_guard_blocks_a_connection(tmp_path: Path) -> None:
    """The audit hook is not vacuous: a connection to a documentation address is stopped and reported."""
    code = GUARD + "\nimport socket\nsocket.create_connection(('192.0.2.1', 80), timeout=1)\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(tmp_path),
                          check=False, timeout=60)
    assert proc.returncode != 0 and "BLOCKED NETWORK" in proc.stderr


def test_batch_makes_no_python_network_call_and_no_telemetry_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(_analyze_cmd(out), capture_output=True, text=True, env=_env(home), check=False,
                          timeout=900)
    _check_batch(proc, out, home)


def _strace_works() -> str | None:
    if shutil.which("strace") is None:
        return "strace is not installed"
    probe = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", os.devnull, "true"],
                           capture_output=True, text=True, check=False)
    return None if probe.returncode == 0 else f"strace cannot trace here: {probe.stderr.strip()[:120]}"


_INET = re.compile(r"sa_family=AF_INET6?, .*?(?:sin_addr=inet_addr\(\"(?P<v4>[^\"]+)\"\)|inet_pton\(AF_INET6, \"(?P<v6>[^\"]+)\")")


def _remote_connects(trace: Path) -> list[str]:
    remote = []
    for line in trace.read_text().splitlines():
        m = _INET.search(line)
        if m and not (m.group("v4") or "").startswith("127.") and m.group("v6") not in ("::1",):
            remote.append(line)
    return remote


def test_strace_check_sees_a_connection(tmp_path: Path) -> None:
    """The system-level check is not vacuous: strace's record of a plain connect is recognised as remote."""
    reason = _strace_works()
    if reason:
        pytest.skip(reason)
    trace = tmp_path / "strace.txt"
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=0.2)\nexcept OSError:\n    pass\n"
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), sys.executable, "-c", code],
                   capture_output=True, check=False, timeout=60)
    assert _remote_connects(trace)


def test_no_native_thread_connects_either(tmp_path: Path) -> None:
    reason = _strace_works()
    if reason:
        pytest.skip(reason)
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out.jsonl"
    trace = tmp_path / "strace.txt"
    cmd = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *_analyze_cmd(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(home), check=False, timeout=900)
    _check_batch(proc, out, home)
    assert _remote_connects(trace) == []


def _unshare_prefix() -> list[str] | None:
    if shutil.which("unshare") is None:
        return None
    for prefix in (["unshare", "-n", "--"], ["unshare", "-rn", "--"]):
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return prefix
    return None


def test_batch_runs_without_any_network(tmp_path: Path) -> None:
    prefix = _unshare_prefix()
    if prefix is None:
        pytest.skip("no network namespace here: unshare is missing or not permitted (needs root or user namespaces)")
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([*prefix, *_analyze_cmd(out)], capture_output=True, text=True, env=_env(home),
                          check=False, timeout=900)
    _check_batch(proc, out, home)


def test_presslens_sets_the_variable_before_onnxruntime_loads(tmp_path: Path) -> None:
    code = "import presslens.encoder, os, sys; sys.exit(0 if os.environ.get('ORT_DISABLE_TELEMETRY') == '1' else 3)"
    proc = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), check=False, timeout=300)
    assert proc.returncode == 0
    assert not (tmp_path / ".cache" / "Microsoft").exists()
