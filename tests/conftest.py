from pathlib import Path

import pytest

from tests.real_sample import Sample, find_sample, sample_dir

pytest_plugins = ["tests.browser"]


@pytest.fixture(scope="session")
def sample() -> Sample:
    found = find_sample()
    if found is None:
        pytest.fail(
            f"the real data sample is not in {sample_dir()}: it is committed in data/sample/; "
            "MOVIES_SAMPLE_DIR, when set, must hold movies_dataset.csv[.gz] and credits.csv[.gz]"
        )
    return found


@pytest.fixture(scope="session")
def sample_output(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from etl.pipeline import run

    out = tmp_path_factory.mktemp("sample") / "processed"
    run(sample.movies, sample.credits, out)
    return out


@pytest.fixture(scope="session")
def api_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests import api_data

    return api_data.build(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="session")
def live_api(api_data_dir: Path):
    """The port of `python -m graphql_api` serving the small data set, for the whole session."""
    from tests.live_server import live_server

    with live_server(api_data_dir) as port:
        yield port


@pytest.fixture(scope="session")
def api_model(api_data_dir: Path):
    from graphql_api.data.loader import load

    return load(api_data_dir)


@pytest.fixture(scope="session")
def sample_model(sample_output: Path):
    from graphql_api.data.loader import load

    return load(sample_output)
