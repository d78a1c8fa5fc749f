"""Errors that stop a run: the input file cannot be read as the format we expect."""

from pathlib import Path


class InputFileError(Exception):
    """A raw input file that cannot be used. The message names the file, the line and the problem."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else f"{self.path}"
        super().__init__(f"{where}: {problem}")
