"""/healthz says which data set it serves: the committed sample, a full data set, or part of one."""

import hashlib
import re

from fastapi.testclient import TestClient

from graphql_api.web.app import create_app
from graphql_api.web.dataset import SAMPLE_SHA256, dataset_name
from tests.real_sample import COMMITTED_DIR, uncompressed


def health(model) -> dict:
    with TestClient(create_app(model)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    return response.json()


def test_the_committed_sample_is_named_sample(sample_model):
    assert health(sample_model)["dataset"] == "sample"


def test_a_small_data_set_is_partial(api_model):
    body = health(api_model)
    assert body["dataset"] == "partial"
    assert body["inputs"]["movies"]["rows_loaded"] == 7


def test_forty_thousand_films_or_more_are_full():
    inputs = {"movies": {"sha256": "0" * 64, "rows_loaded": 45_349}, "credits": {"sha256": "1" * 64}}
    assert dataset_name(inputs) == "full"
    assert dataset_name({**inputs, "movies": {"sha256": "0" * 64, "rows_loaded": 39_999}}) == "partial"


def test_a_full_sized_copy_of_the_sample_inputs_is_still_the_sample():
    inputs = {name: {"sha256": digest, "rows_loaded": 45_000} for name, digest in SAMPLE_SHA256.items()}
    assert dataset_name(inputs) == "sample"


def test_sample_checksums_are_those_of_the_committed_files_and_their_readme():
    readme = (COMMITTED_DIR / "README.md").read_text(encoding="utf-8")
    for name, file in (("movies", "movies_dataset.csv.gz"), ("credits", "credits.csv.gz")):
        path = COMMITTED_DIR / file
        row = re.search(rf"^\| `{path.name}` .*`([0-9a-f]{{64}})` \|$", readme, flags=re.MULTILINE)
        assert row is not None, f"data/sample/README.md lists no sha256 for {path.name}"
        assert row.group(1) == SAMPLE_SHA256[name] == hashlib.sha256(uncompressed(path)).hexdigest()
