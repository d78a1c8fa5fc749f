"""The deploy rehearsal (`make deploy-check`) as CI runs it: HEAD cloned, installed, built and started as on Render.

Marked `deploy` and slow (a fresh virtual environment and `pip install -r requirements.txt`: about a
minute here). It rehearses the committed HEAD; run `pytest -m "not deploy"` to leave it out.
"""

import re
import subprocess
import sys

import pytest

from tests.fixtures import REPO

pytestmark = pytest.mark.deploy


def test_the_rehearsal_deploys_head_serving_the_sample_and_answering_the_contract():
    result = subprocess.run(
        [sys.executable, "-m", "deploy.check", "--queries", "10"],
        cwd=REPO, capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    assert "uncommitted changes are not rehearsed" in output
    for phase in ("clone", "venv+install", "build", "start", "end to end"):
        assert re.search(rf"^{re.escape(phase)} +\d+\.\d  ", output, flags=re.MULTILINE), f"no {phase} figure"
    assert "build: data/processed: 2,993 films from the sample in data/sample, dataset 'sample'" in output
    assert re.search(r"server: \d+\.\d\d CPU-seconds \(user\+system\) from start to the first 200 on /healthz", output)
    assert re.search(r"peak \d+ MB \(sampled every 100 ms from start through 10 contract queries", output)
    assert re.search(r'/healthz: 200 in \d+ ms, dataset "sample", 2,993 films', output)
    assert "listening on 0.0.0.0 port" in output
    assert '"Toy Story", "Tom Hanks", "John Lasseter" answer with real data' in output
