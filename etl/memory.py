"""Giving memory back to the system as soon as the ETL frees it, so that its peak is what it needs at once.

Three things keep freed memory in the process by default, each worth hundreds of megabytes on the
full data set:
- Arrow's default allocator (mimalloc) keeps the pages of freed buffers for reuse;
- glibc's malloc raises its threshold for giving a large block its own mapping each time such a
  block is freed, so that later large blocks come from the heap and stay there once freed;
- Python keeps freed tuples, lists and dicts on free lists, and a few of them pin whole 1 MB arenas
  of small objects; only a full garbage collection clears those lists.

Mapping every large block apart has a price: each one is fresh pages, zeroed by the kernel, and the
phases that make and drop thousands of large arrays (the neighbour search) spend seconds on it. They
run `reusing_freed_blocks()`, which lets malloc reuse freed blocks and gives them back at the end.
"""

import ctypes
import ctypes.util
import functools
import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h
_MMAP_THRESHOLD = 128 * 1024  # glibc's default, made fixed
_REUSE_THRESHOLD = 32 << 20  # glibc's largest


def return_freed_memory() -> None:
    """From now on, in this process: Arrow allocates with malloc, and malloc maps large blocks apart."""
    pa.set_memory_pool(pa.system_memory_pool())
    _set_mmap_threshold(_MMAP_THRESHOLD)


@contextmanager
def reusing_freed_blocks() -> Iterator[None]:
    """Within the block, malloc reuses freed blocks of up to 32 MB; after it, gives them back."""
    _set_mmap_threshold(_REUSE_THRESHOLD)
    try:
        yield
    finally:
        _set_mmap_threshold(_MMAP_THRESHOLD)
        libc = _glibc()
        if libc is not None:
            libc.malloc_trim(0)


def release_free_lists() -> None:
    """Let go of the arenas that Python's free lists pin (after a phase that made many objects)."""
    gc.collect()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def _set_mmap_threshold(size: int) -> None:
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, size)


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (other C libraries are left as they are). Found once:
    `find_library` runs `ldconfig`, a fork of this process that may be large by then."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None
