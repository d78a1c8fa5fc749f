import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytest_plugins = ["tests.browser"]


def sample_dir() -> Path | None:
    configured = os.environ.get("MOVIES_SAMPLE_DIR")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "data" / "movies-sample"
    if (candidate / "movies_dataset.csv").is_file() and (candidate / "credits.csv").is_file():
        return candidate
    return None


@pytest.fixture(scope="session")
def sample() -> Path:
    found = sample_dir()
    if found is None:
        pytest.skip(
            "the real data sample is not here: put it in ../shared/data/movies-sample or point MOVIES_SAMPLE_DIR at it"
        )
    return found


@pytest.fixture(scope="session")
def sample_output(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from etl.pipeline import run

    out = tmp_path_factory.mktemp("sample") / "processed"
    run(sample / "movies_dataset.csv", sample / "credits.csv", out)
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


CONTRACT_QUERY = """
{
  mes: releasesInMonth(month: "enero") { count message }
  dia: releasesOnWeekday(day: "sábado") { count message }
  score: titleScore(title: "Toy Story") {
    message suggestions
    matches { title releaseYear score message movie { id } }
  }
  votos: titleVotes(title: "Cinderella") {
    message suggestions
    matches { title releaseYear voteCount voteAverage meetsThreshold message movie { id } }
  }
  actor: actor(name: "Tom Hanks") {
    message suggestions
    matches { filmCount totalReturn averageReturn message person { id name } }
  }
  director: director(name: "John Lasseter") {
    message suggestions
    matches { filmCount totalReturn averageReturn message person { id name }
      films { title releaseDate return budget revenue movie { id } } }
  }
}
"""
