"""Giving memory back to the system as soon as the ETL frees it, so that its peak is what it needs at once.

Three things keep freed memory in the process by default, each worth hundreds of megabytes on the
full data set:
- Arrow's default allocator (mimalloc) keeps the pages of freed buffers for reuse;
- glibc's malloc raises its threshold for giving a large block its own mapping each time such a
  block is freed, so that later large blocks come from the heap and stay there once freed;
- Python keeps freed tuples, lists and dicts on free lists, and a few of them pin whole 1 MB arenas
  of small objects; only a full garbage collection clears those lists.
"""

import ctypes
import ctypes.util
import gc

import pyarrow as pa

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h
_MMAP_THRESHOLD = 128 * 1024  # glibc's default, made fixed


def return_freed_memory() -> None:
    """From now on, in this process: Arrow allocates with malloc, and malloc maps large blocks apart."""
    pa.set_memory_pool(pa.system_memory_pool())
    libc_name = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(libc_name), "mallopt", None) if libc_name else None
    if mallopt is not None:  # glibc; other C libraries are left as they are
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


def release_free_lists() -> None:
    """Let go of the arenas that Python's free lists pin (after a phase that made many objects)."""
    gc.collect()
