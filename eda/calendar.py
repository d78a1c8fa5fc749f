"""Release month, weekday and decade of every film, from its ISO release date."""

import numpy as np
import pandas as pd

MONTHS = ("January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The names the service's first two queries accept, in the customer's language.
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio",
             "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def months(movies: pd.DataFrame) -> np.ndarray:
    """1 (January) to 12 per film."""
    return _days(movies).astype("datetime64[M]").astype(np.int64) % 12 + 1


def weekdays(movies: pd.DataFrame) -> np.ndarray:
    """0 (Monday) to 6 (Sunday) per film."""
    return (_days(movies).astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday


def decades(movies: pd.DataFrame) -> np.ndarray:
    return movies["release_year"].to_numpy() // 10 * 10


def _days(movies: pd.DataFrame) -> np.ndarray:
    return movies["release_date"].to_numpy(dtype="datetime64[D]")
