"""A deterministic, seeded generator of raw files in the format of Kaggle's "The Movies Dataset".

`generate(out_dir, movies, seed)` writes `movies_dataset.csv` and `credits.csv`, byte for byte in
the real files' format and with their quirks, but with invented titles and people. Command line:
`python -m etl.generate --out DIR [--movies N] [--seed S] [--demo]`.
"""

from etl.generate.dataset import CREDITS_FILE, MOVIES_FILE, GeneratedFiles, generate
from etl.generate.scale import DEFAULT_SEED, DEMO_MOVIES, FULL_SCALE_MOVIES

__all__ = [
    "CREDITS_FILE",
    "DEFAULT_SEED",
    "DEMO_MOVIES",
    "FULL_SCALE_MOVIES",
    "MOVIES_FILE",
    "GeneratedFiles",
    "generate",
]
