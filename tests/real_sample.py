"""Where the tests find the real sample: the committed data/sample/, or MOVIES_SAMPLE_DIR."""

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

COMMITTED_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


@dataclass(frozen=True)
class Sample:
    """The sample's two raw files, each plain (.csv) or gzip-compressed (.csv.gz)."""

    movies: Path
    credits: Path


def sample_dir() -> Path:
    configured = os.environ.get("MOVIES_SAMPLE_DIR")
    return Path(configured) if configured else COMMITTED_DIR


def find_sample() -> Sample | None:
    directory = sample_dir()
    movies, credits = _plain_or_gzipped(directory / "movies_dataset.csv"), _plain_or_gzipped(directory / "credits.csv")
    if movies is None or credits is None:
        return None
    return Sample(movies, credits)


def uncompressed(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _plain_or_gzipped(path: Path) -> Path | None:
    for candidate in (path, path.with_name(f"{path.name}.gz")):
        if candidate.is_file():
            return candidate
    return None
