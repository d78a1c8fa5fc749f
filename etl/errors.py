"""Errors that stop a run: an input file cannot be read as expected, or the output cannot be written."""

from pathlib import Path

ECHO_LIMIT = 300  # characters of a value repeated in a message; a raw record is kept whole only in rejects.csv


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text`, cut to `limit` characters with a note of how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters in all)"


class InputFileError(Exception):
    """A raw input file that cannot be used. The message names the file, the line and the problem."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = clip(problem, 2_000)  # a bad header lists every column it lacks
        self.line = line
        where = f"{self.path}:{line}" if line is not None else f"{self.path}"
        super().__init__(f"{where}: {self.problem}")


class OutputError(Exception):
    """The output directory cannot be written. The message names it and says why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {problem}")
