"""Which data set the served tables were built from, told by the manifest's inputs."""

from collections.abc import Mapping
from typing import Any

# sha256 of the uncompressed files committed in data/sample/ (its README lists them too).
SAMPLE_SHA256 = {
    "movies": "28a12d277d694927cfec8dac08347e87da6e4eff7ca330e5556c19b75c45aa63",
    "credits": "0ef3cded74cc652289ce0feed3b3accee75a29630f34ad3ff0712c56ca404680",
}
FULL_MIN_FILMS = 40_000  # The Movies Dataset has about 45,000 films


def dataset_name(inputs: Mapping[str, Mapping[str, Any]]) -> str:
    """'sample' for the committed sample, 'full' for 40,000 films or more, 'partial' for anything smaller."""
    if all(inputs[name]["sha256"] == digest for name, digest in SAMPLE_SHA256.items()):
        return "sample"
    if inputs["movies"]["rows_loaded"] >= FULL_MIN_FILMS:
        return "full"
    return "partial"
