"""A running process and its children seen from /proc: CPU-seconds, resident memory, listening sockets."""

import os
import threading
from pathlib import Path
from types import TracebackType

_TICKS = os.sysconf("SC_CLK_TCK")
_LISTEN = "0A"  # the TCP state of a listening socket in /proc/net/tcp


def _stat_fields(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name; the first is field 3 (state)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def tree(pid: int) -> list[int]:
    """`pid` and every live descendant."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents.setdefault(int(_stat_fields(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue  # the process ended while /proc was read
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(parents.get(current, []))
    return found


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of `pid` and its live descendants (utime and stime of /proc/PID/stat)."""
    total = 0
    for member in tree(pid):
        try:
            fields = _stat_fields(member)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / _TICKS


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def resident_mb(pid: int) -> float:
    """Resident memory of `pid` and its live descendants."""
    return sum(_status_kb(member, "VmRSS") for member in tree(pid)) / 1024


def high_water_mb(pid: int) -> float:
    """The kernel's peak resident memory (VmHWM) of `pid` and its live descendants, added up."""
    return sum(_status_kb(member, "VmHWM") for member in tree(pid)) / 1024


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on TCP `port` ('0.0.0.0' for every IPv4 interface)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == _LISTEN and int(port_hex, 16) == port:
                found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    if len(hex_address) == 8:  # IPv4, little-endian
        return ".".join(str(int(hex_address[i : i + 2], 16)) for i in (6, 4, 2, 0))
    return "::" if int(hex_address, 16) == 0 else hex_address


class MemorySampler:
    """Samples the resident memory of a process tree every `interval` seconds and keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self._pid = pid
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.peak_mb = 0.0
        self.samples = 0

    def _sample(self) -> None:
        self.peak_mb = max(self.peak_mb, resident_mb(self._pid))
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def __enter__(self) -> "MemorySampler":
        self._sample()
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
